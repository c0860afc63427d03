"""The report page: contact data only for who may see it (and logged), actions, kept input."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import EventKind, Status
from openhandhaving.reports.models import Attachment, Report, ReportEvent
from openhandhaving.reports.tests.factories import (
    CategoryFactory,
    ReportFactory,
    TeamFactory,
    add_contact,
    add_event,
)

pytestmark = pytest.mark.django_db


def url(name: str, report: Report) -> str:
    return reverse(name, args=[report.number])


def png_upload(name: str = "auto.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_the_page_shows_the_report_at_a_glance_with_its_history(client, as_role):
    as_role("officer")
    report = ReportFactory(text="Auto op de stoep bij de school", address="Schoolstraat 4")
    add_event(
        report,
        EventKind.OWNER,
        new_value="J. de Vries",
        text="toegewezen aan J. de Vries: wijkhandhaver Schalkwijk, dienst tot 17:00",
    )
    response = client.get(url("reports:detail", report))
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Melding {report.number}" in html
    assert "Auto op de stoep bij de school" in html
    assert "Schoolstraat 4" in html
    assert "wijkhandhaver Schalkwijk, dienst tot 17:00" in html
    assert "data-report-map" in html


def test_an_unknown_number_is_a_404(client, as_role):
    as_role("officer")
    assert client.get(reverse("reports:detail", args=["2026-999999"])).status_code == 404


def test_an_officer_does_not_see_the_reporters_contact_data(client, as_role):
    as_role("officer")
    report = ReportFactory()
    add_contact(report, name="Els Bakker", email="els@example.nl")
    html = client.get(url("reports:detail", report)).content.decode()
    assert "els@example.nl" not in html
    assert "Els Bakker" not in html
    assert "Contactgegevens van de melder ziet u niet met uw rol." in html
    assert not AuditLogEntry.objects.filter(action="report_contact_view").exists()


def test_a_coordinator_sees_the_contact_data_and_every_view_is_logged(client, as_role):
    cora = as_role("coordinator")
    report = ReportFactory()
    add_contact(report, name="Els Bakker", email="els@example.nl")
    client.get(url("reports:detail", report))
    html = client.get(url("reports:detail", report)).content.decode()
    assert "els@example.nl" in html and "Els Bakker" in html
    views = AuditLogEntry.objects.filter(action="report_contact_view", actor=cora)
    assert views.count() == 2
    assert views.first().object_repr == report.number


def test_an_analyst_reads_but_cannot_change(client, as_role):
    as_role("analyst")
    report = ReportFactory()
    html = client.get(url("reports:detail", report)).content.decode()
    assert "U kunt deze melding bekijken, maar niet wijzigen." in html
    assert url("reports:status_change", report) not in html
    response = client.post(
        url("reports:status_change", report),
        {"to_status": Status.ACCEPTED, "version": report.version},
    )
    assert response.status_code == 403
    assert "Hier hebt u geen toegang toe" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_an_officer_cannot_assign_to_others_but_can_take_a_report(client, as_role, make_user):
    hanna = as_role("officer")
    report = ReportFactory(owner=None)
    piet = make_user("officer")
    response = client.post(
        url("reports:assign", report), {"owner": piet.pk, "version": report.version}
    )
    assert response.status_code == 403
    client.post(url("reports:take", report), {"version": report.version})
    report.refresh_from_db()
    assert report.owner == hanna


def test_only_the_allowed_next_statuses_are_offered(client, as_role):
    as_role("officer")
    report = ReportFactory(status=Status.DONE)
    html = client.get(url("reports:detail", report)).content.decode()
    assert 'name="to_status" value="reopened"' in html
    assert 'name="to_status" value="in_progress"' not in html


def test_a_status_change_is_saved_and_written_to_the_history(client, as_role):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    response = client.post(
        url("reports:status_change", report),
        {"to_status": Status.IN_PROGRESS, "text": "", "version": report.version},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.IN_PROGRESS
    assert ReportEvent.objects.filter(report=report, kind=EventKind.STATUS).exists()


def test_closing_without_text_is_refused_beside_the_field(client, as_role):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    response = client.post(
        url("reports:status_change", report),
        {"to_status": Status.DONE, "text": "  ", "version": report.version},
    )
    assert response.status_code == 200
    assert "bij ‘Afgehandeld’ is een toelichting verplicht" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Status.NEW


def test_a_concurrent_edit_shows_the_message_and_keeps_what_was_typed(client, as_role, make_user):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    seen_version = report.version
    # A coordinator changes the report after Hanna opened it.
    Report.objects.filter(pk=report.pk).update(status=Status.ACCEPTED, version=seen_version + 1)
    response = client.post(
        url("reports:status_change", report),
        {"to_status": Status.DONE, "text": "Auto is weggesleept", "version": seen_version},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft deze melding net gewijzigd" in html
    assert "Auto is weggesleept" in html
    assert f'name="version" value="{seen_version + 1}"' in html  # sending again is a choice
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED


def test_a_note_is_added_and_an_empty_one_explained(client, as_role):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    empty = client.post(url("reports:note_add", report), {"text": ""})
    assert "Schrijf eerst een notitie." in empty.content.decode()
    client.post(url("reports:note_add", report), {"text": "Buren gesproken"})
    assert report.events.filter(kind=EventKind.NOTE, text="Buren gesproken").exists()


def test_a_refused_upload_keeps_the_typed_note(client, as_role):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    fake = SimpleUploadedFile("foto.jpg", b"dit is geen foto", content_type="image/jpeg")
    response = client.post(
        url("reports:attachment_add", report),
        {"upload": fake, "note": "Foto van de kapotte lantaarnpaal"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "geen foto" in html
    assert "Foto van de kapotte lantaarnpaal" in html
    assert not Attachment.objects.filter(report=report).exists()


def test_a_photo_is_stored_and_shown_only_to_who_may_see_the_report(client, as_role, make_user):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    response = client.post(
        url("reports:attachment_add", report), {"upload": png_upload(), "note": "Van voren"}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(report=report)
    assert report.events.filter(kind=EventKind.NOTE, text="Van voren").exists()
    file_url = reverse("reports:attachment_file", args=[report.number, attachment.pk])
    assert file_url in client.get(url("reports:detail", report)).content.decode()
    assert client.get(file_url).status_code == 200
    client.force_login(make_user("communications"))
    assert client.get(file_url).status_code == 403


def test_a_coordinator_assigns_to_a_team_and_returns_to_the_grote_bak(client, as_role, make_user):
    as_role("coordinator")
    team = TeamFactory(name="Parkeren")
    hanna = make_user("officer")
    report = ReportFactory(owner=hanna)
    client.post(
        url("reports:assign", report),
        {"owner": "", "team": team.pk, "reason": "Parkeerzaak", "version": report.version},
    )
    report.refresh_from_db()
    assert (report.owner, report.owner_team) == (None, team)
    nobody = client.post(url("reports:assign", report), {"version": report.version})
    assert "Kies een persoon of een team." in nobody.content.decode()
    client.post(url("reports:return_to_queue", report), {"reason": "Verkeerde wijk"})
    report.refresh_from_db()
    assert report.owner is None and report.owner_team is None


def test_changing_the_category_records_it(client, as_role):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    other = CategoryFactory(name="Afval")
    client.post(
        url("reports:update", report),
        {"category": other.pk, "priority": "high", "version": report.version},
    )
    report.refresh_from_db()
    assert (report.category, report.priority) == (other, "high")
    assert report.events.filter(kind=EventKind.CATEGORY).exists()


def test_nearby_reports_and_likely_duplicates_are_offered(client, as_role):
    as_role("officer")
    category = CategoryFactory()
    report = ReportFactory(category=category)
    twin = ReportFactory(category=category)
    html = client.get(url("reports:detail", report)).content.decode()
    assert "Mogelijk dubbel:" in html
    assert url("reports:detail", twin) in html
