"""Questions by link: the reporter answers a question, an external party replies; expired, used
and unknown links give a friendly page."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from openhandhaving.reports.choices import EventKind, LinkPurpose, Status
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import (
    Attachment,
    Notification,
    OutgoingMessage,
    ReportEvent,
    ReportLink,
)
from openhandhaving.reports.services.links import ask_reporter, forward_external
from openhandhaving.reports.tests.factories import ReportFactory, add_contact

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
REPORTER = {"name": "Els Bakker", "email": "els@example.nl", "phone": "0612345678"}


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE
    settings.PUBLIC_URL = "http://testserver"


@pytest.fixture
def officer(make_user):
    return make_user("officer", first_name="Hanna", last_name="de Vries")


@pytest.fixture
def report(db, officer):
    report = ReportFactory(
        text="Er staat al weken een auto op de stoep.",
        status=Status.IN_PROGRESS,
        owner=officer,
        address="Dorpsstraat 1",
    )
    add_contact(report, **REPORTER)
    return report


def link_path(body: str, kind: str) -> str:
    return re.search(rf"http://testserver(/melding/{kind}/[^/\s]+/)", body).group(1)


def png(name: str = "foto.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def ask_by_page(client, report, django_capture_on_commit_callbacks, question: str) -> str:
    """The officer asks on the page; returns the answer path from the e-mail."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:ask_reporter", args=[report.number]),
            {"question": question, "days": 7, "version": report.version},
        )
    assert response.status_code == 302
    return link_path(mail.outbox[-1].body, "antwoord")


