"""The roster week, "wie is waar, wanneer": officers × days with shifts and absences.

A selector, re-exported by selectors.py; in its own module because it builds a whole view model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.areas.models import District
from openhandhaving.team.choices import AbsenceKind, AssignmentRole
from openhandhaving.team.models import Absence, DistrictAssignment, Officer, Shift
from openhandhaving.team.roster import day_bounds, iso_week_label, overlaps


@dataclass
class WeekEntry:
    kind: str  # "shift" or "absence"
    start: dt.datetime
    time: str  # "08:00–16:30", "hele dag", "vanaf 12:00"
    place: str  # the wijk of a shift, or the kind of absence
    shift_id: int | None = None
    pair: str = ""
    overnight: bool = False  # the shift ends the next day
    cancelled: bool = False  # the officer is absent during (part of) the shift


@dataclass
class WeekRow:
    officer: Officer
    roles: list[str]
    days: list[list[WeekEntry]]


@dataclass
class WeekDay:
    date: dt.date
    is_today: bool
    # Per officer who works or is absent that day: his entries (the list on a phone).
    entries: list[tuple[Officer, list[WeekEntry]]] = field(default_factory=list)


@dataclass
class RosterWeek:
    monday: dt.date
    label: str  # "2026-W48"
    previous: str
    next: str
    days: list[WeekDay]
    rows: list[WeekRow]
    district: District | None = None


def _clock(moment: dt.datetime, tz: ZoneInfo) -> str:
    return f"{moment.astimezone(tz):%H:%M}"


def _absence_time(absence: Absence, day_start: dt.datetime, day_end: dt.datetime, tz) -> str:
    starts_before = absence.start <= day_start
    ends_after = absence.end is None or absence.end >= day_end
    if starts_before and ends_after:
        return _("hele dag")
    if starts_before:
        return _("tot %(time)s") % {"time": _clock(absence.end, tz)}
    if ends_after:
        return _("vanaf %(time)s") % {"time": _clock(absence.start, tz)}
    return f"{_clock(absence.start, tz)}–{_clock(absence.end, tz)}"


def roster_week(
    *,
    monday: dt.date,
    district: District | None = None,
    reveal_absence_kind: bool = True,
    today: dt.date | None = None,
) -> RosterWeek:
    """The week from `monday`: every active officer (or, for one wijk, those working there or
    assigned to it) with per day their shifts (on the day they start) and absences. Five queries.
    """
    tz = ZoneInfo(settings.TIME_ZONE)
    today = today or timezone.localdate()
    dates = [monday + dt.timedelta(days=i) for i in range(7)]
    bounds = [day_bounds(day, tz) for day in dates]
    week_start, week_end = bounds[0][0], bounds[-1][1]

    shifts = (
        Shift.objects.filter(start__gte=week_start, start__lt=week_end)
        .select_related("district", "pair")
        .defer("district__geometry", "district__description")
        .prefetch_related("officers")
        .order_by("start", "pk")
    )
    if district is not None:
        shifts = shifts.filter(district=district)
    shifts = list(shifts)
    on_shift = {officer.pk for shift in shifts for officer in shift.officers.all()}
    if district is not None:
        wanted = Q(pk__in=on_shift) | Q(assignments__district=district)
    else:
        wanted = Q(pk__in=on_shift) | Q(active=True)
    assignments = DistrictAssignment.objects.select_related("district").defer(
        "district__geometry", "district__description"
    )
    officers = list(
        Officer.objects.filter(wanted)
        .distinct()
        .prefetch_related(Prefetch("assignments", queryset=assignments))
    )
    absences = list(
        Absence.objects.filter(officer__in=officers, start__lt=week_end)
        .exclude(end__lte=week_start)
        .order_by("start")
    )
    kind_labels = dict(AbsenceKind.choices)

    rows = []
    days = [WeekDay(date=day, is_today=day == today) for day in dates]
    for officer in officers:
        own_absences = [a for a in absences if a.officer_id == officer.pk]
        cells: list[list[WeekEntry]] = [[] for _ in dates]
        for index, (day_start, day_end) in enumerate(bounds):
            for absence in own_absences:
                if overlaps(absence.start, absence.end, day_start, day_end):
                    label = kind_labels[absence.kind] if reveal_absence_kind else _("Afwezig")
                    cells[index].append(
                        WeekEntry(
                            kind="absence",
                            start=max(absence.start, day_start),
                            time=_absence_time(absence, day_start, day_end, tz),
                            place=str(label),
                        )
                    )
        for shift in shifts:
            if officer not in shift.officers.all():
                continue
            index = (shift.start.astimezone(tz).date() - monday).days
            cells[index].append(
                WeekEntry(
                    kind="shift",
                    start=shift.start,
                    time=f"{_clock(shift.start, tz)}–{_clock(shift.end, tz)}",
                    place=shift.district.name if shift.district else _("Hele gemeente"),
                    shift_id=shift.pk,
                    pair=shift.pair.name if shift.pair else "",
                    overnight=shift.end.astimezone(tz).date() > shift.start.astimezone(tz).date(),
                    cancelled=any(
                        overlaps(a.start, a.end, shift.start, shift.end) for a in own_absences
                    ),
                )
            )
        for index, cell in enumerate(cells):
            cell.sort(key=lambda e: (e.start, e.kind != "absence"))
            if cell:
                days[index].entries.append((officer, cell))
        roles = [
            f"{a.get_role_display()} {a.district.name}"
            for a in sorted(
                officer.assignments.all(),
                key=lambda a: (a.role != AssignmentRole.DISTRICT_OFFICER, a.district.name),
            )
        ]
        rows.append(WeekRow(officer=officer, roles=roles, days=cells))
    for day in days:
        day.entries.sort(key=lambda item: (item[1][0].start, item[0].last_name, item[0].pk))
    return RosterWeek(
        monday=monday,
        label=iso_week_label(monday),
        previous=iso_week_label(monday - dt.timedelta(days=7)),
        next=iso_week_label(monday + dt.timedelta(days=7)),
        days=days,
        rows=rows,
        district=district,
    )
