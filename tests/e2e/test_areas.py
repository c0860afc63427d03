"""An analyst looks at the wijken: outlines on the map (without tiles) and the list beside it."""

from __future__ import annotations

from playwright.sync_api import expect

from openhandhaving.areas.services import areas_import
from openhandhaving.areas.tests import geo
from tests.e2e.conftest import axe_violations, login


def import_squares() -> None:
    report = areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=geo.cbs_buurten()
    )
    assert report.ok, report.errors


def test_analyst_sees_the_wijken_map_with_outlines_and_the_list(page, live_server, staff):
    import_squares()
    staff("analyst", username="ali")
    login(page, live_server, "ali")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Wijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wijken")
    the_map = page.get_by_role("region", name="Kaart van de wijken")
    expect(the_map).to_have_attribute("data-state", "ready")
    # Tiles are blocked in these tests: the outlines are drawn all the same.
    expect(the_map.locator("path.leaflet-interactive")).to_have_count(2)
    table = page.get_by_role("table", name="2 wijken")
    expect(table.get_by_role("link", name="West")).to_be_visible()
    expect(table.get_by_role("link", name="Oost")).to_be_visible()
    assert axe_violations(page) == []


def test_a_wijk_opens_with_its_buurten_on_the_map_and_works_on_a_phone(phone, live_server, staff):
    import_squares()
    staff("analyst", username="ali")
    login(phone, live_server, "ali")
    phone.goto(f"{live_server.url}/gebieden/wijken/")
    phone.get_by_role("link", name="West").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Wijk West")
    the_map = phone.get_by_role("region", name="Kaart van wijk West")
    expect(the_map).to_have_attribute("data-state", "ready")
    # The wijk's outline, and its two buurten that show their name on hover.
    expect(the_map.locator(".leaflet-overlay-pane path")).to_have_count(3)
    expect(the_map.locator("path.leaflet-interactive")).to_have_count(2)
    expect(phone.get_by_role("table", name="Buurten van wijk West")).to_contain_text("Noord")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(phone) == []
