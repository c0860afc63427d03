"""Writes of the team app. Each service checks its rules (TeamRuleError, in Dutch) and then makes
the change and its audit log entry in one transaction."""

from __future__ import annotations

from openhandhaving.team.services.absences import (
    absence_create,
    absence_delete,
    absence_end,
    absence_update,
)
from openhandhaving.team.services.contacts import contact_create, contact_delete, contact_update
from openhandhaving.team.services.patterns import (
    GenerateResult,
    SkippedDay,
    roster_pattern_create,
    roster_pattern_delete,
    roster_pattern_generate,
    roster_pattern_update,
)
from openhandhaving.team.services.people import (
    assignment_set,
    officer_create,
    officer_update,
    pair_create,
    pair_update,
)
from openhandhaving.team.services.shifts import shift_create, shift_delete, shift_update

__all__ = [
    "GenerateResult",
    "SkippedDay",
    "absence_create",
    "absence_delete",
    "absence_end",
    "absence_update",
    "assignment_set",
    "contact_create",
    "contact_delete",
    "contact_update",
    "officer_create",
    "officer_update",
    "pair_create",
    "pair_update",
    "roster_pattern_create",
    "roster_pattern_delete",
    "roster_pattern_generate",
    "roster_pattern_update",
    "shift_create",
    "shift_delete",
    "shift_update",
]
