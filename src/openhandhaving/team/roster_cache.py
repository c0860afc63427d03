"""A per-process copy of the roster around now, so routing a report needs no roster queries.

It holds the wijk assignments, the officers (with their active login), and the shifts and
absences that overlap a window of WINDOW either side of the moment it was loaded. It is reloaded
when the roster's version moves (core.caching: checked at most every CACHE_RECHECK_SECONDS; a
change in this process clears it at once through the signals in team.apps) or when asked about
a moment outside its window. `responsibility_for` in team.selectors stays the plain, uncached
answer; this copy must give the same answers (tested).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

from openhandhaving.core.caching import Fresh
from openhandhaving.core.models import User
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.models import Absence, DistrictAssignment, Officer, Shift
from openhandhaving.team.responsibility import (
    Responsibility,
    RosterAbsence,
    RosterOfficer,
    RosterShift,
    Wijk,
    responsibility_at,
)

WINDOW = dt.timedelta(hours=12)


@dataclass(frozen=True)
class RosterCopy:
    start: dt.datetime
    end: dt.datetime
    roles: dict[int, dict[str, int]]  # wijk id → role → officer id
    officers: dict[int, RosterOfficer]
    users: dict[int, User]  # officer id → their active login
    shifts: tuple[RosterShift, ...]
    absences: tuple[RosterAbsence, ...]

    def covers(self, at: dt.datetime) -> bool:
        return self.start <= at < self.end


def _version() -> tuple:
    """One query: counts, highest ids and last changes of everything the answer depends on."""
    quote = connection.ops.quote_name
    through = Shift.officers.through._meta.db_table
    parts = []
    for model in (Shift, Absence, DistrictAssignment, Officer):
        table = quote(model._meta.db_table)
        parts += [
            f"(SELECT COUNT(*) FROM {table})",
            f"(SELECT MAX({quote('id')}) FROM {table})",
            f"(SELECT MAX({quote('updated_at')}) FROM {table})",
        ]
    parts += [
        f"(SELECT COUNT(*) FROM {quote(through)})",
        f"(SELECT MAX({quote('id')}) FROM {quote(through)})",
        f"(SELECT COUNT(*) FROM {quote(User._meta.db_table)} WHERE {quote('is_active')})",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(cursor.fetchone())


def _load(_version, around: dt.datetime | None = None) -> RosterCopy:
    around = around or timezone.now()
    start, end = around - WINDOW, around + WINDOW
    roles: dict[int, dict[str, int]] = {}
    for district_id, role, officer_id in DistrictAssignment.objects.values_list(
        "district_id", "role", "officer_id"
    ):
        roles.setdefault(district_id, {})[role] = officer_id
    officers = {
        o.pk: RosterOfficer(id=o.pk, short_name=o.short_name, active=o.active)
        for o in Officer.objects.only("id", "first_name", "last_name", "active")
    }
    users = {
        user.officer_pk: user
        for user in User.objects.filter(is_active=True, officer__isnull=False).annotate(
            officer_pk=F("officer__id")
        )
    }
    members: dict[int, list[int]] = {}
    shift_rows = {}
    rows = (
        Shift.officers.through.objects.filter(shift__start__lt=end, shift__end__gt=start)
        .values_list(
            "shift_id",
            "officer_id",
            "shift__start",
            "shift__end",
            "shift__district_id",
            "shift__district__name",
        )
        .order_by("shift_id", "officer_id")
    )
    for shift_id, officer_id, s_start, s_end, district_id, district_name in rows:
        members.setdefault(shift_id, []).append(officer_id)
        shift_rows[shift_id] = (s_start, s_end, district_id, district_name or "")
    shifts = tuple(
        RosterShift(
            id=shift_id,
            start=s_start,
            end=s_end,
            officer_ids=tuple(members[shift_id]),
            district_id=district_id,
            district_name=district_name,
        )
        for shift_id, (s_start, s_end, district_id, district_name) in shift_rows.items()
    )
    absences = tuple(
        RosterAbsence(officer_id=a.officer_id, kind=a.kind, start=a.start, end=a.end)
        for a in Absence.objects.filter(start__lt=end)
        .filter(Q(end__isnull=True) | Q(end__gt=start))
        .only("officer_id", "kind", "start", "end")
    )
    return RosterCopy(start, end, roles, officers, users, shifts, absences)


_roster: Fresh[RosterCopy] = Fresh(version=_version, load=_load)


def roster_cache_clear(**_kwargs) -> None:
    """Forget the copy (connected to the roster's save and delete signals in team.apps)."""
    _roster.clear()


def responsibility_cached(
    *, district_id: int, district_name: str, at: dt.datetime, reveal_absence_kind: bool = True
) -> tuple[Responsibility, User | None]:
    """Who is responsible for the wijk at `at`, and their active login (None: none or nobody).

    The same answer as team.selectors.responsibility_for, from the per-process copy; a moment
    outside the copy's window is answered from a copy loaded around it (not kept).
    """
    copy = _roster.get()
    if not copy.covers(at):
        copy = _load(None, around=at)
    roles = copy.roles.get(district_id, {})
    absences = copy.absences
    if not reveal_absence_kind:
        absences = tuple(
            RosterAbsence(officer_id=a.officer_id, kind="other", start=a.start, end=a.end)
            for a in absences
        )
    answer = responsibility_at(
        wijk=Wijk(
            id=district_id,
            name=district_name,
            district_officer_id=roles.get(AssignmentRole.DISTRICT_OFFICER),
            backup_id=roles.get(AssignmentRole.BACKUP),
        ),
        at=at,
        officers=copy.officers.values(),
        shifts=copy.shifts,
        absences=absences,
    )
    user = copy.users.get(answer.officer_id) if answer.officer_id is not None else None
    return answer, user
