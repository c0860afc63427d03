"""Public pages behind a link, no login: the reporter answers a question, an external party replies.

An unknown link gives 404, a used or expired one 410, both as a friendly page: never a 500.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from openhandhaving.core.ratelimits import limited
from openhandhaving.core.services import origin_of
from openhandhaving.reports.choices import LinkPurpose
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.forms_messages import ExternalAnswerForm, ReporterAnswerForm
from openhandhaving.reports.models import Attachment, ReportLink
from openhandhaving.reports.selectors_messages import link_lookup
from openhandhaving.reports.services.links import link_answer_external, link_answer_reporter

PROBLEM_STATUS = {"unknown": 404, "expired": 410, "answered": 410}


def problem_page(request: HttpRequest, problem: str, link: ReportLink | None) -> HttpResponse:
    return render(
        request,
        "reports/links/problem.html",
        {"problem": problem, "link": link},
        status=PROBLEM_STATUS.get(problem, 410),
    )


def _rule_error(form, error: ReportRuleError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@never_cache
@limited("RATE_PUBLIC_POST", method="POST")
def reporter_answer(request: HttpRequest, token: str) -> HttpResponse:
    """The reporter's answer to a question of the handler. Shows only the question."""
    link, problem = link_lookup(token=token, purpose=LinkPurpose.ASK_REPORTER)
    if problem:
        return problem_page(request, problem, link)
    form = ReporterAnswerForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            link_answer_reporter(
                link=link,
                answer=form.cleaned_data["answer"],
                photo=form.cleaned_data.get("photo"),
                origin=origin_of(request),
            )
        except ReportRuleError as error:
            _rule_error(form, error)
        else:
            return render(request, "reports/links/thanks.html", {"link": link})
    return render(request, "reports/links/answer.html", {"link": link, "form": form})


@never_cache
@limited("RATE_PUBLIC_POST", method="POST")
def external_answer(request: HttpRequest, token: str) -> HttpResponse:
    """An external party's page: the report without the reporter's personal data, and a reply."""
    link, problem = link_lookup(token=token, purpose=LinkPurpose.EXTERNAL)
    if problem:
        return problem_page(request, problem, link)
    form = ExternalAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            link_answer_external(
                link=link,
                answer=form.cleaned_data["answer"],
                solved=form.cleaned_data["solved"] == "ja",
                origin=origin_of(request),
            )
        except ReportRuleError as error:
            _rule_error(form, error)
        else:
            return render(request, "reports/links/thanks.html", {"link": link})
    report = link.report
    photos = Attachment.objects.filter(report=report, content_type__startswith="image/")
    return render(
        request,
        "reports/links/external.html",
        {
            "link": link,
            "token": token,
            "report": report,
            "photos": photos.order_by("created_at"),
            "form": form,
        },
    )


@never_cache
def external_photo(request: HttpRequest, token: str, pk: int) -> FileResponse:
    """A photo of the report, only while the external party's link is open."""
    link, problem = link_lookup(token=token, purpose=LinkPurpose.EXTERNAL)
    if problem:
        raise Http404
    photo = get_object_or_404(
        Attachment, pk=pk, report=link.report, content_type__startswith="image/"
    )
    response = FileResponse(photo.file.open("rb"), content_type=photo.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
