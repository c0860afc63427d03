"""Exports: the PDF of one report and the CSV of a list; personal data only with the permission."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import EventKind, MessageState, Status
from openhandhaving.reports.exports import csv_stream, pdf_from_html
from openhandhaving.reports.models import MessageAudience, OutgoingMessage, Report
from openhandhaving.reports.services import report_attachment_add
from openhandhaving.reports.tests.factories import (
    CategoryFactory,
    ReportFactory,
    add_contact,
    add_event,
)
from openhandhaving.team.tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db
BOM = "\ufeff"
HEADERS = [
    "nummer",
    "gemeld op",
    "status",
    "hoofdcategorie",
    "categorie",
    "omschrijving",
    "adres",
    "wijk",
    "buurt",
    "lat",
    "lon",
    "kanaal",
    "prioriteit",
    "eigenaar",
    "team",
    "uiterlijk klaar",
    "te laat (ja/nee)",
    "afgesloten op",
]
CONTACT_HEADERS = ["melder naam", "melder e-mail", "melder telefoon"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def png(name: str = "stoep.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# --- PDF of one report ---------------------------------------------------------------------


def pdf_of(client, report: Report):
    return client.get(reverse("reports:pdf", args=[report.number]))


def pdf_text(response) -> str:
    """The words of the PDF with single spaces (a table cell may wrap anywhere)."""
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def pdf_image_count(content: bytes) -> int:
    """Distinct image XObjects in the pages' resources (pages may share one resource list)."""
    reader = PdfReader(io.BytesIO(content))
    images = set()
    for page in reader.pages:
        objects = page["/Resources"].get_object().get("/XObject")
        for ref in objects.get_object().values() if objects is not None else ():
            if ref.get_object()["/Subtype"] == "/Image":
                images.add(ref.idnum)
    return len(images)


def test_the_pdf_holds_the_report_its_place_and_history(client, as_role):
    hanna = as_role("officer", first_name="Hanna", last_name="de Vries")
    overlast = CategoryFactory(name="Overlast")
    geluid = CategoryFactory(name="Geluid", parent=overlast, questions=[])
    report = ReportFactory(
        category=geluid,
        owner=hanna,
        text="Harde muziek uit de kelder van nummer 12",
        address="Kerkstraat 12",
        district=DistrictFactory(name="Schalkwijk"),
        answers={"tijd": "na middernacht"},
    )
    add_event(report, EventKind.OWNER, text="toegewezen aan H. de Vries: wijkhandhaver Schalkwijk")
    response = pdf_of(client, report)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="melding-{report.number}.pdf"'
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    for expected in (
        report.number,
        "Harde muziek uit de kelder",
        "Overlast › Geluid",
        "Kerkstraat 12",
        "Schalkwijk",
        "na middernacht",
        "Hanna de Vries",
        "wijkhandhaver Schalkwijk",
    ):
        assert expected in text, expected
    assert AuditLogEntry.objects.filter(
        action="report_pdf", actor=hanna, object_repr=report.number
    ).exists()


def test_without_the_permission_the_pdf_has_no_personal_data(client, as_role):
    as_role("officer")
    report = ReportFactory()
    add_contact(report, name="Els Bakker", email="els@example.nl", phone="0612345678")
    OutgoingMessage.objects.create(
        report=report,
        to="els@example.nl",
        subject="Uw melding is in behandeling",
        body="Wij gaan ermee aan de slag.",
        state=MessageState.SENT,
    )
    text = pdf_text(pdf_of(client, report))
    assert "Uw melding is in behandeling" in text
    assert "aan de melder" in text
    for personal in ("Els Bakker", "els@example.nl", "0612345678"):
        assert personal not in text
    assert "niet in dit document" in text
    assert not AuditLogEntry.objects.filter(action="report_contact_view").exists()


