"""Domain errors of the reports app: a broken rule, explained in Dutch."""

from __future__ import annotations

from django.utils.translation import gettext as _


class ReportRuleError(Exception):
    """A write that breaks a rule of the reports app. `field` names the form field it belongs to."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConcurrentEditError(ReportRuleError):
    """Someone else changed the report since it was loaded (optimistic locking)."""

    def __init__(self, message: str | None = None, field: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "Iemand anders heeft deze melding net gewijzigd. Uw wijziging is niet opgeslagen. "
                "Bekijk de nieuwe stand van de melding en probeer het opnieuw."
            ),
            field,
        )
