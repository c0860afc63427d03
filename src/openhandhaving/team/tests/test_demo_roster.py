"""The demo team's plans (pure): a roster without clashes and with rest, realistic absences."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

import pytest

from openhandhaving.team import demo_people as people
from openhandhaving.team.demo_roster import (
    HERE,
    NIGHTLIFE,
    WIJK_PAIRS,
    plan_absences,
    roster_patterns,
)
from openhandhaving.team.roster import pattern_occurrences

AMS = ZoneInfo("Europe/Amsterdam")
FIRST = dt.date(2025, 9, 1)  # a Monday; the year holds both DST changes and Christmas
LAST = dt.date(2026, 8, 30)
TODAY = dt.date(2026, 3, 2)


@pytest.fixture(scope="module")
def shifts_per_pair():
    shifts = defaultdict(list)
    for plan in roster_patterns(15):
        for o in pattern_occurrences(
            weekdays=plan.weekdays,
            start_time=plan.start,
            end_time=plan.end,
            valid_from=FIRST + dt.timedelta(weeks=plan.week_offset),
            valid_until=LAST,
            every_weeks=plan.every_weeks,
            tz=AMS,
        ):
            shifts[plan.pair].append((o.start, o.end, plan.where))
    return {pair: sorted(items) for pair, items in shifts.items()}


@pytest.fixture(scope="module")
def absences():
    return plan_absences(
        random.Random(3), officers=30, first=FIRST, last=LAST, today=TODAY, protected=(0,)
    )


def test_no_pair_has_two_shifts_at_once_and_always_eleven_hours_rest(shifts_per_pair):
    assert len(shifts_per_pair) == 15
    for pair, shifts in shifts_per_pair.items():
        for (_s1, end, _w1), (start, _e2, _w2) in itertools.pairwise(shifts):
            assert start - end >= dt.timedelta(hours=11), (pair, end, start)


def test_every_pair_works_a_realistic_week(shifts_per_pair):
    weeks = (LAST - FIRST).days / 7
    for pair, shifts in shifts_per_pair.items():
        hours = sum((end - start).total_seconds() for start, end, _ in shifts) / 3600 / weeks
        assert 27 <= hours <= 38, (pair, hours)


def test_wijk_pairs_spend_two_fixed_days_a_week_in_their_wijk(shifts_per_pair):
    for pair in range(WIJK_PAIRS):
        in_wijk = [start for start, _end, where in shifts_per_pair[pair] if where == HERE]
        per_week = Counter(start.isocalendar()[:2] for start in in_wijk)
        assert set(per_week.values()) == {2}, pair
        assert len({start.weekday() for start in in_wijk}) == 2, pair
        assert len({start.time() for start in in_wijk}) == 1, pair
        assert {start.time() for start in in_wijk} <= {dt.time(7, 30), dt.time(9, 0)}


def test_friday_and_saturday_nights_near_the_nightlife_cross_midnight(shifts_per_pair):
    nights = [
        (start, end)
        for shifts in shifts_per_pair.values()
        for start, end, where in shifts
        if where == NIGHTLIFE
    ]
    assert {start.weekday() for start, _ in nights} == {4, 5}
    assert all((start.time(), end.time()) == (dt.time(22), dt.time(6)) for start, end in nights)
    assert all(end.date() == start.date() + dt.timedelta(days=1) for start, end in nights)
    per_weekend = Counter(start.isocalendar()[:2] for start, _ in nights if start.weekday() == 5)
    assert min(per_weekend.values()) >= 2  # every Saturday night at least two pairs


def test_absences_never_overlap_for_one_officer(absences):
    per_officer = defaultdict(list)
    for a in absences:
        per_officer[a.officer].append((a.first_day, a.last_day or TODAY))
    for officer, spans in per_officer.items():
        spans.sort()
        for (_f1, last), (first, _l2) in itertools.pairwise(spans):
            assert first > last, officer
    assert all(a.first_day >= FIRST and (a.last_day or TODAY) <= LAST for a in absences)


def test_everyone_takes_leave_mostly_in_summer_and_around_christmas(absences):
    leave_days = Counter()
    per_officer = Counter()
    for a in absences:
        if a.kind == "leave":
            days = (a.last_day - a.first_day).days + 1
            per_officer[a.officer] += days
            for i in range(days):
                leave_days[(a.first_day + dt.timedelta(days=i)).month] += 1
    assert len(per_officer) == 30
    assert all(14 <= days <= 50 for days in per_officer.values()), per_officer
    quiet = (leave_days[3] + leave_days[6] + leave_days[9]) / 3
    assert leave_days[7] + leave_days[8] > 8 * quiet
    assert leave_days[12] > 2 * quiet


def test_sickness_is_in_the_past_and_a_few_are_ill_right_now(absences):
    ill = [a for a in absences if a.kind == "illness"]
    still_ill = [a for a in ill if a.last_day is None]
    assert len(still_ill) == 2
    assert all(a.first_day < TODAY for a in still_ill)
    for a in ill:
        if a.last_day is not None:
            assert a.last_day < TODAY
            assert 1 <= (a.last_day - a.first_day).days + 1 <= 10


def test_training_days_are_weekdays_with_hours(absences):
    training = [a for a in absences if a.kind == "training"]
    assert len(training) >= 30
    assert all(a.first_day.weekday() < 5 and a.hours and a.note for a in training)


def test_the_officer_who_logs_in_is_at_work_today(absences):
    for a in absences:
        if a.officer == 0:
            assert not (a.first_day <= TODAY <= (a.last_day or TODAY)), a


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Hanna", "de Vries", "HV"),
        ("Yvonne", "van den Berg", "YB"),
        ("Fatima", "El Amrani", "FA"),
        ("Mehmet", "Öztürk", "MÖ"),
    ],
)
def test_portrait_initials_skip_name_particles(first, last, expected):
    assert people.initials(first, last) == expected


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Hanna", "de Vries", "h.devries@demo.openhandhaving.nl"),
        ("Esra", "Yılmaz", "e.yilmaz@demo.openhandhaving.nl"),
        ("Gökhan", "Demir", "g.demir@demo.openhandhaving.nl"),
    ],
)
def test_work_email_addresses_are_plain_ascii(first, last, expected):
    assert people.officer_email(first, last) == expected


def test_demo_names_are_unique_and_phone_numbers_cannot_exist():
    full = [people.FIRST_OFFICER, *people.OFFICER_NAMES]
    assert len(set(full)) == len(full) >= 30
    assert len({people.officer_email(first, last) for first, last in full}) == len(full)
    phone = people.fictional_phone(random.Random(1))
    assert phone.startswith("0320-0") and len(phone) == 11


def test_another_seed_gives_other_absences(absences):
    other = plan_absences(
        random.Random(4), officers=30, first=FIRST, last=LAST, today=TODAY, protected=(0,)
    )
    assert other != absences
    again = plan_absences(
        random.Random(3), officers=30, first=FIRST, last=LAST, today=TODAY, protected=(0,)
    )
    assert again == absences
