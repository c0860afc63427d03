"""Logging in lands each role on its own start page, with only its own menu."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login


@pytest.mark.parametrize(
    ("role", "label"),
    [
        ("coordinator", "Coördinator"),
        ("officer", "Wijkhandhaver / boa"),
        ("team_lead", "Teamleider"),
        ("administrator", "Functioneel beheerder"),
    ],
)
def test_each_role_logs_in_to_its_own_start_page(page, live_server, staff, role, label):
    staff(role, username="sam")
    login(page, live_server, "sam")
    expect(page.locator(f"[data-role='{role}']")).to_contain_text(label)
    assert axe_violations(page) == []


def test_team_lead_sees_the_roster_in_the_menu_and_an_analyst_does_not_see_the_log(
    page, live_server, staff
):
    staff("team_lead", username="tineke")
    login(page, live_server, "tineke")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Rooster")).to_be_visible()
    expect(menu.get_by_role("link", name="Logboek")).to_have_count(0)


def test_wrong_password_gives_a_dutch_message_and_keeps_the_username(page, live_server, staff):
    staff("officer", username="hanna")
    login(page, live_server, "hanna", password="fout")
    expect(page.get_by_role("alert")).to_contain_text("combinatie van gebruikersnaam")
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("hanna")
    assert axe_violations(page) == []


def test_language_switch_shows_the_login_page_in_english(page, live_server):
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")


def test_login_page_works_on_a_phone(phone, live_server, staff):
    staff("officer", username="hanna")
    login(phone, live_server, "hanna")
    expect(phone.locator("[data-role='officer']")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "page scrolls sideways on a phone"
