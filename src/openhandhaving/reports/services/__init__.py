"""Writes of the reports app. Each service checks its rules first (ReportRuleError, in Dutch) and
then makes the whole change in one transaction: the row, its history, the audit log entry, and
notifications on commit. Every change bumps the report's version (optimistic locking)."""

from __future__ import annotations

from openhandhaving.reports.services.assign import (
    report_assign,
    report_return_to_queue,
    routing_correction_record,
)
from openhandhaving.reports.services.attachments import report_attachment_add
from openhandhaving.reports.services.intake import report_create
from openhandhaving.reports.services.workflow import (
    report_note_add,
    report_status_change,
    report_update,
)

__all__ = [
    "report_assign",
    "report_attachment_add",
    "report_create",
    "report_note_add",
    "report_return_to_queue",
    "report_status_change",
    "report_update",
    "routing_correction_record",
]
