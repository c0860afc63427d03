"""The page of one report and its actions: status, assign, grote bak, note, attachment, category.

Each action is a small POST view that validates a form and calls one service. A mistake or a
concurrent edit shows the whole page again with the typed input kept and the message beside it.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openhandhaving.core.services import audit_log_record, origin_of
from openhandhaving.reports.choices import OPEN_STATES, TEXT_REQUIRED, TRANSITIONS, Status
from openhandhaving.reports.display import detail_url_prefix
from openhandhaving.reports.exceptions import ConcurrentEditError, ReportRuleError
from openhandhaving.reports.forms import (
    AssignForm,
    AttachmentForm,
    NoteForm,
    ReturnToQueueForm,
    StatusForm,
    UpdateForm,
)
from openhandhaving.reports.forms_relations import DuplicateForm, UnlinkForm
from openhandhaving.reports.models import Attachment, Report
from openhandhaving.reports.selectors import (
    NearbyReport,
    nearby_reports,
    report_contact,
    report_detail,
    report_history,
    settings_radius,
)
from openhandhaving.reports.services import (
    report_assign,
    report_attachment_add,
    report_note_add,
    report_return_to_queue,
    report_status_change,
    report_update,
)

MESSAGE_PANEL = "reports/includes/message_panel.html"
OPEN = {s.value for s in OPEN_STATES}
NEARBY_SHOWN = 10  # the rest are on the map
FORMS: dict[str, Callable] = {
    "status_form": lambda report, data=None: StatusForm(
        data, report=report, initial={"version": report.version}
    ),
    "assign_form": lambda report, data=None: AssignForm(
        data,
        initial={
            "version": report.version,
            "owner": report.owner_id,
            "team": report.owner_team_id,
        },
    ),
    "return_form": lambda report, data=None: ReturnToQueueForm(data),
    "note_form": lambda report, data=None: NoteForm(data),
    "attachment_form": lambda report, data=None, files=None: AttachmentForm(data, files),
    "duplicate_form": lambda report, data=None: DuplicateForm(
        data, initial={"version": report.version}
    ),
    "unlink_form": lambda report, data=None: UnlinkForm(data, initial={"version": report.version}),
    "update_form": lambda report, data=None: UpdateForm(
        data,
        initial={
            "version": report.version,
            "category": report.category_id,
            "priority": report.priority,
        },
    ),
}


def report_or_404(number: str) -> Report:
    report = report_detail(number=number)
    if report is None:
        raise Http404
    return report


def template_exists(name: str) -> bool:
    try:
        get_template(name)
    except TemplateDoesNotExist:
        return False
    return True


def report_map_layers(report: Report, nearby: list[NearbyReport]) -> str:
    """Inline GeoJSON for the small map: this report and the nearby ones."""

    def point(lat: float, lon: float, **props) -> dict:
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": props,
        }

    detail = detail_url_prefix()
    others = [point(n.lat, n.lon, name=n.number, url=f"{detail}{n.number}/") for n in nearby]
    return json.dumps(
        [
            {"data": {"type": "FeatureCollection", "features": others}, "kind": "nearby"},
            {
                "data": {
                    "type": "FeatureCollection",
                    "features": [point(report.lat, report.lon, name=report.number)],
                },
                "kind": "main",
            },
        ]
    )


def answer_rows(report: Report) -> list[tuple[str, str]]:
    """The answers to the category's extra questions, labelled as the questions ask them."""
    answers = report.answers if isinstance(report.answers, dict) else {}
    questions = report.category.questions if isinstance(report.category.questions, list) else []
    labels = {
        q.get("key"): q.get("label") or q.get("key") for q in questions if isinstance(q, dict)
    }
    rows = []
    for key, value in answers.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        rows.append((str(labels.get(key, key)), shown))
    return rows


def detail_page(
    request: HttpRequest, report: Report, problem: dict | None = None, **bound
) -> HttpResponse:
    """The report's page; `bound` holds the forms that were posted (with their errors)."""
    user = request.user
    contact = None
    if user.has_perm("reports.view_reportercontact"):
        contact = report_contact(report=report)
        if contact is not None:
            # Reading personal data is logged, every time (AVG: who looked at what).
            audit_log_record(
                actor=user,
                action="report_contact_view",
                obj=report,
                origin=origin_of(request),
                details={"number": report.number},
            )
    now = timezone.now()
    nearby = nearby_reports(report=report, now=now)
    forms = {name: bound.get(name) or make(report) for name, make in FORMS.items()}
    allowed = TRANSITIONS[Status(report.status)]
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "contact": contact,
            "can_see_contact": user.has_perm("reports.view_reportercontact"),
            "can_change": user.has_perm("reports.change_report"),
            "can_route": user.has_perm("reports.route_reports"),
            "history": report_history(report=report),
            "attachments": report.attachments.all(),
            "nearby": nearby[:NEARBY_SHOWN],
            "nearby_more": max(0, len(nearby) - NEARBY_SHOWN),
            "duplicates": [n for n in nearby if n.likely_duplicate],
            "main_candidates": [
                n
                for n in nearby
                if n.likely_duplicate and n.reported_at < report.reported_at and n.status in OPEN
            ],
            "actions": report.children.select_related("category", "owner", "owner_team"),
            "linked_duplicates": report.duplicates.only("number", "status", "reported_at"),
            "radius_m": settings_radius(),
            "transitions": [
                {"value": s.value, "label": s.label, "needs_text": s in TEXT_REQUIRED}
                for s in Status
                if s in allowed
            ],
            "map_layers": report_map_layers(report, nearby),
            "message_panel": MESSAGE_PANEL if template_exists(MESSAGE_PANEL) else "",
            "answers": answer_rows(report),
            "problem": problem,
            **forms,
        },
    )


