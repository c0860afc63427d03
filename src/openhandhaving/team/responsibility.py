"""Who is responsible for a wijk at a moment, and why: pure logic, no Django (DESIGN rule 1).

Order: the wijk's district officer if on duty and not absent → the backup if on duty and not
absent → any other officer on duty in the wijk → the coordinators' queue.

"On duty" means: active, not absent at that moment, and a shift that covers it. For the district
officer and the backup a shift anywhere counts (the explanation says where); for the third step
only shifts in the wijk itself or for the whole municipality count. All intervals are half-open,
[start, end): a shift that ends at 17:00 does not cover 17:00; an absence without end never ends.

The explanation is Dutch: it is stored with routing decisions, in the language of the team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

UTC = dt.UTC


class Reason(StrEnum):
    DISTRICT_OFFICER = "district_officer"
    BACKUP = "backup"
    ON_DUTY_IN_WIJK = "on_duty_in_wijk"
    COORDINATORS = "coordinators"


@dataclass(frozen=True)
class RosterOfficer:
    id: int
    short_name: str
    active: bool = True


@dataclass(frozen=True)
class RosterShift:
    id: int
    start: dt.datetime
    end: dt.datetime
    officer_ids: tuple[int, ...]
    district_id: int | None = None  # None: the whole municipality
    district_name: str = ""


@dataclass(frozen=True)
class RosterAbsence:
    officer_id: int
    kind: str  # illness, leave, training, other
    start: dt.datetime
    end: dt.datetime | None = None  # None: open-ended


@dataclass(frozen=True)
class Wijk:
    id: int
    name: str
    district_officer_id: int | None = None
    backup_id: int | None = None


@dataclass(frozen=True)
class Responsibility:
    """The answer: an officer, or None for the coordinators' queue, with reason and explanation."""

    officer_id: int | None
    reason: Reason
    explanation: str
    until: dt.datetime | None = None  # end of the covering shift
    officer_name: str = ""
    shift_id: int | None = None

    @property
    def to_coordinators(self) -> bool:
        return self.officer_id is None


ABSENCE_WORDS = {
    "illness": "ziek",
    "leave": "met verlof",
    "training": "op opleiding",
}
ROLE_WORDS = {Reason.DISTRICT_OFFICER: "wijkhandhaver", Reason.BACKUP: "vervanger"}


def responsibility_at(
    *,
    wijk: Wijk,
    at: dt.datetime,
    officers: Iterable[RosterOfficer],
    shifts: Iterable[RosterShift],
    absences: Iterable[RosterAbsence],
) -> Responsibility:
    """Who is responsible for `wijk` at `at` (aware), and why. Times in the text use at's zone.

    Ties are broken the same way every time: a shift in the wijk before one for the whole
    municipality before one elsewhere, then the shift that lasts longest, then the lowest id.
    """
    if at.tzinfo is None:
        raise ValueError("at must be an aware datetime")
    moment = at.astimezone(UTC)
    people = {officer.id: officer for officer in officers}
    covering = [s for s in shifts if _utc(s.start) <= moment < _utc(s.end)]
    absent = {
        a.officer_id: a
        for a in sorted(absences, key=lambda a: (_utc(a.start), a.kind))
        if _utc(a.start) <= moment and (a.end is None or moment < _utc(a.end))
    }

    def shift_of(officer_id: int, *, wijk_only: bool) -> RosterShift | None:
        own = [s for s in covering if officer_id in s.officer_ids]
        if wijk_only:
            own = [s for s in own if s.district_id in (wijk.id, None)]
        return min(own, key=lambda s: _shift_rank(s, wijk.id), default=None)

    why_not: list[str] = []
    for reason, officer_id in (
        (Reason.DISTRICT_OFFICER, wijk.district_officer_id),
        (Reason.BACKUP, wijk.backup_id),
    ):
        role = ROLE_WORDS[reason]
        officer = people.get(officer_id) if officer_id is not None else None
        if officer is None:
            why_not.append(f"geen {role}")
            continue
        if not officer.active:
            why_not.append(f"{role} niet actief")
            continue
        if officer.id in absent:
            why_not.append(f"{role} {ABSENCE_WORDS.get(absent[officer.id].kind, 'afwezig')}")
            continue
        shift = shift_of(officer.id, wijk_only=False)
        if shift is None:
            why_not.append(f"{role} niet in dienst")
            continue
        because = f"{role} {wijk.name}"
        if why_not:
            because += f" ({', '.join(why_not)})"
        return _assigned(officer, reason, because, shift, wijk, at)

    candidates = []
    for officer_id in sorted({i for s in covering for i in s.officer_ids}):
        officer = people.get(officer_id)
        if officer is None or not officer.active or officer_id in absent:
            continue
        if officer_id in (wijk.district_officer_id, wijk.backup_id):
            continue
        shift = shift_of(officer_id, wijk_only=True)
        if shift is not None:
            candidates.append((_shift_rank(shift, wijk.id), officer_id, officer, shift))
    if candidates:
        _, _, officer, shift = min(candidates, key=lambda c: (c[0], c[1]))
        place = f"in {wijk.name}" if shift.district_id == wijk.id else "voor de hele gemeente"
        because = f"collega in dienst {place} ({', '.join(why_not)})"
        return _assigned(officer, Reason.ON_DUTY_IN_WIJK, because, shift, wijk, at, say_where=False)
    why_not.append(f"niemand anders in dienst in {wijk.name}")
    return Responsibility(
        officer_id=None,
        reason=Reason.COORDINATORS,
        explanation=f"naar de coördinatoren: {', '.join(why_not)}",
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    # Aware datetimes in the same zone compare by wall clock; UTC makes DST folds compare right.
    return moment.astimezone(UTC)


def _shift_rank(shift: RosterShift, wijk_id: int) -> tuple[int, float, int]:
    place = 0 if shift.district_id == wijk_id else 1 if shift.district_id is None else 2
    return (place, -_utc(shift.end).timestamp(), shift.id)


def _assigned(
    officer: RosterOfficer,
    reason: Reason,
    because: str,
    shift: RosterShift,
    wijk: Wijk,
    at: dt.datetime,
    *,
    say_where: bool = True,
) -> Responsibility:
    where = ""
    if say_where and shift.district_id is None:
        where = " voor de hele gemeente"
    elif say_where and shift.district_id != wijk.id:
        where = f" in {shift.district_name}"
    return Responsibility(
        officer_id=officer.id,
        reason=reason,
        explanation=(
            f"toegewezen aan {officer.short_name}: {because}, "
            f"dienst{where} tot {_until_text(shift.end, at)}"
        ),
        until=shift.end,
        officer_name=officer.short_name,
        shift_id=shift.id,
    )


def _until_text(end: dt.datetime, at: dt.datetime) -> str:
    """'17:00', 'morgen 07:00' or '25-11 07:00', in the time zone of `at`."""
    local_end = end.astimezone(at.tzinfo)
    days = (local_end.date() - at.date()).days
    clock = f"{local_end:%H:%M}"
    if days == 0:
        return clock
    if days == 1:
        return f"morgen {clock}"
    return f"{local_end:%d-%m} {clock}"
