"""Retention (S3): reporters anonymised after N days, reports deleted after the archive term."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.apps import ReportsConfig
from openhandhaving.reports.choices import EventKind, LinkPurpose, MessageState, Status
from openhandhaving.reports.models import (
    Attachment,
    Category,
    MessageAudience,
    Notification,
    NotificationKind,
    OutgoingMessage,
    Report,
    ReporterContact,
    ReportEvent,
    ReportLink,
    RetentionRecord,
)
from openhandhaving.reports.services.retention import (
    reports_anonymise,
    reports_delete_expired,
    retention_run,
)
from openhandhaving.reports.tests.factories import (
    CategoryFactory,
    ReportFactory,
    add_contact,
    add_event,
)
from openhandhaving.team.tests.factories import local

pytestmark = pytest.mark.django_db

NOW = local("2027-06-01 12:00")


def closed(days_ago: float, *, status: str = Status.DONE, **fields) -> Report:
    """A report closed `days_ago` days before NOW, made a week before it closed."""
    closed_at = NOW - dt.timedelta(days=days_ago)
    fields.setdefault("reported_at", closed_at - dt.timedelta(days=7))
    return ReportFactory(status=status, closed_at=closed_at, **fields)


def message(report: Report, audience=MessageAudience.REPORTER, **fields) -> OutgoingMessage:
    values = {"to": "els@example.nl", "subject": "Uw melding", "body": "Het is opgelost."}
    values.update(fields)
    return OutgoingMessage.objects.create(report=report, audience=audience, **values)


def link(report: Report, purpose=LinkPurpose.ASK_REPORTER, **fields) -> ReportLink:
    return ReportLink.objects.create(
        report=report,
        purpose=purpose,
        token_hash=f"{report.pk}-{purpose}".ljust(64, "0"),
        expires_at=NOW + dt.timedelta(days=3),
        **fields,
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def attach(report: Report) -> Attachment:
    return Attachment.objects.create(
        report=report,
        file=ContentFile(b"\xff\xd8 foto", name="foto.jpg"),
        content_type="image/jpeg",
        public=True,
    )


# --- Anonymising ---------------------------------------------------------------------------


def test_anonymising_removes_the_reporter_and_keeps_the_report_and_its_history():
    report = closed(366)
    add_contact(report, may_contact=True)
    add_event(report, EventKind.STATUS, new_value="Afgehandeld", time=report.closed_at)
    sent = message(report, state=MessageState.SENT)
    queued = message(report, state=MessageState.QUEUED)
    partner = message(report, audience=MessageAudience.EXTERNAL, to="wijkagent@politie.nl")
    question = link(report)
    external = link(report, LinkPurpose.EXTERNAL, party="Politie", email="wijkagent@politie.nl")

    counts = reports_anonymise(now=NOW)

    assert counts == {
        "enabled": True,
        "days": 365,
        "reports": 1,
        "contacts": 1,
        "messages": 2,
        "links": 1,
    }
    contact = ReporterContact.objects.get(report=report)
    assert (contact.name, contact.email, contact.phone, contact.may_contact) == ("", "", "", False)
    assert contact.anonymised_at == NOW
    report.refresh_from_db()
    assert report.anonymised_at == NOW
    assert report.text.startswith("Fout geparkeerde auto")
    assert report.events.count() == 1
    sent.refresh_from_db(), queued.refresh_from_db(), partner.refresh_from_db()
    assert (sent.to, sent.state, sent.body) == ("", MessageState.SENT, "Het is opgelost.")
    assert (queued.to, queued.state) == ("", MessageState.FAILED)
    assert "bewaartermijn" in queued.error
    assert partner.to == "wijkagent@politie.nl"
    question.refresh_from_db(), external.refresh_from_db()
    assert question.expires_at == NOW
    assert external.expires_at > NOW


def test_anonymising_waits_for_the_term_and_leaves_open_reports_alone():
    young = closed(364)
    add_contact(young)
    still_open = ReportFactory(status=Status.IN_PROGRESS, reported_at=NOW - dt.timedelta(days=800))
    add_contact(still_open)
    reopened = ReportFactory(status=Status.REOPENED, reported_at=NOW - dt.timedelta(days=800))
    add_contact(reopened)

    assert reports_anonymise(now=NOW)["reports"] == 0
    assert not ReporterContact.objects.filter(anonymised_at__isnull=False).exists()
    assert not Report.objects.filter(anonymised_at__isnull=False).exists()


def test_the_term_is_configurable(settings):
    settings.REPORTS_ANONYMISE_AFTER_DAYS = 30
    report = closed(31)
    add_contact(report)
    assert reports_anonymise(now=NOW)["reports"] == 1
    assert ReporterContact.objects.get(report=report).email == ""


@pytest.mark.parametrize("setting", ["REPORTS_ANONYMISE_AFTER_DAYS", "REPORTS_DELETE_AFTER_DAYS"])
def test_zero_days_switches_a_step_off(settings, setting):
    setattr(settings, setting, 0)
    report = closed(4000)
    add_contact(report)
    result = retention_run(now=NOW)
    step = "anonymise" if "ANONYMISE" in setting else "delete"
    assert result[step] == {"enabled": False}
    assert Report.objects.filter(pk=report.pk).exists() == (step == "delete")
    assert not AuditLogEntry.objects.filter(action=f"retention_{step}").exists()


def test_anonymising_twice_changes_nothing_the_second_time():
    report = closed(400)
    add_contact(report)
    reports_anonymise(now=NOW)
    later = NOW + dt.timedelta(hours=1)
    again = reports_anonymise(now=later)
    assert (again["reports"], again["contacts"], again["messages"], again["links"]) == (0, 0, 0, 0)
    assert Report.objects.get(pk=report.pk).anonymised_at == NOW
    assert list(RetentionRecord.objects.values_list("run_at", "count")) == [(NOW, 1)]


def test_one_audit_entry_per_run_with_the_counts_and_a_counted_record():
    category = CategoryFactory(name="Afval")
    for days in (370, 380, 390):
        add_contact(closed(days, category=category, reported_at=local("2026-03-01 10:00")))
    reports_anonymise(now=NOW, batch_size=2)
    entry = AuditLogEntry.objects.get(action="retention_anonymise")
    assert entry.actor is None
    assert (entry.details["reports"], entry.details["contacts"]) == (3, 3)
    record = RetentionRecord.objects.get()
    assert (record.action, record.category_name, record.year, record.status, record.count) == (
        "anonymised",
        "Afval",
        2026,
        "done",
        3,
    )


# --- Deleting ------------------------------------------------------------------------------


def test_deleting_removes_the_report_with_everything_on_it(
    media, staff_user, django_capture_on_commit_callbacks
):
    report = closed(1827)
    add_contact(report)
    add_event(report)
    message(report)
    link(report)
    Notification.objects.create(
        user=staff_user, report=report, kind=NotificationKind.ASSIGNED, text="Nieuw voor u"
    )
    photo = attach(report)
    assert default_storage.exists(photo.file.name)
    keep = closed(1800)

    with django_capture_on_commit_callbacks(execute=True):
        counts = reports_delete_expired(now=NOW)

    assert counts == {
        "enabled": True,
        "days": 1826,
        "reports": 1,
        "events": 1,
        "messages": 1,
        "attachments": 1,
    }
    assert list(Report.objects.all()) == [keep]
    assert not ReportEvent.objects.exists()
    assert not ReporterContact.objects.exists()
    assert not OutgoingMessage.objects.exists()
    assert not ReportLink.objects.exists()
    assert not Notification.objects.exists()
    assert not Attachment.objects.exists()
    assert not default_storage.exists(photo.file.name)
    entry = AuditLogEntry.objects.get(action="retention_delete")
    assert entry.details["reports"] == 1


def test_sub_reports_and_duplicates_stay_when_their_main_report_goes():
    main = closed(2000)
    child = ReportFactory(parent=main)
    duplicate = closed(10, duplicate_of=main)
    reports_delete_expired(now=NOW)
    child.refresh_from_db(), duplicate.refresh_from_db()
    assert (child.parent_id, duplicate.duplicate_of_id) == (None, None)


def test_deleted_reports_are_counted_by_category_year_and_status():
    afval = CategoryFactory(name="Afval")
    geluid = CategoryFactory(name="Geluid", parent=CategoryFactory(name="Overlast"))
    made_2021 = local("2021-05-01 09:00")
    for _ in range(3):
        closed(1900, category=afval, reported_at=made_2021)
    closed(1900, category=afval, status=Status.CANCELLED, reported_at=made_2021)
    closed(1900, category=geluid, reported_at=local("2020-12-31 23:30"))  # 2020 in Amsterdam
    closed(100, category=afval)

    counts = reports_delete_expired(now=NOW, batch_size=2)

    assert counts["reports"] == 5
    rows = set(
        RetentionRecord.objects.values_list("action", "category_name", "year", "status", "count")
    )
    assert rows == {
        ("deleted", "Afval", 2021, "done", 3),
        ("deleted", "Afval", 2021, "cancelled", 1),
        ("deleted", "Overlast › Geluid", 2020, "done", 1),
    }


def test_the_record_outlives_its_category():
    afval = CategoryFactory(name="Afval")
    closed(1900, category=afval)
    reports_delete_expired(now=NOW)
    Category.objects.filter(pk=afval.pk).delete()
    record = RetentionRecord.objects.get()
    assert (record.category_id, record.category_name, record.count) == (None, "Afval", 1)


def test_deleting_twice_counts_once():
    closed(1900)
    reports_delete_expired(now=NOW)
    again = reports_delete_expired(now=NOW + dt.timedelta(minutes=5))
    assert again["reports"] == 0
    assert RetentionRecord.objects.get().count == 1
    assert AuditLogEntry.objects.filter(action="retention_delete").count() == 2


def test_a_report_past_both_terms_is_deleted_not_anonymised_first():
    add_contact(closed(1900))
    result = retention_run(now=NOW)
    assert (result["delete"]["reports"], result["anonymise"]["reports"]) == (1, 0)
    assert list(RetentionRecord.objects.values_list("action", flat=True)) == ["deleted"]


# --- Dry run, command, task ----------------------------------------------------------------


def test_a_dry_run_changes_nothing_and_predicts_the_real_run(media):
    add_contact(closed(400))
    old = closed(1900)
    add_event(old)
    attach(old)
    before = (Report.objects.count(), ReporterContact.objects.filter(email="").count())

    predicted = retention_run(now=NOW, dry_run=True)

    assert (Report.objects.count(), ReporterContact.objects.filter(email="").count()) == before
    assert not RetentionRecord.objects.exists()
    assert not AuditLogEntry.objects.exists()
    done = retention_run(now=NOW)
    assert predicted["anonymise"] == done["anonymise"]
    assert predicted["delete"] == done["delete"]
    assert done["delete"]["attachments"] == 1


@time_machine.travel(NOW, tick=False)
def test_the_command_prints_one_json_line_and_with_dry_run_changes_nothing():
    report = closed(2000)
    out = io.StringIO()
    call_command("retention", "--dry-run", stdout=out)
    assert out.getvalue().count("\n") == 1
    answer = json.loads(out.getvalue())
    assert answer["dry_run"] is True
    assert answer["delete"]["reports"] == 1
    assert Report.objects.filter(pk=report.pk).exists()
    call_command("retention", stdout=io.StringIO())
    assert not Report.objects.filter(pk=report.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_the_retention_task_is_scheduled_nightly():
    jobs = {job.name: job for job in ReportsConfig.scheduled_jobs}
    job = jobs["reports.retention"]
    assert (job.task, job.at) == ("openhandhaving.reports.tasks.retention_task", "03:15")
    from openhandhaving.reports.tasks import retention_task

    closed(2000)
    result = retention_task.call()
    assert result["delete"]["reports"] == 1


# --- The page for administrators -----------------------------------------------------------


@pytest.fixture
def staff_user(make_user):
    return make_user("officer")


def test_the_page_needs_the_retention_permission(client, make_user):
    url = reverse("reports:retention")
    assert client.get(url).status_code == 302
    client.force_login(make_user("coordinator"))
    assert client.get(url).status_code == 403


@time_machine.travel(NOW, tick=False)
def test_the_page_shows_terms_next_run_past_runs_and_the_counted_record(client, make_user):
    add_contact(closed(400, category=CategoryFactory(name="Afval")))
    closed(2000, category=CategoryFactory(name="Geluid"))
    retention_run(now=NOW)
    add_contact(closed(500))
    client.force_login(make_user("administrator"))
    response = client.get(reverse("reports:retention"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "365 dagen na het sluiten" in html
    assert "1826 dagen na het sluiten" in html
    assert response.context["to_anonymise"] == 1
    assert response.context["to_delete"] == 0
    assert [entry.action for entry in response.context["runs"]] == [
        "retention_anonymise",
        "retention_delete",
    ]
    assert "Geluid" in html and "Afval" in html
    assert reverse("reports:retention") in client.get(reverse("core:start")).content.decode()


def test_anonymising_removes_the_reporters_explanation_and_keeps_the_verdict():
    from openhandhaving.reports.models import Feedback, SatisfactionAnswer

    report = closed(366)
    answer = SatisfactionAnswer.objects.create(text="Nee, het duurde te lang")
    Feedback.objects.create(
        report=report, answer=answer, answer_text=answer.text, text="Buurman Jan parkeert er"
    )
    reports_anonymise(now=NOW)
    feedback = Feedback.objects.get(report=report)
    assert (feedback.answer_text, feedback.text) == ("Nee, het duurde te lang", "")
