"""Our Open311 endpoint over real HTTP, read by a real Open311 client library (georeport).

georeport reads services, definitions and requests in JSON and XML; it cannot post, so the post
goes through `requests` (which georeport itself uses) as any client would send the form fields.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
import requests
import time_machine
from georeport import GeoReport

from openhandhaving.api.choices import Scope
from openhandhaving.api.services import api_client_create
from openhandhaving.reports.tests.town import IN_WEST, at


@pytest.fixture
def endpoint(live_server, town):
    town.geluid.questions = [
        {"key": "bron", "label": "Bron", "options": ["muziek", "dieren"], "required": True}
    ]
    town.geluid.save()
    return f"{live_server.url}/open311/v2"


# Over real HTTP (live_server), so outside a test transaction; serialized_rollback restores the
# database afterwards without re-running the migrations' data (which other such tests restore).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_open311_client_reads_what_it_posted(endpoint, fmt):
    key = api_client_create(name="Buurt-app", scopes=[Scope.OPEN311])[1]
    client = GeoReport(endpoint, jurisdiction="waterdam.nl", api_key=key, output_format=fmt)

    services = client.get_service_list()
    services = services if isinstance(services, list) else [services]
    codes = {s["service_code"] for s in services}
    assert {"geluid", "afval"} <= codes
    definition = client.get_service_definition("geluid")
    attributes = definition["attributes"]
    attribute = attributes["attribute"] if fmt == "xml" else attributes[0]
    assert attribute["code"] == "bron"

    with time_machine.travel(at("2026-11-24 10:00"), tick=True):
        posted = requests.post(
            f"{endpoint}/requests.{fmt}",
            data={
                "api_key": key,
                "jurisdiction_id": "waterdam.nl",
                "service_code": "geluid",
                "lat": IN_WEST[0],
                "long": IN_WEST[1],
                "description": "Blaffende hond in de tuin",
                "attribute[bron]": "dieren",
            },
            timeout=10,
        )
        assert posted.status_code == 200, posted.text
        if fmt == "json":
            number = posted.json()[0]["service_request_id"]
        else:
            number = ET.fromstring(posted.content).find("request").findtext("service_request_id")
        found = client.get_service_request(number)
    found = found[0] if isinstance(found, list) else found
    assert found["service_request_id"] == number
    assert found["service_code"] == "geluid"
    assert found["status"] == "open"
