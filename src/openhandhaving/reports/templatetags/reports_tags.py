"""Template helpers of the reports screens: deadline badges, who has a report, history values."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from openhandhaving.reports import display
from openhandhaving.reports.choices import EventKind, Priority, Status

register = template.Library()


@register.inclusion_tag("reports/includes/late_badge.html")
def late_badge(report, now: dt.datetime | None = None) -> dict:
    """'te laat' / '3× te laat' for an open report past its (triple) deadline."""
    return {"level": display.report_late_level(report, now or timezone.now())}


@register.simple_tag
def owner_of(report) -> str:
    return display.owner_text(report)


@register.filter
def event_value(value: str, kind: str) -> str:
    """A history value as people read it: 'Afgehandeld' rather than 'done'."""
    if kind in (EventKind.STATUS, EventKind.CREATED) and value in Status.values:
        return str(Status(value).label)
    if kind == EventKind.PRIORITY and value in Priority.values:
        return str(Priority(value).label)
    return value
