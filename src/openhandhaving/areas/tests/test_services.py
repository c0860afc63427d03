"""Importing wijken and buurten: what is stored, and that bad files store nothing."""

from __future__ import annotations

import json

import pytest

from openhandhaving.areas.models import Address, District, Municipality, Neighbourhood
from openhandhaving.areas.services import areas_import
from openhandhaving.areas.tests import geo
from openhandhaving.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db

BOW_TIE = {
    "type": "Polygon",
    "coordinates": [[[5.10, 52.09], [5.11, 52.10], [5.11, 52.09], [5.10, 52.10], [5.10, 52.09]]],
}
RD_SQUARE = {
    "type": "Polygon",
    "coordinates": [
        [[121000, 487000], [122000, 487000], [122000, 488000], [121000, 488000], [121000, 487000]]
    ],
}


def stored() -> tuple:
    """Everything an import may touch, to prove that a refused import changed nothing."""
    return (
        sorted(District.objects.values_list("id", "code", "name", "geometry")),
        sorted(Neighbourhood.objects.values_list("id", "code", "name", "district_id")),
        list(Municipality.objects.values_list("name", "code")),
    )


def import_cbs(**kwargs):
    return areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=geo.cbs_buurten(), **kwargs
    )


def test_cbs_files_store_wijken_buurten_and_the_municipality():
    report = import_cbs()
    assert report.ok, report.errors
    assert dict(District.objects.values_list("code", "name")) == {
        "WK034401": "West",
        "WK034402": "Oost",
    }
    parents = dict(Neighbourhood.objects.values_list("name", "district__name"))
    assert parents == {"Noord": "West", "Zuid": "West", "Oost": "Oost"}
    assert list(Municipality.objects.values_list("name", "code")) == [("Utrecht", "GM0344")]
    west = District.objects.get(code="WK034401")
    assert (5.10 < west.centroid_lon < 5.11) and (52.09 < west.centroid_lat < 52.10)
    assert west.geometry["type"] == "Polygon"
    assert "Ingelezen: 2 wijken (2 nieuw" in report.summary()


def test_files_with_only_names_get_codes_and_buurten_find_their_wijk_by_location():
    report = areas_import(
        districts_geojson=geo.named_wijken(),
        neighbourhoods_geojson=geo.named_buurten(),
        municipality_name="Utrecht",
    )
    assert report.ok, report.errors
    assert sorted(District.objects.values_list("code", flat=True)) == ["oost", "west"]
    parents = dict(Neighbourhood.objects.values_list("code", "district__code"))
    assert parents == {"noord": "west", "zuid": "west", "oost": "oost"}
    assert any("op hun ligging aan een wijk gekoppeld" in note for note in report.notes)


def test_every_import_is_in_the_audit_log_also_a_refused_one(make_user):
    admin = make_user("administrator")
    import_cbs(actor=admin, origin="10.0.0.1")
    areas_import(districts_geojson={"type": "Feature"}, neighbourhoods_geojson=None, actor=admin)
    entries = list(
        AuditLogEntry.objects.filter(action="areas_import")
        .order_by("id")
        .values_list("result", "actor", "origin")
    )
    assert entries == [("success", admin.id, "10.0.0.1"), ("failed", admin.id, "systeem")]
    assert AuditLogEntry.objects.filter(action="areas_import").first().details["error_count"] == 1


def overlapping():
    return geo.collection(
        geo.feature(geo.polygon(geo.WEST), name="West"),
        geo.feature(geo.polygon((5.105, 52.09, 5.115, 52.10)), name="Midden"),
    )


