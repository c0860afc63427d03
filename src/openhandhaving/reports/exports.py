"""Exports of reports: the CSV of a search (streamed, Dutch Excel) and the PDF of one report.

Both only read. The views (views_export.py) check permissions and write the audit log; this
module turns reports into rows and HTML into a PDF, without touching the network.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.reports.choices import OPEN_STATES, Channel, Priority, Status
from openhandhaving.reports.models import Attachment, Report

CSV_DELIMITER = ";"  # what Excel expects in a Dutch locale, where the comma is the decimal sign
CSV_CHUNK_ROWS = 2000  # rows per database fetch and per piece of the response
# A cell starting with one of these is a formula to a spreadsheet (CSV injection): it gets a
# leading apostrophe, which Excel and LibreOffice show as plain text. Full-width forms too,
# since some spreadsheets fold them to the ASCII ones.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
ROW_FIELDS = (
    "number",
    "reported_at",
    "status",
    "category__parent__name",
    "category__name",
    "text",
    "address",
    "district__name",
    "neighbourhood__name",
    "lat",
    "lon",
    "channel",
    "priority",
    "owner__username",
    "owner__first_name",
    "owner__last_name",
    "owner_team__name",
    "deadline",
    "closed_at",
)
CONTACT_FIELDS = ("contact__name", "contact__email", "contact__phone")
# Photos WeasyPrint draws without any helper; SVG is left out on purpose (it can load other files).
PDF_IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


def csv_headers(*, with_contact: bool) -> list[str]:
    headers = [
        _("nummer"),
        _("gemeld op"),
        _("status"),
        _("hoofdcategorie"),
        _("categorie"),
        _("omschrijving"),
        _("adres"),
        _("wijk"),
        _("buurt"),
        _("lat"),
        _("lon"),
        _("kanaal"),
        _("prioriteit"),
        _("eigenaar"),
        _("team"),
        _("uiterlijk klaar"),
        _("te laat (ja/nee)"),
        _("afgesloten op"),
    ]
    if with_contact:
        headers += [_("melder naam"), _("melder e-mail"), _("melder telefoon")]
    return headers


def cell_text(value: str | None) -> str:
    """Free text as a safe cell: never read as a formula by a spreadsheet."""
    text = value or ""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def local_minute(moment: dt.datetime | None, zone: dt.tzinfo) -> str:
    """2026-03-12 14:05 in the municipality's time zone ('' for no moment)."""
    # isoformat rather than strftime: much faster, and every row has three of these.
    return moment.astimezone(zone).isoformat(" ", "minutes")[:16] if moment else ""


def dutch_decimal(value: float | None) -> str:
    """52,360100: a coordinate as Dutch Excel reads a number (a point would be a thousands mark)."""
    return "" if value is None else f"{value:.6f}".replace(".", ",")


def export_queryset(reports: QuerySet[Report], *, with_contact: bool) -> QuerySet:
    """The rows of a search as plain tuples: one query with its joins, no model objects, so a
    million rows cost neither N+1 queries nor the memory of a million instances."""
    fields = ROW_FIELDS + (CONTACT_FIELDS if with_contact else ())
    return reports.values_list(*fields)


def export_counts(reports: QuerySet[Report]) -> dict[str, int]:
    """How many reports a search holds, and how many of them have reporter contact data."""
    return reports.order_by().aggregate(rows=Count("id"), with_contact=Count("contact"))


def export_rows(
    rows: Iterable[tuple], *, with_contact: bool, now: dt.datetime | None = None
) -> Iterator[list[str]]:
    """The CSV rows (after the header) of export_queryset's tuples, in the same order."""
    now = now or timezone.now()
    zone = timezone.get_default_timezone()
    statuses = {status.value: str(status.label) for status in Status}
    channels = {channel.value: str(channel.label) for channel in Channel}
    priorities = {priority.value: str(priority.label) for priority in Priority}
    yes, no = _("ja"), _("nee")
    open_states = {str(status) for status in OPEN_STATES}
    for row in rows:
        (
            number,
            reported_at,
            status,
            parent_name,
            category_name,
            text,
            address,
            district,
            neighbourhood,
            lat,
            lon,
            channel,
            priority,
            username,
            first_name,
            last_name,
            team,
            deadline,
            closed_at,
        ) = row[: len(ROW_FIELDS)]
        owner = f"{first_name or ''} {last_name or ''}".strip() or username or ""
        # Late is late, three times late too: an open report past its deadline.
        late = status in open_states and deadline < now
        cells = [
            cell_text(number),
            local_minute(reported_at, zone),
            statuses.get(status, status),
            cell_text(parent_name or category_name),
            cell_text(category_name if parent_name else ""),
            cell_text(text),
            cell_text(address),
            cell_text(district),
            cell_text(neighbourhood),
            dutch_decimal(lat),
            dutch_decimal(lon),
            channels.get(channel, channel),
            priorities.get(priority, priority),
            cell_text(owner),
            cell_text(team),
            local_minute(deadline, zone),
            yes if late else no,
            local_minute(closed_at, zone),
        ]
        if with_contact:
            cells += [cell_text(value) for value in row[len(ROW_FIELDS) :]]
        yield cells


def csv_stream(
    headers: list[str], rows: Iterable[list[str]], *, chunk_rows: int = CSV_CHUNK_ROWS
) -> Iterator[bytes]:
    """UTF-8 with a byte order mark (so Excel reads é and ‘ right), `;` between cells, handed
    out in pieces of `chunk_rows` rows: memory stays the same whatever the number of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER)
    writer.writerow(headers)
    pending = 0
    first = "\ufeff"
    for row in rows:
        writer.writerow(row)
        pending += 1
        if pending >= chunk_rows:
            yield (first + buffer.getvalue()).encode()
            first = ""
            buffer.seek(0)
            buffer.truncate()
            pending = 0
    yield (first + buffer.getvalue()).encode()


def export_file_name(now: dt.datetime) -> str:
    return f"meldingen-{timezone.localtime(now):%Y%m%d-%H%M}.csv"


@dataclass
class PdfPhoto:
    name: str
    src: str  # a data: URI, so rendering never fetches anything


def pdf_photos(attachments: Iterable[Attachment]) -> tuple[list[PdfPhoto], list[str]]:
    """(photos to draw, names of the other attachments). A photo whose file is gone from the
    storage is listed by name instead of breaking the PDF."""
    photos, others = [], []
    for attachment in attachments:
        name = attachment.original_name or attachment.file.name.rsplit("/", 1)[-1]
        if attachment.content_type not in PDF_IMAGE_TYPES:
            others.append(name)
            continue
        try:
            with attachment.file.open("rb") as handle:
                data = handle.read()
        except (OSError, ValueError):
            others.append(_("%(name)s (bestand niet gevonden)") % {"name": name})
            continue
        encoded = base64.b64encode(data).decode("ascii")
        photos.append(PdfPhoto(name=name, src=f"data:{attachment.content_type};base64,{encoded}"))
    return photos, others


def pdf_from_html(html: str) -> bytes:
    """The PDF of a self-contained HTML page. Only data: URIs may be loaded: no network, no
    files from the server's disk, whatever the HTML says."""
    from weasyprint import HTML  # loads Pango: only in the process that makes a PDF
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols={"data"}, allow_redirects=False)
    # Tagged: headings, tables and reading order reach a screen reader.
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_tags=True)


def pdf_file_name(number: str) -> str:
    return f"melding-{re.sub(r'[^A-Za-z0-9-]', '', number)}.pdf"
