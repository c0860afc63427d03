"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, sync_playwright

from openhandhaving.areas import index_cache
from openhandhaving.areas.models import Address, District
from openhandhaving.areas.services import areas_import, located_fill
from openhandhaving.areas.tests import geo
from openhandhaving.core.choices import RoleCode
from openhandhaving.core.models import Role, User
from openhandhaving.reports.models import Category, Team
from openhandhaving.reports.routing import rules_cache_clear
from openhandhaving.team.tests.factories import OfficerFactory, assign

# Playwright's sync API runs an event loop in the test thread; the ORM calls in fixtures are
# still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("OPENHANDHAVING_CHROMIUM", "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "src/openhandhaving/static/vendor/axe-core/axe.min.js"
PASSWORD = "geheim-wachtwoord"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt op {CHROMIUM}: draai `make test` (installeert het).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Page:
    # bypass_csp: axe-core is injected as an inline script; tests/e2e/test_security.py checks
    # the policy itself without this.
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", bypass_csp=True)
    # Outside tiles cannot load here; block them so pages do not wait on the network.
    context.route("https://**/*", lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser) -> Page:
    context = browser.new_context(
        locale="nl-NL",
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        bypass_csp=True,
    )
    context.route("https://**/*", lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def staff(transactional_db):
    """staff("officer") → a user of that role whose password is PASSWORD."""

    def make(role: str, username: str | None = None, **fields) -> User:
        user = User.objects.create_user(
            username=username or role,
            password=PASSWORD,
            first_name=fields.pop("first_name", "Sam"),
            **fields,
        )
        user.groups.add(Role.objects.get(code=RoleCode(role)).group)
        return user

    return make


def login(page: Page, live_server, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{live_server.url}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; return the serious violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
        })"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]


# --- the town of the reports journeys ------------------------------------------------------

IN_WEST = (52.098, 5.105)


@pytest.fixture
def town(transactional_db, staff):
    """Wijk West with Hanna de Vries as district officer, on duty now; the KCC's Kim."""
    index_cache.area_index_clear()
    rules_cache_clear()
    imported = areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=geo.cbs_buurten()
    )
    assert imported.ok, imported.errors
    west = District.objects.get(name="West")
    hanna = staff("officer", username="hanna", first_name="Hanna", last_name="de Vries")
    officer = OfficerFactory(user=hanna, first_name="Hanna", last_name="de Vries")
    assign(west, officer)
    now = timezone.now()
    shift = officer.shifts.create(
        start=now - dt.timedelta(hours=2), end=now + dt.timedelta(hours=6), district=west
    )
    shift.officers.set([officer])
    handhaving = Team.objects.create(
        name="Handhaving", slug="handhaving", routes_to_district_officer=True
    )
    overlast = Category.objects.create(
        slug="overlast", name="Overlast", responsible_team=handhaving
    )
    Category.objects.create(slug="geluid", name="Geluid", parent=overlast)
    address = Address(
        street="Dorpsstraat",
        house_number=12,
        postcode="3511AB",
        city="Utrecht",
        lat=IN_WEST[0],
        lon=IN_WEST[1],
    )
    located_fill(obj=address)
    address.save()
    staff("contact_centre", username="kim", first_name="Kim")
    yield {"west": west, "hanna": hanna}
    index_cache.area_index_clear()
    rules_cache_clear()
