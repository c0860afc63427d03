"""Back-office screens for messages: write to the reporter (with a standard text and a preview),
ask the reporter or an external party by link, the outbox with failed e-mails, standard texts."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openhandhaving.reports.choices import MessageState, Status, can_transition
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.forms_messages import (
    AskReporterForm,
    ForwardExternalForm,
    MessageForm,
    StandardTextForm,
)
from openhandhaving.reports.models import MessageAudience, OutgoingMessage, Report, StandardText
from openhandhaving.reports.selectors import report_detail
from openhandhaving.reports.selectors_messages import (
    message_target_statuses,
    outbox,
    report_messages,
    report_open_links,
    standard_texts_for,
)
from openhandhaving.reports.services import links as link_services
from openhandhaving.reports.services import messages as message_services


def report_url(report: Report) -> str:
    """The report's own page (the screens of the reports app); the message page until it exists."""
    try:
        return reverse("reports:detail", args=[report.number])
    except NoReverseMatch:
        return reverse("reports:message_compose", args=[report.number])


def next_url(request: HttpRequest, report: Report | None = None) -> str:
    """Where to go after an action: the page that sent the user here, if it is one of ours."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return report_url(report) if report is not None else reverse("reports:outbox")


def rule_error_to_form(form, error: ReportRuleError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def report_get(number: str) -> Report:
    report = report_detail(number=number)
    if report is None:
        raise Http404
    return report


TEXT_PARAM = "bericht-standard_text"


def compose_form(request: HttpRequest, report: Report, data=None) -> MessageForm:
    """The message form; ?bericht-standard_text=<id> fills it in from that standard text."""
    statuses = message_target_statuses(report=report)
    if not request.user.has_perm("reports.change_report"):
        statuses = statuses[:1]
    texts = standard_texts_for(report=report, statuses=[str(s) for s in statuses])
    initial = {"to_status": report.status, "version": report.version}
    chosen = next((t for t in texts if str(t.pk) == request.GET.get(TEXT_PARAM, "")), None)
    if chosen is not None:
        subject, body = message_services.standard_text_render(text=chosen, report=report)
        initial.update(standard_text=str(chosen.pk), subject=subject, body=body)
        if chosen.status in statuses:
            initial["to_status"] = chosen.status
    return MessageForm(
        data,
        prefix="bericht",
        initial=initial,
        texts=texts,
        statuses=statuses,
        current=report.status,
    )


def status_reachable(report: Report, status: Status) -> bool:
    return report.status == status or can_transition(report.status, status)


def compose_context(request: HttpRequest, report: Report, form: MessageForm | None = None) -> dict:
    can_see_contact = request.user.has_perm("reports.view_reportercontact")
    email = message_services.reporter_email(report)
    return {
        "report": report,
        "form": form or compose_form(request, report),
        "reporter_email": email if can_see_contact else "",
        "has_email": bool(email),
        "report_url": report_url(report),
        "messages_sent": report_messages(report=report),
        "open_links": report_open_links(report=report),
        "can_resend": request.user.has_perm("reports.add_outgoingmessage"),
        "can_ask": request.user.has_perm("reports.change_report")
        and bool(email)
        and status_reachable(report, Status.WAITING_FOR_REPORTER),
        "can_forward": request.user.has_perm("reports.change_report")
        and status_reachable(report, Status.FORWARDED),
        "from_email": settings.DEFAULT_FROM_EMAIL,
    }


@login_required
@permission_required("reports.add_outgoingmessage", raise_exception=True)
def message_compose(request: HttpRequest, number: str) -> HttpResponse:
    """Write to the reporter: pick a standard text, edit it, preview it, send it (with a status)."""
    report = report_get(number)
    form = compose_form(request, report, request.POST if request.method == "POST" else None)
    context = compose_context(request, report, form)
    context["next"] = next_url(request, report)
    previewing = request.POST.get("action") == "voorbeeld"
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if previewing:
            context["preview"] = {
                "subject": data["subject"],
                "body": message_services.email_body(body=data["body"], report=report),
            }
        else:
            try:
                message_send_or_change(request, report, data)
            except ReportRuleError as error:
                rule_error_to_form(form, error)
            else:
                return redirect(context["next"])
    if previewing and request.headers.get("HX-Request"):
        return render(request, "reports/messages/_preview.html", context)
    return render(request, "reports/messages/compose.html", context)


def message_send_or_change(request: HttpRequest, report: Report, data: dict) -> None:
    """Send only the message, or change the status with it (the status service sends it)."""
    message = {"subject": data["subject"], "body": data["body"]}
    if data["to_status"] == report.status:
        message_services.message_send(
            report=report, actor=request.user, to_duplicates=True, **message
        )
        messages.success(request, _("Het bericht is verstuurd."))
        return
    if not request.user.has_perm("reports.change_report"):
        raise PermissionDenied
    if not message_services.reporter_email(report):
        raise message_services.no_email_error()
    from openhandhaving.reports.services import report_status_change

    report_status_change(
        report=report,
        to_status=data["to_status"],
        actor=request.user,
        text=data["body"],
        expected_version=data.get("version") or report.version,
        message=message,
    )
    messages.success(
        request,
        _("Het bericht is verstuurd en de status is nu „%(status)s”.")
        % {"status": Status(data["to_status"]).label},
    )


@login_required
@require_POST
@permission_required("reports.add_outgoingmessage", raise_exception=True)
def message_resend(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(OutgoingMessage.objects.select_related("report"), pk=pk)
    try:
        message_services.message_resend(message=message, actor=request.user)
    except ReportRuleError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Het bericht staat weer in de wachtrij om verstuurd te worden.")
        )
    return redirect(next_url(request, message.report))


def link_form_page(
    request: HttpRequest, number: str, *, form_class, template: str, send
) -> HttpResponse:
    report = report_get(number)
    form = form_class(
        request.POST if request.method == "POST" else None, initial={"version": report.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            send(report, form.cleaned_data)
        except ReportRuleError as error:
            rule_error_to_form(form, error)
        else:
            return redirect(next_url(request, report))
    return render(
        request,
        template,
        {
            "report": report,
            "form": form,
            "next": next_url(request, report),
            "has_email": bool(message_services.reporter_email(report)),
        },
    )


@login_required
@permission_required(["reports.change_report", "reports.add_outgoingmessage"], raise_exception=True)
def ask_reporter(request: HttpRequest, number: str) -> HttpResponse:
    def send(report: Report, data: dict) -> None:
        link_services.ask_reporter(
            report=report,
            actor=request.user,
            question=data["question"],
            days=data["days"],
            expected_version=data.get("version") or report.version,
        )
        messages.success(request, _("De vraag is verstuurd. De melding wacht nu op de melder."))

    return link_form_page(
        request, number, form_class=AskReporterForm, template="reports/messages/ask.html", send=send
    )


@login_required
@permission_required(["reports.change_report", "reports.add_outgoingmessage"], raise_exception=True)
def forward_external(request: HttpRequest, number: str) -> HttpResponse:
    def send(report: Report, data: dict) -> None:
        link_services.forward_external(
            report=report,
            actor=request.user,
            party=data["party"],
            email=data["email"],
            question=data["question"],
            days=data["days"],
            expected_version=data.get("version") or report.version,
        )
        messages.success(
            request, _("De melding is doorgezet naar %(party)s.") % {"party": data["party"]}
        )

    return link_form_page(
        request,
        number,
        form_class=ForwardExternalForm,
        template="reports/messages/forward.html",
        send=send,
    )


@login_required
@permission_required("reports.view_outgoingmessage", raise_exception=True)
def outbox_view(request: HttpRequest, failed_only: bool = False) -> HttpResponse:
    """Every e-mail the system sends, newest first; "Mislukte berichten" shows the failed ones."""
    if failed_only and not request.user.has_perm("reports.resend_outgoingmessage"):
        raise PermissionDenied
    state = MessageState.FAILED if failed_only else request.GET.get("stand", "")
    if state not in MessageState.values:
        state = ""
    page = Paginator(outbox(state=state), 50).get_page(request.GET.get("pagina"))
    return render(
        request,
        "reports/messages/outbox.html",
        {
            "page": page,
            "state": state,
            "states": MessageState.choices,
            "failed_only": failed_only,
            "query": f"stand={state}" if state and not failed_only else "",
            "can_see_contact": request.user.has_perm("reports.view_reportercontact"),
            "can_resend": request.user.has_perm("reports.add_outgoingmessage"),
            "reporter_audience": MessageAudience.REPORTER,
        },
    )


@login_required
@permission_required("reports.view_standardtext", raise_exception=True)
def standard_text_list(request: HttpRequest) -> HttpResponse:
    texts = StandardText.objects.select_related("category", "category__parent")
    return render(
        request,
        "reports/messages/standard_text_list.html",
        {
            "texts": texts.order_by("status", "category__name", "title"),
            "can_add": request.user.has_perm("reports.add_standardtext"),
            "can_change": request.user.has_perm("reports.change_standardtext"),
        },
    )


@login_required
def standard_text_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    needed = "reports.change_standardtext" if pk else "reports.add_standardtext"
    if not request.user.has_perm(needed):
        raise PermissionDenied
    text = get_object_or_404(StandardText, pk=pk) if pk else None
    form = StandardTextForm(request.POST if request.method == "POST" else None, instance=text)
    if request.method == "POST" and form.is_valid():
        message_services.standard_text_save(text=form.save(commit=False), actor=request.user)
        messages.success(request, _("De standaardtekst is opgeslagen."))
        return redirect("reports:standard_text_list")
    return render(
        request,
        "reports/messages/standard_text_form.html",
        {"form": form, "text": text},
    )