@login_required
@permission_required("reports.view_report", raise_exception=True)
def detail(request: HttpRequest, number: str) -> HttpResponse:
    return detail_page(request, report_or_404(number))


@login_required
@permission_required("reports.view_report", raise_exception=True)
def attachment_file(request: HttpRequest, number: str, pk: int) -> FileResponse:
    """An attachment, only for who may see the report (uploads are not public files)."""
    attachment = get_object_or_404(Attachment, pk=pk, report__number=number)
    response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def run_action(
    request: HttpRequest,
    number: str,
    form_name: str,
    action: Callable[[Report, dict], str],
    *,
    anchor: str,
) -> HttpResponse:
    """Validate the posted form, call the service, and come back to the page.

    `action(report, cleaned_data)` calls the service and returns the success message. A broken
    rule lands beside its field; a concurrent edit shows the new state of the report with the
    person's input kept (now against the new version, so sending it again is a choice)."""
    report = report_or_404(number)
    make = FORMS[form_name]
    files = request.FILES if form_name == "attachment_form" else None
    form = make(report, request.POST, files) if files is not None else make(report, request.POST)
    if form.is_valid():
        try:
            message = action(report, form.cleaned_data)
        except ConcurrentEditError as error:
            report = report_or_404(number)
            data = request.POST.copy()
            data["version"] = str(report.version)
            form = make(report, data, files) if files is not None else make(report, data)
            form.is_valid()
            form.add_error(None, error.message)
        except ReportRuleError as error:
            name = error.field if error.field in form.fields else None
            form.add_error(name, error.message)
        else:
            messages.success(request, message)
            return redirect(f"{reverse('reports:detail', args=[report.number])}#{anchor}")
    problem = {
        "anchor": anchor,
        "messages": form.non_field_errors()
        or [_("Niet opgeslagen. Kijk bij het formulier wat er nog niet klopt.")],
    }
    return detail_page(request, report, problem=problem, **{form_name: form})


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def status_change(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        report = report_status_change(
            report=report,
            to_status=data["to_status"],
            actor=request.user,
            text=data["text"].strip(),
            expected_version=data["version"],
        )
        return _("De status is nu ‘%(status)s’.") % {"status": report.get_status_display()}

    return run_action(request, number, "status_form", action, anchor="status")


@login_required
@require_POST
@permission_required("reports.route_reports", raise_exception=True)
def assign(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        report = report_assign(
            report=report,
            actor=request.user,
            owner=data["owner"],
            team=data["team"],
            reason=data["reason"].strip(),
            expected_version=data["version"],
        )
        who = report.owner or report.owner_team
        return _("De melding is toegewezen aan %(who)s.") % {"who": who}

    return run_action(request, number, "assign_form", action, anchor="toewijzen")


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def take(request: HttpRequest, number: str) -> HttpResponse:
    """'Ik pak deze op': the person takes the report into their own queue."""
    report = report_or_404(number)
    version = request.POST.get("version", "")
    try:
        report_assign(
            report=report,
            actor=request.user,
            owner=request.user,
            team=report.owner_team,
            reason=_("Zelf opgepakt"),
            expected_version=int(version) if version.isdigit() else report.version,
        )
    except ReportRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("De melding staat nu in uw werkvoorraad."))
    return redirect("reports:detail", number=report.number)


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def return_to_queue(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        report_return_to_queue(report=report, actor=request.user, reason=data["reason"].strip())
        return _("De melding is terug in de grote bak van de coördinatoren.")

    return run_action(request, number, "return_form", action, anchor="toewijzen")


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def note_add(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        report_note_add(report=report, actor=request.user, text=data["text"].strip())
        return _("De notitie is toegevoegd.")

    return run_action(request, number, "note_form", action, anchor="notitie")


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def attachment_add(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        with transaction.atomic():
            report_attachment_add(report=report, actor=request.user, upload=data["upload"])
            if data["note"].strip():
                report_note_add(report=report, actor=request.user, text=data["note"].strip())
        return _("Het bestand is toegevoegd.")

    return run_action(request, number, "attachment_form", action, anchor="bijlagen")


@login_required
@require_POST
@permission_required("reports.change_report", raise_exception=True)
def update(request: HttpRequest, number: str) -> HttpResponse:
    def action(report: Report, data: dict) -> str:
        changes = {}
        if data["category"].pk != report.category_id:
            changes["category"] = data["category"]
        if data["priority"] != report.priority:
            changes["priority"] = data["priority"]
        if not changes:
            return _("Er was niets veranderd.")
        report_update(
            report=report, actor=request.user, expected_version=data["version"], **changes
        )
        return _("De melding is bijgewerkt.")

    return run_action(request, number, "update_form", action, anchor="wijzigen")