def test_with_the_permission_the_contact_is_in_the_pdf_and_the_read_is_logged(client, as_role):
    cora = as_role("coordinator")
    report = ReportFactory()
    add_contact(report, name="Els Bakker", email="els@example.nl", phone="0612345678")
    text = pdf_text(pdf_of(client, report))
    assert "Els Bakker" in text and "els@example.nl" in text and "0612345678" in text
    read = AuditLogEntry.objects.get(action="report_contact_view", actor=cora)
    assert read.object_repr == report.number
    assert read.details == {"number": report.number, "via": "pdf"}
    assert AuditLogEntry.objects.get(action="report_pdf", actor=cora).details["contact"] is True


def test_answer_links_in_messages_are_not_printed(client, as_role):
    as_role("officer")
    report = ReportFactory()
    token = "a" * 32
    OutgoingMessage.objects.create(
        report=report,
        audience=MessageAudience.REPORTER,
        to="els@example.nl",
        subject="Een vraag over uw melding",
        body=f"Beantwoord via https://gemeente.example/melding/antwoord/{token}/ alstublieft.",
        state=MessageState.QUEUED,
    )
    text = pdf_text(pdf_of(client, report))
    assert "Een vraag over uw melding" in text
    assert token not in text.replace(" ", "")


def test_photos_are_drawn_in_the_pdf_and_other_files_named(client, as_role, media):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    report_attachment_add(report=report, actor=hanna, upload=png("auto.png"))
    pdf_upload = SimpleUploadedFile(
        "proces-verbaal.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"
    )
    report_attachment_add(report=report, actor=hanna, upload=pdf_upload)
    response = pdf_of(client, report)
    assert pdf_image_count(response.content) == 1
    assert "proces-verbaal.pdf" in pdf_text(response)


def test_a_photo_missing_from_the_storage_does_not_break_the_pdf(client, as_role, media):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna)
    attachment = report_attachment_add(report=report, actor=hanna, upload=png("weg.png"))
    attachment.file.storage.delete(attachment.file.name)
    response = pdf_of(client, report)
    assert response.status_code == 200
    assert pdf_image_count(response.content) == 0
    assert "bestand niet gevonden" in pdf_text(response)


def test_the_pdf_renderer_fetches_nothing_from_disk_or_network(tmp_path):
    picture = tmp_path / "geheim.png"
    Image.new("RGB", (20, 20), "red").save(picture)
    html = (
        f'<p>Test</p><img src="file://{picture}"><img src="http://127.0.0.1:9/x.png">'
        '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
    )
    assert pdf_image_count(pdf_from_html(html)) == 0


@pytest.mark.parametrize(
    ("role", "status"),
    [
        pytest.param("communications", 403, id="communications may not read reports"),
        pytest.param("analyst", 200, id="an analyst may read a report, so print it"),
    ],
)
def test_who_may_download_the_pdf(client, as_role, role, status):
    as_role(role)
    assert pdf_of(client, ReportFactory()).status_code == status


def test_the_pdf_asks_a_visitor_to_log_in_and_knows_unknown_numbers(client, as_role):
    report = ReportFactory()
    response = pdf_of(client, report)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    as_role("officer")
    assert client.get(reverse("reports:pdf", args=["2026-999999"])).status_code == 404


def test_the_report_page_links_to_its_pdf(client, as_role):
    as_role("officer")
    report = ReportFactory()
    html = client.get(reverse("reports:detail", args=[report.number])).content.decode()
    assert reverse("reports:pdf", args=[report.number]) in html


# --- CSV of a list -------------------------------------------------------------------------


def export(client, query: str = "queue=alle"):
    return client.get(f"{reverse('reports:export_csv')}?{query}")


def csv_of(response) -> tuple[str, list[list[str]]]:
    """(raw text, rows including the header)."""
    raw = b"".join(response.streaming_content).decode("utf-8")
    return raw, list(csv.reader(io.StringIO(raw.removeprefix(BOM)), delimiter=";"))


def listed(client, query: str) -> list[str]:
    """Report numbers of every page of the list, in order (each row is in table and card)."""
    numbers: list[str] = []
    page = 1
    while True:
        html = client.get(f"{reverse('reports:queue')}?{query}&pagina={page}").content.decode()
        found = list(dict.fromkeys(re.findall(r'data-number="([^"]+)"', html)))
        if not found:
            return numbers
        numbers += found
        page += 1


