"""API keys of connected systems: shown once, stored as a hash, refused when wrong or stopped."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from openhandhaving.api import demo
from openhandhaving.api.choices import Scope
from openhandhaving.api.models import ApiClient
from openhandhaving.api.services import (
    ApiKeyError,
    api_client_create,
    api_client_for_key,
    api_client_rotate,
)
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.core.models import AuditLogEntry

pytestmark = pytest.mark.django_db


def test_a_new_key_works_and_only_its_hash_is_stored():
    client, key = api_client_create(name="Buitendienst-app", scopes=[Scope.OPEN311])
    assert key.startswith("oh_")
    stored = ApiClient.objects.get()
    assert key not in (stored.key_hash, stored.key_prefix) and stored.key_hash != ""
    assert api_client_for_key(key) == client
    assert api_client_for_key(f" {key} ") == client  # pasted with spaces
    assert client.allows(Scope.OPEN311) and not client.allows(Scope.PERSONAL_DATA)
    assert AuditLogEntry.objects.filter(action="api_client_create").exists()


@pytest.mark.parametrize(
    "attempt",
    [
        pytest.param(
            lambda key: key[:-1] + ("A" if key[-1] != "A" else "B"), id="one character off"
        ),
        pytest.param(lambda key: key.replace("oh_", "xx_"), id="wrong start"),
        pytest.param(lambda key: "oh_12345678_geheim", id="unknown prefix"),
        pytest.param(lambda key: "", id="empty"),
        pytest.param(lambda key: None, id="missing"),
        pytest.param(lambda key: "oh_kort", id="malformed"),
    ],
)
def test_a_wrong_key_is_refused(attempt):
    _client, key = api_client_create(name="App", scopes=[Scope.OPEN311])
    assert api_client_for_key(attempt(key)) is None


def test_a_stopped_system_and_an_old_key_are_refused():
    client, key = api_client_create(name="App", scopes=[Scope.OPEN311])
    new_key = api_client_rotate(client=client)
    assert api_client_for_key(key) is None
    assert api_client_for_key(new_key) == client
    ApiClient.objects.filter(pk=client.pk).update(active=False)
    assert api_client_for_key(new_key) is None


def test_last_use_is_recorded_without_a_write_on_every_request(django_assert_num_queries):
    _client, key = api_client_create(name="App", scopes=[Scope.OPEN311])
    api_client_for_key(key)
    first = ApiClient.objects.get().last_used_at
    assert first is not None
    with django_assert_num_queries(1):  # the lookup only
        api_client_for_key(key)
    ApiClient.objects.update(last_used_at=first - dt.timedelta(hours=1))
    api_client_for_key(key)
    assert ApiClient.objects.get().last_used_at > first - dt.timedelta(hours=1)


@pytest.mark.parametrize(
    "name, scopes, message",
    [
        ("", [Scope.OPEN311], "Geef het systeem een naam"),
        ("App", ["alles"], "Onbekende rechten: alles"),
    ],
)
def test_bad_input_is_refused_in_dutch(name, scopes, message):
    with pytest.raises(ApiKeyError, match=message):
        api_client_create(name=name, scopes=scopes)
    assert not ApiClient.objects.exists()


def test_the_demo_key_command_prints_the_demo_clients_working_key():
    demo.generate(DemoContext(seed=1, size="normal", today=dt.date(2026, 11, 23)))
    out = io.StringIO()
    call_command("open311", "demo-key", stdout=out)
    key = out.getvalue().strip()
    client = api_client_for_key(key)
    assert client is not None and client.allows(Scope.OPEN311)


def test_without_the_demo_the_demo_key_command_says_so():
    with pytest.raises(CommandError, match="geen voorbeeldclient"):
        call_command("open311", "demo-key")


def test_the_administrator_sees_a_new_key_once_in_the_admin(client, make_user):
    admin = make_user("administrator", is_staff=True)
    client.force_login(admin)
    response = client.post(
        "/beheer/django/api/apiclient/add/",
        {
            "name": "Vakapplicatie",
            "description": "",
            "scopes": [Scope.REPORTS_READ],
            "active": "on",
        },
        follow=True,
    )
    html = response.content.decode()
    stored = ApiClient.objects.get(name="Vakapplicatie")
    assert stored.scopes == [Scope.REPORTS_READ]
    key = html.split("(wordt maar één keer getoond): ")[1].split("<")[0].strip()
    assert api_client_for_key(key) == stored
