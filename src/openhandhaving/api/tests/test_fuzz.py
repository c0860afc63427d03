"""Generated input on every operation of the REST API and of Open311: never a server error.

Schemathesis reads the OpenAPI document of /api/v1/ and a description of our Open311 endpoints
(below), generates requests from them (valid and broken), and sends them to the app in process.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from openhandhaving.api.choices import Scope
from openhandhaving.api.services import api_client_create, demo_key

APP = get_wsgi_application()
EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same generated cases on every run: CI stays reproducible
)

rest = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", APP)


def _text(**extra) -> dict:
    return {"schema": {"type": "string", **extra}}


def _query(name: str, **extra) -> dict:
    return {"name": name, "in": "query", "required": False, **_text(**extra)}


def _path(name: str) -> dict:
    return {"name": name, "in": "path", "required": True, **_text()}


def _get(*parameters) -> dict:
    return {"get": {"parameters": list(parameters), "responses": {"200": {"description": "ok"}}}}


POST_FIELDS = [
    "service_code",
    "lat",
    "long",
    "address_string",
    "description",
    "email",
    "first_name",
    "last_name",
    "phone",
    "attribute[bron]",
    "jurisdiction_id",
]
OPEN311 = {
    "openapi": "3.0.3",
    "info": {"title": "Open311 GeoReport v2 (Open Handhaving)", "version": "2"},
    "paths": {
        "/open311/v2/services.json": _get(_query("jurisdiction_id")),
        "/open311/v2/services/{code}.json": _get(_path("code")),
        "/open311/v2/requests/{number}.json": _get(_path("number")),
        "/open311/v2/tokens/{token}.json": _get(_path("token")),
        "/open311/v2/requests.json": {
            **_get(
                _query("service_request_id"),
                _query("service_code"),
                _query("status"),
                _query("start_date"),
                _query("end_date"),
                _query("page"),
                _query("page_size"),
            ),
            "post": {
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "api_key": {"type": "string", "enum": ["placeholder"]},
                                    **{name: {"type": "string"} for name in POST_FIELDS},
                                },
                                "required": ["api_key"],
                            }
                        }
                    },
                },
                "responses": {"200": {"description": "ok"}},
            },
        },
    },
}
OPEN311["paths"]["/open311/v2/requests.json"]["post"]["requestBody"]["content"][
    "application/x-www-form-urlencoded"
]["schema"]["properties"]["api_key"]["enum"] = [demo_key()]
open311 = schemathesis.openapi.from_dict(OPEN311)
open311.app = APP


@pytest.fixture
def headers(town):
    """A key with every right, and the demo's Open311 key, on a town where reports can land.

    Requests go straight to the WSGI app, so (as Django's own test client does) the database
    connection of the test's transaction must not be closed at the end of each request."""
    key = api_client_create(name="Fuzzer", scopes=list(Scope.values))[1]
    api_client_create(name="Open311-fuzzer", scopes=[Scope.OPEN311], key=demo_key())
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Api-Key {key}"}
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@rest.parametrize()
@EXAMPLES
def test_the_rest_api_never_fails_on_generated_input(case, headers):
    case.call_and_validate(headers=headers, checks=[not_a_server_error])


@open311.parametrize()
@EXAMPLES
def test_open311_never_fails_on_generated_input(case, headers):
    case.call_and_validate(checks=[not_a_server_error])
