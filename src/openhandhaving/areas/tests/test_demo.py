"""areas.demo.generate(): the demo town stored through the import service, every point located."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.db import transaction
from django.test import override_settings
from shapely.geometry import Point, shape

from openhandhaving.areas import demo as areas_demo
from openhandhaving.areas.models import Address, District, Municipality, Neighbourhood, Place
from openhandhaving.core import demo as core_demo
from openhandhaving.core.demo_context import DemoContext

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo town, made once for this module and rolled back after its last test."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast, transaction.atomic():
        ctx = DemoContext(seed=4, size="small", today=dt.date(2026, 3, 2))
        core_demo.generate(ctx)
        areas_demo.generate(ctx)
        yield ctx
        transaction.set_rollback(True)


def test_the_demo_town_is_stored_with_its_wijken_and_buurten(demo):
    assert list(Municipality.objects.values_list("name", flat=True)) == ["Waterdam"]
    assert District.objects.count() == 8
    assert Neighbourhood.objects.count() == 40
    for district in District.objects.prefetch_related("neighbourhoods"):
        wijk = shape(district.geometry)
        assert wijk.is_valid
        assert district.neighbourhoods.count() >= 2
        for buurt in district.neighbourhoods.all():
            assert shape(buurt.geometry).difference(wijk).area < 1e-12, buurt.name
    assert District.objects.get(code="WK999900").name == "Centrum"


def test_every_address_knows_its_wijk_buurt_and_h3_cell(demo):
    town = demo.shared["town"]
    assert Address.objects.count() == len(town.addresses) > 1000
    assert not Address.objects.filter(neighbourhood__isnull=True).exists()
    assert not Address.objects.filter(district__isnull=True).exists()
    assert not Address.objects.filter(h3_cell="").exists()
    assert set(Address.objects.values_list("city", flat=True)) == {"Waterdam"}
    mismatched = [
        a
        for a in Address.objects.select_related("neighbourhood")
        if a.neighbourhood.district_id != a.district_id
    ]
    assert mismatched == []
    # The lookup agrees with the buurt each house was drawn in.
    expected = Counter(town.buurten[a.buurt].code for a in town.addresses)
    stored = Counter(Address.objects.values_list("neighbourhood__code", flat=True))
    assert stored == expected


def test_the_places_for_later_report_patterns_are_stored_and_located(demo):
    kinds = Counter(Place.objects.values_list("kind", flat=True))
    assert kinds["school"] >= 12 and kinds["park"] >= 6 and kinds["sports"] >= 2
    assert kinds["market"] == kinds["nightlife"] == kinds["station"] == 1
    assert kinds["shopping_street"] >= 3
    assert not Place.objects.filter(district__isnull=True).exists()
    for park in Place.objects.filter(kind="park"):
        assert park.geometry["type"] == "Polygon"
        assert shape(park.geometry).contains(Point(park.lon, park.lat)), park.name
    nightlife = Place.objects.get(kind="nightlife")
    assert nightlife.district.name == "Centrum"
    schools = Place.objects.filter(kind="school")
    addresses = demo.shared["place_addresses"]
    assert all(addresses[school.pk].endswith("Waterdam") for school in schools)


def test_later_demo_apps_find_the_town_in_the_shared_context(demo):
    shared = demo.shared
    assert set(shared) >= {"town", "districts", "neighbourhoods", "places", "market_weekdays"}
    assert len(shared["districts"]) == 8 and len(shared["neighbourhoods"]) == 40
    assert all(place.pk for place in shared["places"])
    assert shared["market_weekdays"] == (5,)
