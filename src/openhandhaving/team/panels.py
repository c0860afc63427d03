"""Start page panels of the team app, one per role (see core.views.start_panels)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from openhandhaving.team.roster import day_bounds, week_monday
from openhandhaving.team.selectors import (
    absences_on,
    districts_without_district_officer,
    local_tz,
    officer_for_user,
    officer_shifts,
    officer_wijken,
    responsibilities_now,
    shifts_on,
)


def officer_panel(request: HttpRequest) -> tuple[str, dict]:
    """My shifts this week and my wijk with its backup."""
    officer = officer_for_user(user=request.user)
    context: dict = {"officer": officer}
    if officer is not None:
        monday = week_monday(timezone.localdate())
        start = day_bounds(monday, local_tz())[0]
        end = day_bounds(monday + dt.timedelta(days=6), local_tz())[1]
        context["shifts"] = officer_shifts(officer=officer, start=start, end=end)
        context["wijken"] = officer_wijken(officer=officer)
        context["now"] = timezone.now()
    return "team/panels/officer.html", context


def coordinator_panel(request: HttpRequest) -> tuple[str, dict]:
    """Who is responsible for each wijk right now."""
    return "team/panels/responsibility.html", {
        "rows": responsibilities_now(
            reveal_absence_kind=request.user.has_perm("team.view_absence")
        ),
    }


def team_lead_panel(request: HttpRequest) -> tuple[str, dict]:
    """Today's coverage: who works where, who is absent, wijken without a district officer."""
    today = timezone.localdate()
    return "team/panels/team_lead.html", {
        "today": today,
        "shifts": shifts_on(day=today),
        "absences": absences_on(day=today),
        "missing": districts_without_district_officer(),
        "rows": responsibilities_now(),
    }