BAD_FILES = [
    ("a list instead of GeoJSON", [1, 2], None, None, "geen GeoJSON FeatureCollection"),
    ("one Feature instead of a collection", geo.feature(geo.polygon(geo.WEST), name="West"), None,
     None, "geen GeoJSON FeatureCollection"),
    ("a collection without features", geo.collection(), None, None, "bevat geen wijken"),
    ("a wijk without geometry", geo.collection(geo.feature(None, name="West")), None, None,
     "Wijk 1 (West) heeft geen geometrie"),
    ("a point instead of an area",
     geo.collection(geo.feature({"type": "Point", "coordinates": [5.1, 52.1]}, name="West")),
     None, None, "Wijk 1 (West) is een Point"),
    ("an unknown geometry type",
     geo.collection(geo.feature({"type": "Circle", "coordinates": [5.1, 52.1]}, name="West")),
     None, None, "Wijk 1 (West) is een Circle"),
    ("a polygon of two points",
     geo.collection(geo.feature({"type": "Polygon", "coordinates": [[[5.1, 52], [5.2, 52]]]},
                                name="West")),
     None, None, "de coördinaten zijn onleesbaar of de vorm heeft te weinig punten"),
    ("a bow-tie polygon", geo.collection(geo.feature(BOW_TIE, name="Strik")), None, None,
     "Wijk 1 (Strik) heeft een ongeldige vorm (de rand snijdt zichzelf bij"),
    ("a wijk without a name", geo.collection(geo.feature(geo.polygon(geo.WEST), name="  ")),
     None, None, "Wijk 1 (zonder naam) heeft geen naam"),
    ("a name of 101 letters", geo.collection(geo.feature(geo.polygon(geo.WEST), name="W" * 101)),
     None, None, "heeft een naam van meer dan 100 tekens"),
    ("two wijken with one code",
     geo.collection(geo.feature(geo.polygon(geo.WEST), name="West", code="W1"),
                    geo.feature(geo.polygon(geo.EAST), name="Oost", code="W1")),
     None, None, "De code W1 komt meer dan eens voor: wijk 1 (West), wijk 2 (Oost)"),
    ("two wijken with one name and no codes",
     geo.collection(geo.feature(geo.polygon(geo.WEST), name="West"),
                    geo.feature(geo.polygon(geo.EAST), name="West")),
     None, None, "De naam West komt meer dan eens voor"),
    ("wijken lying half over each other", overlapping(), None, None,
     "Wijk 1 (West) en wijk 2 (Midden) overlappen elkaar"),
    ("buurten lying half over each other", geo.named_wijken(),
     geo.collection(geo.feature(geo.polygon(geo.WEST), name="Noord"),
                    geo.feature(geo.polygon((5.105, 52.09, 5.115, 52.10)), name="Midden")),
     None, "Buurt 1 (Noord) en buurt 2 (Midden) overlappen elkaar"),
    ("RD New coordinates", geo.collection(geo.feature(RD_SQUARE, name="West")), None, None,
     "geen lengte- en breedtegraden maar RD-coördinaten (EPSG:28992)"),
    ("a file that declares RD New",
     {**geo.named_wijken(),
      "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}},
     None, None, "gebruikt coördinatenstelsel urn:ogc:def:crs:EPSG::28992"),
    ("a buurt with a wijk code that is not in the wijken file", geo.cbs_wijken(),
     geo.collection(geo.feature(geo.polygon(geo.NORTH), buurtcode="BU1", buurtnaam="Noord",
                                wijkcode="WK034499")),
     None, "Buurt 1 (Noord) hoort volgens het bestand bij wijkcode WK034499"),
    ("a buurt outside every wijk", geo.named_wijken(),
     geo.collection(geo.feature(geo.polygon((6.0, 53.0, 6.01, 53.01)), name="Ver weg")),
     None, "Buurt 1 (Ver weg) ligt in geen enkele wijk"),
    ("wijken of two municipalities and none chosen",
     geo.collection(geo.feature(geo.polygon(geo.WEST), wijknaam="West", gemeentenaam="Utrecht"),
                    geo.feature(geo.polygon(geo.EAST), wijknaam="Oost", gemeentenaam="Zeist")),
     None, None, "bevat wijken van 2 gemeenten (Utrecht, Zeist)"),
    ("a municipality that is not in the file", geo.cbs_wijken(), None, "Zeist",
     "bevat geen wijken van gemeente Zeist (wel van: Utrecht)"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("situation", "wijken", "buurten", "municipality", "message"),
    BAD_FILES,
    ids=[row[0] for row in BAD_FILES],
)
def test_a_bad_file_is_reported_in_dutch_and_changes_nothing(
    situation, wijken, buurten, municipality, message
):
    import_cbs()
    before = stored()
    report = areas_import(
        districts_geojson=wijken,
        neighbourhoods_geojson=buurten,
        municipality_name=municipality,
        replace=True,
    )
    assert not report.ok
    assert any(message in error for error in report.errors), report.errors
    assert stored() == before
    assert report.summary().startswith("Er is niets opgeslagen")


def test_a_bad_file_on_an_empty_database_stores_nothing():
    report = areas_import(districts_geojson=overlapping(), neighbourhoods_geojson=None)
    assert not report.ok
    assert stored() == ([], [], [])


def test_a_whole_file_in_rd_new_is_reported_once_not_per_wijk():
    wijken = geo.collection(*[geo.feature(RD_SQUARE, name=f"Wijk {i}") for i in range(5)])
    report = areas_import(districts_geojson=wijken, neighbourhoods_geojson=None)
    assert len(report.errors) == 1
    assert report.errors[0].startswith("Alle 5 wijken in het wijkenbestand hebben andere")


def test_a_second_import_without_replace_is_refused():
    import_cbs()
    before = stored()
    report = areas_import(districts_geojson=geo.named_wijken(), neighbourhoods_geojson=None)
    assert report.errors == [
        "Er staan al 2 wijken in het systeem. Kies 'Bestaande wijken en buurten vervangen' (bij "
        "het commando: --replace) om ze met deze bestanden bij te werken."
    ]
    assert stored() == before


def test_replace_updates_areas_in_place_and_removes_what_is_gone():
    import_cbs()
    west_id = District.objects.get(code="WK034401").id
    wijken = geo.cbs_wijken()
    wijken["features"][0]["properties"]["WK_NAAM"] = "West-Centrum"
    del wijken["features"][1]
    buurten = geo.cbs_buurten()
    del buurten["features"][2]
    report = areas_import(districts_geojson=wijken, neighbourhoods_geojson=buurten, replace=True)
    assert report.ok, report.errors
    assert list(District.objects.values_list("id", "name")) == [(west_id, "West-Centrum")]
    assert sorted(Neighbourhood.objects.values_list("name", flat=True)) == ["Noord", "Zuid"]
    assert report.counts["districts_removed"] == 1
    assert report.counts["neighbourhoods_removed"] == 1


def test_replace_without_buurten_keeps_the_buurten_of_wijken_that_stay():
    import_cbs()
    wijken = geo.cbs_wijken()
    del wijken["features"][1]
    report = areas_import(districts_geojson=wijken, neighbourhoods_geojson=None, replace=True)
    assert report.ok, report.errors
    assert sorted(Neighbourhood.objects.values_list("name", flat=True)) == ["Noord", "Zuid"]


def test_replace_refuses_to_remove_a_wijk_that_has_an_officer():
    from openhandhaving.team.models import DistrictAssignment, Officer

    import_cbs()
    officer = Officer.objects.create(first_name="Hanna", last_name="de Vries")
    oost = District.objects.get(code="WK034402")
    DistrictAssignment.objects.create(district=oost, officer=officer, role="district_officer")
    before = stored()
    wijken = geo.cbs_wijken()
    del wijken["features"][1]
    report = areas_import(districts_geojson=wijken, neighbourhoods_geojson=None, replace=True)
    assert len(report.errors) == 1
    assert report.errors[0].startswith(
        "Wijk Oost (code WK034402) staat niet in het nieuwe wijkenbestand, maar er hangen nog "
        "gegevens aan: 1 wijktoewijzing."
    )
    assert stored() == before
    assert DistrictAssignment.objects.filter(district=oost).exists()


def test_stored_addresses_move_to_their_new_buurt_after_a_replace():
    import_cbs()
    address = Address.objects.create(
        street="Dorpsstraat", house_number=1, city="Utrecht", lat=52.098, lon=5.105, h3_cell="x"
    )
    buurten = geo.cbs_buurten()
    # Noord and Zuid swap places: the address now lies in Zuid.
    buurten["features"][0]["geometry"] = geo.polygon(geo.SOUTH)
    buurten["features"][1]["geometry"] = geo.polygon(geo.NORTH)
    report = areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=buurten, replace=True
    )
    assert report.ok, report.errors
    address.refresh_from_db()
    assert address.neighbourhood.name == "Zuid"
    assert address.district.name == "West"
    assert report.counts["points_relocated"] == 1


@pytest.mark.skipif(not geo.AMSTERDAM.exists(), reason=f"{geo.AMSTERDAM} ontbreekt (shared data)")
def test_amsterdam_wijken_and_buurten_import_cleanly_and_every_buurt_has_its_wijk():
    report = areas_import(
        districts_geojson=json.loads((geo.AMSTERDAM / "wijken.geojson").read_text()),
        neighbourhoods_geojson=json.loads((geo.AMSTERDAM / "buurten.geojson").read_text()),
        municipality_name="Amsterdam",
    )
    assert report.ok, report.errors
    assert District.objects.count() == 168
    assert Neighbourhood.objects.count() == 598
    assert not Neighbourhood.objects.filter(district__isnull=True).exists()
    # The Nieuwe Kerk on the Dam lies in the Burgwallen-Nieuwe Zijde.
    assert Neighbourhood.objects.get(name="Nieuwe Kerk e.o.").district.name == (
        "Burgwallen-Nieuwe Zijde"
    )
    # The real files overlap a little along borders and have a few self-touching rings:
    # tolerated and repaired, with a warning for each repair.
    assert any("automatisch hersteld" in warning for warning in report.warnings)
    assert Municipality.objects.get().name == "Amsterdam"
