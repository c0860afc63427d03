"""Signals of the reports app, so apps further down (api: webhooks) can react to report changes."""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

# Sent after the commit of a change, with `report_id` and `event`: "created", "assigned"
# (a new owner or team, also the coordinators' queue) or "status_changed".
report_changed = Signal()

CREATED, ASSIGNED, STATUS_CHANGED = "created", "assigned", "status_changed"
EVENTS = (CREATED, ASSIGNED, STATUS_CHANGED)


def announce(*, report_id: int, event: str) -> None:
    """Send `report_changed` once the surrounding transaction commits (never for a rollback)."""
    if not report_changed.receivers:
        return
    transaction.on_commit(
        lambda: report_changed.send(sender=None, report_id=report_id, event=event)
    )
