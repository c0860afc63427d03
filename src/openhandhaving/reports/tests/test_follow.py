"""The reporter's follow page: a private link that shows the status in plain words and the
e-mails sent, takes an answer to a question and photos, and asks after closing whether the
reporter is satisfied. Unknown links give 404, expired ones 410, junk never a 500."""

from __future__ import annotations

import datetime as dt
import io
import re
from html import unescape

import pytest
import time_machine
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import EventKind, Status
from openhandhaving.reports.models import (
    Attachment,
    Feedback,
    MessageAudience,
    Notification,
    OutgoingMessage,
    ReportEvent,
    ReportLink,
    SatisfactionAnswer,
)
from openhandhaving.reports.selectors_follow import STATUS_WORDS, status_words
from openhandhaving.reports.services import report_note_add, report_status_change
from openhandhaving.reports.services.links import ask_reporter
from openhandhaving.reports.services.messages import (
    FOLLOW_SALT,
    follow_path,
    follow_token_read,
    follow_token_report_id,
    follow_url,
    message_queue,
    message_send,
    redact_link_tokens,
)
from openhandhaving.reports.services.relations import report_link_duplicate
from openhandhaving.reports.tests.factories import ReportFactory, add_contact

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
REPORTER = {"name": "Els Bakker", "email": "els@example.nl", "phone": "0612345678"}
REOPEN = "Nee, het probleem is er nog steeds"
TOO_SLOW = "Nee, het duurde te lang"
SOLVED = "Ja, het probleem is opgelost"


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


def page_of(report) -> str:
    return follow_path(report)


def png(name: str = "foto.png", colour: str = "red") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def close(report, actor, status=Status.DONE):
    report.refresh_from_db()
    return report_status_change(report=report, to_status=status, actor=actor, text="Weggesleept")


def answer(text: str) -> SatisfactionAnswer:
    return SatisfactionAnswer.objects.get(text=text)


# --- the link ---------------------------------------------------------------------------------


def test_the_link_reads_back_to_its_report_and_opens_the_page(client, report):
    url = follow_url(report)
    assert url.startswith("http://testserver/melding/volgen/")
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert follow_token_report_id(token) == report.pk
    assert follow_token_read(token) == (report.pk, "")
    page = client.get(page_of(report))
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Uw melding {report.number}" in html
    assert "We werken aan uw melding." in html
    assert page["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("abc", id="junk"),
        pytest.param("MQ:1abcde:" + "x" * 43, id="looks signed but is not"),
        pytest.param(signing.dumps(1, salt="other.salt"), id="signed for something else"),
        pytest.param(signing.dumps("1", salt=FOLLOW_SALT), id="not a number inside"),
        pytest.param("%00", id="nul character"),
    ],
)
def test_a_link_we_did_not_make_is_a_friendly_404(client, report, token):
    page = client.get(f"/melding/volgen/{token}/")
    assert page.status_code in {400, 404}
    if page.status_code == 404:
        assert "Deze link kennen we niet" in page.content.decode()


def test_a_tampered_link_is_a_404(client, report):
    path = page_of(report)
    token = path.split("/")[3]
    other = ReportFactory()
    # The signature of report 1 with the number of another report: refused.
    forged = signing.dumps(other.pk, salt=FOLLOW_SALT).split(":")[0] + token[token.index(":") :]
    for bad in (token[:-1] + ("A" if token[-1] != "A" else "B"), forged):
        page = client.get(f"/melding/volgen/{bad}/")
        assert page.status_code == 404
        assert "Deze link kennen we niet" in page.content.decode()
        assert report.number not in page.content.decode()


def test_the_link_expires_some_time_after_closing(client, report, officer, settings):
    settings.REPORTS_FOLLOW_DAYS_AFTER_CLOSE = 90
    path = page_of(report)
    close(report, officer)
    open_page = client.get(path)
    assert open_page.status_code == 200
    until = timezone.localtime(report.closed_at + dt.timedelta(days=90))
    assert f"De link werkt tot en met {until.day} " in open_page.content.decode()
    with time_machine.travel(report.closed_at + dt.timedelta(days=91)):
        gone = client.get(path)
    assert gone.status_code == 410
    assert "Deze link werkt niet meer" in gone.content.decode()
    assert report.number in gone.content.decode()


