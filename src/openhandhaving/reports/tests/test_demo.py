"""reports.demo.generate() on the small demo town: catalogue, two years of reports, patterns."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from zoneinfo import ZoneInfo

import numpy as np
import pytest
import shapely
from django.db import transaction
from django.test import override_settings
from shapely.geometry import Point, shape

from openhandhaving.areas import demo as areas_demo
from openhandhaving.areas.models import Place
from openhandhaving.areas.services import locate_many
from openhandhaving.core import demo as core_demo
from openhandhaving.core.calendar import dutch_calendar
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.reports import demo as reports_demo
from openhandhaving.reports.choices import END_STATES, OPEN_STATES, TEXT_REQUIRED, can_transition
from openhandhaving.reports.deadlines import deadlines_for
from openhandhaving.reports.demo_calendar import is_school_day, school_holiday
from openhandhaving.reports.demo_setup import catalogue_load
from openhandhaving.reports.demo_store import CONTACT_COLUMNS, EVENT_COLUMNS, REPORT_COLUMNS
from openhandhaving.reports.labels import owner_label
from openhandhaving.reports.message_templates import has_stray_brace, variables_unknown
from openhandhaving.reports.models import (
    Category,
    Report,
    ReporterContact,
    ReportEvent,
    ReportNumber,
    RoutingCorrection,
    RoutingRule,
    StandardText,
    Team,
)
from openhandhaving.team import demo as team_demo

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = dt.date(2026, 3, 2)
PARKING = ("fout-parkeren", "parkeren-op-de-stoep")

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The small demo with its reports, made once for this module and rolled back after it."""
    fast = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
    )
    with django_db_blocker.unblock(), fast, transaction.atomic():
        ctx = DemoContext(seed=3, size="small", today=TODAY)
        for module in (core_demo, areas_demo, team_demo, reports_demo):
            module.generate(ctx)
        yield ctx
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def reports(demo):
    """Every report with what the checks need, read once."""
    rows = Report.objects.select_related("category", "owner", "owner_team").order_by("id")
    return [(report, timezone_local(report.reported_at)) for report in rows]


def timezone_local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(AMS)


def metres(place: Place):
    """A projection of (lon, lat) rows to metres around a place, good enough inside one town."""
    scale = np.array([111_320.0 * math.cos(math.radians(place.lat)), 111_320.0])
    origin = np.array([place.lon, place.lat])
    return lambda coords: (coords - origin) * scale


def near(reports, place: Place, radius_m: float, slugs) -> list[tuple[Report, dt.datetime]]:
    """Reports of these categories within `radius_m` of the place (its outline if it has one)."""
    project = metres(place)
    area = shapely.transform(shape(place.geometry), project) if place.geometry else Point(0, 0)
    return [
        (report, local)
        for report, local in reports
        if report.category.slug in slugs
        and area.distance(Point(project(np.array([report.lon, report.lat])))) <= radius_m
    ]


def test_the_catalogue_is_ready_for_the_administrator(demo):
    mains = Category.objects.filter(parent__isnull=True)
    assert {"parkeren", "overlast", "afval", "openbare-ruimte"} <= set(
        mains.values_list("slug", flat=True)
    )
    assert not Category.objects.filter(parent__parent__isnull=False).exists()  # two levels
    for sub in Category.objects.filter(parent__isnull=False):
        assert sub.public_name and sub.icon and sub.service_promise and sub.deadline_amount
    drugs = Category.objects.get(slug="drugsoverlast")
    assert drugs.is_sensitive and not drugs.is_public
    assert Category.objects.get(slug="geluidsoverlast").questions[0]["type"] == "choice"
    assert Team.objects.get(slug="handhaving").routes_to_district_officer
    assert Team.objects.get(slug="parkeren").members.count() >= 2
    assert RoutingRule.objects.filter(target_team__slug="nachtdienst").exists()
    for text in StandardText.objects.all():
        assert variables_unknown(text.body) == [] and not has_stray_brace(text.body)
    assert set(StandardText.objects.values_list("status", flat=True)) >= {
        "accepted",
        "done",
        "cancelled",
        "reopened",
    }


def test_every_officer_can_log_in_and_own_reports(demo):
    from openhandhaving.team.models import Officer

    assert not Officer.objects.filter(user__isnull=True).exists()
    assert Officer.objects.get(user__username="handhaver").first_name == "Hanna"


def test_about_two_thousand_reports_over_two_years(reports):
    assert 1_800 <= len(reports) <= 2_200
    first = min(local for _, local in reports)
    last = max(local for _, local in reports)
    assert 724 <= (TODAY - first.date()).days <= 731
    assert last < dt.datetime.combine(TODAY, dt.time(8), tzinfo=AMS)


