"""The public map: open reports of public categories, without personal data or own words."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from openhandhaving.reports.choices import Status
from openhandhaving.reports.tests.factories import CategoryFactory, ReportFactory, add_contact

pytestmark = pytest.mark.django_db


def features(client) -> list[dict]:
    response = client.get(reverse("reports_public:map_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)["features"]


def test_the_map_shows_open_reports_of_public_categories_only(client):
    public = CategoryFactory(name="Hondenpoep")
    hidden = CategoryFactory(name="Drugsoverlast", is_public=False)
    shown = ReportFactory(category=public, text="Hondenpoep bij de school van Jan Jansen")
    ReportFactory(category=public, status=Status.DONE)
    ReportFactory(category=hidden)
    add_contact(shown, name="Els Bakker", email="els@example.nl")
    found = features(client)
    assert len(found) == 1
    raw = json.dumps(found)
    for private in ("Els Bakker", "els@example.nl", "Jan Jansen", shown.number):
        assert private not in raw
    assert "Hondenpoep" in found[0]["properties"]["name"]
    lon, lat = found[0]["geometry"]["coordinates"]
    assert (lat, lon) == (round(shown.lat, 5), round(shown.lon, 5))


def test_a_sensitive_category_shows_the_centre_of_the_buurt(client, town):
    from openhandhaving.reports.services import report_create
    from openhandhaving.reports.tests.town import IN_WEST

    town.afval.is_sensitive = True
    town.afval.save()
    report = report_create(
        text="Afval", category=town.afval, lat=IN_WEST[0], lon=IN_WEST[1], channel="web"
    )
    (feature,) = features(client)
    lon, lat = feature["geometry"]["coordinates"]
    hood = report.neighbourhood
    assert (lat, lon) == (round(hood.centroid_lat, 5), round(hood.centroid_lon, 5))
    assert (lat, lon) != (round(report.lat, 5), round(report.lon, 5))


def test_the_page_needs_no_login_and_has_a_table_beside_the_map(client, town):
    ReportFactory(category=town.afval, district=town.west)
    response = client.get(reverse("reports_public:map"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-report-map" in html and "data-counts" in html
    assert "West" in html
    outlines = json.loads(client.get(reverse("reports_public:outlines")).content)
    assert {f["properties"]["name"] for f in outlines["features"]} >= {"West", "Oost"}
    assert all(set(f["properties"]) == {"name"} for f in outlines["features"])
