"""Routing reads the roster from a per-process copy: the same answers as the plain lookup."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from openhandhaving.reports.tests.town import at
from openhandhaving.team.models import Absence
from openhandhaving.team.roster_cache import responsibility_cached
from openhandhaving.team.selectors import responsibility_for
from openhandhaving.team.tests.factories import make_absence, make_shift

pytestmark = pytest.mark.django_db


def both(district, moment, reveal=True):
    plain = responsibility_for(district=district, at=moment, reveal_absence_kind=reveal)
    cached, user = responsibility_cached(
        district_id=district.pk, district_name=district.name, at=moment, reveal_absence_kind=reveal
    )
    return plain, cached, user


def test_the_copy_answers_like_the_plain_lookup_through_a_day(town):
    make_absence(town.officers["karin"], "2026-11-24 15:00", "2026-11-24 18:00")
    make_shift("2026-11-24 16:00", "2026-11-24 23:00", town.officers["piet"])  # whole town
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        moment = at("2026-11-24 06:00")
        while moment < at("2026-11-25 02:00"):
            for district in (town.west, town.oost):
                for reveal in (True, False):
                    plain, cached, user = both(district, moment, reveal)
                    assert cached == plain, (district.name, moment, reveal)
                    if plain.officer_id is not None:
                        assert user is not None and user.officer.pk == plain.officer_id
            moment += dt.timedelta(minutes=30)


def test_a_change_in_this_process_shows_at_once(town, settings):
    settings.CACHE_RECHECK_SECONDS = 3600
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        _before, _cached, user = both(town.west, at())
        assert user == town.hanna
        make_absence(town.officers["hanna"], "2026-11-24 09:00")  # saved through the ORM
        plain, cached, user = both(town.west, at())
        assert cached == plain and user == town.piet


def test_a_change_in_another_process_shows_after_the_recheck_time(town, settings):
    settings.CACHE_RECHECK_SECONDS = 60
    with time_machine.travel(at("2026-11-24 10:00"), tick=False) as clock:
        assert both(town.west, at())[2] == town.hanna
        # Another process: a row written without this process's signals.
        Absence.objects.bulk_create(
            [Absence(officer=town.officers["hanna"], kind="illness", start=at("2026-11-24 09:00"))]
        )
        from openhandhaving.team.roster_cache import _roster

        stale = _roster.get()
        clock.shift(30)
        assert _roster.get() is stale
        clock.shift(31)
        assert _roster.get() is not stale
        assert both(town.west, at())[2] == town.piet


def test_a_moment_outside_the_window_is_answered_from_its_own_copy(town):
    with time_machine.travel(at("2026-11-20 10:00"), tick=False):
        plain, cached, user = both(town.west, at("2026-11-24 10:00"))
    assert cached == plain and user == town.hanna
