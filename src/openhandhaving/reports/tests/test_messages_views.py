"""The message panel and pages: pick a standard text, preview, send (with a status change), the
outbox and the failed messages."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from openhandhaving.reports.choices import EventKind, MessageState, Status
from openhandhaving.reports.models import OutgoingMessage, ReportEvent, StandardText
from openhandhaving.reports.tests.factories import ReportFactory, add_contact

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def officer(make_user):
    return make_user("officer")


@pytest.fixture
def report(db, officer):
    report = ReportFactory(status=Status.IN_PROGRESS, owner=officer, address="Dorpsstraat 1")
    add_contact(report)
    return report


@pytest.fixture
def done_text(db):
    return StandardText.objects.create(
        title="Opgelost",
        status=Status.DONE,
        subject="Melding {nummer} is {status}",
        body="We hebben de auto op {adres} laten wegslepen.",
    )


def compose_url(report) -> str:
    return reverse("reports:message_compose", args=[report.number])


def test_detail_page_shows_the_panel_with_standard_texts(client, officer, report, done_text):
    client.force_login(officer)
    html = client.get(reverse("reports:detail", args=[report.number])).content.decode()
    assert 'id="berichten"' in html
    assert "Opgelost" in html  # the standard text to choose
    assert "Vraag stellen aan de melder" in html


def test_choosing_a_standard_text_fills_in_the_form(client, officer, report, done_text):
    client.force_login(officer)
    html = client.get(compose_url(report), {"bericht-standard_text": done_text.pk}).content.decode()
    assert f"Melding {report.number} is afgehandeld" in html
    assert "We hebben de auto op Dorpsstraat 1 laten wegslepen." in html
    assert '<option value="done" selected>' in html


def test_preview_shows_the_e_mail_as_the_reporter_sees_it(client, officer, report):
    client.force_login(officer)
    response = client.post(
        compose_url(report),
        {
            "action": "voorbeeld",
            "bericht-to_status": report.status,
            "bericht-subject": "Uw melding",
            "bericht-body": "We komen vandaag kijken.",
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "Zo ziet de melder de e-mail" in html
    assert "We komen vandaag kijken." in html and f"melding {report.number}" in html
    assert "<html" not in html  # only the preview, for htmx
    assert "els@example.nl" not in html  # an officer may not see the reporter's address
    assert not OutgoingMessage.objects.exists()


def test_coordinator_sees_the_address_in_the_preview(client, make_user, report):
    client.force_login(make_user("coordinator"))
    html = client.post(
        compose_url(report),
        {
            "action": "voorbeeld",
            "bericht-to_status": report.status,
            "bericht-subject": "Uw melding",
            "bericht-body": "Tekst",
        },
    ).content.decode()
    assert "els@example.nl" in html


def test_send_with_status_done_closes_the_report_and_mails_the_reporter(
    client, officer, report, done_text, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    detail = reverse("reports:detail", args=[report.number])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            compose_url(report),
            {
                "action": "versturen",
                "next": detail,
                "bericht-version": report.version,
                "bericht-to_status": Status.DONE,
                "bericht-subject": "Melding is afgehandeld",
                "bericht-body": "We hebben de auto laten wegslepen. Dank voor uw melding!",
            },
        )
    assert response.status_code == 302 and response.url == detail
    report.refresh_from_db()
    assert report.status == Status.DONE
    assert [m.to for m in mail.outbox] == [["els@example.nl"]]
    assert OutgoingMessage.objects.get().state == MessageState.SENT
    kinds = list(ReportEvent.objects.filter(report=report).values_list("kind", flat=True))
    assert EventKind.STATUS in kinds and EventKind.MESSAGE in kinds
    history = client.get(detail).content.decode()
    assert "We hebben de auto laten wegslepen." in history


def test_send_without_subject_keeps_the_text_and_says_what_is_missing(client, officer, report):
    client.force_login(officer)
    response = client.post(
        compose_url(report),
        {
            "action": "versturen",
            "bericht-to_status": report.status,
            "bericht-subject": "",
            "bericht-body": "Mijn zorgvuldig getypte tekst",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een onderwerp in." in html and "Mijn zorgvuldig getypte tekst" in html
    assert not OutgoingMessage.objects.exists()


def test_a_stale_version_is_refused_and_nothing_is_sent(
    client, officer, report, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            compose_url(report),
            {
                "action": "versturen",
                "bericht-version": report.version - 1 if report.version > 1 else 99,
                "bericht-to_status": Status.DONE,
                "bericht-subject": "Klaar",
                "bericht-body": "Afgehandeld.",
            },
        )
    assert "Iemand anders heeft deze melding net gewijzigd" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS
    assert mail.outbox == [] and not OutgoingMessage.objects.exists()


def test_anonymous_report_shows_why_no_message_can_be_sent(client, officer, db):
    report = ReportFactory(status=Status.IN_PROGRESS)
    client.force_login(officer)
    html = client.get(reverse("reports:detail", args=[report.number])).content.decode()
    assert "De melder heeft geen e-mailadres gegeven" in html
    response = client.post(
        compose_url(report),
        {
            "action": "versturen",
            "bericht-to_status": report.status,
            "bericht-subject": "Onderwerp",
            "bericht-body": "Tekst",
        },
    )
    assert "De melder heeft geen e-mailadres gegeven" in response.content.decode()
    assert not OutgoingMessage.objects.exists()


@pytest.fixture
def failed(report):
    return OutgoingMessage.objects.create(
        report=report,
        to="els@example.nl",
        subject="Mislukt bericht",
        body="Tekst",
        state=MessageState.FAILED,
        attempts=1,
        error="ConnectionRefusedError: mailserver onbereikbaar",
    )


def test_failed_messages_page_is_for_coordinators(client, officer, make_user, failed):
    client.force_login(officer)
    assert client.get(reverse("reports:outbox_failed")).status_code == 403
    client.force_login(make_user("coordinator"))
    html = client.get(reverse("reports:outbox_failed")).content.decode()
    assert "Mislukt bericht" in html and "mailserver onbereikbaar" in html


def test_outbox_shows_every_message_with_its_state(client, officer, failed):
    client.force_login(officer)
    html = client.get(reverse("reports:outbox")).content.decode()
    assert "Mislukt bericht" in html and failed.report.number in html
    assert "els@example.nl" not in html  # the reporter's address needs the permission


def test_failed_message_shows_on_the_report_and_can_be_re_sent(
    client, officer, failed, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    detail = reverse("reports:detail", args=[failed.report.number])
    html = client.get(detail).content.decode()
    assert "Niet verstuurd:" in html and "mailserver onbereikbaar" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:message_resend", args=[failed.pk]), {"next": detail}
        )
    assert response.status_code == 302 and response.url == detail
    failed.refresh_from_db()
    assert failed.state == MessageState.SENT
    assert [m.subject for m in mail.outbox] == ["Mislukt bericht"]


def test_resend_ignores_a_next_address_outside_the_site(client, officer, failed):
    client.force_login(officer)
    response = client.post(
        reverse("reports:message_resend", args=[failed.pk]), {"next": "https://evil.example/"}
    )
    assert response.url == reverse("reports:detail", args=[failed.report.number])
