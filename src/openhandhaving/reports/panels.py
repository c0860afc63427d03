"""Start page panels of the reports app, per role (see core.views.start_panels)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone

from openhandhaving.reports.models import Report
from openhandhaving.reports.selectors import (
    Queue,
    ReportFilters,
    open_only,
    queue_counts,
    report_search,
)


def officer_panel(request: HttpRequest) -> tuple[str, dict] | None:
    """Mijn werkvoorraad: how many, how many late, and the most urgent ones."""
    if not request.user.has_perm("reports.view_report"):
        return None
    now = timezone.now()
    late = Report.objects.filter(open_only(), owner=request.user).aggregate(
        late=Count("id", filter=Q(deadline__lt=now)),
        late_3x=Count("id", filter=Q(deadline_3x__lt=now)),
    )
    urgent = report_search(user=request.user, filters=ReportFilters(queue=Queue.MINE), now=now)
    return "reports/panels/officer.html", {
        "counts": queue_counts(user=request.user),
        "late": late,
        "urgent": list(urgent[:5]),
        "now": now,
    }


def coordinator_panel(request: HttpRequest) -> tuple[str, dict] | None:
    """The grote bak and the late reports of the whole municipality."""
    if not request.user.has_perm("reports.view_report"):
        return None
    now = timezone.now()
    totals = Report.objects.filter(open_only()).aggregate(
        late=Count("id", filter=Q(deadline__lt=now)),
        late_3x=Count("id", filter=Q(deadline_3x__lt=now)),
    )
    return "reports/panels/coordinator.html", {
        "coordinators": queue_counts(user=request.user)[Queue.COORDINATORS],
        "totals": totals,
        "can_dashboard": request.user.has_perm("reports.route_reports"),
    }


def intake_panel(request: HttpRequest) -> tuple[str, dict] | None:
    """For the KCC: straight to the intake form."""
    if not request.user.has_perm("reports.add_report"):
        return None
    return "reports/panels/intake.html", {}