def test_numbers_run_per_year_and_match_the_counter(reports):
    by_year: dict[int, list[int]] = {}
    for report, local in sorted(reports, key=lambda r: (r[1], r[0].pk)):
        year, serial = report.number.split("-")
        assert int(year) == local.year and len(serial) == 6
        by_year.setdefault(local.year, []).append(int(serial))
    for year, serials in by_year.items():
        assert serials == list(range(1, len(serials) + 1))
        assert ReportNumber.objects.get(year=year).last == len(serials)


def test_deadlines_are_those_of_the_category(reports):
    calendar = dutch_calendar(TODAY.year - 3, TODAY.year + 1)
    for report, local in reports:
        expected = deadlines_for(
            reported_at=local,
            amount=report.category.deadline_amount,
            unit=report.category.deadline_unit,
            calendar=calendar,
        )
        assert (report.deadline, report.deadline_3x) == (expected.due, expected.due_3x)


def test_each_report_is_placed_in_its_wijk_buurt_and_h3_cell(reports):
    found = locate_many([(r.lat, r.lon) for r, _ in reports])
    for (report, _), where in zip(reports, found, strict=True):
        assert report.district_id is not None  # report_create refuses places outside the town
        assert report.h3_cell == where["h3_cell"]
        assert report.district_id == (where["district"].pk if where["district"] else None)
        assert report.neighbourhood_id == (
            where["neighbourhood"].pk if where["neighbourhood"] else None
        )


def test_history_explains_the_owner_and_follows_the_transition_table(reports):
    events: dict[int, list[ReportEvent]] = {}
    for event in ReportEvent.objects.order_by("time", "id"):
        events.setdefault(event.report_id, []).append(event)
    for report, _ in reports:
        history = events[report.pk]
        assert history[0].kind == "created" and history[0].time == report.reported_at
        owners = [e for e in history if e.kind == "owner"]
        assert owners[0].actor_id is None and owners[0].text  # routing, with its reason
        assert owners[-1].new_value == owner_label(report.owner, report.owner_team)
        status = "new"
        for event in history:
            if event.kind == "status":
                assert event.old_value == status and can_transition(status, event.new_value)
                assert event.text or event.new_value not in TEXT_REQUIRED
                status = event.new_value
        assert report.status == status
        assert (report.closed_at is not None) == (report.status in END_STATES)
        assert report.version == len(history)


def test_owners_are_officers_team_colleagues_or_the_coordinator(reports):
    from openhandhaving.team.models import Officer

    officers = set(Officer.objects.values_list("user_id", flat=True))
    members = {
        (t.pk, u) for t in Team.objects.all() for u in t.members.values_list("id", flat=True)
    }
    owners = Counter()
    for report, _ in reports:
        if report.owner is None:  # the coordinators' queue, or the queue of a team
            owners["—"] += 1
            continue
        owners[report.owner.username] += 1
        assert report.owner.is_active
        assert (
            report.owner_id in officers
            or (report.owner_team_id, report.owner_id) in members
            or report.owner.username == "coordinator"
        )
    assert {"handhaver", "stadsbeheer", "groen", "—"} <= set(owners)
    # Rules as data decide first: night-time noise to the night team, drugs to the coordinator.
    reasons = ReportEvent.objects.filter(kind="owner", actor__isnull=True)
    assert reasons.filter(text__startswith="regel 'Geluid 's nachts").exists()
    assert reasons.filter(text__startswith="regel 'Drugsoverlast naar de coördinator'").exists()
    # Coordinators moved parking in the centre to Team Parkeren; routing learned from it.
    assert RoutingCorrection.objects.filter(to_team__slug="parkeren").exists()


def test_recent_reports_are_open_and_old_ones_closed_mostly_on_time(reports):
    now = dt.datetime.combine(TODAY, dt.time(8), tzinfo=AMS)
    recent = [r for r, local in reports if now - local < dt.timedelta(days=7)]
    old = [r for r, local in reports if now - local > dt.timedelta(days=180)]
    assert sum(r.status in OPEN_STATES for r in recent) > len(recent) / 4
    assert sum(r.status in OPEN_STATES for r in old) < len(old) * 0.03
    closed = [r for r in old if r.status == "done"]
    on_time = sum(r.closed_at <= r.deadline for r in closed)
    very_late = sum(r.closed_at > r.deadline_3x for r in closed)
    assert 0.6 < on_time / len(closed) < 0.85
    assert 0.02 < very_late / len(closed) < 0.2


def test_channels_are_mixed_and_the_kcc_answers_in_office_hours(reports):
    channels = Counter(report.channel for report, _ in reports)
    assert channels.most_common(1)[0][0] == "web"
    assert {"phone", "app", "email", "own_observation"} <= set(channels)
    for report, local in reports:
        if report.channel == "phone":
            assert local.weekday() < 5 and 8 <= local.hour < 17