def test_a_link_older_than_the_maximum_age_is_expired_even_while_the_report_is_open(
    client, report, settings
):
    settings.REPORTS_FOLLOW_MAX_DAYS = 730
    with time_machine.travel(timezone.now() - dt.timedelta(days=731)):
        old_path = page_of(report)
    assert client.get(old_path).status_code == 410
    assert client.get(page_of(report)).status_code == 200  # a fresh e-mail's link works


def test_an_anonymised_or_deleted_report_has_no_page_any_more(client, report):
    path = page_of(report)
    report.anonymised_at = timezone.now()
    report.save(update_fields=["anonymised_at"])
    assert client.get(path).status_code == 410
    report.delete()
    assert client.get(path).status_code == 410


def test_follow_links_are_redacted_like_answer_links():
    token = signing.dumps(12, salt=FOLLOW_SALT)
    text = f"Volg: http://x/melding/volgen/{token}/ en antwoord: /melding/antwoord/{'a' * 40}/"
    assert (
        redact_link_tokens(text)
        == "Volg: http://x/melding/volgen/…/ en antwoord: /melding/antwoord/…/"
    )


# --- status in plain words --------------------------------------------------------------------


def test_every_status_has_plain_words():
    assert set(STATUS_WORDS) == set(Status)


@pytest.mark.parametrize("status", list(Status))
def test_the_page_says_each_status_in_plain_words(client, report, status):
    report.status = status
    report.closed_at = timezone.now() if status in {Status.DONE, Status.CANCELLED} else None
    report.save(update_fields=["status", "closed_at"])
    page = client.get(page_of(report))
    assert page.status_code == 200
    heading, sentence = status_words(status)
    html = page.content.decode()
    assert heading in html and sentence in html
    assert f'data-status="{status.value}"' in html


def test_the_page_shows_category_date_deadline_and_address(client, report):
    report.category.public_name = "Foutparkeren"
    report.category.save()
    html = client.get(page_of(report)).content.decode()
    assert "Foutparkeren" in html
    assert "Dorpsstraat 1" in html
    assert timezone.localtime(report.deadline).strftime("%Y-%m-%d") in html  # datetime attr
    assert "Er staat al weken een auto op de stoep." in html
    assert 'name="viewport"' in html and "<h1" in html


# --- messages ---------------------------------------------------------------------------------


