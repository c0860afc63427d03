"""Queues and search of the back office: who sees which reports, and what a filter does."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.utils import timezone

from openhandhaving.reports.choices import Status
from openhandhaving.reports.models import Report
from openhandhaving.reports.selectors import (
    Late,
    Queue,
    ReportFilters,
    late_by_district,
    late_by_main_category,
    nearby_reports,
    normalise_number,
    queue_counts,
    report_page,
    report_search,
    unrouted_reports,
)
from openhandhaving.reports.tests.factories import (
    LAT,
    LON,
    CategoryFactory,
    ReportFactory,
    TeamFactory,
    offset_point,
)
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.tests.factories import DistrictFactory, OfficerFactory, assign

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def numbers(reports) -> list[str]:
    return [r.number for r in reports]


def search(user, **filters) -> list[str]:
    return numbers(report_search(user=user, filters=ReportFilters(**filters), now=NOW))


@pytest.fixture
def town(make_user):
    """Hanna is district officer of Schalkwijk and backup of Centrum; Piet is a colleague."""
    hanna, piet, cora = make_user("officer"), make_user("officer"), make_user("coordinator")
    schalkwijk, centrum, noord = (
        DistrictFactory(name=n) for n in ("Schalkwijk", "Centrum", "Noord")
    )
    assign(schalkwijk, OfficerFactory(user=hanna))
    assign(centrum, hanna.officer, AssignmentRole.BACKUP)
    assign(noord, OfficerFactory(user=piet))
    team = TeamFactory(name="Handhaving")
    team.members.add(hanna)
    return {
        "hanna": hanna,
        "piet": piet,
        "cora": cora,
        "schalkwijk": schalkwijk,
        "centrum": centrum,
        "noord": noord,
        "team": team,
    }


def test_mine_holds_my_open_reports_most_urgent_first(town):
    hanna = town["hanna"]
    later = ReportFactory(owner=hanna, deadline=NOW + dt.timedelta(days=3))
    sooner = ReportFactory(owner=hanna, deadline=NOW + dt.timedelta(days=1))
    ReportFactory(owner=hanna, status=Status.DONE)
    ReportFactory(owner=town["piet"])
    assert search(hanna, queue=Queue.MINE) == [sooner.number, later.number]


def test_my_wijk_holds_the_wijken_where_i_am_district_officer_or_backup(town):
    in_own = ReportFactory(district=town["schalkwijk"], owner=town["piet"])
    as_backup = ReportFactory(district=town["centrum"])
    ReportFactory(district=town["noord"])
    ReportFactory(district=town["schalkwijk"], status=Status.CANCELLED)
    assert set(search(town["hanna"], queue=Queue.WIJK)) == {in_own.number, as_backup.number}


def test_a_person_without_a_wijk_has_an_empty_wijk_queue(town):
    ReportFactory(district=town["schalkwijk"])
    assert search(town["cora"], queue=Queue.WIJK) == []


def test_a_colleagues_queue_shows_what_they_own_for_illness_or_holiday(town):
    theirs = ReportFactory(owner=town["piet"])
    ReportFactory(owner=town["hanna"])
    assert search(town["hanna"], queue=Queue.COLLEAGUE, colleague=town["piet"]) == [theirs.number]
    assert search(town["hanna"], queue=Queue.COLLEAGUE) == []


def test_my_team_holds_the_reports_in_the_queue_of_my_teams(town):
    ours = ReportFactory(owner_team=town["team"])
    ReportFactory(owner_team=TeamFactory(name="Parkeren"))
    assert search(town["hanna"], queue=Queue.TEAM) == [ours.number]
    assert search(town["piet"], queue=Queue.TEAM) == []


def test_the_coordinators_queue_holds_open_reports_without_an_owner(town):
    unrouted = ReportFactory(owner=None, owner_team=town["team"])
    ReportFactory(owner=None, status=Status.DONE)
    ReportFactory(owner=town["hanna"])
    assert search(town["cora"], queue=Queue.COORDINATORS) == [unrouted.number]
    assert numbers(unrouted_reports()) == [unrouted.number]


def test_a_number_finds_the_report_whatever_the_queue_and_other_filters(town):
    closed = ReportFactory(owner=town["piet"], status=Status.DONE, address="Elders 1")
    found = search(
        town["hanna"],
        queue=Queue.MINE,
        number=f" {closed.number} ",
        address="Dorpsstraat",
        statuses=[Status.NEW],
        late=Late.LATE_3X,
    )
    assert found == [closed.number]


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        pytest.param("2026-000123", "2026-000123", id="the full number"),
        pytest.param("2026-123", "2026-000123", id="without leading zeros"),
        pytest.param(" 2026-123 ", "2026-000123", id="with spaces around it"),
        pytest.param("abc", "ABC", id="not a number: searched as typed"),
    ],
)
def test_typed_numbers_are_read_as_the_report_number(typed, number):
    assert normalise_number(typed) == number


def test_late_and_three_times_late_count_only_open_reports(town):
    hanna = town["hanna"]
    on_time = ReportFactory(owner=hanna, deadline=NOW + dt.timedelta(days=1))
    late = ReportFactory(
        owner=hanna,
        deadline=NOW - dt.timedelta(days=1),
        deadline_3x=NOW + dt.timedelta(days=5),
    )
    late_3x = ReportFactory(
        owner=hanna,
        deadline=NOW - dt.timedelta(days=20),
        deadline_3x=NOW - dt.timedelta(days=2),
    )
    ReportFactory(
        owner=hanna,
        status=Status.DONE,
        deadline=NOW - dt.timedelta(days=20),
        deadline_3x=NOW - dt.timedelta(days=2),
    )
    assert set(search(hanna, queue=Queue.MINE)) == {on_time.number, late.number, late_3x.number}
    assert search(hanna, queue=Queue.MINE, late=Late.LATE) == [late_3x.number, late.number]
    assert search(hanna, queue=Queue.ALL, late=Late.LATE_3X) == [late_3x.number]


def test_without_a_status_lists_hold_open_reports_and_a_status_filter_widens_them(town):
    open_report = ReportFactory(status=Status.IN_PROGRESS)
    done = ReportFactory(status=Status.DONE)
    user = town["cora"]
    assert search(user, queue=Queue.ALL) == [open_report.number]
    assert search(user, queue=Queue.ALL, statuses=[Status.DONE]) == [done.number]


def test_address_keyword_period_owner_and_wijk_narrow_the_search(town):
    user = town["cora"]
    target = ReportFactory(
        address="Dorpsstraat 12, Waterdam",
        text="Hondenpoep bij de speeltuin",
        owner=town["piet"],
        district=town["noord"],
        reported_at=timezone.make_aware(dt.datetime(2026, 3, 10, 23, 30)),
    )
    ReportFactory(address="Kerkweg 1", text="Hondenpoep op de stoep")
    ReportFactory(address="Dorpsstraat 3", text="Fout geparkeerd")
    ReportFactory(
        address="Dorpsstraat 12",
        text="Hondenpoep",
        reported_at=timezone.make_aware(dt.datetime(2026, 3, 11, 0, 30)),
    )
    assert search(
        user, address="dorpsstraat", keyword="hondenpoep", date_to=dt.date(2026, 3, 10)
    ) == [target.number]
    assert search(user, date_from=dt.date(2026, 3, 10), date_to=dt.date(2026, 3, 10)) == [
        target.number
    ]
    assert search(user, owner=town["piet"]) == [target.number]
    assert search(user, district=town["noord"]) == [target.number]


def test_a_main_category_includes_its_subcategories(town):
    overlast = CategoryFactory(name="Overlast")
    noise = CategoryFactory(name="Geluid", parent=overlast)
    litter = CategoryFactory(name="Afval")
    in_main = ReportFactory(category=overlast)
    in_sub = ReportFactory(category=noise)
    ReportFactory(category=litter)
    user = town["cora"]
    assert set(search(user, category=overlast)) == {in_main.number, in_sub.number}
    assert search(user, category=noise) == [in_sub.number]


def test_sorting_by_report_time_puts_the_newest_first(town):
    old = ReportFactory(reported_at=NOW - dt.timedelta(days=3))
    new = ReportFactory(reported_at=NOW - dt.timedelta(hours=1))
    assert search(town["cora"], sort="-reported_at") == [new.number, old.number]
    assert search(town["cora"], sort="reported_at") == [old.number, new.number]


def test_a_page_knows_if_there_is_a_next_one_without_counting_everything(town):
    ReportFactory.create_batch(27)
    reports = report_search(user=town["cora"], filters=ReportFilters(), now=NOW)
    first = report_page(reports, number=1, size=25)
    second = report_page(reports, number=2, size=25)
    assert (len(first.items), first.has_next, first.has_previous) == (25, True, False)
    assert (len(second.items), second.has_next, second.has_previous) == (2, False, True)
    assert first.total == second.total == 27
    assert {r.number for r in first.items}.isdisjoint(r.number for r in second.items)


def test_queue_counts_count_open_reports_per_queue(town):
    hanna = town["hanna"]
    ReportFactory(owner=hanna, district=town["schalkwijk"])
    ReportFactory(owner=None, district=town["centrum"])
    ReportFactory(owner=hanna, status=Status.DONE)
    counts = queue_counts(user=hanna)
    assert counts[Queue.MINE] == 1
    assert counts[Queue.WIJK] == 2
    assert counts[Queue.COORDINATORS] == 1
    assert counts[Queue.TEAM] == 0
    assert Queue.WIJK not in queue_counts(user=town["cora"])


def test_late_counts_per_wijk_and_main_category(town):
    overlast = CategoryFactory(name="Overlast")
    noise = CategoryFactory(name="Geluid", parent=overlast)
    late = {"deadline": NOW - dt.timedelta(days=1), "deadline_3x": NOW + dt.timedelta(days=1)}
    late_3x = {"deadline": NOW - dt.timedelta(days=9), "deadline_3x": NOW - dt.timedelta(days=1)}
    ReportFactory(district=town["noord"], category=noise, **late)
    ReportFactory(district=town["noord"], category=overlast, **late_3x)
    ReportFactory(district=town["noord"], category=noise)
    ReportFactory(district=town["noord"], category=noise, status=Status.DONE, **late_3x)
    wijken = {row.name: (row.open, row.late, row.late_3x) for row in late_by_district(now=NOW)}
    assert wijken == {"Noord": (3, 2, 1)}
    categories = {r.name: (r.open, r.late, r.late_3x) for r in late_by_main_category(now=NOW)}
    assert categories == {"Overlast": (3, 2, 1)}


def test_nearby_reports_are_of_the_same_category_within_the_radius_and_twelve_weeks():
    category = CategoryFactory()
    report = ReportFactory(category=category)
    close = ReportFactory(category=category, reported_at=NOW - dt.timedelta(days=20))
    lat, lon = offset_point(LAT, LON, north_m=45)
    at_45_m = ReportFactory(category=category, lat=lat, lon=lon, status=Status.DONE)
    lat, lon = offset_point(LAT, LON, east_m=60)
    ReportFactory(category=category, lat=lat, lon=lon)  # too far
    ReportFactory(category=category, reported_at=NOW - dt.timedelta(weeks=13))  # too old
    ReportFactory(category=CategoryFactory())  # other category, same spot
    found = nearby_reports(report=report, radius_m=50, now=NOW)
    assert [n.number for n in found] == [close.number, at_45_m.number]
    assert found[1].distance_m == pytest.approx(45, abs=0.5)


def test_a_close_open_report_of_the_last_days_is_a_likely_duplicate():
    category = CategoryFactory()
    report = ReportFactory(category=category)
    twin = ReportFactory(category=category, reported_at=NOW - dt.timedelta(hours=5))
    old = ReportFactory(category=category, reported_at=NOW - dt.timedelta(days=10))
    closed = ReportFactory(category=category, status=Status.DONE)
    flags = {n.number: n.likely_duplicate for n in nearby_reports(report=report, now=NOW)}
    assert flags == {twin.number: True, old.number: False, closed.number: False}


def test_the_radius_comes_from_the_setting(settings):
    settings.REPORTS_NEARBY_RADIUS_M = 100
    category = CategoryFactory()
    report = ReportFactory(category=category)
    lat, lon = offset_point(LAT, LON, east_m=80)
    other = ReportFactory(category=category, lat=lat, lon=lon)
    assert [n.number for n in nearby_reports(report=report, now=NOW)] == [other.number]


def test_open_report_lists_repeat_the_partial_index_condition_as_written(town):
    """SQLite reads the small index of open reports only for a query that states the index's
    condition literally (bound parameters do not count); a million-report queue needs it."""
    index = next(i for i in Report._meta.indexes if i.name == "report_open_by_deadline")
    ddl = str(index.create_sql(Report, connection.schema_editor()))
    condition = ddl.split(" WHERE ", 1)[1].replace('"status"', '"reports_report"."status"')
    queue = report_search(user=town["hanna"], filters=ReportFilters(queue=Queue.WIJK))
    sql, params = queue.query.sql_with_params()
    assert condition in sql
    if connection.vendor == "sqlite":
        indexed = sql.replace(
            'FROM "reports_report"', 'FROM "reports_report" INDEXED BY report_open_by_deadline', 1
        )
        with connection.cursor() as cursor:  # fails with "no query solution" if unusable
            cursor.execute(f"EXPLAIN QUERY PLAN {indexed}", params)
