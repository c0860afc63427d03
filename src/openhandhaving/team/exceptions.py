"""The domain exception of the team app: a broken rule, explained in Dutch."""

from __future__ import annotations


class TeamRuleError(Exception):
    """A write that breaks a team rule. `field` names the form field the message belongs to."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
