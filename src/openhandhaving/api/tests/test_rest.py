"""REST API v1: keys and scopes, the back office's filters, create/status/notes, personal data."""

from __future__ import annotations

import pytest
import time_machine
from rest_framework.test import APIClient

from openhandhaving.api.choices import Scope
from openhandhaving.api.services import api_client_create
from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import Status
from openhandhaving.reports.models import Report
from openhandhaving.reports.services import report_create
from openhandhaving.reports.tests.town import IN_OOST, IN_WEST, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        yield


def api(*scopes: str, name: str = "Vakapplicatie") -> APIClient:
    key = api_client_create(name=name, scopes=list(scopes))[1]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Api-Key {key}")
    return client


def made(town, point=IN_WEST, category=None, **extra) -> Report:
    return report_create(
        text="Fout geparkeerde auto",
        category=category or town.geluid,
        lat=point[0],
        lon=point[1],
        channel="phone",
        contact={"name": "Els Bakker", "email": "els@example.nl"},
        **extra,
    )


def test_without_a_key_or_with_a_wrong_one_nothing_is_read(client, town):
    assert client.get("/api/v1/reports/").status_code in (401, 403)
    wrong = APIClient()
    wrong.credentials(HTTP_AUTHORIZATION="Api-Key oh_00000000_fout")
    response = wrong.get("/api/v1/reports/")
    assert response.status_code == 401
    assert "onbekend" in response.json()["detail"]


def test_the_list_uses_the_back_office_filters(town, tuesday):
    west = made(town)
    oost = made(town, point=IN_OOST)
    closed = made(town)
    report_status_change_done(closed, town)
    reader = api(Scope.REPORTS_READ)
    numbers = {r["number"] for r in reader.get("/api/v1/reports/").json()["results"]}
    assert numbers == {west.number, oost.number}  # open reports unless a status is chosen
    by_wijk = reader.get(f"/api/v1/reports/?wijk={town.west.pk}").json()["results"]
    assert [r["number"] for r in by_wijk] == [west.number]
    done = reader.get("/api/v1/reports/?status=done").json()["results"]
    assert [r["number"] for r in done] == [closed.number]
    assert reader.get(f"/api/v1/reports/?owner={town.hanna.username}").json()["count"] == 1
    assert "contact" not in by_wijk[0]


def report_status_change_done(report, town):
    from openhandhaving.reports.services import report_status_change

    report_status_change(report=report, to_status=Status.DONE, actor=town.hanna, text="Klaar")


@pytest.mark.parametrize(
    "query, field",
    [
        ("status=misschien", "status"),
        ("category=bestaat-niet", "category"),
        ("wijk=abc", "wijk"),
        ("date_from=gisteren", "date_from"),
        ("late=heel", "late"),
    ],
)
def test_bad_filters_are_a_400_naming_the_field(town, query, field):
    response = api(Scope.REPORTS_READ).get(f"/api/v1/reports/?{query}")
    assert response.status_code == 400 and field in response.json()


def test_personal_data_only_with_its_scope_and_the_read_is_logged(town, tuesday):
    report = made(town)
    plain = api(Scope.REPORTS_READ).get(f"/api/v1/reports/{report.number}/").json()
    assert plain["contact"] is None and "els@example.nl" not in str(plain)
    assert plain["history"][0]["kind"] == "created"
    assert not AuditLogEntry.objects.filter(action="report_contact_view").exists()
    personal = api(Scope.REPORTS_READ, Scope.PERSONAL_DATA, name="KCC-systeem")
    detail = personal.get(f"/api/v1/reports/{report.number}/").json()
    assert detail["contact"]["email"] == "els@example.nl"
    logged = AuditLogEntry.objects.get(action="report_contact_view")
    assert logged.details["api_client"] == "KCC-systeem"


def test_a_system_creates_a_report_through_intake(town, tuesday):
    writer = api(Scope.REPORTS_WRITE)
    payload = {
        "text": "Hondenpoep op het schoolplein",
        "category": "geluid",
        "lat": IN_WEST[0],
        "lon": IN_WEST[1],
        "external_id": "app-123",
    }
    response = writer.post("/api/v1/reports/", payload, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["owner"] == town.hanna.username and body["channel"] == "app"
    again = writer.post("/api/v1/reports/", payload, format="json")
    assert again.json()["number"] == body["number"]  # the same external_id: no second report
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"category": "bestaat-niet"}, "category"),
        ({"lat": 52.5, "lon": 6.0}, "lat"),
        ({"text": ""}, "text"),
        ({"lat": "noord"}, "lat"),
        ({"contact": {"email": "geen-adres"}}, "contact"),
    ],
)
def test_bad_reports_are_refused_field_by_field(town, tuesday, change, field):
    payload = {"text": "Afval", "category": "afval", "lat": IN_WEST[0], "lon": IN_WEST[1]}
    payload.update(change)
    response = api(Scope.REPORTS_WRITE).post("/api/v1/reports/", payload, format="json")
    assert response.status_code == 400 and field in response.json()
    assert not Report.objects.exists()


def test_status_and_notes_come_back_from_the_field(town, tuesday):
    report = made(town)
    writer = api(Scope.REPORTS_WRITE)
    url = f"/api/v1/reports/{report.number}"
    missing = writer.post(f"{url}/status/", {"status": "done"}, format="json")
    assert missing.status_code == 400 and "text" in missing.json()
    stale = writer.post(f"{url}/status/", {"status": "accepted", "version": 99}, format="json")
    assert stale.status_code == 409
    ok = writer.post(f"{url}/status/", {"status": "done", "text": "Weggesleept"}, format="json")
    assert ok.status_code == 200 and ok.json()["status"] == "done"
    note = writer.post(f"{url}/notes/", {"text": "Kenteken AB-12-CD"}, format="json")
    assert note.status_code == 201
    assert report.events.filter(kind="note", text__contains="via Vakapplicatie").exists()


def test_a_read_key_may_not_write(town, tuesday):
    report = made(town)
    reader = api(Scope.REPORTS_READ)
    response = reader.post(f"/api/v1/reports/{report.number}/notes/", {"text": "x"}, format="json")
    assert response.status_code == 403


def test_categories_wijken_and_the_openapi_document(town):
    client = api(Scope.REPORTS_READ)
    slugs = {c["slug"] for c in client.get("/api/v1/categories/").json()}
    assert {"geluid", "afval"} <= slugs
    names = {d["name"] for d in client.get("/api/v1/areas/wijken/").json()}
    assert {"West", "Oost"} <= names
    schema = APIClient().get("/api/v1/schema/?format=json")  # public: no key needed
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/reports/" in paths and "/api/v1/reports/{number}/status/" in paths
