"""The retention page for administrators: terms, the next run, past runs, counted records."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from openhandhaving.reports.choices import Status
from openhandhaving.reports.models import RetentionAction
from openhandhaving.reports.selectors_retention import retention_overview


@login_required
@permission_required("reports.view_retention", raise_exception=True)
def retention(request: HttpRequest) -> HttpResponse:
    overview = retention_overview(now=timezone.now())
    actions = dict(RetentionAction.choices)
    statuses = dict(Status.choices)
    for record in overview["records"]:
        record["action_label"] = actions.get(record["action"], record["action"])
        record["status_label"] = statuses.get(record["status"], record["status"])
    return render(request, "reports/retention.html", overview)
