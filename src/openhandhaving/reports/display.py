"""How a report reads on screen: its late level and who has it (lists, cards, the report page)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from openhandhaving.reports.choices import OPEN_STATES, Status

LATE = "late"
LATE_3X = "late_3x"


def late_level(*, status: str, deadline: dt.datetime, deadline_3x: dt.datetime, now) -> str:
    """'' on time or closed, 'late' past the deadline, 'late_3x' past three times the term."""
    if status not in OPEN_STATES:
        return ""
    if deadline_3x < now:
        return LATE_3X
    return LATE if deadline < now else ""


def report_late_level(report, now: dt.datetime) -> str:
    return late_level(
        status=report.status, deadline=report.deadline, deadline_3x=report.deadline_3x, now=now
    )


def owner_text(report) -> str:
    """A person, else the team's queue, else the coordinators' queue."""
    if report.owner_id:
        return str(report.owner)
    if report.owner_team_id:
        return _("Team %(team)s") % {"team": report.owner_team.name}
    return _("Grote bak (coördinatoren)")


def detail_url_prefix() -> str:
    """'/meldingen/': a report's page is this plus its number and a slash (one reverse() per
    list instead of one per row)."""
    return reverse("reports:detail", args=["0"])[: -len("0/")]


def rows_for_list(reports, now: dt.datetime):
    """The reports of a list page with what a row shows worked out once, in Python: a page
    shows each report twice (table and card), and template lookups per row add up."""
    statuses = {status.value: str(status.label) for status in Status}
    detail = detail_url_prefix()
    for report in reports:
        category = report.category
        report.late_level = report_late_level(report, now)
        report.owner_text = owner_text(report)
        report.status_text = statuses.get(report.status, report.status)
        report.category_text = str(category)
        report.category_name = category.name
        report.deadline_text = date_format(timezone.localtime(report.deadline), "j M H:i")
        report.url = f"{detail}{report.number}/"
        report.short_text = Truncator(report.text).chars(110)
    return reports
