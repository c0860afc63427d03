"""locate(): every point knows its H3 cell, wijk and buurt, also after the areas change."""

from __future__ import annotations

import h3
import pytest
import time_machine
from django.utils import timezone

from openhandhaving.areas import index_cache
from openhandhaving.areas.models import District, Neighbourhood, Place
from openhandhaving.areas.services import areas_import, locate, locate_many, located_fill
from openhandhaving.areas.tests import geo

pytestmark = pytest.mark.django_db

IN_NOORD = (52.098, 5.105)
IN_LAKE = (52.095, 5.115)


def names(found: dict) -> tuple:
    return (
        found["district"].name if found["district"] else None,
        found["neighbourhood"].name if found["neighbourhood"] else None,
    )


def test_locate_gives_the_h3_cell_wijk_and_buurt(squares, settings):
    found = locate(lat=IN_NOORD[0], lon=IN_NOORD[1])
    assert found["h3_cell"] == h3.latlng_to_cell(*IN_NOORD, settings.H3_RESOLUTION)
    assert names(found) == ("West", "Noord")
    assert isinstance(found["district"], District)
    assert isinstance(found["neighbourhood"], Neighbourhood)


def test_locate_many_keeps_the_order_of_the_points(squares):
    found = locate_many([IN_NOORD, IN_LAKE, (52.5, 6.0)])
    assert [names(f) for f in found] == [("West", "Noord"), ("Oost", None), (None, None)]


def test_the_result_fills_a_located_model(squares):
    place = Place(kind="park", name="Wilhelminapark", lat=IN_NOORD[0], lon=IN_NOORD[1])
    located_fill(obj=place)
    place.save()
    place.refresh_from_db()
    assert (place.district.name, place.neighbourhood.name) == ("West", "Noord")
    lake = Place.objects.create(
        kind="park",
        name="Plas",
        lat=IN_LAKE[0],
        lon=IN_LAKE[1],
        **locate(lat=IN_LAKE[0], lon=IN_LAKE[1]),
    )
    assert (lake.district.name, lake.neighbourhood) == ("Oost", None)


@pytest.mark.parametrize(("lat", "lon"), [(91, 5), (52, 181), (float("nan"), 5)])
def test_impossible_coordinates_are_refused(squares, lat, lon):
    with pytest.raises(ValueError, match="geen geldige breedte- en lengtegraad"):
        locate(lat=lat, lon=lon)


def test_without_areas_a_point_still_gets_its_h3_cell(db):
    index_cache.area_index_clear()
    found = locate(lat=52.1, lon=5.1)
    assert found["h3_cell"] and found["district"] is None and found["neighbourhood"] is None


def test_a_new_import_is_seen_by_the_next_locate(squares):
    assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Noord")
    buurten = geo.cbs_buurten()
    buurten["features"][0]["geometry"] = geo.polygon(geo.SOUTH)
    buurten["features"][1]["geometry"] = geo.polygon(geo.NORTH)
    areas_import(districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=buurten, replace=True)
    assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Zuid")


def test_a_change_made_by_another_process_is_seen_through_the_version_key(squares):
    """Another process changes a buurt; this process's cache was never told, yet it notices."""
    assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Noord")
    stale = index_cache.area_index_current()
    Neighbourhood.objects.filter(name="Noord").update(
        geometry=geo.polygon(geo.SOUTH), updated_at=timezone.now()
    )
    Neighbourhood.objects.filter(name="Zuid").update(
        geometry=geo.polygon(geo.NORTH), updated_at=timezone.now()
    )
    assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Zuid")
    assert index_cache.area_index_current() is not stale


def test_between_version_checks_another_process_change_shows_after_the_recheck_time(
    squares, settings, django_assert_num_queries
):
    """With CACHE_RECHECK_SECONDS the copy is used without any query until the time is up."""
    settings.CACHE_RECHECK_SECONDS = 60
    with time_machine.travel("2026-11-24 10:00:00+01:00", tick=False) as clock:
        assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Noord")
        Neighbourhood.objects.filter(name="Noord").update(
            geometry=geo.polygon(geo.SOUTH), updated_at=timezone.now()
        )
        Neighbourhood.objects.filter(name="Zuid").update(
            geometry=geo.polygon(geo.NORTH), updated_at=timezone.now()
        )
        clock.shift(59)
        with django_assert_num_queries(0):
            assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Noord")
        clock.shift(2)
        assert names(locate(lat=IN_NOORD[0], lon=IN_NOORD[1])) == ("West", "Zuid")


def test_an_unchanged_database_reuses_the_cached_index(squares, django_assert_num_queries):
    locate(lat=IN_NOORD[0], lon=IN_NOORD[1])
    cached = index_cache.area_index_current()
    with django_assert_num_queries(2):  # the version of wijken and of buurten, nothing else
        locate(lat=IN_NOORD[0], lon=IN_NOORD[1])
    assert index_cache.area_index_current() is cached


def test_a_wijk_removed_in_the_admin_is_no_longer_found(squares):
    locate(lat=IN_LAKE[0], lon=IN_LAKE[1])
    District.objects.get(name="Oost").delete()
    assert names(locate(lat=IN_LAKE[0], lon=IN_LAKE[1])) == (None, None)
