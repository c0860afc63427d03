"""Messages to the reporter: standard texts filled in, e-mails queued on commit and sent by the
task, failures visible and re-sendable, anonymous reporters told apart."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

from openhandhaving.areas.models import District
from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import EventKind, MessageState, Status
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.forms_messages import StandardTextForm
from openhandhaving.reports.models import OutgoingMessage, ReportEvent, StandardText
from openhandhaving.reports.selectors_messages import standard_texts_for
from openhandhaving.reports.services.messages import (
    follow_token_report_id,
    message_deliver,
    message_resend,
    message_send,
    standard_text_render,
    standard_text_save,
)
from openhandhaving.reports.tests.factories import CategoryFactory, ReportFactory, add_contact

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mailserver onbereikbaar")


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_URL = "https://meldingen.waterdam.nl"


@pytest.fixture
def report(db):
    district = District.objects.create(
        name="Schalkwijk", code="WK0001", geometry={}, centroid_lat=52.36, centroid_lon=4.65
    )
    category = CategoryFactory(name="Fout parkeren", public_name="Auto verkeerd geparkeerd")
    report = ReportFactory(
        number="2026-000123",
        category=category,
        district=district,
        address="Dorpsstraat 1",
        reported_at=dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC),
        deadline=dt.datetime(2026, 3, 12, 15, 0, tzinfo=dt.UTC),
    )
    add_contact(report)
    return report


def test_render_fills_every_variable(report):
    text = StandardText(
        title="Afgehandeld",
        status=Status.DONE,
        subject="Melding {nummer}: {status}",
        body="{categorie} op {adres} in {wijk}, uiterlijk {termijn}. Volg: {link}",
    )
    subject, body = standard_text_render(text=text, report=report)
    assert subject == "Melding 2026-000123: afgehandeld"
    assert body.startswith(
        "Auto verkeerd geparkeerd op Dorpsstraat 1 in Schalkwijk, uiterlijk 12 maart 2026. Volg: "
        "https://meldingen.waterdam.nl/melding/volgen/"
    )
    token = body.rsplit("/melding/volgen/", 1)[1].rstrip("/")
    assert follow_token_report_id(token) == report.pk
    assert follow_token_report_id(token + "x") is None


def test_render_without_address_or_wijk_reads_naturally(report):
    report.address, report.district = "", None
    text = StandardText(status=Status.NEW, subject="{adres}", body="{wijk}")
    assert standard_text_render(text=text, report=report) == (
        "de plek op de kaart",
        "onbekende wijk",
    )


def test_unknown_variable_is_refused_with_a_dutch_message(report, make_user):
    admin = make_user("administrator")
    text = StandardText(
        title="Fout", status=Status.DONE, subject="Melding {nummer}", body="Beste {naam},"
    )
    with pytest.raises(ValidationError) as refused:
        standard_text_save(text=text, actor=admin)
    assert "Deze variabele kennen we niet: {naam}" in str(refused.value)
    assert not StandardText.objects.exists()


def test_standard_text_form_shows_the_error_next_to_the_field(db):
    form = StandardTextForm(
        data={
            "title": "Fout",
            "status": Status.DONE,
            "subject": "Melding {nummer",
            "body": "Uw melding {nummr} is klaar.",
            "active": "on",
        }
    )
    assert not form.is_valid()
    assert "Deze variabele kennen we niet: {nummr}" in form.errors["body"][0]
    assert "losse accolade" in form.errors["subject"][0]


def test_administrator_saves_a_text_on_the_page_and_sees_the_error(client, make_user, db):
    client.force_login(make_user("administrator"))
    url = reverse("reports:standard_text_create")
    data = {"title": "Klaar", "status": Status.DONE, "subject": "Klaar", "active": "on"}
    refused = client.post(url, {**data, "body": "Beste {voornaam}"})
    assert refused.status_code == 200
    assert "Deze variabele kennen we niet: {voornaam}" in refused.content.decode()
    saved = client.post(url, {**data, "body": "Melding {nummer} is klaar."})
    assert saved.status_code == 302
    assert StandardText.objects.get().body == "Melding {nummer} is klaar."
    assert AuditLogEntry.objects.filter(action="standard_text_create").exists()


def test_texts_for_the_category_come_before_the_status_wide_ones(report):
    main = CategoryFactory(name="Parkeren")
    report.category.parent = main
    report.category.save()
    wide = StandardText.objects.create(
        title="A algemeen", status=Status.DONE, subject="s", body="b"
    )
    own = StandardText.objects.create(
        title="Z eigen", status=Status.DONE, category=report.category, subject="s", body="b"
    )
    parent = StandardText.objects.create(
        title="M hoofd", status=Status.DONE, category=main, subject="s", body="b"
    )
    StandardText.objects.create(
        title="Andere categorie",
        status=Status.DONE,
        category=CategoryFactory(),
        subject="s",
        body="b",
    )
    StandardText.objects.create(
        title="Uit", status=Status.DONE, subject="s", body="b", active=False
    )
    StandardText.objects.create(title="Andere status", status=Status.PLANNED, subject="s", body="b")
    assert standard_texts_for(report=report, statuses=[Status.DONE]) == [own, parent, wide]


def test_send_queues_on_commit_and_the_task_sends_it(
    report, make_user, django_capture_on_commit_callbacks
):
    officer = make_user("officer")
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(
            report=report, actor=officer, subject="Uw melding", body="We gaan kijken."
        )
        assert mail.outbox == []  # nothing leaves before the commit
    message.refresh_from_db()
    assert message.state == MessageState.SENT
    assert message.attempts == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["els@example.nl"]
    assert sent.subject == "Uw melding"
    assert "We gaan kijken." in sent.body and "melding 2026-000123" in sent.body
    event = ReportEvent.objects.get(report=report, kind=EventKind.MESSAGE)
    assert event.internal is False
    assert event.text == "Uw melding\n\nWe gaan kijken."
    assert "els@example.nl" not in event.text + event.new_value  # history shows no address
    assert AuditLogEntry.objects.filter(action="message_send", actor=officer).exists()


def test_a_rolled_back_change_sends_nothing(report, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        message_send(report=report, actor=None, subject="Onderwerp", body="Tekst")
        raise RuntimeError("iets anders ging mis")
    assert mail.outbox == []
    assert not OutgoingMessage.objects.exists()


def test_failed_send_is_marked_with_the_error_and_can_be_sent_again(
    report, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "openhandhaving.reports.tests.test_messages.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(report=report, actor=None, subject="Onderwerp", body="Tekst")
    message.refresh_from_db()
    assert message.state == MessageState.FAILED
    assert "mailserver onbereikbaar" in message.error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        message_resend(message=message, actor=None)
    message.refresh_from_db()
    assert message.state == MessageState.SENT
    assert message.attempts == 2
    assert [m.subject for m in mail.outbox] == ["Onderwerp"]


def test_only_failed_messages_are_re_sent(report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = message_send(report=report, actor=None, subject="Onderwerp", body="Tekst")
    with pytest.raises(ReportRuleError, match="niet mislukt"):
        message_resend(message=message, actor=None)
    assert message_deliver(message_id=message.pk) == MessageState.SENT
    assert len(mail.outbox) == 1  # a task that runs twice does not send twice


def test_anonymous_reporter_gets_a_clear_message_and_nothing_is_queued(db):
    report = ReportFactory()
    with pytest.raises(ReportRuleError, match="geen e-mailadres"):
        message_send(report=report, actor=None, subject="Onderwerp", body="Tekst")
    assert not OutgoingMessage.objects.exists()
    assert not ReportEvent.objects.filter(kind=EventKind.MESSAGE).exists()


@pytest.mark.parametrize(
    ("subject", "body", "field"),
    [("", "Tekst", "subject"), ("  ", "Tekst", "subject"), ("Onderwerp", " ", "body")],
)
def test_empty_subject_or_body_is_refused(report, subject, body, field):
    with pytest.raises(ReportRuleError) as refused:
        message_send(report=report, actor=None, subject=subject, body=body)
    assert refused.value.field == field
    assert not OutgoingMessage.objects.exists()