def test_the_csv_is_dutch_excel_friendly(client, as_role):
    as_role("analyst")
    ReportFactory()
    response = export(client)
    raw, rows = csv_of(response)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="meldingen-\d{8}-\d{4}\.csv"', response["Content-Disposition"]
    )
    assert raw.startswith(BOM) and raw.count(BOM) == 1
    assert raw.splitlines()[0].removeprefix(BOM) == ";".join(HEADERS)
    assert rows[0] == HEADERS
    assert len(rows) == 2


def test_the_csv_holds_every_page_of_the_filtered_list_in_its_order(client, as_role):
    as_role("analyst")
    west, oost = DistrictFactory(name="West"), DistrictFactory(name="Oost")
    for _ in range(30):
        ReportFactory(district=west)
    elsewhere = ReportFactory(district=oost)
    closed = ReportFactory(district=west, status=Status.DONE)
    query = f"queue=alle&district={west.pk}"
    _raw, rows = csv_of(export(client, query))
    numbers = [row[0] for row in rows[1:]]
    assert len(numbers) == 30  # more than one page of the list
    assert numbers == listed(client, query)
    assert elsewhere.number not in numbers
    assert closed.number not in numbers  # without a chosen status: the open reports, as the list
    assert {row[7] for row in rows[1:]} == {"West"}


def test_a_status_filter_is_kept(client, as_role):
    as_role("analyst")
    done = ReportFactory(status=Status.DONE, closed_at=timezone.now())
    ReportFactory(status=Status.NEW)
    _raw, rows = csv_of(export(client, "queue=alle&status=done"))
    assert [row[0] for row in rows[1:]] == [done.number]
    assert rows[1][2] == "Afgehandeld"


def test_a_row_reads_as_people_expect(client, as_role, make_user):
    as_role("analyst")
    owner = make_user("officer", first_name="Piet", last_name="Jansen")
    main = CategoryFactory(name="Afval")
    sub = CategoryFactory(name="Grofvuil", parent=main)
    winter = dt.datetime(2026, 1, 12, 13, 5, tzinfo=dt.UTC)
    ReportFactory(
        category=sub,
        owner=owner,
        text="Bank en matras naast de container",
        address="Marktplein 3",
        district=DistrictFactory(name="Centrum"),
        lat=52.3601,
        lon=4.6532,
        reported_at=winter,
        deadline=winter + dt.timedelta(days=3),
        deadline_3x=timezone.now() + dt.timedelta(days=1),
    )
    _raw, rows = csv_of(export(client))
    row = dict(zip(HEADERS, rows[1], strict=True))
    assert row["gemeld op"] == "2026-01-12 14:05"  # Europe/Amsterdam, winter time
    assert row["uiterlijk klaar"] == "2026-01-15 14:05"
    assert (row["hoofdcategorie"], row["categorie"]) == ("Afval", "Grofvuil")
    assert (row["lat"], row["lon"]) == ("52,360100", "4,653200")
    assert (row["kanaal"], row["prioriteit"]) == ("Telefoon (KCC)", "Normaal")
    assert row["status"] == "Nieuw"
    assert row["eigenaar"] == "Piet Jansen"
    assert row["wijk"] == "Centrum"
    assert row["te laat (ja/nee)"] == "ja"
    assert row["afgesloten op"] == ""


def test_cells_that_a_spreadsheet_would_run_as_a_formula_are_defused(client, as_role):
    as_role("analyst")
    ReportFactory(text='=HYPERLINK("http://kwaad.example","klik")', address="+31 20 123")
    ReportFactory(text="@SUM(A1)", address="-1 hoog")
    ReportFactory(text="\tverborgen", address="Gewoon adres 1")
    _raw, rows = csv_of(export(client))
    cells = {(row[5], row[6]) for row in rows[1:]}
    assert cells == {
        ('\'=HYPERLINK("http://kwaad.example","klik")', "'+31 20 123"),
        ("'@SUM(A1)", "'-1 hoog"),
        ("'\tverborgen", "Gewoon adres 1"),
    }


