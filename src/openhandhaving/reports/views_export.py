"""Exports: the PDF of one report and the CSV of the list a person sees (with its filters).

Personal data of the reporter goes into either only for who may see it, and each time it does,
the audit log says so; every export is logged as well.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from openhandhaving.core.services import audit_log_record, origin_of
from openhandhaving.reports.display import owner_text
from openhandhaving.reports.exports import (
    CSV_CHUNK_ROWS,
    csv_headers,
    csv_stream,
    export_counts,
    export_file_name,
    export_queryset,
    export_rows,
    pdf_file_name,
    pdf_from_html,
    pdf_photos,
)
from openhandhaving.reports.selectors import report_contact, report_history, report_search
from openhandhaving.reports.selectors_messages import report_messages
from openhandhaving.reports.services.messages import redact_link_tokens
from openhandhaving.reports.views import NOT_A_FILTER, search
from openhandhaving.reports.views_detail import answer_rows, report_or_404

CONTACT_PERMISSION = "reports.view_reportercontact"
WITH_CONTACT = "melder"


@login_required
@permission_required("reports.view_report", raise_exception=True)
def report_pdf(request: HttpRequest, number: str) -> HttpResponse:
    """One report on A4 for the file or a partner: text, place, photos, history, messages."""
    report = report_or_404(number)
    user = request.user
    can_see_contact = user.has_perm(CONTACT_PERMISSION)
    contact = report_contact(report=report) if can_see_contact else None
    photos, other_files = pdf_photos(report.attachments.all())
    messages = list(reversed(report_messages(report=report)))
    for message in messages:
        # Answer links are keys; a printed page must not carry one.
        message.body_shown = redact_link_tokens(message.body)
    now = timezone.now()
    html = render_to_string(
        "reports/pdf/report.html",
        {
            "report": report,
            "municipality_name": settings.MUNICIPALITY_NAME,
            "owner": owner_text(report),
            "answers": answer_rows(report),
            "photos": photos,
            "other_files": other_files,
            "history": report_history(report=report),
            "messages_sent": messages,
            "can_see_contact": can_see_contact,
            "contact": contact,
            "printed_at": now,
            "printed_by": user,
        },
    )
    pdf = pdf_from_html(html)
    origin = origin_of(request)
    with transaction.atomic():
        audit_log_record(
            actor=user,
            action="report_pdf",
            obj=report,
            origin=origin,
            details={"number": report.number, "contact": contact is not None},
        )
        if contact is not None:
            # The same entry as reading the contact data on the report's page, so one search of
            # the audit log finds every read of a reporter's data.
            audit_log_record(
                actor=user,
                action="report_contact_view",
                obj=report,
                origin=origin,
                details={"number": report.number, "via": "pdf"},
            )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_file_name(report.number)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@permission_required("reports.view_report", raise_exception=True)
@permission_required("reports.export_reports", raise_exception=True)
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The list with the same query as the queue page, every page of it, as a CSV file."""
    user = request.user
    _form, filters = search(request, request.GET)
    now = timezone.now()
    reports = report_search(user=user, filters=filters, now=now)
    # Personal data only when asked for (data minimisation) and allowed: ?melder=1.
    with_contact = request.GET.get(WITH_CONTACT) == "1" and user.has_perm(CONTACT_PERMISSION)
    origin = origin_of(request)
    chosen = {key: values for key, values in request.GET.lists() if key not in NOT_A_FILTER}
    with transaction.atomic():
        audit_log_record(
            actor=user,
            action="report_export",
            origin=origin,
            details={"queue": filters.queue, "filters": chosen, "contact": with_contact},
        )
        if with_contact:
            # Counted before the first row leaves: an export broken off halfway was a read too.
            audit_log_record(
                actor=user,
                action="report_export_contact",
                origin=origin,
                details={"queue": filters.queue, "filters": chosen, **export_counts(reports)},
            )
    rows = export_queryset(reports, with_contact=with_contact).iterator(chunk_size=CSV_CHUNK_ROWS)
    response = StreamingHttpResponse(
        csv_stream(
            csv_headers(with_contact=with_contact),
            export_rows(rows, with_contact=with_contact, now=now),
        ),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{export_file_name(now)}"'
    response["Cache-Control"] = "private, no-store"
    return response
