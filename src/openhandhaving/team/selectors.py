"""Reads of the team app: who is responsible, the roster week, officers, wijken and contacts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from openhandhaving.areas.models import District
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.models import (
    Absence,
    DistrictAssignment,
    DistrictContact,
    Officer,
    Pair,
    RosterPattern,
    Shift,
)
from openhandhaving.team.responsibility import (
    Responsibility,
    RosterAbsence,
    RosterOfficer,
    RosterShift,
    Wijk,
    responsibility_at,
)
from openhandhaving.team.roster import day_bounds

SHIFT_OFFICER_FIELDS = (
    "shift_id",
    "officer_id",
    "shift__start",
    "shift__end",
    "shift__district_id",
    "shift__district__name",
    "officer__first_name",
    "officer__last_name",
    "officer__active",
)


def local_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def districts_light() -> QuerySet[District]:
    """Wijken without their (large) GeoJSON shape."""
    return District.objects.defer("geometry", "description")


def roster_officer(officer: Officer) -> RosterOfficer:
    return RosterOfficer(id=officer.pk, short_name=officer.short_name, active=officer.active)


def _facts_at(
    *, at: dt.datetime, shift_filter: Q
) -> tuple[dict[int, RosterOfficer], list[RosterShift]]:
    """The shifts that cover `at` (one query) with the officers on them."""
    rows = (
        Shift.officers.through.objects.filter(shift__start__lte=at, shift__end__gt=at)
        .filter(shift_filter)
        .values(*SHIFT_OFFICER_FIELDS)
        .order_by("shift_id", "officer_id")
    )
    officers: dict[int, RosterOfficer] = {}
    members: dict[int, list[int]] = defaultdict(list)
    shift_rows: dict[int, dict] = {}
    for row in rows:
        officers[row["officer_id"]] = RosterOfficer(
            id=row["officer_id"],
            short_name=f"{row['officer__first_name'][:1]}. {row['officer__last_name']}",
            active=row["officer__active"],
        )
        members[row["shift_id"]].append(row["officer_id"])
        shift_rows[row["shift_id"]] = row
    shifts = [
        RosterShift(
            id=shift_id,
            start=row["shift__start"],
            end=row["shift__end"],
            officer_ids=tuple(members[shift_id]),
            district_id=row["shift__district_id"],
            district_name=row["shift__district__name"] or "",
        )
        for shift_id, row in shift_rows.items()
    ]
    return officers, shifts


def _absences_at(
    *, at: dt.datetime, officer_ids: list[int] | None, reveal_absence_kind: bool
) -> list[RosterAbsence]:
    """Absences that cover `at` (one query); without reveal_absence_kind all read 'afwezig'."""
    absences = Absence.objects.filter(start__lte=at).filter(Q(end__isnull=True) | Q(end__gt=at))
    if officer_ids is not None:
        absences = absences.filter(officer_id__in=officer_ids)
    return [
        RosterAbsence(
            officer_id=a.officer_id,
            kind=a.kind if reveal_absence_kind else "other",
            start=a.start,
            end=a.end,
        )
        for a in absences.only("officer_id", "kind", "start", "end")
    ]


def responsibility_for(
    *, district: District, at: dt.datetime | None = None, reveal_absence_kind: bool = True
) -> Responsibility:
    """Who is responsible for this wijk at `at` (default now), and why: three queries."""
    at = timezone.localtime(at or timezone.now(), local_tz())
    roles = {
        a.role: a.officer
        for a in DistrictAssignment.objects.filter(district=district).select_related("officer")
    }
    district_officer = roles.get(AssignmentRole.DISTRICT_OFFICER)
    backup = roles.get(AssignmentRole.BACKUP)
    key_ids = [o.pk for o in (district_officer, backup) if o is not None]
    officers, shifts = _facts_at(
        at=at,
        shift_filter=(
            Q(officer_id__in=key_ids)
            | Q(shift__district=district)
            | Q(shift__district__isnull=True)
        ),
    )
    for officer in (district_officer, backup):
        if officer is not None:
            officers[officer.pk] = roster_officer(officer)
    absences = _absences_at(
        at=at, officer_ids=list(officers), reveal_absence_kind=reveal_absence_kind
    )
    return responsibility_at(
        wijk=Wijk(
            id=district.pk,
            name=district.name,
            district_officer_id=district_officer.pk if district_officer else None,
            backup_id=backup.pk if backup else None,
        ),
        at=at,
        officers=officers.values(),
        shifts=shifts,
        absences=absences,
    )


@dataclass
class DistrictResponsibility:
    district: District
    responsibility: Responsibility
    district_officer: Officer | None = None
    backup: Officer | None = None
    officer: Officer | None = None  # the responsible one, for name and photo


def responsibilities_now(
    *,
    at: dt.datetime | None = None,
    reveal_absence_kind: bool = True,
    districts: list[District] | None = None,
) -> list[DistrictResponsibility]:
    """Per wijk (all, or the given ones) who is responsible at `at` (default now): five queries."""
    at = timezone.localtime(at or timezone.now(), local_tz())
    districts = list(districts if districts is not None else districts_light())
    roles: dict[int, dict[str, Officer]] = defaultdict(dict)
    people: dict[int, Officer] = {}
    for a in DistrictAssignment.objects.filter(district__in=districts).select_related("officer"):
        roles[a.district_id][a.role] = a.officer
        people[a.officer_id] = a.officer
    officers, shifts = _facts_at(at=at, shift_filter=Q())
    officers.update({pk: roster_officer(o) for pk, o in people.items()})
    absences = _absences_at(at=at, officer_ids=None, reveal_absence_kind=reveal_absence_kind)
    missing = {pk for pk in officers if pk not in people}
    people.update(Officer.objects.in_bulk(missing) if missing else {})
    result = []
    for district in districts:
        do = roles[district.pk].get(AssignmentRole.DISTRICT_OFFICER)
        backup = roles[district.pk].get(AssignmentRole.BACKUP)
        answer = responsibility_at(
            wijk=Wijk(
                id=district.pk,
                name=district.name,
                district_officer_id=do.pk if do else None,
                backup_id=backup.pk if backup else None,
            ),
            at=at,
            officers=officers.values(),
            shifts=shifts,
            absences=absences,
        )
        result.append(
            DistrictResponsibility(
                district=district,
                responsibility=answer,
                district_officer=do,
                backup=backup,
                officer=people.get(answer.officer_id) if answer.officer_id else None,
            )
        )
    return result


@dataclass
class DistrictRoles:
    district: District
    district_officer: Officer | None = None
    backup: Officer | None = None


def assignment_overview() -> list[DistrictRoles]:
    """Every wijk with its district officer and backup: two queries."""
    rows = {d.pk: DistrictRoles(district=d) for d in districts_light()}
    for a in DistrictAssignment.objects.select_related("officer"):
        if a.district_id in rows:
            attr = "district_officer" if a.role == AssignmentRole.DISTRICT_OFFICER else "backup"
            setattr(rows[a.district_id], attr, a.officer)
    return list(rows.values())


def districts_without_district_officer() -> list[District]:
    """Wijken with no district officer, or one who is no longer active."""
    covered = DistrictAssignment.objects.filter(
        role=AssignmentRole.DISTRICT_OFFICER, officer__active=True
    ).values("district_id")
    return list(districts_light().exclude(pk__in=covered))


def officer_list(*, include_inactive: bool = True) -> QuerySet[Officer]:
    officers = Officer.objects.prefetch_related(
        Prefetch(
            "assignments",
            queryset=DistrictAssignment.objects.select_related("district").defer(
                "district__geometry", "district__description"
            ),
        )
    )
    return officers if include_inactive else officers.filter(active=True)


def officer_for_user(*, user) -> Officer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Officer.objects.filter(user=user).first()


def officer_shifts(*, officer: Officer, start: dt.datetime, end: dt.datetime) -> QuerySet[Shift]:
    """The officer's shifts that overlap [start, end), with wijk, pair and colleagues."""
    return (
        Shift.objects.filter(officers=officer, start__lt=end, end__gt=start)
        .select_related("district", "pair")
        .defer("district__geometry", "district__description")
        .prefetch_related("officers")
        .order_by("start")
    )


