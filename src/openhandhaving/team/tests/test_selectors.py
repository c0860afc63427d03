"""Team reads against the database: the right answer, in a handful of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.responsibility import Reason
from openhandhaving.team.selectors import (
    absence_cover,
    districts_without_district_officer,
    officer_wijken,
    responsibilities_now,
    responsibility_for,
)
from openhandhaving.team.tests.factories import (
    DistrictFactory,
    OfficerFactory,
    assign,
    local,
    make_absence,
    make_shift,
)
from openhandhaving.team.week import roster_week

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    """Schalkwijk (Hanna, backup Piet) and Centrum (Karin), on a Tuesday in November."""
    schalkwijk = DistrictFactory(name="Schalkwijk")
    centrum = DistrictFactory(name="Centrum")
    hanna = OfficerFactory(first_name="Hanna", last_name="de Vries")
    piet = OfficerFactory(first_name="Piet", last_name="Jansen")
    karin = OfficerFactory(first_name="Karin", last_name="Bakker")
    assign(schalkwijk, hanna)
    assign(schalkwijk, piet, AssignmentRole.BACKUP)
    assign(centrum, karin)
    make_shift("2026-11-24 08:00", "2026-11-24 17:00", hanna, piet, district=schalkwijk)
    make_shift("2026-11-24 12:00", "2026-11-24 22:00", karin, district=centrum)
    return {
        "schalkwijk": schalkwijk,
        "centrum": centrum,
        "hanna": hanna,
        "piet": piet,
        "karin": karin,
    }


def test_the_district_officer_on_duty_is_responsible(town, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        answer = responsibility_for(district=town["schalkwijk"], at=local("2026-11-24 10:00"))
    assert answer.officer_id == town["hanna"].pk
    assert (
        answer.explanation
        == "toegewezen aan H. de Vries: wijkhandhaver Schalkwijk, dienst tot 17:00"
    )


def test_an_illness_recorded_in_the_database_moves_the_wijk_to_the_backup(town):
    make_absence(town["hanna"], "2026-11-24 09:00")
    answer = responsibility_for(district=town["schalkwijk"], at=local("2026-11-24 10:00"))
    assert (answer.officer_id, answer.reason) == (town["piet"].pk, Reason.BACKUP)
    assert "(wijkhandhaver ziek)" in answer.explanation


def test_without_permission_to_see_absences_the_reason_reads_absent(town):
    make_absence(town["hanna"], "2026-11-24 09:00")
    answer = responsibility_for(
        district=town["schalkwijk"], at=local("2026-11-24 10:00"), reveal_absence_kind=False
    )
    assert "(wijkhandhaver afwezig)" in answer.explanation
    assert "ziek" not in answer.explanation


def test_the_backup_working_in_another_wijk_still_covers(town):
    make_absence(town["hanna"], "2026-11-24 09:00")
    town["piet"].shifts.clear()
    make_shift("2026-11-24 09:00", "2026-11-24 18:00", town["piet"], district=town["centrum"])
    answer = responsibility_for(district=town["schalkwijk"], at=local("2026-11-24 10:00"))
    assert answer.officer_id == town["piet"].pk
    assert answer.explanation.endswith("dienst in Centrum tot 18:00")


def test_in_the_evening_nobody_in_schalkwijk_means_the_coordinators(town):
    answer = responsibility_for(district=town["schalkwijk"], at=local("2026-11-24 19:00"))
    assert answer.officer_id is None and answer.reason == Reason.COORDINATORS


def test_all_wijken_at_once_in_a_few_queries(town, django_assert_max_num_queries):
    for n in range(10):  # more wijken and shifts must not mean more queries
        wijk = DistrictFactory()
        officer = OfficerFactory()
        assign(wijk, officer)
        make_shift("2026-11-24 08:00", "2026-11-24 17:00", officer, district=wijk)
        if n % 2:
            make_absence(officer, "2026-11-24 07:00")
    with django_assert_max_num_queries(5):
        rows = responsibilities_now(at=local("2026-11-24 15:00"))
        names = {row.district.name: row.officer for row in rows}
    assert len(rows) == 12
    assert names["Schalkwijk"] == town["hanna"]
    assert names["Centrum"] == town["karin"]
    assert sum(1 for row in rows if row.responsibility.to_coordinators) == 5


def test_wijken_without_a_district_officer_include_one_whose_officer_left(town):
    town["karin"].active = False
    town["karin"].save()
    empty = DistrictFactory(name="Nieuwbouw")
    assert {d.name for d in districts_without_district_officer()} == {"Centrum", empty.name}


def test_an_officer_sees_his_wijk_with_its_backup(town):
    (mine,) = officer_wijken(officer=town["hanna"])
    assert (mine.district, mine.role, mine.colleague) == (
        town["schalkwijk"],
        AssignmentRole.DISTRICT_OFFICER,
        town["piet"],
    )
    (theirs,) = officer_wijken(officer=town["piet"])
    assert theirs.colleague == town["hanna"]


def test_the_absence_page_shows_who_covers_the_wijk_of_the_absent_officer(town):
    absence = make_absence(town["hanna"], "2026-11-24 09:00")
    (row,) = absence_cover(absence=absence, now=local("2026-11-24 10:00"))
    assert row.district == town["schalkwijk"] and row.officer == town["piet"]


def test_a_future_absence_shows_cover_from_its_start(town):
    absence = make_absence(town["hanna"], "2026-11-24 15:00", "2026-11-25 00:00")
    (row,) = absence_cover(absence=absence, now=local("2026-11-24 09:00"))
    assert row.officer == town["piet"]  # at 15:00, not at 09:00
    assert absence_cover(absence=absence, now=local("2026-11-25 09:00")) == []


def test_the_roster_week_places_shifts_and_absences_per_officer_and_day(
    town, django_assert_max_num_queries
):
    make_shift("2026-11-27 22:00", "2026-11-28 06:00", town["hanna"])
    make_absence(town["piet"], "2026-11-26 12:00", "2026-11-28 00:00", kind="leave")
    with django_assert_max_num_queries(6):
        week = roster_week(monday=dt.date(2026, 11, 23), today=dt.date(2026, 11, 24))
    rows = {row.officer.first_name: row for row in week.rows}
    assert set(rows) == {"Hanna", "Piet", "Karin"}
    tuesday = rows["Hanna"].days[1]
    assert [(e.time, e.place) for e in tuesday] == [("08:00–17:00", "Schalkwijk")]
    (night,) = rows["Hanna"].days[4]
    assert (night.time, night.place, night.overnight) == ("22:00–06:00", "Hele gemeente", True)
    assert rows["Hanna"].roles == ["Wijkhandhaver Schalkwijk"]
    assert [(e.place, e.time) for e in rows["Piet"].days[3]] == [("Verlof", "vanaf 12:00")]
    assert [(e.place, e.time) for e in rows["Piet"].days[4]] == [("Verlof", "hele dag")]
    assert rows["Piet"].days[5] == []
    assert week.days[1].is_today and (week.label, week.previous, week.next) == (
        "2026-W48",
        "2026-W47",
        "2026-W49",
    )


def test_a_shift_during_an_absence_is_marked_as_cancelled(town):
    make_absence(town["hanna"], "2026-11-24 07:00")
    week = roster_week(monday=dt.date(2026, 11, 23), reveal_absence_kind=False)
    hanna = next(row for row in week.rows if row.officer == town["hanna"])
    absent, shift = hanna.days[1]
    assert (absent.kind, absent.place) == ("absence", "Afwezig")
    assert shift.cancelled


def test_the_roster_week_for_one_wijk_shows_only_its_shifts_and_people(town):
    week = roster_week(monday=dt.date(2026, 11, 23), district=town["centrum"])
    assert [row.officer for row in week.rows] == [town["karin"]]
    assert all(e.place == "Centrum" for row in week.rows for day in row.days for e in day)
