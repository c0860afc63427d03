"""The analyst on the demo: the school-time parking hotspot with its peak times, next week's
forecast and the trend signal the demo contains (scooters at a sports park), each page with its
map and table, passing axe."""

from __future__ import annotations

import io
import re

from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login


def test_the_analyst_finds_the_school_parking_hotspot_forecast_and_trend(
    page, live_server, transactional_db, settings, tmp_path
):
    settings.VAR_DIR = tmp_path  # the demo trains the category suggestion there
    call_command("demo", "--seed", "1", stdout=io.StringIO())  # runs the nightly analysis too
    login(page, live_server, "analist", "demo")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Analyse").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Analyse")
    assert axe_violations(page) == []

    # Hotspots of wrong parking: a school on top, busy at drop-off and pick-up time.
    page.goto(f"{live_server.url}/analyse/hotspots/?categorie=fout-parkeren")
    table = page.locator("[data-hotspot-table]")
    expect(table).to_be_visible()
    first = table.locator("tbody tr").first
    expect(first).to_contain_text(re.compile(r"School|school"))
    expect(first).to_contain_text("08:00–08:45")
    expect(page.locator("[data-map]").first).to_have_attribute("data-state", "ready")
    assert axe_violations(page) == []

    # Its week grid: day × hour, as a table.
    first.get_by_role("link").first.click()
    expect(page.locator("table").first).to_contain_text("ma")
    assert axe_violations(page) == []

    # Next week's forecast for wrong parking.
    page.goto(f"{live_server.url}/analyse/voorspelling/?categorie=fout-parkeren")
    forecast = page.locator("[data-forecast-table]")
    expect(forecast.locator("tbody tr").first).to_be_visible()
    expect(page.locator("[data-map]").first).to_have_attribute("data-state", "ready")
    assert axe_violations(page) == []

    # The trend the demo contains: scooters in De Akkers, far above what was expected.
    page.goto(f"{live_server.url}/analyse/trends/")
    signal = page.locator("[data-signal]").filter(has_text="De Akkers")
    expect(signal).to_have_count(1)
    expect(signal).to_contain_text("Scooters en brommers")
    assert axe_violations(page) == []