def test_the_messages_to_the_reporter_are_shown_without_keys_notes_or_staff(
    client, report, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        message_send(
            report=report,
            actor=officer,
            subject="Wij komen kijken",
            body=f"Beste Els Bakker, morgen komt een handhaver. Volg het op {follow_url(report)}",
        )
        ask_reporter(report=report, actor=officer, question="Welk kenteken had de auto?")
        message_queue(
            report=report,
            actor=officer,
            to="partner@example.nl",
            subject="Verzoek aan de woningcorporatie",
            body="Intern verzoek",
            audience=MessageAudience.EXTERNAL,
        )
    report_note_add(report=report, actor=officer, text="Geheime notitie: buurman is bekende")
    # Not sent yet (a queued or failed e-mail keeps its keys for sending): the page hides them.
    message_queue(
        report=report,
        actor=officer,
        to=REPORTER["email"],
        subject="Nog in de wachtrij",
        body=f"Antwoord: http://testserver/melding/antwoord/{'k' * 43}/ of {follow_url(report)}",
        audience=MessageAudience.REPORTER,
    )
    queued = OutgoingMessage.objects.filter(report=report, audience=MessageAudience.REPORTER)
    assert queued.count() == 3
    html = client.get(page_of(report)).content.decode()
    assert "Wij komen kijken" in html and "morgen komt een handhaver" in html
    assert "Een vraag over uw melding" in html and "Nog in de wachtrij" in html
    shown = html[html.index("data-messages") : html.index("volgen-link")]
    assert "/melding/antwoord/…/" in shown and "/melding/volgen/…/" in shown
    assert not re.search(r"/melding/(antwoord|volgen)/[A-Za-z0-9_:-]{20,}/", shown)
    assert "Geheime notitie" not in html
    assert "woningcorporatie" not in html and "partner@example.nl" not in html
    assert "Hanna" not in html and "de Vries" not in html
    assert "Els Bakker" not in html and "els@example.nl" not in html and "0612345678" not in html


# --- answering a question ---------------------------------------------------------------------


def test_the_reporter_answers_the_open_question_on_the_page(
    client, report, officer, django_capture_on_commit_callbacks
):
    link = ask_reporter(report=report, actor=officer, question="Welk kenteken had de auto?")
    path = page_of(report)
    html = client.get(path).content.decode()
    assert "We hebben een vraag aan u" in html and "Welk kenteken had de auto?" in html
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            reverse("reports_public:follow_answer", kwargs={"token": path.split("/")[3]}),
            {"antwoord-question": link.pk, "antwoord-answer": "XX-123-Y", "antwoord-photo": png()},
        )
    assert sent.status_code == 302 and sent["Location"].endswith("?ontvangen=antwoord")
    link.refresh_from_db()
    report.refresh_from_db()
    assert link.answered_at is not None
    assert report.status == Status.IN_PROGRESS
    assert "XX-123-Y" in ReportEvent.objects.get(report=report, kind=EventKind.NOTE).text
    assert Attachment.objects.filter(report=report, public=True).count() == 1
    assert Notification.objects.filter(user=officer, report=report, kind="answer").exists()
    after = client.get(sent["Location"]).content.decode()
    assert "We hebben uw antwoord ontvangen" in after
    assert "We hebben een vraag aan u" not in after


