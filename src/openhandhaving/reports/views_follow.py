"""The reporter's follow page behind a private link (no account): status in plain words, the
e-mails sent, an open question to answer, photos to add, and the satisfaction question.

An unknown link gives 404, an expired one 410, both as a friendly page; junk never gives a 500.
Each form posts to its own address and, when it worked, comes back to the page (POST-redirect-
GET) with a short thank-you; a mistake shows the page again with the typed text kept.
"""

from __future__ import annotations

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from openhandhaving.core.ratelimits import limited
from openhandhaving.core.services import origin_of
from openhandhaving.reports.choices import END_STATES
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.forms_follow import (
    FollowAnswerForm,
    FollowPhotoForm,
    SatisfactionForm,
)
from openhandhaving.reports.models import Report
from openhandhaving.reports.selectors_follow import (
    follow_lookup,
    follow_messages,
    follow_open_question,
    follow_report,
    follow_valid_until,
    report_feedback,
    reporter_photos,
    status_words,
)
from openhandhaving.reports.services.follow import (
    MAX_REPORTER_PHOTOS,
    follow_answer,
    follow_feedback_give,
    follow_photo_add,
)

PROBLEM_STATUS = {"unknown": 404, "expired": 410}
# ?ontvangen=... after a form worked: the thank-you shown at the top of the page.
RECEIVED = {
    "antwoord": "answer",
    "foto": "photo",
    "tevredenheid": "feedback",
}


def problem_page(request: HttpRequest, problem: str, report: Report | None) -> HttpResponse:
    return render(
        request,
        "reports/follow/problem.html",
        {"problem": problem, "report": report},
        status=PROBLEM_STATUS.get(problem, 404),
    )


def _page_url(token: str, received: str = "") -> str:
    url = reverse("reports_public:follow", kwargs={"token": token})
    return f"{url}?ontvangen={received}" if received else url


def _rule_error(form, error: ReportRuleError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _answer_form_for(form: FollowAnswerForm, question) -> FollowAnswerForm:
    """The posted answer form, pointed at the question the page shows now: when the question
    the reporter answered was replaced meanwhile, the typed text stays for the new one."""
    if str(form["question"].value()) == str(question.pk):
        return form
    data = form.data.copy()
    data[form.add_prefix("question")] = str(question.pk)
    rebound = FollowAnswerForm(data)
    rebound.is_valid()
    for error in form.non_field_errors():
        rebound.add_error(None, error)
    return rebound


def follow_page(request: HttpRequest, token: str, report: Report, **bound) -> HttpResponse:
    """The page; `bound` holds the form that was posted, with its errors and the typed text."""
    now = timezone.now()
    shown = follow_report(report)
    heading, sentence = status_words(shown.status)
    closed = shown.status in END_STATES
    question = follow_open_question(report=report, now=now)
    feedback = report_feedback(report=report)
    photos = list(reporter_photos(report=report))
    answer_form = bound.get("answer_form")
    if answer_form is None and question is not None:
        answer_form = FollowAnswerForm(initial={"question": question.pk})
    elif answer_form is not None and question is not None:
        answer_form = _answer_form_for(answer_form, question)
    received = request.GET.get("ontvangen", "")
    return render(
        request,
        "reports/follow/page.html",
        {
            "token": token,
            "report": report,
            "category_name": report.category.public_name or report.category.name,
            "merged_into": shown if shown.pk != report.pk else None,
            "status_heading": heading,
            "status_sentence": sentence,
            "shown_status": shown.status,
            "is_closed": closed,
            "deadline": None if closed or shown.pk != report.pk else report.deadline,
            "valid_until": follow_valid_until(report),
            "question": question,
            "answer_form": answer_form,
            "photos": photos,
            "photo_form": bound.get("photo_form") or FollowPhotoForm(),
            "can_add_photo": report.status not in END_STATES and len(photos) < MAX_REPORTER_PHOTOS,
            "photos_closed": report.status in END_STATES,
            "max_photos": MAX_REPORTER_PHOTOS,
            "feedback": feedback,
            "feedback_form": bound.get("feedback_form")
            or (SatisfactionForm() if closed and feedback is None else None),
            "sent_messages": follow_messages(report=report),
            "received": RECEIVED.get(received, ""),
        },
    )


def _lookup_or_problem(request: HttpRequest, token: str):
    report, problem = follow_lookup(token=token)
    if problem:
        return None, problem_page(request, problem, report)
    return report, None


@never_cache
@limited("RATE_PUBLIC_READ", method="GET")
def follow(request: HttpRequest, token: str) -> HttpResponse:
    report, problem = _lookup_or_problem(request, token)
    if problem is not None:
        return problem
    return follow_page(request, token, report)


def _post(request, token: str, *, form_class, save, anchor: str, form_name: str):
    """One of the page's forms sent: on success back to the page at `anchor`; on a mistake the
    page again with the form, its message and what was typed."""
    report, problem = _lookup_or_problem(request, token)
    if problem is not None:
        return problem
    if request.method != "POST":
        return HttpResponseRedirect(_page_url(token))
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            save(report, form.cleaned_data, origin_of(request))
        except ReportRuleError as error:
            _rule_error(form, error)
        else:
            return HttpResponseRedirect(_page_url(token, anchor))
    return follow_page(request, token, report, **{form_name: form})


@never_cache
@limited("RATE_PUBLIC_POST", method="POST")
def follow_answer_post(request: HttpRequest, token: str) -> HttpResponse:
    """The answer to the handler's open question."""
    return _post(
        request,
        token,
        form_class=FollowAnswerForm,
        save=lambda report, data, origin: follow_answer(
            report=report,
            link_id=data["question"],
            answer=data["answer"],
            photo=data.get("photo"),
            origin=origin,
        ),
        anchor="antwoord",
        form_name="answer_form",
    )


@never_cache
@limited("RATE_PUBLIC_POST", method="POST")
def follow_photo_post(request: HttpRequest, token: str) -> HttpResponse:
    """A photo from the reporter while the report is open."""
    return _post(
        request,
        token,
        form_class=FollowPhotoForm,
        save=lambda report, data, origin: follow_photo_add(
            report=report, upload=data["photo"], origin=origin
        ),
        anchor="foto",
        form_name="photo_form",
    )


@never_cache
@limited("RATE_PUBLIC_POST", method="POST")
def follow_feedback_post(request: HttpRequest, token: str) -> HttpResponse:
    """The answer to the satisfaction question, after closing."""
    return _post(
        request,
        token,
        form_class=SatisfactionForm,
        save=lambda report, data, origin: follow_feedback_give(
            report=report, answer=data["answer"], text=data["text"], origin=origin
        ),
        anchor="tevredenheid",
        form_name="feedback_form",
    )


@never_cache
def follow_photo(request: HttpRequest, token: str, pk: int) -> FileResponse:
    """One of the reporter's own photos, only while the follow link works."""
    report, problem = follow_lookup(token=token)
    if problem:
        raise Http404(_("Deze link kennen we niet."))
    photo = get_object_or_404(reporter_photos(report=report), pk=pk)
    try:
        handle = photo.file.open("rb")
    except OSError as error:  # the file left the storage (retention, a restore): no 500
        raise Http404(_("Deze foto is er niet meer.")) from error
    response = FileResponse(handle, content_type=photo.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
