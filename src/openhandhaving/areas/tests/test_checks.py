"""Checks of GeoJSON files before import: property names, tolerance, repairs (no database)."""

from __future__ import annotations

import pytest

from openhandhaving.areas.checks import files_check
from openhandhaving.areas.geojson import (
    DISTRICT,
    GeoJSONFileError,
    generated_code,
    geojson_load,
)
from openhandhaving.areas.geometry import exceeds_tolerance, validity_reason_dutch
from openhandhaving.areas.tests import geo


def check(wijken, buurten=None, municipality=None):
    return files_check(
        districts_geojson=wijken, neighbourhoods_geojson=buurten, municipality_name=municipality
    )


@pytest.mark.parametrize(
    ("situation", "properties", "name", "code"),
    [
        ("CBS shapefile columns", {"WK_NAAM": "West", "WK_CODE": "WK034401"}, "West", "WK034401"),
        ("CBS download columns", {"wijknaam": "West", "wijkcode": "WK034401"}, "West", "WK034401"),
        ("CBS gebiedsindelingen", {"statnaam": "West", "statcode": "WK034401"}, "West", "WK034401"),
        ("own file with name and code", {"name": "West", "code": "W-1"}, "West", "W-1"),
        ("own file with only a name", {"name": "Oude Westen"}, "Oude Westen", "oude-westen"),
        ("own file in Dutch", {"naam": " West "}, "West", "west"),
        ("a numeric code", {"name": "West", "code": 12}, "West", "12"),
    ],
)
def test_wijk_name_and_code_are_read_from_the_usual_property_names(
    situation, properties, name, code
):
    result = check(geo.collection(geo.feature(geo.polygon(geo.WEST), **properties)))
    assert result.errors == []
    assert (result.districts[0].name, result.districts[0].code) == (name, code)


@pytest.mark.parametrize(
    ("situation", "shared_m2", "smaller_m2", "refused"),
    [
        (
            "a sliver of 418 m² between two large wijken is a drawing difference",
            418,
            1_700_000,
            False,
        ),
        ("a third of a 42 m² scrap of land is below 100 m²", 14, 42, False),
        ("half of a 1 ha buurt lies under another", 5_000, 10_000, True),
        ("101 m² that is 2 % of the smaller area", 101, 5_000, True),
        ("exactly 100 m² is still allowed", 100, 1_000, False),
    ],
)
def test_overlap_is_refused_only_above_both_1_percent_and_100_m2(
    situation, shared_m2, smaller_m2, refused
):
    assert exceeds_tolerance(shared_m2, smaller_m2) is refused


def test_a_thin_overlap_along_a_shared_border_is_tolerated_and_mentioned():
    # Oost starts 0.00001° (about 0.7 m) too far west: some 750 m² along a 1.1 km border.
    east = (geo.EAST[0] - 0.00001, *geo.EAST[1:])
    result = check(
        geo.collection(
            geo.feature(geo.polygon(geo.WEST), name="West"),
            geo.feature(geo.polygon(east), name="Oost"),
        )
    )
    assert result.errors == []
    assert any("1 kleine overlappingen tussen wijken" in note for note in result.notes)


def test_a_small_self_touching_ring_is_repaired_with_a_warning():
    # West with a 1 m spike that touches itself: valid area, invalid ring.
    minx, miny, maxx, maxy = geo.WEST
    ring = [[minx, miny], [maxx, miny], [maxx, maxy], [5.105, maxy], [5.105, maxy + 0.00001],
            [5.105, maxy], [minx, maxy], [minx, miny]]  # fmt: skip
    result = check(
        geo.collection(geo.feature({"type": "Polygon", "coordinates": [ring]}, name="W"))
    )
    assert result.errors == []
    assert result.districts[0].geometry.is_valid
    assert "had een kleine fout in de vorm" in result.warnings[0]


def test_buurten_with_cbs_codes_find_their_wijk_from_the_code():
    buurten = geo.collection(
        geo.feature(geo.polygon(geo.EAST), buurtcode="BU03440201", buurtnaam="Oost"),
    )
    result = check(geo.cbs_wijken(), buurten)
    assert result.errors == []
    assert result.neighbourhoods[0].parent_code == "WK034402"
    assert not any("ligging" in note for note in result.notes)


def test_a_national_cbs_file_is_cut_down_to_the_chosen_municipality():
    wijken = geo.collection(
        geo.feature(geo.polygon(geo.WEST), wijknaam="West", gemeentenaam="Utrecht"),
        geo.feature(geo.polygon((5.2, 52.09, 5.21, 52.10)), wijknaam="Dorp", gemeentenaam="Zeist"),
    )
    result = check(wijken, municipality="zeist")
    assert [d.name for d in result.districts] == ["Dorp"]
    assert result.municipality_name == "zeist"


def test_the_municipality_name_comes_from_the_file_when_not_given():
    assert check(geo.cbs_wijken()).municipality_name == "Utrecht"
    assert check(geo.named_wijken()).municipality_name == ""


def test_swapped_latitude_and_longitude_is_warned_about():
    swapped = (52.09, 5.10, 52.10, 5.11)
    result = check(geo.collection(geo.feature(geo.polygon(swapped), name="West")))
    assert result.errors == []
    assert "Staan lengte- en breedtegraad misschien omgedraaid?" in result.warnings[0]


def test_long_names_give_codes_that_fit_and_stay_apart():
    first = generated_code("Verspreide huizen in de Duivendrechtsche polder (1)")
    second = generated_code("Verspreide huizen in de Duivendrechtsche polder (2)")
    assert len(first) <= 20 and len(second) <= 20
    assert first != second
    assert generated_code("Coöperatiebuurt") == "cooperatiebuurt"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"type": ', "geen geldige JSON: de fout zit in regel 1, kolom 10"),
        (b"\xff\xfe\x00", "geen tekstbestand in UTF-8"),
    ],
)
def test_unreadable_files_are_explained(raw, message):
    with pytest.raises(GeoJSONFileError, match=message):
        geojson_load(raw, level=DISTRICT)


def test_a_file_with_a_byte_order_mark_is_read():
    assert geojson_load(b'\xef\xbb\xbf{"type": "FeatureCollection"}', level=DISTRICT) == {
        "type": "FeatureCollection"
    }


@pytest.mark.parametrize(
    ("reason", "dutch"),
    [
        (
            "Self-intersection[5.034385 52.344606]",
            "de rand snijdt zichzelf bij 52.344606, 5.034385",
        ),
        ("Ring Self-intersection[4.9 52.3]", "een rand raakt zichzelf bij 52.300000, 4.900000"),
        (
            "Hole lies outside shell[4.9 52.3]",
            "een gat ligt buiten de buitenrand bij 52.300000, 4.900000",
        ),
        ("Something new", "Something new"),
    ],
)
def test_geos_validity_reasons_are_said_in_dutch(reason, dutch):
    assert validity_reason_dutch(reason) == dutch
