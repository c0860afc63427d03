"""Reports journeys in a real browser: the KCC takes a report for an address, the district
officer on duty finds it in "mijn werkvoorraad" on a phone; queue, report and intake pass axe."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from openhandhaving.reports.models import Category, Report
from tests.e2e.conftest import IN_WEST, axe_violations, login


def test_kcc_report_lands_with_the_officer_on_duty_who_sees_it_on_a_phone(
    page, phone, live_server, town
):
    login(page, live_server, "kim")
    page.get_by_role("link", name="Nieuwe melding").first.click()
    expect(page.get_by_role("heading", name="Nieuwe melding")).to_be_visible()
    expect(page.locator("#intakekaart")).to_have_attribute("data-state", "ready")
    assert axe_violations(page) == []

    # A first try without the place: the message is beside the field and the text stays.
    page.get_by_label("Wat is er aan de hand?").fill("Harde muziek uit de tuin, elke avond")
    page.get_by_label("Categorie").select_option(label="Geluid")
    page.get_by_label("Hoe kwam de melding binnen?").select_option(label="Telefoon (KCC)")
    page.get_by_role("button", name="Melding opslaan").click()
    expect(page.get_by_text("Geef de plek op: zoek een adres of klik op de kaart.")).to_be_visible()
    expect(page.get_by_label("Wat is er aan de hand?")).to_have_value(
        "Harde muziek uit de tuin, elke avond"
    )
    expect(page.locator("#intakekaart")).to_have_attribute("data-state", "ready")
    assert axe_violations(page) == []

    page.get_by_label("Adres", exact=True).fill("Dorpsstraat 12")
    page.get_by_role("button", name=re.compile("Dorpsstraat 12, Utrecht")).click()
    expect(page.locator("#gekozen-plek")).to_contain_text("Dorpsstraat 12, Utrecht")
    page.get_by_label("Naam").fill("Els Bakker")
    page.get_by_label("E-mailadres").fill("els@example.nl")
    page.get_by_role("button", name="Melding opslaan").click()

    report = Report.objects.get()
    expect(page.get_by_role("heading", name=f"Melding {report.number}")).to_be_visible()
    expect(page.locator("[data-owner]")).to_contain_text("Hanna de Vries")
    history = page.locator(".oh-history")
    expect(history).to_contain_text("wijkhandhaver")
    expect(page.locator("[data-contact]")).to_contain_text("els@example.nl")
    expect(page.locator("#meldingkaart")).to_have_attribute("data-state", "ready")
    assert axe_violations(page) == []

    login(phone, live_server, "hanna")
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Meldingen").click()
    expect(phone.get_by_role("heading", name="Mijn werkvoorraad")).to_be_visible()
    card = phone.locator(f".oh-report-card[data-number='{report.number}']")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Dorpsstraat 12")
    expect(phone.locator(".oh-report-table")).to_be_hidden()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the queue scrolls sideways on a phone"
    assert axe_violations(phone) == []

    card.get_by_role("link").click()
    expect(phone.get_by_role("heading", name=f"Melding {report.number}")).to_be_visible()
    expect(phone.locator("[data-contact]")).to_have_count(0)  # officers do not see the reporter
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_queue_map_clusters_the_reports_of_the_filter(page, live_server, town, staff):
    from openhandhaving.reports.services import report_create

    geluid = Category.objects.get(slug="geluid")
    for i in range(3):
        report_create(
            text=f"Geluidsoverlast {i}",
            category=geluid,
            lat=IN_WEST[0] + i * 0.0001,
            lon=IN_WEST[1],
            channel="phone",
        )
    staff("coordinator", username="cora")
    login(page, live_server, "cora")
    page.goto(f"{live_server.url}/meldingen/?queue=alle")
    page.get_by_role("link", name="Kaart").click()
    map_element = page.locator("#meldingenkaart")
    expect(map_element).to_have_attribute("data-state", "ready")
    expect(map_element).to_have_attribute("data-marker-count", "3")
    assert axe_violations(page) == []
