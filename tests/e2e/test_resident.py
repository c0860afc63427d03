"""The resident's journey on a phone: report dog fouling by pinning the map, get a number, follow
the report by its link, see it handled after the district officer closed it; the public map
shows it without personal data. Every step of the form passes axe."""

from __future__ import annotations

import json
import re

from playwright.sync_api import expect

from openhandhaving.reports.models import Category, Report
from tests.e2e.conftest import axe_violations, login

TEXT = "Elke ochtend ligt er hondenpoep op het grasveld bij de school"


def check_page(phone) -> None:
    assert axe_violations(phone) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375, "scrolls sideways"


def test_a_resident_reports_dog_fouling_on_a_phone_and_follows_it_until_done(
    phone, page, live_server, town, settings
):
    settings.PUBLIC_URL = live_server.url
    settings.REPORTS_PUBLIC_MIN_SECONDS = 0
    overlast = Category.objects.get(slug="overlast")
    Category.objects.create(
        slug="hondenpoep",
        name="Hondenpoep",
        public_name="Hondenpoep",
        parent=overlast,
        service_promise="We kijken er binnen vijf werkdagen naar.",
        questions=[
            {"key": "hoe_vaak", "label": "Hoe vaak gebeurt dit?", "type": "choice",
             "options": ["Eén keer", "Elke dag"]},
            {"key": "tijd", "label": "Hoe laat meestal?", "type": "text",
             "show_if": {"key": "hoe_vaak", "value": ["Elke dag"]}},
        ],
    )  # fmt: skip

    phone.goto(f"{live_server.url}/melding/")
    expect(phone.get_by_role("heading", name="Wat wilt u melden?")).to_be_visible()
    check_page(phone)
    phone.get_by_label("Wat wilt u melden?").fill(TEXT)
    phone.get_by_role("button", name="Volgende stap").click()

    expect(phone.get_by_role("heading", name="Onderwerp")).to_be_visible()
    phone.get_by_label("Een ander onderwerp (kies uit de lijst)").check()
    phone.get_by_label("Kies een ander onderwerp").select_option(label="Hondenpoep")
    check_page(phone)
    phone.get_by_role("button", name="Volgende stap").click()

    # Where: a pin on the map (left half of the town is wijk West).
    expect(phone.get_by_role("heading", name="Waar is het?")).to_be_visible()
    the_map = phone.locator("#plekkaart")
    expect(the_map).to_have_attribute("data-state", "ready")
    box = the_map.bounding_box()
    phone.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)
    expect(phone.locator("#gekozen-plek")).to_contain_text("Gekozen plek op de kaart")
    check_page(phone)
    phone.get_by_role("button", name="Volgende stap").click()

    # The second question appears only after "Elke dag".
    expect(phone.get_by_role("heading", name="Meer informatie")).to_be_visible()
    expect(phone.get_by_label("Hoe laat meestal?")).to_be_hidden()
    phone.get_by_label("Elke dag").check()
    expect(phone.get_by_label("Hoe laat meestal?")).to_be_visible()
    phone.get_by_label("Hoe laat meestal?").fill("rond half negen")
    check_page(phone)
    phone.get_by_role("button", name="Volgende stap").click()

    expect(phone.get_by_role("heading", name="Uw gegevens")).to_be_visible()
    phone.get_by_label("E-mailadres").fill("bewoner@example.org")
    phone.get_by_role("button", name="Volgende stap").click()
    expect(phone.get_by_role("link", name=re.compile("Geef toestemming"))).to_be_visible()
    expect(phone.get_by_label("E-mailadres")).to_have_value("bewoner@example.org")
    phone.get_by_label(re.compile("Ik geef de gemeente toestemming")).check()
    check_page(phone)
    phone.get_by_role("button", name="Volgende stap").click()

    expect(phone.get_by_role("heading", name="Controleren en versturen")).to_be_visible()
    expect(phone.locator(".oh-summary")).to_contain_text("rond half negen")
    check_page(phone)
    phone.get_by_role("button", name="Melding versturen").click()

    expect(phone.get_by_role("heading", name="Bedankt voor uw melding")).to_be_visible()
    report = Report.objects.get()
    expect(phone.locator("[data-number]")).to_have_text(report.number)
    expect(phone.locator("[data-promise]")).to_contain_text("binnen vijf werkdagen")
    assert report.owner.username == "hanna"
    assert report.answers == {"hoe_vaak": "Elke dag", "tijd": "rond half negen"}
    check_page(phone)

    # The public map shows it, without the resident's words or address.
    phone.goto(f"{live_server.url}/melding/kaart/")
    expect(phone.locator("#publiekekaart")).to_have_attribute("data-marker-count", "1")
    data = phone.request.get(f"{live_server.url}/melding/kaart.geojson").text()
    assert json.loads(data)["features"]
    assert "bewoner@example.org" not in data and "grasveld" not in data

    # Following by the link: the report is in.
    phone.go_back()
    follow = phone.locator("[data-follow-link]").get_attribute("href")
    phone.goto(follow)
    expect(phone.get_by_text(report.number).first).to_be_visible()
    check_page(phone)

    # The district officer closes it; the resident sees it handled and is asked how it went.
    login(page, live_server, "hanna")
    page.goto(f"{live_server.url}/meldingen/{report.number}/")
    page.get_by_label("Toelichting (niet verplicht)").fill(
        "Eigenaar aangesproken en bekeurd; het veld is schoon."
    )
    page.get_by_role("button", name="Afgehandeld").click()
    expect(page.locator("[data-status]")).to_have_text("Afgehandeld")

    phone.goto(follow)
    expect(phone.locator("main")).to_contain_text("Afgehandeld")
    expect(phone.get_by_text("Bent u tevreden")).to_be_visible()
    check_page(phone)
