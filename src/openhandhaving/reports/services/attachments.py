"""Attachments of a report: photos re-encoded without EXIF/GPS, PDFs from staff; checked first."""

from __future__ import annotations

import io
import uuid
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import EventKind
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Attachment, Report
from openhandhaving.reports.services.common import event_add, report_touch

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000  # more is a decompression bomb, not a photo of a street
MAX_SIDE = 2560  # enough to read a number plate; keeps storage and phones light
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class CleanFile:
    content: ContentFile
    content_type: str
    original_name: str


def _too_large() -> ReportRuleError:
    return ReportRuleError(
        _("Het bestand is te groot. Een bijlage mag hoogstens 10 MB zijn."), field="upload"
    )


def _original_name(upload) -> str:
    return PurePath(str(getattr(upload, "name", "") or "")).name[:200]


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, io.SEEK_END)
        size = upload.tell()
    upload.seek(0)
    return size


def _photo_clean(upload, name: str, *, allow_pdf: bool) -> CleanFile:
    not_a_photo = ReportRuleError(
        _(
            "Dit bestand is geen foto of het is beschadigd. Kies een foto (JPG, PNG of WebP) "
            "of een PDF."
        )
        if allow_pdf
        else _("Dit bestand is geen foto of het is beschadigd. Kies een foto (JPG, PNG of WebP)."),
        field="upload",
    )
    too_many_pixels = ReportRuleError(
        _("De foto heeft te veel pixels. Kies een kleinere foto."), field="upload"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in PHOTO_FORMATS:
                raise not_a_photo
            if image.width * image.height > MAX_PIXELS:
                raise too_many_pixels
            kind = image.format
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise too_many_pixels from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise not_a_photo from error
    # Upright as the camera meant it; then a fresh image without EXIF, GPS or text chunks.
    image = ImageOps.exif_transpose(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    stem = uuid.uuid4().hex
    if kind in {"PNG", "GIF"}:  # screenshots and drawings: keep them sharp and transparent
        image = image.convert("RGBA")
        image.save(out, format="PNG", optimize=True)
        return CleanFile(ContentFile(out.getvalue(), name=f"{stem}.png"), "image/png", name)
    image = image.convert("RGB")
    image.save(out, format="JPEG", quality=85, optimize=True)
    return CleanFile(ContentFile(out.getvalue(), name=f"{stem}.jpg"), "image/jpeg", name)


def upload_clean(upload, *, allow_pdf: bool) -> CleanFile:
    """A safe copy of an uploaded file, or ReportRuleError(field="upload") in Dutch.

    The type is sniffed from the content, never taken from the name or the browser's claim.
    """
    if upload is None:
        raise ReportRuleError(_("Kies een bestand."), field="upload")
    size = _size(upload)
    if size == 0:
        raise ReportRuleError(_("Het bestand is leeg."), field="upload")
    if size > MAX_UPLOAD_BYTES:
        raise _too_large()
    name = _original_name(upload)
    head = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if head == PDF_MAGIC:
        if not allow_pdf:
            raise ReportRuleError(_("Hier kunt u alleen foto's toevoegen."), field="upload")
        data = upload.read()
        upload.seek(0)
        if b"%%EOF" not in data[-2048:]:
            raise ReportRuleError(
                _("Deze PDF is beschadigd of niet helemaal overgekomen. Probeer het opnieuw."),
                field="upload",
            )
        return CleanFile(ContentFile(data, name=f"{uuid.uuid4().hex}.pdf"), "application/pdf", name)
    return _photo_clean(upload, name, allow_pdf=allow_pdf)


def attachment_store(
    *, report: Report, clean: CleanFile, uploaded_by: User | None, public: bool
) -> Attachment:
    attachment = Attachment(
        report=report,
        content_type=clean.content_type,
        original_name=clean.original_name,
        uploaded_by=uploaded_by if getattr(uploaded_by, "is_authenticated", False) else None,
        public=public,
    )
    attachment.file.save(clean.content.name, clean.content, save=False)
    try:
        attachment.save(force_insert=True)
    except Exception:
        attachment.file.delete(save=False)
        raise
    return attachment


def report_attachment_add(*, report: Report, actor: User | None, upload) -> Attachment:
    """Add a photo (re-encoded, EXIF/GPS stripped) or, for staff, a PDF to a report."""
    clean = upload_clean(upload, allow_pdf=actor is not None)
    with transaction.atomic():
        report_touch(report=report)
        attachment = attachment_store(
            report=report, clean=clean, uploaded_by=actor, public=actor is None
        )
        event_add(
            report=report,
            kind=EventKind.ATTACHMENT,
            actor=actor,
            new=clean.original_name or attachment.file.name,
            text=f"Bijlage toegevoegd: {clean.original_name or '-'}",
        )
        audit_log_record(actor=actor, action="report_attachment_add", obj=report)
    return attachment
