"""Roster patterns: create, change, delete, and generate their shifts (idempotent)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import Pair, RosterPattern, Shift
from openhandhaving.team.roster import overlaps, pattern_occurrences
from openhandhaving.team.services.common import officers_lock, require_active, shift_label

MAX_PATTERN_DAYS = 3 * 366


@dataclass(frozen=True)
class SkippedDay:
    day: dt.date
    reason: str


@dataclass
class GenerateResult:
    """What roster_pattern_generate did: new shifts, ones that were already there, days skipped."""

    created: int = 0
    existing: int = 0
    skipped: list[SkippedDay] = field(default_factory=list)


def roster_pattern_check(
    *,
    pair: Pair,
    weekdays: list[int],
    start_time: dt.time,
    end_time: dt.time,
    valid_from: dt.date,
    valid_until: dt.date,
    every_weeks: int,
) -> None:
    if not weekdays:
        raise TeamRuleError(_("Kies ten minste één dag van de week."), field="weekdays")
    if any(day not in range(7) for day in weekdays):
        raise TeamRuleError(_("Kies dagen van maandag tot en met zondag."), field="weekdays")
    if start_time == end_time:
        raise TeamRuleError(
            _("Begintijd en eindtijd zijn gelijk. Een nachtdienst eindigt vóór de begintijd."),
            field="end_time",
        )
    if valid_until < valid_from:
        raise TeamRuleError(
            _("De laatste dag ligt vóór de eerste dag van het patroon."), field="valid_until"
        )
    if (valid_until - valid_from).days > MAX_PATTERN_DAYS:
        raise TeamRuleError(
            _("Een patroon duurt hoogstens drie jaar. Kies een eerdere laatste dag."),
            field="valid_until",
        )
    if not 1 <= every_weeks <= 52:
        raise TeamRuleError(_("Kies een getal van 1 tot en met 52."), field="every_weeks")
    if not pair.active:
        raise TeamRuleError(_("Dit duo is niet actief."), field="pair")
    require_active([pair.first, pair.second], field="pair")


def roster_pattern_create(
    *,
    actor: User | None,
    pair: Pair,
    weekdays: list[int],
    start_time: dt.time,
    end_time: dt.time,
    valid_from: dt.date,
    valid_until: dt.date,
    district: District | None = None,
    every_weeks: int = 1,
    origin: str = "systeem",
) -> RosterPattern:
    weekdays = sorted({int(day) for day in weekdays})
    roster_pattern_check(
        pair=pair,
        weekdays=weekdays,
        start_time=start_time,
        end_time=end_time,
        valid_from=valid_from,
        valid_until=valid_until,
        every_weeks=every_weeks,
    )
    with transaction.atomic():
        pattern = RosterPattern.objects.create(
            pair=pair,
            district=district,
            weekdays=weekdays,
            start_time=start_time,
            end_time=end_time,
            valid_from=valid_from,
            valid_until=valid_until,
            every_weeks=every_weeks,
        )
        audit_log_record(actor=actor, action="roster_pattern_create", obj=pattern, origin=origin)
    return pattern


def roster_pattern_update(
    *,
    actor: User | None,
    pattern: RosterPattern,
    pair: Pair,
    weekdays: list[int],
    start_time: dt.time,
    end_time: dt.time,
    valid_from: dt.date,
    valid_until: dt.date,
    district: District | None = None,
    every_weeks: int = 1,
    origin: str = "systeem",
) -> RosterPattern:
    """Change the pattern; shifts made earlier stay as they are (edit or delete them one by one)."""
    weekdays = sorted({int(day) for day in weekdays})
    roster_pattern_check(
        pair=pair,
        weekdays=weekdays,
        start_time=start_time,
        end_time=end_time,
        valid_from=valid_from,
        valid_until=valid_until,
        every_weeks=every_weeks,
    )
    with transaction.atomic():
        pattern.pair, pattern.district, pattern.weekdays = pair, district, weekdays
        pattern.start_time, pattern.end_time = start_time, end_time
        pattern.valid_from, pattern.valid_until = valid_from, valid_until
        pattern.every_weeks = every_weeks
        pattern.save()
        audit_log_record(actor=actor, action="roster_pattern_update", obj=pattern, origin=origin)
    return pattern


def roster_pattern_delete(
    *, actor: User | None, pattern: RosterPattern, origin: str = "systeem"
) -> None:
    """Delete the pattern; its shifts stay in the roster."""
    with transaction.atomic():
        audit_log_record(actor=actor, action="roster_pattern_delete", obj=pattern, origin=origin)
        pattern.delete()


def roster_pattern_generate(
    *, actor: User | None, pattern: RosterPattern, origin: str = "systeem"
) -> GenerateResult:
    """Create the pattern's shifts for its whole period. Running it again creates nothing new.

    A day on which one of the pair already has an overlapping shift is skipped and reported.
    """
    pair = pattern.pair
    members = [pair.first, pair.second]
    if not pair.active:
        raise TeamRuleError(_("Dit duo is niet actief."), field="pair")
    require_active(members, field="pair")
    occurrences = pattern_occurrences(
        weekdays=pattern.weekdays,
        start_time=pattern.start_time,
        end_time=pattern.end_time,
        valid_from=pattern.valid_from,
        valid_until=pattern.valid_until,
        every_weeks=pattern.every_weeks,
        tz=ZoneInfo(settings.TIME_ZONE),
    )
    result = GenerateResult()
    if not occurrences:
        return result
    with transaction.atomic():
        officers_lock(members)
        busy = list(
            Shift.objects.filter(Q(officers__in=members) | Q(pair=pair))
            .filter(start__lt=occurrences[-1].end, end__gt=occurrences[0].start)
            .select_related("district")
            .distinct()
            .order_by("start", "pk")
        )
        new_shifts = []
        for occurrence in occurrences:
            clashes = [
                s for s in busy if overlaps(occurrence.start, occurrence.end, s.start, s.end)
            ]
            if any(
                s.pattern_id == pattern.pk
                and s.start == occurrence.start
                and s.end == occurrence.end
                for s in clashes
            ):
                result.existing += 1
                continue
            if clashes:
                other = clashes[0]
                result.skipped.append(
                    SkippedDay(
                        day=occurrence.day,
                        reason=_("er is al een dienst: %(shift)s")
                        % {
                            "shift": shift_label(
                                start=other.start, end=other.end, district=other.district
                            )
                        },
                    )
                )
                continue
            shift = Shift(
                start=occurrence.start,
                end=occurrence.end,
                district_id=pattern.district_id,
                pair=pair,
                pattern=pattern,
            )
            new_shifts.append(shift)
            busy.append(shift)
        created = Shift.objects.bulk_create(new_shifts)
        Shift.officers.through.objects.bulk_create(
            [
                Shift.officers.through(shift_id=shift.pk, officer_id=officer.pk)
                for shift in created
                for officer in members
            ]
        )
        result.created = len(created)
        audit_log_record(
            actor=actor,
            action="roster_pattern_generate",
            obj=pattern,
            origin=origin,
            details={
                "created": result.created,
                "existing": result.existing,
                "skipped": [s.day.isoformat() for s in result.skipped],
            },
        )
    return result
