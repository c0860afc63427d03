"""Language switch in a real browser: a team lead reads the roster in English, then in Dutch."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import login


def test_team_lead_switches_to_english_and_back_to_dutch(page, live_server, staff):
    staff("team_lead", username="tineke")
    login(page, live_server, "tineke")

    page.get_by_role("button", name="English").click()
    menu = page.get_by_role("navigation", name="Main menu")
    expect(menu.get_by_role("link", name="Who is responsible?")).to_be_visible()
    expect(menu.get_by_role("link", name="Absence")).to_be_visible()
    menu.get_by_role("link", name="Roster").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Roster: who is where, when")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Next week")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.get_by_role("button", name="Nederlands").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rooster: wie is waar, wanneer")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Wie is verantwoordelijk?")).to_be_visible()
    expect(menu.get_by_role("link", name="Rooster")).to_have_attribute("aria-current", "page")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
