"""Attachments: photos re-encoded without metadata, PDFs from staff, everything else refused."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from openhandhaving.reports.choices import Channel, EventKind
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Attachment, Report
from openhandhaving.reports.services import report_attachment_add, report_create
from openhandhaving.reports.tests.town import IN_WEST, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(town, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        return report_create(
            text="Graffiti op de muur",
            category=town.afval,
            lat=IN_WEST[0],
            lon=IN_WEST[1],
            channel=Channel.WEB,
        )


def jpeg(size=(60, 40), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, format="JPEG", **save)
    return out.getvalue()


def upload(data: bytes, name: str = "foto.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_a_photo_loses_its_exif_and_gps(town, report):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {2: (52.0, 5.0, 0.0)}
    attachment = report_attachment_add(
        report=report, actor=town.hanna, upload=upload(jpeg(exif=exif))
    )
    with Image.open(attachment.file.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
    assert (attachment.public, attachment.uploaded_by) == (False, town.hanna)
    event = report.events.get(kind=EventKind.ATTACHMENT)
    assert (event.new_value, event.actor) == ("foto.jpg", town.hanna)
    assert Report.objects.get(pk=report.pk).version == 2


def test_a_sideways_photo_is_stored_upright(town, report):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° to display
    attachment = report_attachment_add(
        report=report, actor=town.hanna, upload=upload(jpeg(size=(60, 40), exif=exif))
    )
    with Image.open(attachment.file.path) as stored:
        assert stored.size == (40, 60)


def test_a_png_stays_a_png_without_its_text_chunks(town, report):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Els Bakker, Dorpsstraat 1")
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(out, format="PNG", pnginfo=info)
    attachment = report_attachment_add(
        report=report, actor=town.hanna, upload=upload(out.getvalue(), "scherm.png")
    )
    assert attachment.content_type == "image/png"
    with Image.open(attachment.file.path) as stored:
        assert "Author" not in stored.info


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_staff_may_add_a_pdf(town, report):
    attachment = report_attachment_add(
        report=report, actor=town.hanna, upload=upload(PDF, "proces-verbaal.pdf")
    )
    assert attachment.content_type == "application/pdf"
    assert attachment.file.read() == PDF


REFUSED = [
    # (what, actor, data, part of the Dutch message)
    ("a program named .jpg", "hanna", b"MZ\x90\x00\x03" * 50, "geen foto"),
    ("a photo cut off halfway", "hanna", "truncated", "geen foto of het is beschadigd"),
    ("an empty file", "hanna", b"", "leeg"),
    ("a file over 10 MB", "hanna", "huge", "hoogstens 10 MB"),
    ("a PDF from a reporter", None, PDF, "alleen foto's"),
    ("a PDF that is not complete", "hanna", PDF[:20], "beschadigd"),
]


@pytest.mark.parametrize(
    ("actor", "data", "message"), [pytest.param(*row[1:], id=row[0]) for row in REFUSED]
)
def test_refused_files_store_nothing(town, report, actor, data, message):
    if data == "truncated":
        data = jpeg(size=(400, 400))[:600]
    if data == "huge":
        data = b"\xff\xd8" + b"0" * (10 * 1024 * 1024)
    with pytest.raises(ReportRuleError) as refused:
        report_attachment_add(
            report=report, actor=getattr(town, actor) if actor else None, upload=upload(data)
        )
    assert message in refused.value.message
    assert refused.value.field == "upload"
    assert not Attachment.objects.exists()
    assert not report.events.filter(kind=EventKind.ATTACHMENT).exists()
    assert Report.objects.get(pk=report.pk).version == 1


@pytest.mark.parametrize("allow_pdf, mentions_pdf", [(True, True), (False, False)])
def test_the_not_a_photo_message_offers_a_pdf_only_where_one_is_allowed(allow_pdf, mentions_pdf):
    from openhandhaving.reports.services.attachments import upload_clean

    with pytest.raises(ReportRuleError) as refused:
        upload_clean(SimpleUploadedFile("notities.txt", b"geen foto"), allow_pdf=allow_pdf)
    assert "geen foto" in refused.value.message
    assert ("PDF" in refused.value.message) is mentions_pdf
