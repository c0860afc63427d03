"""Absence writes: illness, leave, training; one absence per officer at a time."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import Absence, Officer
from openhandhaving.team.roster import overlaps
from openhandhaving.team.services.common import moment_label, officers_lock
from openhandhaving.team.signals import officer_absence_started


def absence_label(absence: Absence) -> str:
    until = moment_label(absence.end) if absence.end else _("onbekend")
    return _("%(kind)s van %(start)s tot %(end)s") % {
        "kind": absence.get_kind_display().lower(),
        "start": moment_label(absence.start),
        "end": until,
    }


def absence_check(
    *,
    officer: Officer,
    start: dt.datetime,
    end: dt.datetime | None,
    exclude: int | None = None,
) -> None:
    if end is not None and end <= start:
        raise TeamRuleError(
            _("Het einde van de afwezigheid ligt vóór het begin."), field="end_date"
        )
    others = Absence.objects.filter(officer=officer).exclude(pk=exclude).order_by("start")
    if end is not None:
        others = others.filter(start__lt=end)
    for other in others.filter(Q(end__isnull=True) | Q(end__gt=start)):
        if overlaps(start, end, other.start, other.end):
            raise TeamRuleError(
                _("%(name)s is in die periode al afwezig: %(other)s.")
                % {"name": officer, "other": absence_label(other)},
                field="start_date",
            )


def absence_create(
    *,
    actor: User | None,
    officer: Officer,
    kind: str,
    start: dt.datetime,
    end: dt.datetime | None = None,
    note: str = "",
    origin: str = "systeem",
) -> Absence:
    with transaction.atomic():
        officers_lock([officer])
        absence_check(officer=officer, start=start, end=end)
        absence = Absence.objects.create(
            officer=officer, kind=kind, start=start, end=end, note=note
        )
        audit_log_record(actor=actor, action="absence_create", obj=absence, origin=origin)
        transaction.on_commit(lambda: officer_absence_started.send(sender=Absence, absence=absence))
    return absence


def absence_update(
    *,
    actor: User | None,
    absence: Absence,
    kind: str,
    start: dt.datetime,
    end: dt.datetime | None,
    note: str = "",
    origin: str = "systeem",
) -> Absence:
    with transaction.atomic():
        officers_lock([absence.officer])
        absence_check(officer=absence.officer, start=start, end=end, exclude=absence.pk)
        before = absence_label(absence)
        absence.kind, absence.start, absence.end, absence.note = kind, start, end, note
        absence.save()
        audit_log_record(
            actor=actor,
            action="absence_update",
            obj=absence,
            origin=origin,
            details={"before": before},
        )
    return absence


def absence_end(
    *, actor: User | None, absence: Absence, end: dt.datetime, origin: str = "systeem"
) -> Absence:
    """The officer is back (beter gemeld): the absence ends at `end`."""
    return absence_update(
        actor=actor,
        absence=absence,
        kind=absence.kind,
        start=absence.start,
        end=end,
        note=absence.note,
        origin=origin,
    )


def absence_delete(*, actor: User | None, absence: Absence, origin: str = "systeem") -> None:
    with transaction.atomic():
        audit_log_record(
            actor=actor,
            action="absence_delete",
            obj=absence,
            origin=origin,
            details={"absence": absence_label(absence)},
        )
        absence.delete()