def test_reporter_contacts_are_fictional_some_anonymous_old_ones_anonymised(reports):
    contacts = {c.report_id: c for c in ReporterContact.objects.all()}
    assert 0.4 < len(contacts) / len(reports) < 0.95
    assert all(c.email.endswith("@example.org") for c in contacts.values() if c.email)
    now = dt.datetime.combine(TODAY, dt.time(8), tzinfo=AMS)
    for report, _ in reports:
        contact = contacts.get(report.pk)
        if contact and report.closed_at and report.closed_at < now - dt.timedelta(days=366):
            assert contact.anonymised_at and not (contact.name or contact.email or contact.phone)


def test_parking_near_schools_happens_when_children_are_brought_and_picked_up(reports):
    def in_window(local: dt.datetime) -> bool:
        t = local.time()
        return is_school_day(local.date()) and (
            dt.time(8) <= t < dt.time(8, 45) or dt.time(14) <= t < dt.time(15, 15)
        )

    found = [
        item
        for school in Place.objects.filter(kind="school")
        for item in near(reports, school, 120, PARKING)
    ]
    assert len(found) > 60
    assert sum(in_window(local) for _, local in found) / len(found) > 0.7
    school_days = sum(is_school_day(local.date()) for _, local in found)
    holiday_weekdays = sum(
        local.weekday() < 5 and school_holiday(local.date()) is not None for _, local in found
    )
    # About 190 school days and 60 holiday weekdays a year: per day, holidays are far quieter.
    assert holiday_weekdays / 60 < school_days / 190 / 4


def test_noise_near_the_nightlife_comes_on_friday_and_saturday_nights(reports):
    nightlife = Place.objects.get(kind="nightlife")
    found = near(reports, nightlife, 60, ("geluidsoverlast", "overlast-horeca"))
    weekend_night = [
        local
        for _, local in found
        if (local.weekday() in (4, 5) and local.hour >= 22)
        or (local.weekday() in (5, 6) and local.hour < 4)
    ]
    assert len(found) > 30
    assert len(weekend_night) / len(found) > 0.6


def test_dog_fouling_in_the_parks_is_reported_in_the_morning(reports):
    found = [
        item
        for park in Place.objects.filter(kind="park")
        for item in near(reports, park, 5, ("hondenpoep",))
    ]
    assert len(found) > 40
    mornings = [local for _, local in found if 6 <= local.hour < 10]
    assert len(mornings) / len(found) > 0.6


def test_litter_near_the_market_follows_the_market_day(reports, demo):
    market = Place.objects.get(kind="market")
    market_days = demo.shared["market_weekdays"]
    found = near(reports, market, 60, ("zwerfafval", "afvalbak"))
    after = [
        local
        for _, local in found
        if (local.weekday() in market_days and local.hour >= 12)
        or ((local.weekday() - 1) % 7 in market_days and local.hour < 12)
    ]
    assert len(found) >= 8
    assert len(after) / len(found) > 0.5


def test_seasons_and_christmas_show_in_the_counts(reports):
    def per_day(selected, days: int) -> float:
        return len(selected) / days

    noise_summer = [
        r
        for r, local in reports
        if r.category.slug == "geluidsoverlast" and local.month in (6, 7, 8)
    ]
    noise_winter = [
        r
        for r, local in reports
        if r.category.slug == "geluidsoverlast" and local.month in (12, 1, 2)
    ]
    assert len(noise_summer) > 1.5 * len(noise_winter)
    leaves = Counter(local.month for r, local in reports if r.category.slug == "bladeren")
    assert leaves[10] + leaves[11] > 0.6 * sum(leaves.values())
    christmas = [r for r, local in reports if local.month == 12 and 24 <= local.day <= 30]
    december = [r for r, local in reports if local.month == 12 and 1 <= local.day <= 21]
    assert per_day(christmas, 14) < 0.8 * per_day(december, 42)


def digest() -> str:
    h = hashlib.sha256()
    rows = Report.objects.order_by("number").values_list(
        "number", "text", "lat", "lon", "status", "owner__username", "owner_team__slug",
        "category__slug", "reported_at", "closed_at", "address", "channel", "answers",
    )  # fmt: skip
    for row in rows:
        h.update(repr(row).encode())
    events = ReportEvent.objects.order_by("report__number", "time", "id").values_list(
        "report__number", "time", "kind", "actor__username", "old_value", "new_value", "text"
    )
    for row in events:
        h.update(repr(row).encode())
    return h.hexdigest()


def test_the_same_seed_gives_the_same_reports(demo):
    before = digest()
    with transaction.atomic():
        for model in (ReporterContact, ReportEvent, Report, ReportNumber, RoutingCorrection):
            model.objects.all().delete()
        reports_demo.reports_generate(demo, catalogue_load())
        assert digest() == before
        transaction.set_rollback(True)


def test_the_fast_inserts_fill_every_column_of_the_models():
    for model, columns in (
        (Report, REPORT_COLUMNS),
        (ReportEvent, EVENT_COLUMNS),
        (ReporterContact, CONTACT_COLUMNS),
    ):
        wanted = {f.column for f in model._meta.concrete_fields}
        assert wanted - {"id"} <= set(columns) <= wanted, model.__name__
