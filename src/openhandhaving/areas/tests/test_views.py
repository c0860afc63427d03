"""Wijken pages, their map data and the import page."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openhandhaving.areas.models import District, Municipality, Neighbourhood
from openhandhaving.areas.services import areas_import
from openhandhaving.areas.tests import geo

pytestmark = pytest.mark.django_db


@pytest.fixture
def squares():
    report = areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=geo.cbs_buurten()
    )
    assert report.ok, report.errors


def upload(name: str, data) -> SimpleUploadedFile:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, raw, content_type="application/geo+json")


def test_wijken_page_lists_the_wijken_and_points_the_map_at_their_outlines(
    client, make_user, squares
):
    client.force_login(make_user("analyst"))
    response = client.get(reverse("areas:district_list"))
    html = response.content.decode()
    assert response.status_code == 200
    west = District.objects.get(name="West")
    assert f'href="{reverse("areas:district_detail", args=[west.pk])}">West</a>' in html
    layers = json.loads(response.context["map_layers"])
    assert layers == [{"url": reverse("areas:district_geojson"), "link": True}]
    assert "data-map" in html and "js/map.js" in html and "vendor/leaflet/leaflet.js" in html
    assert "Wijken en buurten inlezen" not in html  # analysts do not import


def test_wijken_page_without_wijken_says_so_and_offers_the_import_to_administrators(
    client, make_user
):
    client.force_login(make_user("administrator"))
    html = client.get(reverse("areas:district_list")).content.decode()
    assert "Er zijn nog geen wijken ingelezen." in html
    assert reverse("areas:import") in html
    assert "data-map" not in html


def test_wijken_page_needs_a_login_and_a_role(client, make_user):
    response = client.get(reverse("areas:district_list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(make_user(None))
    assert client.get(reverse("areas:district_list")).status_code == 403


def test_wijken_geojson_holds_every_outline_with_name_and_link(client, make_user, squares):
    client.force_login(make_user("officer"))
    response = client.get(reverse("areas:district_geojson"))
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    assert sorted(by_name) == ["Oost", "West"]
    west = District.objects.get(name="West")
    assert by_name["West"]["properties"]["url"] == reverse("areas:district_detail", args=[west.pk])
    assert by_name["West"]["properties"]["code"] == "WK034401"
    assert by_name["West"]["geometry"]["type"] == "Polygon"
    assert by_name["West"]["geometry"]["coordinates"][0][0] == [5.10, 52.09]


def test_buurten_geojson_can_be_limited_to_one_wijk(client, make_user, squares):
    client.force_login(make_user("coordinator"))
    west = District.objects.get(name="West")
    data = client.get(reverse("areas:neighbourhood_geojson"), {"wijk": west.pk}).json()
    assert sorted(f["properties"]["name"] for f in data["features"]) == ["Noord", "Zuid"]
    assert {f["properties"]["district_id"] for f in data["features"]} == {west.pk}
    everything = client.get(reverse("areas:neighbourhood_geojson")).json()
    assert len(everything["features"]) == 3
    assert client.get(reverse("areas:neighbourhood_geojson"), {"wijk": "x"}).status_code == 404


def test_partners_see_wijken_but_not_buurten(client, make_user, squares):
    client.force_login(make_user("partner"))
    assert client.get(reverse("areas:district_geojson")).status_code == 200
    assert client.get(reverse("areas:neighbourhood_geojson")).status_code == 403
    west = District.objects.get(name="West")
    html = client.get(reverse("areas:district_detail", args=[west.code])).content.decode()
    assert "Noord" not in html


def test_wijk_page_by_id_or_code_shows_its_buurten_table_and_map(client, make_user, squares):
    client.force_login(make_user("analyst"))
    west = District.objects.get(name="West")
    by_code = client.get(reverse("areas:district_detail", args=["WK034401"]))
    by_id = client.get(reverse("areas:district_detail", args=[west.pk]))
    assert by_code.status_code == by_id.status_code == 200
    html = by_id.content.decode()
    assert '<th class="utrecht-table__header-cell" scope="row">Noord</th>' in html
    assert '<th class="utrecht-table__header-cell" scope="row">Zuid</th>' in html
    assert "Oost" not in html.split("<table")[1]
    urls = [layer["url"] for layer in json.loads(by_id.context["map_layers"])]
    assert urls == [
        f"{reverse('areas:district_geojson')}?wijk={west.pk}",
        f"{reverse('areas:neighbourhood_geojson')}?wijk={west.pk}",
    ]
    assert client.get(reverse("areas:district_detail", args=["WK999"])).status_code == 404


def test_import_page_is_for_administrators_only(client, make_user):
    client.force_login(make_user("coordinator"))
    assert client.get(reverse("areas:import")).status_code == 403
    client.force_login(make_user("administrator"))
    assert client.get(reverse("areas:import")).status_code == 200


def test_uploading_good_files_imports_them_and_shows_the_report(client, make_user):
    client.force_login(make_user("administrator"))
    response = client.post(
        reverse("areas:import"),
        {
            "districts_file": upload("wijken.geojson", geo.named_wijken()),
            "neighbourhoods_file": upload("buurten.geojson", geo.named_buurten()),
            "municipality_name": "Utrecht",
        },
        follow=True,
    )
    assert response.redirect_chain == [(reverse("areas:import"), 302)]
    html = response.content.decode()
    assert "Ingelezen: 2 wijken (2 nieuw" in html
    assert "3 buurten zijn op hun ligging aan een wijk gekoppeld" in html
    assert (District.objects.count(), Neighbourhood.objects.count()) == (2, 3)


def test_a_malformed_upload_gets_a_dutch_error_beside_the_field_and_keeps_the_rest(
    client, make_user, squares
):
    client.force_login(make_user("administrator"))
    response = client.post(
        reverse("areas:import"),
        {
            "districts_file": upload("wijken.geojson", b'{"type": "FeatureCollection",'),
            "municipality_name": "Gemeente Utrecht",
            "replace": "on",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_districts_file_error"' in html
    assert "Het wijkenbestand is geen geldige JSON: de fout zit in regel 1" in html
    assert 'value="Gemeente Utrecht"' in html
    assert District.objects.count() == 2


def test_a_refused_import_lists_its_errors_and_changes_nothing(client, make_user, squares):
    client.force_login(make_user("administrator"))
    twice = geo.collection(
        geo.feature(geo.polygon(geo.WEST), name="West"),
        geo.feature(geo.polygon(geo.WEST), name="Kopie"),
    )
    response = client.post(
        reverse("areas:import"),
        {"districts_file": upload("wijken.geojson", twice), "replace": "on"},
    )
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "Wijk 1 (West) en wijk 2 (Kopie) overlappen elkaar" in html
    assert "De wijken en buurten die er al waren, zijn onveranderd." in html
    assert sorted(District.objects.values_list("name", flat=True)) == ["Oost", "West"]


def test_replacing_needs_the_right_to_change_and_remove_wijken(client, make_user, squares):
    user = make_user(None)
    user.user_permissions.add(
        Permission.objects.get(codename="add_district", content_type__app_label="areas")
    )
    client.force_login(user)
    response = client.post(
        reverse("areas:import"),
        {"districts_file": upload("wijken.geojson", geo.named_wijken()), "replace": "on"},
    )
    assert "U mag geen wijken wijzigen of verwijderen." in response.content.decode()
    assert sorted(District.objects.values_list("code", flat=True)) == ["WK034401", "WK034402"]


def test_header_shows_the_stored_municipality_and_else_the_setting(client, make_user, settings):
    settings.MUNICIPALITY_NAME = "Gemeente Voorbeeld"
    client.force_login(make_user("officer"))
    html = client.get(reverse("core:start")).content.decode()
    assert '<span class="oh-brand__municipality">Gemeente Voorbeeld</span>' in html
    Municipality.objects.create(name="Utrecht", code="GM0344")
    html = client.get(reverse("core:start")).content.decode()
    assert '<span class="oh-brand__municipality">Utrecht</span>' in html


def test_analyst_start_page_counts_the_areas_and_links_to_the_map(client, make_user, squares):
    client.force_login(make_user("analyst"))
    html = client.get(reverse("core:start")).content.decode()
    assert "De gemeente heeft 2 wijken en 3 buurten." in html
    link = f'href="{reverse("areas:district_list")}">Bekijk de wijken en buurten op de kaart'
    assert link in html


def test_administrator_start_page_without_areas_points_to_the_import(client, make_user):
    client.force_login(make_user("administrator"))
    html = client.get(reverse("core:start")).content.decode()
    assert f'href="{reverse("areas:import")}">Lees de wijken en buurten in.' in html
