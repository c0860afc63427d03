"""The demo team's year, pure (no Django): weekly roster patterns per pair and absences per officer.

Fifteen pairs: pairs 0-7 each hold the district officer of wijk 0-7 and work two fixed days a week
in that wijk, plus a weekday evening and every other Saturday evening for the whole town. Pairs
8-14 are the flexible pairs: weekday evenings, a weekday day shift, and a three-week weekend
cycle (Friday and Saturday nights near the nightlife, a weekend of day shifts, a free weekend).
Every pattern keeps at least 11 hours of rest between two shifts of the same pair.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

EARLY = (dt.time(7, 30), dt.time(16, 0))
DAY = (dt.time(9, 0), dt.time(17, 30))
EVENING = (dt.time(15, 0), dt.time(23, 30))
NIGHT = (dt.time(22, 0), dt.time(6, 0))
TRAINING = (dt.time(8, 30), dt.time(16, 30))

WIJK_PAIRS = 8
# Per wijk pair: (days in the own wijk, weekday evening). The evening is never the day before a
# wijk day: 23:30 → 07:30 would leave too little rest.
WIJK_WEEK = [
    ((1, 3), 4),
    ((0, 2), 3),
    ((1, 4), 2),
    ((0, 3), 4),
    ((2, 4), 0),
    ((1, 3), 4),
    ((0, 2), 3),
    ((2, 4), 0),
]
# Per flexible pair: (weekday day shift, weekday evenings); never an evening before the day shift.
FLEX_WEEK = [
    (0, (2, 3)),
    (1, (2, 3)),
    (0, (1, 3)),
    (2, (0, 3)),
    (3, (0, 1)),
    (1, (2, 3)),
    (0, (2, 3)),
]

HERE = "wijk"  # the pair's own wijk
NIGHTLIFE = "nightlife"  # the wijk with the nightlife area
TOWN = "town"  # the whole municipality


@dataclass(frozen=True)
class PatternPlan:
    pair: int
    weekdays: tuple[int, ...]
    start: dt.time
    end: dt.time
    where: str  # HERE, NIGHTLIFE or TOWN
    every_weeks: int = 1
    week_offset: int = 0  # the pattern starts this many weeks after the roster's first Monday


@dataclass(frozen=True)
class AbsencePlan:
    officer: int
    kind: str  # team.choices.AbsenceKind value
    first_day: dt.date
    last_day: dt.date | None  # None: open-ended (still ill)
    note: str = ""
    hours: tuple[dt.time, dt.time] | None = None  # part of one day (training); else whole days


def roster_patterns(pair_count: int = 15) -> list[PatternPlan]:
    plans = []
    for pair in range(pair_count):
        if pair < WIJK_PAIRS:
            wijk_days, evening = WIJK_WEEK[pair % len(WIJK_WEEK)]
            plans += [
                PatternPlan(pair, wijk_days, *(EARLY if pair % 2 == 0 else DAY), HERE),
                PatternPlan(pair, (evening,), *EVENING, TOWN),
                PatternPlan(pair, (5,), *EVENING, TOWN, every_weeks=2, week_offset=pair % 2),
            ]
        else:
            flex = pair - WIJK_PAIRS
            day, evenings = FLEX_WEEK[flex % len(FLEX_WEEK)]
            phase = flex % 3
            plans += [
                PatternPlan(pair, (day,), *DAY, TOWN),
                PatternPlan(pair, evenings, *EVENING, TOWN),
                PatternPlan(pair, (4, 5), *NIGHT, NIGHTLIFE, every_weeks=3, week_offset=phase),
                PatternPlan(pair, (5, 6), *DAY, TOWN, every_weeks=3, week_offset=(phase + 1) % 3),
            ]
    return plans


TRAINING_NOTES = [
    "IBT-training (integrale beroepsvaardigheden)",
    "Bijscholing boa-domein Openbare ruimte",
    "EHBO-herhaling",
    "Training de-escalerend werken",
    "Bijscholing wetgeving en bekeuren",
    "Training omgaan met agressie",
]
# (note, month, day, days): school holidays in which many officers take a week off.
HOLIDAY_WEEKS = [
    ("Voorjaarsvakantie", 2, 16, 7),
    ("Meivakantie", 4, 27, 9),
    ("Herfstvakantie", 10, 19, 7),
]


class AbsencePlanner:
    """Absences over [first, last] for `officers` people; none overlap for one person."""

    def __init__(
        self, rng: random.Random, *, officers: int, first: dt.date, last: dt.date, today: dt.date
    ) -> None:
        self.rng, self.first, self.last, self.today = rng, first, last, today
        self.busy: dict[int, list[tuple[dt.date, dt.date]]] = {i: [] for i in range(officers)}
        self.plans: list[AbsencePlan] = []

    def add(self, plan: AbsencePlan) -> bool:
        """Keep the absence if it fits the period and the officer is free on all its days."""
        last = plan.last_day or self.today
        if plan.first_day < self.first or last > self.last or last < plan.first_day:
            return False
        if any(plan.first_day <= b and a <= last for a, b in self.busy[plan.officer]):
            return False
        self.busy[plan.officer].append((plan.first_day, last))
        self.plans.append(plan)
        return True

    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)

    def leave(self, officer: int, first: dt.date, days: int, note: str) -> bool:
        """Leave of `days` days from `first`; the part outside the roster period is left out."""
        last = min(first + dt.timedelta(days=days - 1), self.last)
        first = max(first, self.first)
        return self.add(AbsencePlan(officer, "leave", first, last, note))


def plan_absences(
    rng: random.Random,
    *,
    officers: int,
    first: dt.date,
    last: dt.date,
    today: dt.date,
    protected: tuple[int, ...] = (),
) -> list[AbsencePlan]:
    """Leave (summer, Christmas, school holidays, odd days), sickness and training days.

    Officers in `protected` are neither ill nor away today (the demo logs in as one of them).
    """
    planner = AbsencePlanner(rng, officers=officers, first=first, last=last, today=today)
    for p in protected:  # keeps today free of any absence for them
        planner.busy[p].append((today, today))
    for year in planner.years():
        for officer in range(officers):
            summer_leave(rng, planner, officer, year)
            if rng.random() < 0.45:
                planner.leave(officer, dt.date(year, 12, 24), 9, "Kerstvakantie")
            elif rng.random() < 0.6:
                planner.leave(
                    officer, dt.date(year, 12, rng.choice((22, 27))), 3, "Vrije dagen rond kerst"
                )
            if rng.random() < 0.6:  # one school holiday week besides summer
                note, month, day, days = rng.choice(HOLIDAY_WEEKS)
                planner.leave(officer, dt.date(year, month, day), days, note)
    for officer in range(officers):
        for _ in range(rng.randint(2, 4)):
            day = planner.first + dt.timedelta(
                days=rng.randrange((planner.last - planner.first).days)
            )
            if day.weekday() < 5:
                planner.leave(officer, day, 1, "Snipperdag")
        for _ in range(rng.randint(2, 4)):
            day = planner.first + dt.timedelta(
                days=rng.randrange((planner.last - planner.first).days)
            )
            if day.weekday() < 5:
                note = rng.choice(TRAINING_NOTES)
                planner.add(AbsencePlan(officer, "training", day, day, note, TRAINING))
        sick_spells(rng, planner, officer)
    currently_ill = [o for o in range(officers) if o not in protected]
    for officer in rng.sample(currently_ill, 2):
        start = today - dt.timedelta(days=rng.randint(1, 6))
        planner.add(AbsencePlan(officer, "illness", start, None, "Ziek gemeld"))
    return sorted(planner.plans, key=lambda p: (p.first_day, p.officer, p.kind))


def summer_leave(rng: random.Random, planner: AbsencePlanner, officer: int, year: int) -> None:
    """Two or three weeks, staggered over July and August so the team keeps going."""
    week = 27 + (officer * 3 + rng.randrange(3)) % 8
    saturday = dt.date.fromisocalendar(year, week, 1) - dt.timedelta(days=2)
    days = rng.choice((16, 16, 23))
    if saturday + dt.timedelta(days=days) < planner.first or saturday > planner.last:
        return  # this summer lies outside the roster period
    for later in (0, 14, -14, 28):  # a bit later or earlier if something is in the way
        if planner.leave(officer, saturday + dt.timedelta(days=later), days, "Zomervakantie"):
            return


def sick_spells(rng: random.Random, planner: AbsencePlanner, officer: int) -> None:
    """Zero to three past spells of 1-10 days, more often in winter."""
    span = (planner.today - planner.first).days
    if span <= 1:
        return
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        for _attempt in range(4):
            start = planner.first + dt.timedelta(days=rng.randrange(span))
            winter = start.month in (11, 12, 1, 2, 3)
            if winter or rng.random() < 0.5:
                break
        days = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 7, 10))
        last = min(start + dt.timedelta(days=days - 1), planner.today - dt.timedelta(days=1))
        planner.add(AbsencePlan(officer, "illness", start, last, "Ziek gemeld"))
