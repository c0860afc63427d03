"""The routing simulator page and the rule admin form: administrators test and keep their rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from openhandhaving.areas.models import Address
from openhandhaving.areas.services import located_fill
from openhandhaving.reports.admin import RoutingRuleForm
from openhandhaving.reports.models import RoutingRule
from openhandhaving.reports.tests.town import IN_WEST

pytestmark = pytest.mark.django_db
URL = reverse("reports:routing_simulator")


@pytest.fixture
def admin_client(client, make_user, town):
    client.force_login(make_user("administrator"))
    return client


def ask(client, **params):
    query = {"date": "2026-11-24", "time": "10:00", **params}
    return client.get(URL, query)


def test_the_page_lists_the_rules_in_order(admin_client, town):
    late = RoutingRule.objects.create(name="Laat", order=20, target_team=town.parkeren)
    early = RoutingRule.objects.create(
        name="Vroeg", order=1, target_user=town.karin, weekdays=[5, 6], time_from=dt.time(22)
    )
    early.categories.set([town.afval])
    late.districts.set([town.oost])
    html = ask(admin_client).content.decode()  # no category: just the form and the rules
    assert html.index("Vroeg") < html.index("Laat")
    assert "categorie: Afval; dagen: zaterdag, zondag; tijd: 22:00–24:00" in html
    assert "K. Bakker" in html and "team Parkeren" in html
    assert "data-routing-result" not in html


def test_a_place_and_a_category_show_the_decision_and_the_reason(admin_client, town):
    response = ask(admin_client, lat=IN_WEST[0], lon=IN_WEST[1], category=town.afval.pk)
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-routing-result" in html
    assert "Hanna de Vries" in html
    assert "Toegewezen aan H. de Vries: wijkhandhaver West, dienst tot 17:00" in html
    assert "Noord" in html  # the buurt


def test_an_address_is_looked_up(admin_client, town):
    address = Address(
        street="Dorpsstraat", house_number=12, city="Utrecht", lat=IN_WEST[0], lon=IN_WEST[1]
    )
    located_fill(obj=address)
    address.save()
    html = ask(
        admin_client, address="Dorpsstraat 12", category=town.parkeer.pk, time="23:00"
    ).content.decode()
    assert "Dorpsstraat 12, Utrecht" in html
    assert "Categorie Parkeren: naar de bak van team Parkeren" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        pytest.param({"lat": "52.098"}, "Vul zowel breedte- als lengtegraad in.", id="no lon"),
        pytest.param({"lat": "noord", "lon": "5.1"}, "Vul een getal in", id="not a number"),
        pytest.param({}, "Vul een adres in, of breedte- en lengtegraad.", id="no place"),
        pytest.param({"address": "Nergensstraat 1"}, "Dit adres vinden we niet", id="unknown"),
        pytest.param(
            {"lat": "52.5", "lon": "6.0"}, "Deze plek ligt buiten de gemeente Utrecht", id="outside"
        ),
    ],
)
def test_bad_input_is_explained_next_to_the_field(admin_client, town, params, message):
    response = ask(admin_client, category=town.afval.pk, **params)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "data-routing-result" not in html


def test_officers_may_not_use_the_simulator(client, make_user, town):
    client.force_login(make_user("officer"))
    assert client.get(URL).status_code == 403


@pytest.mark.parametrize(
    ("data", "field", "valid"),
    [
        pytest.param({"weekdays": "[5, 6]"}, "weekdays", True, id="weekend"),
        pytest.param({"weekdays": "[7]"}, "weekdays", False, id="there is no day 7"),
        pytest.param({"weekdays": '["za"]'}, "weekdays", False, id="days are numbers"),
        pytest.param({"answers": '{"asbest": "ja"}'}, "answers", True, id="an answer"),
        pytest.param({"answers": "[1, 2]"}, "answers", False, id="answers are a mapping"),
        pytest.param(
            {"time_from": "22:00", "time_until": "22:00"}, "time_until", False, id="empty window"
        ),
    ],
)
def test_the_rule_form_checks_what_it_stores(data, field, valid, town):
    form = RoutingRuleForm(
        data={
            "name": "Regel",
            "order": 1,
            "active": True,
            "weekdays": "[]",
            "answers": "{}",
            **data,
        }
    )
    assert form.is_valid() is valid
    assert (field in form.errors) is not valid
