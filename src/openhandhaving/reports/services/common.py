"""Helpers the report services share: history rows, the versioned update, labels for owners."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F
from django.utils import timezone

from openhandhaving.reports.exceptions import ConcurrentEditError
from openhandhaving.reports.labels import COORDINATORS_LABEL, owner_label, user_label
from openhandhaving.reports.models import Report, ReportEvent

__all__ = [
    "COORDINATORS_LABEL",
    "event_add",
    "event_new",
    "owner_label",
    "report_write",
    "user_label",
]


def event_new(
    *,
    report: Report,
    kind: str,
    actor=None,
    old: str = "",
    new: str = "",
    text: str = "",
    internal: bool = True,
    time: dt.datetime | None = None,
) -> ReportEvent:
    """An unsaved history row (for bulk_create); values are cut to the column width."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return ReportEvent(
        report=report,
        time=time or timezone.now(),
        actor=actor,
        kind=kind,
        old_value=str(old)[:200],
        new_value=str(new)[:200],
        text=text,
        internal=internal,
    )


def event_add(**kwargs: Any) -> ReportEvent:
    """Append one history row (arguments as event_new), inside the transaction of the change."""
    event = event_new(**kwargs)
    event.save(force_insert=True)
    return event


def report_write(
    *, report: Report, fields: dict[str, Any], expected_version: int | None = None
) -> Report:
    """Store `fields` and bump the version, only if nobody changed the report in between.

    One conditional UPDATE (... WHERE version = expected): of two coordinators who loaded the same
    version, the second one gets ConcurrentEditError instead of silently overwriting the first.
    Without expected_version the version of the loaded object is what is expected.
    """
    expected = report.version if expected_version is None else expected_version
    if expected != report.version:
        raise ConcurrentEditError()
    updated = Report.objects.filter(pk=report.pk, version=expected).update(
        **fields, version=F("version") + 1
    )
    if updated != 1:
        raise ConcurrentEditError()
    for name, value in fields.items():
        setattr(report, name, value)
    report.version = expected + 1
    return report


def report_touch(*, report: Report) -> Report:
    """Bump the version for an addition (note, attachment) that cannot conflict with an edit."""
    Report.objects.filter(pk=report.pk).update(version=F("version") + 1)
    # If someone else changed the report meanwhile, the stored version is higher still: this
    # object's next versioned write is then refused, as it should be.
    report.version += 1
    return report