def officer_absences(
    *, officer: Officer, start: dt.datetime, end: dt.datetime | None = None
) -> QuerySet[Absence]:
    absences = Absence.objects.filter(officer=officer).filter(
        Q(end__isnull=True) | Q(end__gt=start)
    )
    return absences.filter(start__lt=end) if end else absences


@dataclass
class OfficerWijk:
    district: District
    role: str
    role_label: str
    colleague: Officer | None  # the backup of the wijk, or its district officer


def officer_wijken(*, officer: Officer) -> list[OfficerWijk]:
    """The wijken where this officer is district officer or backup, with the other of the two."""
    mine = list(
        DistrictAssignment.objects.filter(officer=officer)
        .select_related("district")
        .defer("district__geometry")
    )
    others = {
        (a.district_id, a.role): a.officer
        for a in DistrictAssignment.objects.filter(
            district_id__in=[a.district_id for a in mine]
        ).select_related("officer")
    }
    result = []
    for a in sorted(
        mine, key=lambda a: (a.role != AssignmentRole.DISTRICT_OFFICER, a.district.name)
    ):
        other_role = (
            AssignmentRole.BACKUP
            if a.role == AssignmentRole.DISTRICT_OFFICER
            else AssignmentRole.DISTRICT_OFFICER
        )
        result.append(
            OfficerWijk(
                district=a.district,
                role=a.role,
                role_label=str(a.get_role_display()),
                colleague=others.get((a.district_id, other_role)),
            )
        )
    return result


