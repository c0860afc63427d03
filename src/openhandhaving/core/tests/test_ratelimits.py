"""Rate limits on public endpoints (S4): a clear 429 in the caller's own form, nothing lost."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from openhandhaving.api.choices import Scope
from openhandhaving.api.services import api_client_create

pytestmark = pytest.mark.django_db


def test_guessing_passwords_is_slowed_down_with_a_dutch_page(client, settings, make_user):
    settings.RATE_LOGIN = "3/m"
    make_user("officer", username="hanna")
    for _ in range(3):
        answer = client.post(reverse("login"), {"username": "hanna", "password": "fout"})
        assert answer.status_code == 200  # the form again, with its message
    blocked = client.post(reverse("login"), {"username": "hanna", "password": "fout"})
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == "60"
    assert "Te veel verzoeken in korte tijd" in blocked.content.decode()


def test_another_account_from_elsewhere_is_not_blocked(client, settings, make_user):
    settings.RATE_LOGIN = "3/m"
    for _ in range(3):
        client.post(reverse("login"), {"username": "hanna", "password": "fout"})
    elsewhere = client.post(
        reverse("login"), {"username": "piet", "password": "fout"}, REMOTE_ADDR="10.0.0.9"
    )
    assert elsewhere.status_code == 200


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_open311_answers_429_as_an_error_list(client, settings, fmt):
    settings.RATE_PUBLIC_READ = "2/m"
    for _ in range(2):
        assert client.get(f"/open311/v2/services.{fmt}").status_code == 200
    blocked = client.get(f"/open311/v2/services.{fmt}")
    assert blocked.status_code == 429
    if fmt == "json":
        assert json.loads(blocked.content)[0]["code"] == 429
    else:
        assert b"<code>429</code>" in blocked.content


def test_the_rest_api_counts_per_connected_system(settings):
    settings.RATE_API_CLIENT = "2/m"
    api = APIClient()
    api.credentials(HTTP_X_API_KEY=api_client_create(name="A", scopes=[Scope.REPORTS_READ])[1])
    other = APIClient()
    other.credentials(HTTP_X_API_KEY=api_client_create(name="B", scopes=[Scope.REPORTS_READ])[1])
    for _ in range(2):
        assert api.get("/api/v1/categories/").status_code == 200
    assert api.get("/api/v1/categories/").status_code == 429
    assert other.get("/api/v1/categories/").status_code == 200


def test_the_public_map_data_is_limited_per_address(client, settings):
    settings.RATE_PUBLIC_READ = "1/m"
    url = reverse("reports_public:map_data")
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 429


def test_a_request_without_an_address_is_counted_not_refused(rf, settings):
    from openhandhaving.core.ratelimits import client_address

    request = rf.get("/")
    del request.META["REMOTE_ADDR"]
    assert client_address(None, request) == "unknown"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
    forged = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")  # first part typed by client
    assert client_address(None, forged) == "203.0.113.7"  # the address our proxy saw


@pytest.mark.parametrize(
    "path, data, expect",
    [
        ("/api/v1/reports/?category=a%00b", None, "application/json"),
        ("/open311/v2/requests.json?service_code=%00", None, "application/json"),
        ("/open311/v2/requests/2026-%00.xml", None, "text/xml"),
        ("/melding/kaart.geojson?x=%00", None, "text/html"),
    ],
)
def test_a_nul_character_is_a_clear_400_not_a_server_error(client, path, data, expect):
    response = client.get(path)
    assert response.status_code == 400
    assert response["Content-Type"].startswith(expect)
    assert "ongeldig teken" in response.content.decode()


def test_a_nul_in_a_json_body_or_form_field_is_refused(client):
    api = client.post("/api/v1/reports/", '{"text": "a\\u0000b"}', content_type="application/json")
    assert api.status_code == 400
    form = client.post("/open311/v2/requests.json", {"attribute[\x00]": "x", "api_key": "k"})
    assert form.status_code == 400
