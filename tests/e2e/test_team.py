"""Team journeys in a real browser: report the district officer ill, read the roster on a phone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.tests.factories import (
    DistrictFactory,
    OfficerFactory,
    PairFactory,
    assign,
)
from tests.e2e.conftest import axe_violations, login


@pytest.fixture
def schalkwijk(transactional_db):
    """Schalkwijk with Hanna as district officer and Piet as backup, both on duty right now."""
    wijk = DistrictFactory(name="Schalkwijk")
    DistrictFactory(name="Nieuwbouw")  # no district officer yet
    hanna = OfficerFactory(first_name="Hanna", last_name="de Vries")
    piet = OfficerFactory(first_name="Piet", last_name="Jansen")
    assign(wijk, hanna)
    assign(wijk, piet, AssignmentRole.BACKUP)
    pair = PairFactory(name="Duo Zuid", first=hanna, second=piet)
    now = timezone.now()
    shift = pair.shifts.create(
        start=now - dt.timedelta(hours=2), end=now + dt.timedelta(hours=6), district=wijk
    )
    shift.officers.set([hanna, piet])
    return {"wijk": wijk, "hanna": hanna, "piet": piet}


def test_team_lead_reports_the_district_officer_ill_and_sees_the_backup_responsible(
    page, live_server, staff, schalkwijk
):
    staff("team_lead", username="tineke")
    login(page, live_server, "tineke")
    menu = page.get_by_role("navigation", name="Hoofdmenu")

    menu.get_by_role("link", name="Wie is verantwoordelijk?").click()
    row = page.locator("tr[data-wijk='Schalkwijk']")
    expect(row.locator("[data-responsible]")).to_contain_text("Hanna de Vries")

    menu.get_by_role("link", name="Afwezigheid").click()
    page.get_by_role("link", name="Afwezigheid vastleggen").click()
    page.get_by_label("Handhaver").select_option(label="Hanna de Vries")
    page.get_by_label("Soort").select_option(label="Ziek")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("heading", name="Wie neemt de wijk nu over?")).to_be_visible()
    expect(page.locator("tr[data-wijk='Schalkwijk']")).to_contain_text("Piet Jansen")

    menu.get_by_role("link", name="Wie is verantwoordelijk?").click()
    row = page.locator("tr[data-wijk='Schalkwijk']")
    expect(row.locator("[data-responsible]")).to_contain_text("Piet Jansen")
    expect(row).to_contain_text("vervanger Schalkwijk (wijkhandhaver ziek)")
    assert axe_violations(page) == []


def test_the_roster_week_reads_on_a_phone_without_sideways_scrolling(
    phone, live_server, staff, schalkwijk
):
    staff("officer", username="hanna")
    login(phone, live_server, "hanna")
    phone.goto(f"{live_server.url}/team/rooster/")
    today = timezone.localdate()
    day_list = phone.locator(".oh-roster-days")
    expect(day_list).to_be_visible()
    expect(day_list).to_contain_text("Hanna de Vries")
    expect(day_list).to_contain_text("Schalkwijk")
    expect(phone.locator(".oh-roster-grid")).to_be_hidden()
    assert str(today.day) in day_list.inner_text()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the roster scrolls sideways on a phone"


def test_roster_week_and_assignment_page_pass_axe(page, live_server, staff, schalkwijk):
    staff("team_lead", username="tineke")
    login(page, live_server, "tineke")
    page.goto(f"{live_server.url}/team/rooster/")
    expect(page.locator(".oh-roster-grid")).to_contain_text("Hanna de Vries")
    assert axe_violations(page) == []

    page.goto(f"{live_server.url}/team/wijkindeling/")
    expect(page.locator("[data-missing]")).to_contain_text("Nieuwbouw")
    expect(page.get_by_label("Wijkhandhaver van Schalkwijk")).to_have_value(
        str(schalkwijk["hanna"].pk)
    )
    assert axe_violations(page) == []