def test_reporter_answers_by_link_and_the_report_moves_on(
    client, officer, report, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    path = ask_by_page(client, report, django_capture_on_commit_callbacks, "Welk kenteken?")
    report.refresh_from_db()
    assert report.status == Status.WAITING_FOR_REPORTER
    assert mail.outbox[-1].to == ["els@example.nl"]
    link = ReportLink.objects.get(report=report)
    assert link.purpose == LinkPurpose.ASK_REPORTER
    assert link.token_hash not in path and len(link.token_hash) == 64  # only the hash is stored
    assert link.expires_at.date() == (timezone.now() + dt.timedelta(days=7)).date()
    # The history and the outbox keep no working key.
    message_event = ReportEvent.objects.get(report=report, kind=EventKind.MESSAGE)
    assert path not in message_event.text and "Welk kenteken?" in message_event.text
    assert path not in OutgoingMessage.objects.get(report=report).body

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert "Welk kenteken?" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answered = client.post(path, {"answer": "XX-123-Y, een rode Golf", "photo": png()})
    assert answered.status_code == 200
    assert "We hebben uw antwoord ontvangen" in answered.content.decode()

    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS
    answer = ReportEvent.objects.get(report=report, kind=EventKind.NOTE)
    assert "XX-123-Y, een rode Golf" in answer.text and answer.internal is False
    assert Attachment.objects.get(report=report).public is True
    link.refresh_from_db()
    assert link.answered_at is not None
    assert Notification.objects.filter(user=officer, report=report, kind="answer").exists()

    again = client.get(path)
    assert again.status_code == 410
    assert "al beantwoord" in again.content.decode()
    twice = client.post(path, {"answer": "nog een keer"})
    assert twice.status_code == 410
    assert ReportEvent.objects.filter(report=report, kind=EventKind.NOTE).count() == 1


def test_a_broken_photo_is_refused_and_the_typed_answer_stays(
    client, officer, report, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    path = ask_by_page(client, report, django_capture_on_commit_callbacks, "Welke kleur?")
    client.logout()
    broken = SimpleUploadedFile("foto.jpg", b"\xff\xd8 geen foto", content_type="image/jpeg")
    response = client.post(path, {"answer": "Blauw", "photo": broken})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit bestand is geen foto" in html
    assert "Blauw" in html
    assert ReportLink.objects.get(report=report).answered_at is None
    assert not ReportEvent.objects.filter(report=report, kind=EventKind.NOTE).exists()


def test_an_empty_answer_gets_a_message_next_to_the_field(
    client, officer, report, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    path = ask_by_page(client, report, django_capture_on_commit_callbacks, "Welke kleur?")
    client.logout()
    response = client.post(path, {"answer": "   "})
    assert response.status_code == 200
    assert "Schrijf uw antwoord." in response.content.decode()


def test_expired_link_gives_a_friendly_page(client, officer, report):
    link = ask_reporter(report=report, actor=officer, question="Welk kenteken?", days=3)
    # The e-mail goes out on commit (not in this test); the queued message holds the link.
    path = link_path(OutgoingMessage.objects.get(report=report).body, "antwoord")
    ReportLink.objects.filter(pk=link.pk).update(expires_at=timezone.now() - dt.timedelta(hours=1))
    response = client.get(path)
    assert response.status_code == 410
    html = response.content.decode()
    assert "Deze link werkt niet meer" in html and report.number in html
    assert client.post(path, {"answer": "te laat"}).status_code == 410


@pytest.mark.parametrize("kind", ["antwoord", "extern"])
def test_unknown_link_gives_a_friendly_404(client, db, kind):
    response = client.get(f"/melding/{kind}/bestaat-niet-0123456789abcdefghij/")
    assert response.status_code == 404
    assert "Deze link kennen we niet" in response.content.decode()


def test_asking_an_anonymous_reporter_is_refused_on_the_page(client, officer, db):
    report = ReportFactory(status=Status.IN_PROGRESS)
    client.force_login(officer)
    url = reverse("reports:ask_reporter", args=[report.number])
    page = client.get(url)
    assert "geen e-mailadres gegeven" in page.content.decode()
    response = client.post(url, {"question": "Waar precies?", "days": 7})
    assert "geen e-mailadres gegeven" in response.content.decode()
    assert not ReportLink.objects.exists() and not OutgoingMessage.objects.exists()


def test_a_closed_report_cannot_wait_for_the_reporter(officer, report):
    report.status = Status.DONE
    report.save()
    with pytest.raises(ReportRuleError, match="Afgehandeld"):
        ask_reporter(report=report, actor=officer, question="Nog iets?")
    assert not ReportLink.objects.exists()


def test_external_party_sees_no_personal_data_and_solves_the_report(
    client, officer, report, django_capture_on_commit_callbacks
):
    Attachment.objects.create(
        report=report, file=png("stoep.png"), content_type="image/png", original_name="stoep.png"
    )
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:forward_external", args=[report.number]),
            {
                "party": "Woningcorporatie Waterdam",
                "email": "meldingen@corporatie.example",
                "question": "Wilt u de auto laten weghalen?",
                "days": 14,
                "version": report.version,
            },
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.FORWARDED
    sent = mail.outbox[-1]
    assert sent.to == ["meldingen@corporatie.example"]
    for personal in REPORTER.values():
        assert personal not in sent.body
    path = link_path(sent.body, "extern")

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Er staat al weken een auto op de stoep." in html
    assert "Dorpsstraat 1" in html and "Wilt u de auto laten weghalen?" in html
    for personal in (*REPORTER.values(), "Els", "Bakker"):
        assert personal not in html
    photo_url = re.search(r'src="(/melding/extern/[^"]+/foto/\d+/)"', html).group(1)
    assert client.get(photo_url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(path, {"answer": "Auto is weggesleept.", "solved": "ja"})
    assert done.status_code == 200
    report.refresh_from_db()
    assert report.status == Status.DONE
    note = ReportEvent.objects.get(report=report, kind=EventKind.NOTE)
    assert note.internal is True
    assert "Woningcorporatie Waterdam" in note.text and "Auto is weggesleept." in note.text
    # Once answered, the page and its photos are closed.
    assert client.get(path).status_code == 410
    assert client.get(photo_url).status_code == 404


def test_external_answer_not_solved_puts_the_report_back_in_progress(officer, report, client):
    forward_external(
        report=report,
        actor=officer,
        party="Afvalbedrijf",
        email="afval@example.nl",
        question="Container legen?",
    )
    path = link_path(OutgoingMessage.objects.get(report=report).body, "extern")
    response = client.post(path, {"answer": "Komt maandag.", "solved": "nee"})
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS
    assert "nog niet opgelost" in ReportEvent.objects.get(report=report, kind=EventKind.NOTE).text


def test_external_form_needs_an_answer_and_a_choice(officer, report, client):
    forward_external(
        report=report, actor=officer, party="Afvalbedrijf", email="afval@example.nl", question="?"
    )
    path = link_path(OutgoingMessage.objects.get(report=report).body, "extern")
    html = client.post(path, {"answer": ""}).content.decode()
    assert "Schrijf uw antwoord." in html and "Kies of het probleem is opgelost." in html
    report.refresh_from_db()
    assert report.status == Status.FORWARDED
