"""More report journeys in a real browser: an absent district officer's report lands with the
backup; a coordinator splits a report into an action and links a duplicate."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone
from playwright.sync_api import expect

from openhandhaving.reports.models import Category, Report, Team
from openhandhaving.reports.services import report_create
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.models import Absence, Officer
from openhandhaving.team.tests.factories import OfficerFactory, assign
from tests.e2e.conftest import IN_WEST, axe_violations, login


def test_when_the_district_officer_is_absent_the_report_lands_with_the_backup(
    page, phone, live_server, town, staff
):
    west = town["west"]
    piet = staff("officer", username="piet", first_name="Piet", last_name="Jansen")
    backup = OfficerFactory(user=piet, first_name="Piet", last_name="Jansen")
    assign(west, backup, AssignmentRole.BACKUP)
    now = timezone.now()
    hanna = Officer.objects.get(user=town["hanna"])
    shift = hanna.shifts.get()
    shift.officers.add(backup)  # the pair on duty in West
    Absence.objects.create(officer=hanna, kind="illness", start=now - dt.timedelta(hours=1))

    login(page, live_server, "kim")
    page.get_by_role("link", name="Nieuwe melding").first.click()
    page.get_by_label("Wat is er aan de hand?").fill("Blaffende hond, al de hele ochtend")
    page.get_by_label("Categorie").select_option(label="Geluid")
    page.get_by_label("Hoe kwam de melding binnen?").select_option(label="Telefoon (KCC)")
    page.get_by_label("Adres", exact=True).fill("Dorpsstraat 12")
    page.get_by_role("button", name=re.compile("Dorpsstraat 12, Utrecht")).click()
    page.get_by_role("button", name="Melding opslaan").click()

    report = Report.objects.get()
    expect(page.get_by_role("heading", name=f"Melding {report.number}")).to_be_visible()
    expect(page.locator("[data-owner]")).to_contain_text("Piet Jansen")
    history = page.locator(".oh-history")
    expect(history).to_contain_text("vervanger West")
    expect(history).to_contain_text("wijkhandhaver afwezig")  # illness is not named to all

    login(phone, live_server, "piet")
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldingen").click()
    expect(phone.locator(f".oh-report-card[data-number='{report.number}']")).to_be_visible()


def test_a_coordinator_splits_a_report_and_links_a_duplicate(page, live_server, town, staff):
    stadsbeheer = Team.objects.create(name="Stadsbeheer", slug="stadsbeheer")
    Category.objects.create(
        slug="afval", name="Afval naast container", responsible_team=stadsbeheer
    )
    geluid = Category.objects.get(slug="geluid")
    first = report_create(
        text="Feest met harde muziek en vuilniszakken op straat",
        category=geluid,
        lat=IN_WEST[0],
        lon=IN_WEST[1],
        channel="phone",
        reported_at=timezone.now() - dt.timedelta(minutes=30),
    )
    second = report_create(
        text="Harde muziek bij de buren",
        category=geluid,
        lat=IN_WEST[0],
        lon=IN_WEST[1],
        channel="web",
        contact={"email": "buur@example.nl"},
    )
    staff("coordinator", username="cora")
    login(page, live_server, "cora")

    page.goto(f"{live_server.url}/meldingen/{first.number}/")
    page.get_by_role("link", name="Splitsen in acties voor andere teams").click()
    expect(page.get_by_role("heading", name=f"Melding {first.number} splitsen")).to_be_visible()
    assert axe_violations(page) == []
    action = page.locator("fieldset").first
    action.get_by_label("Categorie (bepaalt het team)").select_option(label="Afval naast container")
    action.get_by_label("Wat moet er gebeuren?").fill("Vuilniszakken ophalen")
    page.get_by_role("button", name="Acties aanmaken").click()
    child = Report.objects.get(parent=first)
    actions = page.locator("[data-actions]")
    expect(actions).to_contain_text(child.number)
    expect(actions).to_contain_text("Stadsbeheer")

    page.goto(f"{live_server.url}/meldingen/{second.number}/")
    page.get_by_role("button", name=f"Dubbel van {first.number}").click()
    expect(page.locator("[data-duplicate-of]")).to_contain_text(first.number)
    expect(page.locator("[data-status]")).to_have_text("Afgehandeld")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/meldingen/{first.number}/")
    expect(page.locator("[data-linked-duplicates]")).to_contain_text(second.number)


def test_a_resident_sees_open_reports_on_the_public_map_on_a_phone(phone, live_server, town):
    geluid = Category.objects.get(slug="geluid")
    for i in range(2):
        report_create(
            text=f"Harde muziek bij nummer {i}",
            category=geluid,
            lat=IN_WEST[0] + i * 0.0002,
            lon=IN_WEST[1],
            channel="web",
        )
    phone.goto(f"{live_server.url}/melding/kaart/")
    expect(phone.get_by_role("heading", name="Kaart van meldingen")).to_be_visible()
    map_element = phone.locator("#publiekekaart")
    expect(map_element).to_have_attribute("data-state", "ready")
    expect(map_element).to_have_attribute("data-marker-count", "2")
    expect(phone.locator("[data-counts]")).to_contain_text("West")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    assert axe_violations(phone) == []