def absence_list(*, since: dt.datetime) -> QuerySet[Absence]:
    """Absences that are still running or ended after `since`, newest start first."""
    return (
        Absence.objects.filter(Q(end__isnull=True) | Q(end__gt=since))
        .select_related("officer")
        .order_by("-start")
    )


def absence_cover(
    *, absence: Absence, now: dt.datetime | None = None
) -> list[DistrictResponsibility]:
    """For the wijken of an absent officer: who is responsible (now, or when the absence starts)."""
    now = now or timezone.now()
    if absence.end is not None and absence.end <= now:
        return []
    district_ids = DistrictAssignment.objects.filter(officer=absence.officer).values("district_id")
    districts = list(districts_light().filter(pk__in=district_ids))
    if not districts:
        return []
    return responsibilities_now(at=max(now, absence.start), districts=districts)


def shifts_on(*, day: dt.date) -> QuerySet[Shift]:
    """Shifts that run on a local day (also a night shift that began the evening before)."""
    start, end = day_bounds(day, local_tz())
    return (
        Shift.objects.filter(start__lt=end, end__gt=start)
        .select_related("district", "pair")
        .defer("district__geometry", "district__description")
        .prefetch_related("officers")
        .order_by("start", "pk")
    )


def absences_on(*, day: dt.date) -> QuerySet[Absence]:
    start, end = day_bounds(day, local_tz())
    return (
        Absence.objects.filter(start__lt=end)
        .filter(Q(end__isnull=True) | Q(end__gt=start))
        .select_related("officer")
        .order_by("officer__last_name", "start")
    )


def pair_list() -> QuerySet[Pair]:
    return Pair.objects.select_related("first", "second")


def pattern_list() -> QuerySet[RosterPattern]:
    return (
        RosterPattern.objects.select_related("pair", "district")
        .defer("district__geometry", "district__description")
        .annotate(shift_count=Count("shifts"))
        .order_by("pair__name", "start_time", "pk")
    )


def contact_list(*, district: District) -> QuerySet[DistrictContact]:
    return DistrictContact.objects.filter(district=district)


def contact_overview() -> QuerySet[District]:
    return districts_light().annotate(contact_count=Count("contacts")).order_by("name")


# The roster week has its own module (it builds a view model); read it from here like the rest.
from openhandhaving.team.week import RosterWeek, roster_week  # noqa: E402, F401
