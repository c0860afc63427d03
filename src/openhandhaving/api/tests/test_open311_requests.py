"""Open311 POST and GET requests: keyed posts through the intake service; public reads."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest
import time_machine

from openhandhaving.api.choices import Scope
from openhandhaving.api.services import api_client_create
from openhandhaving.reports.choices import Channel
from openhandhaving.reports.models import OutgoingMessage, Report
from openhandhaving.reports.tests.town import IN_WEST, OUTSIDE, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        yield


@pytest.fixture
def key(db):
    return api_client_create(name="Buurt-app", scopes=[Scope.OPEN311])[1]


def post(client, data: dict, fmt: str = "json"):
    return client.post(f"/open311/v2/requests.{fmt}", data)


def valid(key: str, **extra) -> dict:
    data = {
        "api_key": key,
        "service_code": "geluid",
        "lat": str(IN_WEST[0]),
        "long": str(IN_WEST[1]),
        "description": "Harde muziek uit de tuin",
        "email": "els@example.nl",
        "first_name": "Els",
        "last_name": "Bakker",
    }
    data.update(extra)
    return data


def test_a_posted_request_goes_through_intake_and_gets_its_number(client, town, tuesday, key):
    response = post(client, valid(key))
    assert response.status_code == 200
    (answer,) = json.loads(response.content)
    report = Report.objects.get(number=answer["service_request_id"])
    assert set(answer) == {"service_request_id", "service_notice", "account_id"}
    assert report.channel == Channel.APP
    assert report.owner == town.hanna  # routed to the district officer on duty
    assert report.events.filter(text__contains="wijkhandhaver").exists()
    assert report.contact.name == "Els Bakker"
    assert OutgoingMessage.objects.filter(report=report, to="els@example.nl").exists()


def test_attributes_become_the_answers_to_the_extra_questions(client, town, tuesday, key):
    town.geluid.questions = [
        {"key": "bron", "label": "Bron", "options": ["muziek", "dieren"], "required": True},
        {"key": "dagen", "label": "Dagen", "options": ["ma", "di", "wo"]},
    ]
    town.geluid.save()
    missing = post(client, valid(key))
    assert missing.status_code == 400
    assert "Bron" in json.loads(missing.content)[0]["description"]
    response = post(
        client, {**valid(key), "attribute[bron]": "muziek", "attribute[dagen][]": ["ma", "di"]}
    )
    assert response.status_code == 200
    report = Report.objects.get()
    assert report.answers == {"bron": "muziek", "dagen": ["ma", "di"]}


@pytest.mark.parametrize(
    "change, status, fragment",
    [
        ({"api_key": ""}, 403, "api_key"),
        ({"api_key": "oh_00000000_fout"}, 403, "api_key"),
        ({"service_code": ""}, 400, "service_code"),
        ({"service_code": "bestaat-niet"}, 404, "bestaat-niet"),
        ({"lat": "", "long": ""}, 400, "lat/long"),
        ({"lat": "91", "long": "5"}, 400, "lat/long"),
        ({"lat": str(OUTSIDE[0]), "long": str(OUTSIDE[1])}, 400, "buiten de gemeente"),
        ({"description": ""}, 400, "description"),
        ({"email": "geen-adres"}, 400, "email"),
    ],
)
def test_bad_posts_get_the_documented_error_and_store_nothing(
    client, town, tuesday, key, change, status, fragment
):
    for fmt in ("json", "xml"):
        response = post(client, valid(key, **change), fmt)
        assert response.status_code == status
        if fmt == "json":
            (problem,) = json.loads(response.content)
            assert problem["code"] == status and fragment in problem["description"]
        else:
            root = ET.fromstring(response.content)
            assert root.tag == "errors" and root.find("error").findtext("code") == str(status)
    assert not Report.objects.exists()


def test_a_key_without_the_open311_right_may_not_post(client, town, tuesday):
    read_only = api_client_create(name="Dashboard", scopes=[Scope.REPORTS_READ])[1]
    assert post(client, valid(read_only)).status_code == 403


def test_get_requests_shows_public_fields_only(client, town, tuesday, key):
    number = json.loads(post(client, valid(key)).content)[0]["service_request_id"]
    listed = json.loads(client.get("/open311/v2/requests.json").content)
    (item,) = listed
    assert item["service_request_id"] == number
    assert item["status"] == "open" and item["service_code"] == "geluid"
    raw = json.dumps(listed)
    assert "els@example.nl" not in raw and "Bakker" not in raw
    assert "Harde muziek" not in raw  # the resident's own words may name people
    reader = api_client_create(name="Vakapplicatie", scopes=[Scope.REPORTS_READ])[1]
    with_key = json.loads(client.get(f"/open311/v2/requests.json?api_key={reader}").content)
    assert with_key[0]["description"] == "Harde muziek uit de tuin"
    one = client.get(f"/open311/v2/requests/{number}.xml")
    root = ET.fromstring(one.content)
    assert root.tag == "service_requests"
    assert root.find("request").findtext("service_request_id") == number
    token = json.loads(client.get(f"/open311/v2/tokens/{number}.json").content)
    assert token == [{"service_request_id": number, "token": number}]


def test_get_requests_filters_pages_and_generalises_sensitive_places(client, town, tuesday, key):
    town.afval.is_sensitive = True
    town.afval.save()
    for _ in range(3):
        post(client, valid(key))
    post(client, valid(key, service_code="afval"))
    assert len(json.loads(client.get("/open311/v2/requests.json?service_code=geluid").content)) == 3
    assert json.loads(client.get("/open311/v2/requests.json?status=closed").content) == []
    first = json.loads(client.get("/open311/v2/requests.json?page=1&page_size=3").content)
    second = json.loads(client.get("/open311/v2/requests.json?page=2&page_size=3").content)
    assert len(first) == 3 and len(second) == 1
    (sensitive,) = json.loads(client.get("/open311/v2/requests.json?service_code=afval").content)
    report = Report.objects.get(number=sensitive["service_request_id"])
    hood = report.neighbourhood
    assert (sensitive["lat"], sensitive["long"]) == (
        round(hood.centroid_lat, 5),
        round(hood.centroid_lon, 5),
    )
    assert sensitive["address"] == ""


@pytest.mark.parametrize(
    "query", ["status=misschien", "start_date=gisteren", "page_size=veel", "page=x"]
)
def test_bad_get_parameters_are_a_400(client, town, query):
    response = client.get(f"/open311/v2/requests.json?{query}")
    assert response.status_code == 400
    assert json.loads(response.content)[0]["code"] == 400


def test_an_unknown_request_is_a_404(client, town):
    assert client.get("/open311/v2/requests/2026-999999.json").status_code == 404
