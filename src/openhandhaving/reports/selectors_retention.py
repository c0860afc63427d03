"""Reads for the retention page: the terms, what the next run will do, past runs, the records."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Sum

from openhandhaving.core.models import AuditLogEntry, ScheduledRun
from openhandhaving.core.schedule import next_run_at
from openhandhaving.core.scheduler import scheduled_jobs
from openhandhaving.reports.models import RetentionRecord
from openhandhaving.reports.services.retention import (
    anonymise_due,
    delete_due,
    retention_days,
)

RETENTION_JOB = "reports.retention"
RETENTION_ACTIONS = ("retention_anonymise", "retention_delete")


def retention_overview(*, now: dt.datetime, runs: int = 10) -> dict:
    """Everything the retention page shows; counts of the next run are taken at its moment."""
    job = next((job for job in scheduled_jobs() if job.name == RETENTION_JOB), None)
    next_at = next_run_at(job, now=now, zone=ZoneInfo(settings.TIME_ZONE)) if job else None
    moment = next_at or now
    to_anonymise = anonymise_due(now=moment)
    to_delete = delete_due(now=moment)
    return {
        "job": job,
        "next_at": next_at,
        "anonymise_days": retention_days("REPORTS_ANONYMISE_AFTER_DAYS"),
        "delete_days": retention_days("REPORTS_DELETE_AFTER_DAYS"),
        "to_anonymise": to_anonymise.count() if to_anonymise is not None else None,
        "to_delete": to_delete.count() if to_delete is not None else None,
        "scheduled": list(ScheduledRun.objects.filter(job=RETENTION_JOB)[:runs]),
        "runs": list(
            AuditLogEntry.objects.filter(action__in=RETENTION_ACTIONS).order_by("-time", "-id")[
                : runs * 2
            ]
        ),
        "records": list(
            RetentionRecord.objects.values("action", "category_name", "year", "status")
            .annotate(total=Sum("count"))
            .order_by("action", "category_name", "year", "status")
        ),
    }
