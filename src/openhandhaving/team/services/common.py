"""Helpers shared by the team services: labels for messages, locks, the active-officer rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import Officer

MAX_SHIFT_LENGTH = dt.timedelta(hours=24)


def moment_label(moment: dt.datetime) -> str:
    """'di 24-11 08:00' in local time."""
    return date_format(timezone.localtime(moment), "D j-n H:i")


def shift_label(*, start: dt.datetime, end: dt.datetime, district: District | None) -> str:
    """'di 24-11 08:00–16:30 in Schalkwijk', for messages and the audit log."""
    where = district.name if district else _("de hele gemeente")
    return f"{moment_label(start)}–{timezone.localtime(end):%H:%M} in {where}"


def officers_lock(officers: Iterable[Officer]) -> None:
    """Serialise roster writes per officer, so two overlap checks cannot both pass (PostgreSQL)."""
    ids = sorted({officer.pk for officer in officers})
    list(Officer.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def require_active(officers: Iterable[Officer], *, field: str) -> None:
    for officer in officers:
        if not officer.active:
            raise TeamRuleError(
                _("%(name)s is niet actief en kan hier niet worden gekozen.") % {"name": officer},
                field=field,
            )
