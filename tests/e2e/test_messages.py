"""Message journeys in a real browser: an officer closes a report with a standard text on a phone,
the reporter answers a question by link."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from openhandhaving.reports.choices import Status
from openhandhaving.reports.models import OutgoingMessage, ReportEvent, StandardText
from openhandhaving.reports.services.links import ask_reporter
from openhandhaving.reports.tests.factories import ReportFactory, add_contact
from tests.e2e.conftest import axe_violations, login

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def immediate_tasks(settings, live_server):
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_URL = live_server.url


@pytest.fixture
def report(transactional_db, staff):
    officer = staff("officer", username="hanna", first_name="Hanna", last_name="de Vries")
    report = ReportFactory(
        status=Status.IN_PROGRESS,
        owner=officer,
        address="Dorpsstraat 1",
        text="Auto staat al dagen op de stoep.",
    )
    add_contact(report, name="Els Bakker", email="els@example.nl")
    StandardText.objects.create(
        title="Opgelost: auto weggesleept",
        status=Status.DONE,
        subject="Uw melding {nummer} is {status}",
        body="Beste melder,\n\nDe auto op {adres} is weggesleept. Dank voor uw melding!",
    )
    return report


def test_officer_closes_a_report_with_a_standard_text_on_a_phone(phone, live_server, report):
    login(phone, live_server, "hanna")
    phone.goto(f"{live_server.url}/meldingen/{report.number}/")
    panel = phone.locator("#berichten")
    panel.get_by_label("Standaardtekst").select_option(label="Opgelost: auto weggesleept")
    # htmx fills in the text; without JavaScript the button "Tekst invullen" does the same.
    expect(panel.get_by_label("Onderwerp")).to_have_value(
        f"Uw melding {report.number} is afgehandeld"
    )
    expect(panel.get_by_label("Status na versturen")).to_have_value("done")
    body = panel.get_by_label("Tekst", exact=True)
    expect(body).to_contain_text("De auto op Dorpsstraat 1 is weggesleept.")
    body.fill(body.input_value() + "\nGroet, Hanna")

    panel.get_by_role("button", name="Voorbeeld bekijken").click()
    preview = panel.locator("[data-preview]")
    expect(preview).to_contain_text("Zo ziet de melder de e-mail")
    expect(preview).to_contain_text("Groet, Hanna")
    assert not OutgoingMessage.objects.exists()

    panel.get_by_role("button", name="Versturen").click()
    expect(
        phone.get_by_text("Het bericht is verstuurd en de status is nu „Afgehandeld”.")
    ).to_be_visible()
    expect(phone.locator("main")).to_contain_text("De auto op Dorpsstraat 1 is weggesleept.")
    report.refresh_from_db()
    assert report.status == Status.DONE
    assert ReportEvent.objects.filter(report=report, kind="message").count() == 1
    [sent] = mail.outbox
    assert sent.to == ["els@example.nl"] and "Groet, Hanna" in sent.body
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the report page scrolls sideways on a phone"


def test_reporter_answers_a_question_on_an_accessible_page(page, live_server, report):
    officer = report.owner
    ask_reporter(report=report, actor=officer, question="Welk kenteken heeft de auto?")
    url = re.search(r"(http\S+/melding/antwoord/\S+/)", mail.outbox[-1].body).group(1)

    page.goto(url)
    expect(page.get_by_role("heading", name="Uw antwoord op onze vraag")).to_be_visible()
    expect(page.locator("[data-question]")).to_contain_text("Welk kenteken heeft de auto?")
    assert "Els Bakker" not in page.content()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_text("Schrijf uw antwoord.")).to_be_visible()
    page.get_by_label("Uw antwoord").fill("XX-123-Y, een rode Golf.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_role("heading", name="Dank u wel")).to_be_visible()
    assert axe_violations(page) == []
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS

    page.goto(url)
    expect(page.get_by_role("heading", name="Deze vraag is al beantwoord")).to_be_visible()
