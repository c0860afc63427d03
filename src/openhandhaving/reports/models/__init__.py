"""Models of the reports app, one module per part: core (reports, categories, history, routing),
messages (standard texts, outgoing e-mail, reporter and partner links), follow (the reporter's
satisfaction answers) and retention (the counted record of anonymised and deleted reports)."""

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
from openhandhaving.reports.models.follow import Feedback, SatisfactionAnswer
from openhandhaving.reports.models.messages import (
    MessageAudience,
    Notification,
    NotificationKind,
    NotificationPreference,
    OutgoingMessage,
    ReportLink,
    StandardText,
)
from openhandhaving.reports.models.retention import RetentionAction, RetentionRecord

__all__ = [
    "Attachment",
    "Category",
    "Feedback",
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
    "RetentionAction",
    "RetentionRecord",
    "RoutingCorrection",
    "RoutingRule",
    "SatisfactionAnswer",
    "SavedFilter",
    "StandardText",
    "Team",
]
