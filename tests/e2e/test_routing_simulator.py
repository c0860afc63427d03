"""An administrator tests a routing rule on a phone: the decision, its reason, the rule list."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from openhandhaving.reports.models import RoutingRule
from openhandhaving.reports.tests.town import IN_OOST, IN_WEST, build_town
from tests.e2e.conftest import axe_violations, login


@pytest.fixture
def town(staff):
    def make_user(role, *, username, **fields):
        return staff(role, username=username, **fields)

    town = build_town(make_user)
    rule = RoutingRule.objects.create(name="Parkeren Oost", order=1, target_team=town.handhaving)
    rule.categories.set([town.parkeer])
    rule.districts.set([town.oost])
    return town


def ask(page, point, category, time="10:00"):
    page.get_by_label("Breedtegraad").fill(str(point[0]))
    page.get_by_label("Lengtegraad").fill(str(point[1]))
    page.get_by_label("Categorie").select_option(label=category)
    page.get_by_label("Datum").fill("2026-11-24")
    page.get_by_label("Tijd").fill(time)
    page.get_by_role("button", name="Bekijk de uitkomst").click()


def test_an_administrator_tests_the_rules_on_a_phone(phone, live_server, staff, town):
    staff("administrator", username="beheer")
    login(phone, live_server, "beheer")
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Routering testen"
    ).click()
    expect(phone.get_by_role("heading", name="Routering testen", level=1)).to_be_visible()
    expect(phone.get_by_role("table")).to_contain_text("Parkeren Oost")

    ask(phone, IN_WEST, "Afval")
    result = phone.locator("[data-routing-result]")
    expect(result.locator("[data-owner]")).to_contain_text("Hanna de Vries")
    expect(result.locator("[data-reason]")).to_have_text(
        "Toegewezen aan H. de Vries: wijkhandhaver West, dienst tot 17:00"
    )

    ask(phone, IN_OOST, "Parkeren", time="13:00")
    expect(result.locator("[data-reason]")).to_contain_text(
        "Regel 'Parkeren Oost': toegewezen aan K. Bakker"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(phone) == []


def test_a_place_outside_the_town_is_explained_next_to_the_field(page, live_server, staff, town):
    staff("administrator", username="beheer")
    login(page, live_server, "beheer")
    page.goto(f"{live_server.url}/meldingen/routering/")
    ask(page, (52.5, 6.0), "Afval")
    expect(page.get_by_text("Deze plek ligt buiten de gemeente Utrecht")).to_be_visible()
    expect(page.locator("[data-routing-result]")).to_have_count(0)