def test_without_the_contact_permission_there_is_no_personal_data(client, as_role):
    analyst = as_role("analyst")
    report = ReportFactory()
    add_contact(report, name="Els Bakker", email="els@example.nl", phone="0612345678")
    raw, rows = csv_of(export(client, "queue=alle&melder=1"))  # asking is not enough
    assert rows[0] == HEADERS
    for personal in ("Els Bakker", "els@example.nl", "0612345678"):
        assert personal not in raw
    logged = AuditLogEntry.objects.get(action="report_export", actor=analyst)
    assert logged.details["contact"] is False
    assert logged.details["queue"] == "alle"
    assert not AuditLogEntry.objects.filter(action="report_export_contact").exists()


def test_with_the_permission_contact_columns_come_only_when_asked_for(client, as_role):
    cora = as_role("coordinator")
    report = ReportFactory()
    add_contact(report, name="Els Bakker", email="els@example.nl")
    raw, rows = csv_of(export(client))  # data minimisation: not unless asked
    assert rows[0] == HEADERS and "Els Bakker" not in raw
    assert not AuditLogEntry.objects.filter(action="report_export_contact", actor=cora).exists()
    html = client.get(f"{reverse('reports:queue')}?queue=alle").content.decode()
    assert "data-export-contact" in html and "melder=1" in html


def test_with_the_permission_the_contact_columns_come_and_the_export_is_logged(client, as_role):
    cora = as_role("coordinator")
    wijk = DistrictFactory(name="Noord")
    with_contact = ReportFactory(district=wijk)
    add_contact(with_contact, name="Els Bakker", email="els@example.nl", phone="+31612345678")
    ReportFactory(district=wijk)
    _raw, rows = csv_of(export(client, f"queue=alle&district={wijk.pk}&melder=1"))
    assert rows[0] == HEADERS + CONTACT_HEADERS
    by_number = {row[0]: row for row in rows[1:]}
    assert by_number[with_contact.number][-3:] == ["Els Bakker", "els@example.nl", "'+31612345678"]
    assert len(by_number) == 2
    logged = AuditLogEntry.objects.get(action="report_export_contact", actor=cora)
    assert (logged.details["rows"], logged.details["with_contact"]) == (2, 1)
    assert logged.details["filters"] == {"district": [str(wijk.pk)], "melder": ["1"]}
    assert AuditLogEntry.objects.filter(action="report_export", actor=cora).count() == 1


@pytest.mark.parametrize(
    ("role", "status"),
    [
        pytest.param("officer", 403, id="an officer may not export"),
        pytest.param("contact_centre", 403, id="the KCC may not export"),
        pytest.param("communications", 403, id="communications may not export"),
        pytest.param("analyst", 200, id="an analyst may export"),
        pytest.param("team_lead", 200, id="a team lead may export"),
    ],
)
def test_who_may_export(client, as_role, role, status):
    as_role(role)
    assert export(client).status_code == status


def test_a_visitor_is_asked_to_log_in_before_exporting(client):
    response = export(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_export_link_is_shown_only_with_the_permission_and_keeps_the_filters(
    client, as_role, make_user
):
    as_role("analyst")
    wijk = DistrictFactory()
    html = client.get(f"{reverse('reports:queue')}?queue=alle&district={wijk.pk}").content.decode()
    assert f"{reverse('reports:export_csv')}?queue=alle&amp;district={wijk.pk}" in html
    client.force_login(make_user("officer"))
    html = client.get(reverse("reports:queue")).content.decode()
    assert reverse("reports:export_csv") not in html


def test_the_stream_comes_in_pieces_with_one_byte_order_mark():
    rows = ([str(n)] for n in range(5))
    pieces = list(csv_stream(["nummer"], rows, chunk_rows=2))
    assert len(pieces) == 3
    text = b"".join(pieces).decode()
    assert text.count(BOM) == 1 and text.startswith(BOM)
    assert text.removeprefix(BOM).split() == ["nummer", "0", "1", "2", "3", "4"]