def test_an_answer_to_a_question_of_another_report_or_an_answered_one_is_refused(
    client, report, officer
):
    other = ReportFactory(status=Status.IN_PROGRESS, owner=officer)
    add_contact(other)
    foreign = ask_reporter(report=other, actor=officer, question="Andere vraag")
    own = ask_reporter(report=report, actor=officer, question="Welk kenteken?")
    url = reverse("reports_public:follow_answer", kwargs={"token": page_of(report).split("/")[3]})
    page = client.post(url, {"antwoord-question": foreign.pk, "antwoord-answer": "Mijn tekst"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Deze vraag kennen we niet" in html
    assert "Mijn tekst" in html  # what the reporter typed stays
    assert f'value="{own.pk}"' in html  # and is now pointed at the open question
    foreign.refresh_from_db()
    assert foreign.answered_at is None
    own.answered_at = timezone.now()
    own.save()
    page = client.post(url, {"antwoord-question": own.pk, "antwoord-answer": "Nog eens"})
    assert page.status_code == 200
    assert "al beantwoord" in page.content.decode()
    assert "Nog eens" in page.content.decode()
    assert not ReportEvent.objects.filter(report=report, kind=EventKind.NOTE).exists()


# --- photos -----------------------------------------------------------------------------------


def test_the_reporter_adds_photos_up_to_five_and_the_sixth_is_refused(
    client, report, officer, django_capture_on_commit_callbacks
):
    path = page_of(report)
    url = reverse("reports_public:follow_photo_add", kwargs={"token": path.split("/")[3]})
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            added = client.post(url, {"foto-photo": png(f"foto{number}.png")})
        assert added.status_code == 302, added.content.decode()[:2000]
    photos = Attachment.objects.filter(report=report)
    assert photos.count() == 5 and all(p.public and p.uploaded_by is None for p in photos)
    events = ReportEvent.objects.filter(report=report, kind=EventKind.ATTACHMENT)
    assert events.count() == 5 and "volgpagina" in events.first().text
    assert AuditLogEntry.objects.filter(action="report_follow_photo").count() == 5
    assert Notification.objects.filter(user=officer, report=report, kind="answer").count() == 5

    refused = client.post(url, {"foto-photo": png("zesde.png")})
    assert refused.status_code == 200
    assert "al 5 foto's van u" in unescape(refused.content.decode())
    assert photos.count() == 5

    html = client.get(path).content.decode()
    first = photos.first()
    photo_url = reverse(
        "reports_public:follow_photo", kwargs={"token": path.split("/")[3], "pk": first.pk}
    )
    assert photo_url in html
    served = client.get(photo_url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"


def test_staff_photos_are_not_shown_and_a_closed_report_takes_no_photos(client, report, officer):
    staff_photo = Attachment.objects.create(
        report=report, file="reports/x.png", content_type="image/png", public=False
    )
    token = page_of(report).split("/")[3]
    photo_url = reverse(
        "reports_public:follow_photo", kwargs={"token": token, "pk": staff_photo.pk}
    )
    assert client.get(photo_url).status_code == 404
    close(report, officer)
    page = client.get(page_of(report)).content.decode()
    assert "U kunt geen foto's meer toevoegen" in page
    refused = client.post(
        reverse("reports_public:follow_photo_add", kwargs={"token": token}), {"foto-photo": png()}
    )
    assert refused.status_code == 200
    assert not Attachment.objects.filter(report=report, public=True).exists()


def test_a_file_that_is_no_photo_is_refused_with_a_reason(client, report):
    token = page_of(report).split("/")[3]
    fake = SimpleUploadedFile("foto.png", b"dit is geen foto", content_type="image/png")
    page = client.post(
        reverse("reports_public:follow_photo_add", kwargs={"token": token}), {"foto-photo": fake}
    )
    assert page.status_code == 200
    assert "geen foto" in page.content.decode()
    assert not Attachment.objects.exists()


# --- satisfaction -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_new_installation_has_dutch_default_answers():
    answers = list(SatisfactionAnswer.objects.order_by("order").values_list("text", "positive"))
    assert answers[0] == (SOLVED, True)
    assert answer(REOPEN).requests_reopen and not answer(TOO_SLOW).requests_reopen
    assert len(answers) == 4


def test_no_satisfaction_question_while_the_report_is_open(client, report):
    html = client.get(page_of(report)).content.decode()
    assert "Bent u tevreden" not in html
    token = page_of(report).split("/")[3]
    page = client.post(
        reverse("reports_public:follow_feedback", kwargs={"token": token}),
        {"tevredenheid-answer": answer(REOPEN).pk},
    )
    assert page.status_code == 200
    assert "nog niet zo" in page.content.decode()
    assert not Feedback.objects.exists()


def test_an_unhappy_answer_that_asks_to_reopen_moves_the_report(
    client, report, officer, make_user, django_capture_on_commit_callbacks
):
    coordinator = make_user("coordinator", first_name="Cor")
    close(report, coordinator)
    path = page_of(report)
    html = client.get(path).content.decode()
    assert "Bent u tevreden over hoe we uw melding hebben afgehandeld?" in html
    assert "<fieldset" in html and "<legend" in html and SOLVED in html
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            reverse("reports_public:follow_feedback", kwargs={"token": path.split("/")[3]}),
            {"tevredenheid-answer": answer(REOPEN).pk, "tevredenheid-text": "Hij staat er weer"},
        )
    assert sent.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.REOPEN_REQUESTED and report.closed_at is None
    feedback = Feedback.objects.get(report=report)
    assert (feedback.answer_text, feedback.text, feedback.reopen_requested) == (
        REOPEN,
        "Hij staat er weer",
        True,
    )
    status_event = ReportEvent.objects.filter(report=report, kind=EventKind.STATUS).last()
    assert status_event.new_value == Status.REOPEN_REQUESTED
    assert "Hij staat er weer" in status_event.text
    assert {n.user for n in Notification.objects.filter(report=report, kind="answer")} == {
        officer,
        coordinator,
    }
    assert AuditLogEntry.objects.filter(action="report_feedback", object_id=str(report.pk)).exists()
    after = client.get(sent["Location"]).content.decode()
    assert "Verzoek om opnieuw te bekijken" in after and "geantwoord" in after


def test_an_answer_without_reopen_leaves_the_report_closed_until_configured(
    client, report, officer
):
    close(report, officer)
    token = page_of(report).split("/")[3]
    url = reverse("reports_public:follow_feedback", kwargs={"token": token})
    client.post(url, {"tevredenheid-answer": answer(TOO_SLOW).pk})
    report.refresh_from_db()
    assert report.status == Status.DONE
    assert Feedback.objects.get(report=report).reopen_requested is False

    # The administrator decides that "too slow" also asks to reopen: for the next report it does.
    SatisfactionAnswer.objects.filter(text=TOO_SLOW).update(requests_reopen=True)
    other = ReportFactory(status=Status.IN_PROGRESS, owner=officer)
    close(other, officer)
    client.post(
        reverse("reports_public:follow_feedback", kwargs={"token": page_of(other).split("/")[3]}),
        {"tevredenheid-answer": answer(TOO_SLOW).pk},
    )
    other.refresh_from_db()
    assert other.status == Status.REOPEN_REQUESTED


def test_a_cancelled_report_keeps_its_status_but_the_answer_is_kept(client, report, officer):
    close(report, officer, Status.CANCELLED)
    token = page_of(report).split("/")[3]
    sent = client.post(
        reverse("reports_public:follow_feedback", kwargs={"token": token}),
        {"tevredenheid-answer": answer(REOPEN).pk},
    )
    assert sent.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.CANCELLED  # the table has no cancelled → reopen requested
    assert Feedback.objects.get(report=report).reopen_requested is False
    assert Notification.objects.filter(user=officer, report=report).exists()


def test_a_second_answer_is_refused_kindly_and_the_first_stays(client, report, officer):
    close(report, officer)
    token = page_of(report).split("/")[3]
    url = reverse("reports_public:follow_feedback", kwargs={"token": token})
    client.post(url, {"tevredenheid-answer": answer(SOLVED).pk})
    again = client.post(url, {"tevredenheid-answer": answer(REOPEN).pk})
    assert again.status_code == 200
    assert "U hebt deze vraag al beantwoord" in again.content.decode()
    assert Feedback.objects.get(report=report).answer_text == SOLVED
    report.refresh_from_db()
    assert report.status == Status.DONE
    assert not Notification.objects.filter(report=report).exists()  # positive: no notice


def test_an_inactive_answer_cannot_be_chosen(client, report, officer):
    close(report, officer)
    SatisfactionAnswer.objects.filter(text=REOPEN).update(active=False)
    token = page_of(report).split("/")[3]
    assert REOPEN not in client.get(page_of(report)).content.decode()
    page = client.post(
        reverse("reports_public:follow_feedback", kwargs={"token": token}),
        {"tevredenheid-answer": answer(REOPEN).pk},
    )
    assert page.status_code == 200
    assert "Kies een van de antwoorden" in page.content.decode()
    assert not Feedback.objects.exists()


def test_the_staff_page_shows_the_feedback(client, report, officer):
    close(report, officer)
    token = page_of(report).split("/")[3]
    client.post(
        reverse("reports_public:follow_feedback", kwargs={"token": token}),
        {"tevredenheid-answer": answer(TOO_SLOW).pk, "tevredenheid-text": "Drie weken gewacht"},
    )
    client.force_login(officer)
    html = client.get(reverse("reports:detail", args=[report.number])).content.decode()
    assert "Oordeel van de melder" in html
    assert TOO_SLOW in html and "Drie weken gewacht" in html


# --- duplicates -------------------------------------------------------------------------------


def test_a_duplicate_shows_the_main_reports_status_without_its_details(
    client, report, officer, make_user
):
    coordinator = make_user("coordinator")
    main = ReportFactory(
        text="Geheime tekst van de hoofdmelding",
        address="Hoofdstraat 99",
        status=Status.PLANNED,
        owner=officer,
    )
    add_contact(main, name="Piet Hoofd", email="piet@example.nl")
    report.refresh_from_db()
    report_link_duplicate(report=report, main=main, actor=coordinator)
    path = page_of(report)
    html = client.get(path).content.decode()
    assert f"samengevoegd met melding {main.number}" in html
    assert "die al in behandeling is" in html
    assert status_words(Status.PLANNED)[1] in html
    assert 'data-status="planned"' in html
    for secret in ("Geheime tekst", "Hoofdstraat 99", "Piet Hoofd", "piet@example.nl"):
        assert secret not in html
    assert "Bent u tevreden" not in html  # the main report is still being handled

    close(main, officer)
    html = client.get(path).content.decode()
    assert "We hebben ze samen afgehandeld" in html and "Bent u tevreden" in html
    client.post(
        reverse("reports_public:follow_feedback", kwargs={"token": path.split("/")[3]}),
        {"tevredenheid-answer": answer(REOPEN).pk},
    )
    main.refresh_from_db()
    assert main.status == Status.REOPEN_REQUESTED
    assert Feedback.objects.get().report == report
    client.force_login(officer)
    staff = client.get(reverse("reports:detail", args=[main.number])).content.decode()
    assert f"via dubbele melding {report.number}" in staff


def test_a_duplicate_link_keeps_working_while_the_main_report_is_open(
    client, report, officer, make_user, settings
):
    settings.REPORTS_FOLLOW_DAYS_AFTER_CLOSE = 1
    main = ReportFactory(status=Status.IN_PROGRESS, owner=officer)
    report.refresh_from_db()
    report_link_duplicate(report=report, main=main, actor=make_user("coordinator"))
    path = page_of(report)
    with time_machine.travel(timezone.now() + dt.timedelta(days=30)):
        assert client.get(path).status_code == 200


# --- the confirmation e-mail ------------------------------------------------------------------


def test_the_default_confirmation_carries_the_follow_link(client, town):
    from openhandhaving.reports.services import report_create
    from openhandhaving.reports.tests.town import IN_WEST

    created = report_create(
        text="Vuilniszakken naast de container",
        category=town.afval,
        lat=IN_WEST[0],
        lon=IN_WEST[1],
        channel="web",
        contact={"email": "els@example.nl"},
    )
    message = OutgoingMessage.objects.get(report=created)
    found = re.search(r"http://testserver(/melding/volgen/[^/\s]+/)", message.body)
    assert found, message.body
    assert client.get(found.group(1)).status_code == 200
    history = ReportEvent.objects.get(report=created, kind=EventKind.MESSAGE)
    assert found.group(1) not in history.text  # the key is not kept in the history


# --- junk -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("endpoint", "data"),
    [
        ("follow_answer", {}),
        ("follow_answer", {"antwoord-question": "abc", "antwoord-answer": "x"}),
        ("follow_answer", {"antwoord-question": "99999999999999999999", "antwoord-answer": "x"}),
        ("follow_answer", {"antwoord-question": "-1", "antwoord-answer": " "}),
        ("follow_answer", {"antwoord-question": "1", "antwoord-photo": "geen bestand"}),
        ("follow_photo_add", {}),
        ("follow_photo_add", {"foto-photo": "tekst in plaats van een bestand"}),
        ("follow_feedback", {}),
        ("follow_feedback", {"tevredenheid-answer": "abc"}),
        ("follow_feedback", {"tevredenheid-answer": "99999999999999999999"}),
        ("follow_feedback", {"tevredenheid-answer": "1", "tevredenheid-text": "x" * 1001}),
    ],
)
def test_junk_posts_get_a_page_never_a_500(client, report, officer, endpoint, data):
    for closed in (False, True):
        if closed:
            close(report, officer)
        token = page_of(report).split("/")[3]
        response = client.post(reverse(f"reports_public:{endpoint}", kwargs={"token": token}), data)
        assert response.status_code in {200, 302}, response.content.decode()[:500]
    assert not Feedback.objects.exists()
    assert not ReportLink.objects.filter(answered_at__isnull=False).exists()


def test_junk_on_an_unknown_link_and_get_on_a_form_address(client, report):
    assert client.post("/melding/volgen/onzin/tevredenheid/", {"x": "y"}).status_code == 404
    assert client.post("/melding/volgen/onzin/foto/", {}).status_code == 404
    assert client.get("/melding/volgen/onzin/foto/1/").status_code == 404
    token = page_of(report).split("/")[3]
    back = client.get(reverse("reports_public:follow_feedback", kwargs={"token": token}))
    assert back.status_code == 302 and back["Location"].endswith(f"/melding/volgen/{token}/")
