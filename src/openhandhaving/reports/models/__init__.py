"""Models of the reports app, one module per part: core (reports, categories, history, routing)
and messages (standard texts, outgoing e-mail, reporter and partner links)."""

from openhandhaving.reports.models.core import (
    Attachment,
    Category,
    Report,
    ReporterContact,
    ReportEvent,
    ReportNumber,
    RoutingCorrection,
    RoutingRule,
    SavedFilter,
    Team,
)
from openhandhaving.reports.models.messages import (
    MessageAudience,
    Notification,
    NotificationKind,
    NotificationPreference,
    OutgoingMessage,
    ReportLink,
    StandardText,
)

__all__ = [
    "Attachment",
    "Category",
    "MessageAudience",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "OutgoingMessage",
    "Report",
    "ReportEvent",
    "ReportLink",
    "ReportNumber",
    "ReporterContact",
    "RoutingCorrection",
    "RoutingRule",
    "SavedFilter",
    "StandardText",
    "Team",
]
