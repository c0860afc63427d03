"""Shift writes: create, update, delete; no officer in two shifts at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import Officer, Pair, Shift
from openhandhaving.team.services.common import (
    MAX_SHIFT_LENGTH,
    officers_lock,
    require_active,
    shift_label,
)


def shift_members(*, officers: Iterable[Officer], pair: Pair | None) -> list[Officer]:
    """The chosen officers, else the two of the pair."""
    members = list(dict.fromkeys(officers))
    if not members and pair is not None:
        members = [pair.first, pair.second]
    if not members:
        raise TeamRuleError(_("Kies een duo of ten minste één handhaver."), field="officers")
    require_active(members, field="officers")
    return members


def shift_window_check(*, start: dt.datetime, end: dt.datetime) -> None:
    if end <= start:
        raise TeamRuleError(
            _("Het einde van de dienst moet na het begin liggen."), field="end_time"
        )
    # Subtract in UTC: aware datetimes in one zone subtract by wall clock, blind to DST.
    if end.astimezone(dt.UTC) - start.astimezone(dt.UTC) > MAX_SHIFT_LENGTH:
        raise TeamRuleError(_("Een dienst duurt hoogstens 24 uur."), field="end_time")


def shift_overlap_check(
    *, officers: list[Officer], start: dt.datetime, end: dt.datetime, exclude: int | None = None
) -> None:
    clashes = (
        Shift.objects.filter(officers__in=officers, start__lt=end, end__gt=start)
        .exclude(pk=exclude)
        .select_related("district")
        .prefetch_related("officers")
        .distinct()
        .order_by("start", "pk")
    )
    for other in clashes:
        for officer in officers:
            if officer in other.officers.all():
                raise TeamRuleError(
                    _("%(name)s heeft al een dienst die hiermee overlapt: %(shift)s.")
                    % {
                        "name": officer,
                        "shift": shift_label(
                            start=other.start, end=other.end, district=other.district
                        ),
                    },
                    field="officers",
                )


def shift_create(
    *,
    actor: User | None,
    start: dt.datetime,
    end: dt.datetime,
    officers: Iterable[Officer] = (),
    pair: Pair | None = None,
    district: District | None = None,
    note: str = "",
    origin: str = "systeem",
) -> Shift:
    members = shift_members(officers=officers, pair=pair)
    shift_window_check(start=start, end=end)
    with transaction.atomic():
        officers_lock(members)
        shift_overlap_check(officers=members, start=start, end=end)
        shift = Shift.objects.create(start=start, end=end, district=district, pair=pair, note=note)
        shift.officers.set(members)
        audit_log_record(
            actor=actor,
            action="shift_create",
            obj=shift,
            origin=origin,
            details={"officers": [o.pk for o in members]},
        )
    return shift


def shift_update(
    *,
    actor: User | None,
    shift: Shift,
    start: dt.datetime,
    end: dt.datetime,
    officers: Iterable[Officer] = (),
    pair: Pair | None = None,
    district: District | None = None,
    note: str = "",
    origin: str = "systeem",
) -> Shift:
    members = shift_members(officers=officers, pair=pair)
    shift_window_check(start=start, end=end)
    with transaction.atomic():
        officers_lock(members)
        shift_overlap_check(officers=members, start=start, end=end, exclude=shift.pk)
        before = shift_label(start=shift.start, end=shift.end, district=shift.district)
        shift.start, shift.end, shift.district, shift.pair, shift.note = (
            start,
            end,
            district,
            pair,
            note,
        )
        shift.save()
        shift.officers.set(members)
        audit_log_record(
            actor=actor,
            action="shift_update",
            obj=shift,
            origin=origin,
            details={"before": before, "officers": [o.pk for o in members]},
        )
    return shift


def shift_delete(*, actor: User | None, shift: Shift, origin: str = "systeem") -> None:
    with transaction.atomic():
        audit_log_record(
            actor=actor,
            action="shift_delete",
            obj=shift,
            origin=origin,
            details={"officers": list(shift.officers.values_list("pk", flat=True))},
        )
        shift.delete()
