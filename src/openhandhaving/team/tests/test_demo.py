"""team.demo.generate() on the demo town: officers with faces, pairs, wijken, a year of roster."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import Count, Max, Min
from django.test import override_settings
from PIL import Image

from openhandhaving.areas import demo as areas_demo
from openhandhaving.areas.models import District, Place
from openhandhaving.core import demo as core_demo
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.team import demo as team_demo
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.models import (
    Absence,
    DistrictAssignment,
    DistrictContact,
    Officer,
    Pair,
    Shift,
)

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = dt.date(2026, 3, 4)


pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, made once for this module and rolled back after its last test."""
    fast = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
    )
    with django_db_blocker.unblock(), fast, transaction.atomic():
        ctx = DemoContext(seed=2, size="small", today=TODAY)
        for module in (core_demo, areas_demo, team_demo):
            module.generate(ctx)
        yield ctx
        transaction.set_rollback(True)


def test_thirty_officers_with_a_face_in_fifteen_pairs(demo):
    officers = list(Officer.objects.all())
    assert len(officers) == 30
    assert len({(o.first_name, o.last_name) for o in officers}) == 30
    assert len({o.badge_number for o in officers}) == 30
    assert all(o.email.endswith("@demo.openhandhaving.nl") and o.phone for o in officers)
    for officer in officers:
        with officer.photo.open("rb") as photo, Image.open(photo) as image:
            assert image.format == "PNG" and image.size == (256, 256)
    pairs = Pair.objects.all()
    assert pairs.count() == 15
    members = Counter(o for p in pairs for o in (p.first_id, p.second_id))
    assert set(members.values()) == {1} and len(members) == 30


def test_the_officer_account_is_hanna_de_vries_district_officer_of_a_wijk(demo):
    officer = Officer.objects.get(user__username="handhaver")
    assert (officer.first_name, officer.last_name) == ("Hanna", "de Vries")
    assignment = officer.assignments.get()
    assert assignment.role == AssignmentRole.DISTRICT_OFFICER
    assert demo.shared["district_officers"][assignment.district.code] == officer
    assert not officer.absences.filter(start__date__lte=TODAY, end__date__gt=TODAY).exists()


def test_every_wijk_has_a_district_officer_and_a_different_backup(demo):
    for district in District.objects.all():
        roles = dict(
            DistrictAssignment.objects.filter(district=district).values_list("role", "officer")
        )
        assert set(roles) == {AssignmentRole.DISTRICT_OFFICER, AssignmentRole.BACKUP}
        assert roles[AssignmentRole.DISTRICT_OFFICER] != roles[AssignmentRole.BACKUP]


def test_the_roster_spans_a_year_with_the_pair_on_every_shift(demo):
    span = Shift.objects.aggregate(first=Min("start"), last=Max("end"))
    assert span["first"].astimezone(AMS).date() <= TODAY - dt.timedelta(weeks=26)
    assert span["last"].astimezone(AMS).date() >= TODAY + dt.timedelta(weeks=26)
    assert Shift.objects.count() > 2500
    two = Shift.objects.annotate(n=Count("officers")).filter(n=2).count()
    assert two == Shift.objects.count()
    shift = Shift.objects.select_related("pair").order_by("start").first()
    assert set(shift.officers.values_list("pk", flat=True)) == {
        shift.pair.first_id,
        shift.pair.second_id,
    }


def test_district_officers_spend_two_days_a_week_in_their_wijk(demo):
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    week = (
        dt.datetime.combine(monday, dt.time(0), AMS),
        dt.datetime.combine(monday + dt.timedelta(days=7), dt.time(0), AMS),
    )
    for code, officer in demo.shared["district_officers"].items():
        in_wijk = Shift.objects.filter(
            officers=officer, district__code=code, start__gte=week[0], start__lt=week[1]
        )
        assert in_wijk.count() == 2, code


def test_weekend_nights_in_the_nightlife_wijk_cross_midnight(demo):
    nightlife = Place.objects.get(kind="nightlife").district
    nights = [
        (s.start.astimezone(AMS), s.end.astimezone(AMS))
        for s in Shift.objects.filter(district=nightlife, start__hour__gte=20)
    ]
    assert nights
    assert {start.weekday() for start, _ in nights} == {4, 5}
    assert all(
        (start.hour, end.hour, (end.date() - start.date()).days) == (22, 6, 1)
        for start, end in nights
    )


def test_absences_leave_illness_and_training(demo):
    kinds = Counter(Absence.objects.values_list("kind", flat=True))
    assert kinds["leave"] >= 60 and kinds["illness"] >= 10 and kinds["training"] >= 30
    assert Absence.objects.filter(kind="illness", end__isnull=True).count() == 2
    assert Officer.objects.filter(absences__kind="leave").distinct().count() == 30


def test_wijk_contacts_without_personal_data(demo):
    for district in District.objects.all():
        kinds = Counter(district.contacts.values_list("kind", flat=True))
        assert kinds["residents"] == 1 and kinds["partner"] >= 3, district.name
    schools = DistrictContact.objects.filter(kind="school")
    assert schools.count() == Place.objects.filter(kind="school").count()
    assert all(s.address.endswith("Waterdam") for s in schools)
    assert all(c.email.endswith(".example") for c in DistrictContact.objects.all())
    assert DistrictContact.objects.filter(kind="business").exists()
