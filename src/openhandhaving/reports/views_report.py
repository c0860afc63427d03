"""The resident's report form at /melding/: one short step per page, no account, no JavaScript
needed (it helps: address suggestions, GPS, a map pin, questions that appear).

What was filled in is kept in the session (photos, already cleaned, in the storage under
concept/) until the report is sent, so going back or a mistake never loses anything.
Steps: wat → onderwerp → plek → details → contact → controleren → bedankt.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from openhandhaving.areas.selectors import municipality_name
from openhandhaving.core.ratelimits import limited
from openhandhaving.reports.choices import Channel
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.forms_public import (
    UNSURE,
    CategoryForm,
    ContactForm,
    DescribeForm,
    DetailsForm,
    PlaceForm,
)
from openhandhaving.reports.models import Category, Report
from openhandhaving.reports.questions import options_of, questions_of
from openhandhaving.reports.selectors_lookup import address_search, open_reports_near
from openhandhaving.reports.services import report_create
from openhandhaving.reports.services.checks import located
from openhandhaving.reports.services.classifier import category_suggest
from openhandhaving.reports.services.drafts import (
    draft_photo_drop,
    draft_photo_keep,
    draft_photos_gone,
)
from openhandhaving.reports.services.messages import follow_url

SESSION_KEY = "oh_melding"
DONE_KEY = "oh_melding_verstuurd"
MIN_PROBABILITY = 0.05  # alternatives less likely than this are no help to choose from


@dataclass(frozen=True)
class Step:
    name: str
    title: str


STEPS = (
    Step("new", gettext_lazy("Wat wilt u melden?")),
    Step("category", gettext_lazy("Onderwerp")),
    Step("place", gettext_lazy("Waar is het?")),
    Step("details", gettext_lazy("Meer informatie")),
    Step("contact", gettext_lazy("Uw gegevens")),
    Step("check", gettext_lazy("Controleren en versturen")),
)


def _draft(request: HttpRequest) -> dict:
    return request.session.get(SESSION_KEY) or {}


def _save(request: HttpRequest, draft: dict) -> None:
    request.session[SESSION_KEY] = draft
    request.session.modified = True


def _category(draft: dict) -> Category | None:
    if not draft.get("category"):
        return None
    return Category.objects.filter(pk=draft["category"], active=True).first()


def _missing(draft: dict) -> str | None:
    """The first step that still has to be filled in, or None."""
    if not draft.get("text"):
        return "new"
    if "category" not in draft:
        return "category"
    if draft.get("category") and _category(draft) is None:
        return "category"
    if draft.get("lat") is None:
        return "place"
    if "answers" not in draft:
        return "details"
    if "contact" not in draft:
        return "contact"
    return None


def _step_guard(request: HttpRequest, step: str) -> HttpResponse | None:
    """Send the resident back to the first step not done yet, if it comes before this one."""
    names = [s.name for s in STEPS]
    missing = _missing(_draft(request))
    if missing is not None and names.index(missing) < names.index(step):
        return redirect(f"reports_public:{missing}")
    return None


def _page(request: HttpRequest, step: str, template: str, context: dict, status: int = 200):
    names = [s.name for s in STEPS]
    index = names.index(step)
    context.update(
        step=STEPS[index],
        step_number=index + 1,
        step_count=len(STEPS),
        back_url=reverse(f"reports_public:{names[index - 1]}") if index else "",
    )
    return render(request, template, context, status=status)


def _next(request: HttpRequest, step: str) -> HttpResponse:
    """On to the next step; from an edit link on the summary, straight back to the summary."""
    back = request.GET.get("terug") or request.POST.get("terug")
    if back == "controleren" and _missing(_draft(request)) is None:
        return redirect("reports_public:check")
    names = [s.name for s in STEPS]
    return redirect(f"reports_public:{names[names.index(step) + 1]}")


# --- 1. what ------------------------------------------------------------------------------------


@never_cache
def new(request: HttpRequest) -> HttpResponse:
    draft = _draft(request)
    if request.GET.get("opnieuw"):
        _drop_photos(draft)
        draft = {}
    draft.setdefault("started", time.time())
    draft.setdefault("id", secrets.token_hex(8))
    _save(request, draft)
    form = DescribeForm(
        request.POST if request.method == "POST" else None, initial={"text": draft.get("text")}
    )
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            form.add_error("website", _("Laat dit veld leeg. Het is bedoeld om robots te weren."))
        else:
            if draft.get("text") != form.cleaned_data["text"]:
                draft.pop("suggestion", None)
            draft["text"] = form.cleaned_data["text"]
            _save(request, draft)
            return _next(request, "new")
    return _page(request, "new", "reports/resident/new.html", {"form": form})


# --- 2. subject ---------------------------------------------------------------------------------


def _suggestion(draft: dict) -> dict:
    """The category suggestion for the text (computed once per text, kept in the draft)."""
    if "suggestion" not in draft:
        found = category_suggest(draft["text"])
        draft["suggestion"] = {
            "category": found.category.pk if found.category else None,
            "confidence": round(found.confidence, 3),
            "alternatives": [
                [c.pk, round(p, 3)] for c, p in found.alternatives if p >= MIN_PROBABILITY
            ],
        }
    return draft["suggestion"]


@never_cache
def category(request: HttpRequest) -> HttpResponse:
    if guard := _step_guard(request, "category"):
        return guard
    draft = _draft(request)
    suggestion = _suggestion(draft)
    _save(request, draft)
    by_pk = Category.objects.in_bulk([pk for pk, _p in suggestion["alternatives"]])
    quick = [(by_pk[pk], p) for pk, p in suggestion["alternatives"] if pk in by_pk]
    if not suggestion["category"]:
        # Not sure: offer the likely ones and the list, but choose none for the resident.
        initial = {"choice": str(draft["category"]) if draft.get("category") else "other"}
    else:
        initial = {"choice": str(draft.get("category") or suggestion["category"])}
    if "category" in draft and draft["category"] is None:
        initial = {"choice": UNSURE}
    elif draft.get("category") and draft["category"] not in by_pk:
        initial = {"choice": "other", "other": str(draft["category"])}
    form = CategoryForm(
        request.POST if request.method == "POST" else None, suggested=quick, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data["category"]
        if draft.get("category") != (chosen.pk if chosen else None):
            draft.pop("answers", None)  # other questions belong to another subject
        draft["category"] = chosen.pk if chosen else None
        _save(request, draft)
        return _next(request, "category")
    return _page(
        request,
        "category",
        "reports/resident/category.html",
        {"form": form, "sure": bool(suggestion["category"]), "draft": draft},
    )


# --- 3. where -----------------------------------------------------------------------------------


@never_cache
def place(request: HttpRequest) -> HttpResponse:
    if guard := _step_guard(request, "place"):
        return guard
    draft = _draft(request)
    initial = {k: draft.get(k) for k in ("address", "lat", "lon")}
    form = PlaceForm(request.POST if request.method == "POST" else None, initial=initial)
    outside = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            located(data["lat"], data["lon"])
        except ReportRuleError:
            outside = municipality_name()
        else:
            draft.update(address=data["address"], lat=data["lat"], lon=data["lon"])
            _save(request, draft)
            return _next(request, "place")
    return _page(
        request,
        "place",
        "reports/resident/place.html",
        {
            "form": form,
            "outside": outside,
            "map_layers": json.dumps(
                [{"url": reverse("reports_public:outlines"), "kind": "outline"}]
            ),
        },
        status=422 if outside else 200,
    )


@never_cache
@limited("RATE_PUBLIC_READ")
def addresses(request: HttpRequest) -> HttpResponse:
    """Addresses that match what the resident typed (htmx fills them in under the box)."""
    text = request.GET.get("address", "")[:100]
    return render(
        request,
        "reports/includes/address_suggestions.html",
        {"addresses": address_search(text=text, limit=8), "typed": text.strip()},
    )


# --- 4. details: extra questions and photos ----------------------------------------------------


def _drop_photos(draft: dict) -> None:
    for photo in draft.get("photos", []):
        draft_photo_drop(photo["path"])


@never_cache
def details(request: HttpRequest) -> HttpResponse:
    if guard := _step_guard(request, "details"):
        return guard
    draft = _draft(request)
    chosen = _category(draft)
    if request.method == "POST" and request.POST.get("verwijder") is not None:
        index = request.POST.get("verwijder", "")
        photos = draft.get("photos", [])
        if index.isdigit() and int(index) < len(photos):
            draft_photo_drop(photos.pop(int(index))["path"])
            _save(request, draft)
        return redirect("reports_public:details")
    initial = {f"q_{k}": v for k, v in (draft.get("answers") or {}).items()}
    form = DetailsForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        category=chosen,
        photos_kept=len(draft.get("photos", [])),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        draft["answers"] = form.cleaned_data["answers"]
        for upload in form.cleaned_data["photos"]:
            photo = draft_photo_keep(draft_id=draft["id"], upload=upload)
            draft.setdefault("photos", []).append(photo)
        _save(request, draft)
        if not form.stop:
            return _next(request, "details")
    return _page(
        request,
        "details",
        "reports/resident/details.html",
        {"form": form, "category": chosen, "photos": draft.get("photos", [])},
    )


@never_cache
def draft_photo(request: HttpRequest, index: int) -> HttpResponse:
    """A photo of the resident's own draft, for the preview (only in their own session)."""
    photos = _draft(request).get("photos", [])
    if index >= len(photos):
        raise Http404
    photo = photos[index]
    try:
        handle = default_storage.open(photo["path"])
    except OSError as error:  # removed with the abandoned drafts
        raise Http404 from error
    return FileResponse(handle, content_type=photo.get("content_type") or "image/jpeg")


# --- 5. contact ---------------------------------------------------------------------------------


@never_cache
def contact(request: HttpRequest) -> HttpResponse:
    if guard := _step_guard(request, "contact"):
        return guard
    draft = _draft(request)
    form = ContactForm(
        request.POST if request.method == "POST" else None, initial=draft.get("contact")
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        draft["contact"] = {
            "name": data["name"].strip(),
            "email": data["email"],
            "phone": data["phone"],
            "consent": bool(data["consent"]),
        }
        _save(request, draft)
        return _next(request, "contact")
    return _page(request, "contact", "reports/resident/contact.html", {"form": form})


# --- 6. check and send --------------------------------------------------------------------------


def _answer_rows(category: Category | None, answers: dict) -> list[tuple[str, str]]:
    rows = []
    for question in questions_of(category):
        value = answers.get(question["key"])
        if value in (None, "", []):
            continue
        labels = {o["value"]: o["label"] for o in options_of(question)}
        values = value if isinstance(value, list) else [value]
        rows.append(
            (question.get("label") or question["key"], ", ".join(labels.get(v, v) for v in values))
        )
    return rows


def _nearby(draft: dict, chosen: Category | None) -> list[tuple[Report, float]]:
    if chosen is None or chosen.is_sensitive:
        return []  # sensitive subjects: not even "someone reported this here"
    return open_reports_near(category=chosen, lat=draft["lat"], lon=draft["lon"])


def _category_note(draft: dict, chosen: Category | None) -> str:
    suggestion = draft.get("suggestion") or {}
    suggested = Category.objects.filter(pk=suggestion.get("category")).first()
    percent = round(100 * (suggestion.get("confidence") or 0))
    if chosen is None:
        return f"De melder wist het onderwerp niet (voorstel {percent} % zeker)."
    if suggested is None:
        return f"De melder koos zelf ‘{chosen.name}’ (geen zeker voorstel, {percent} %)."
    if suggested.pk == chosen.pk:
        return f"De melder bevestigde het voorstel ‘{chosen.name}’ ({percent} % zeker)."
    return (
        f"De melder koos ‘{chosen.name}’ in plaats van het voorstel ‘{suggested.name}’ "
        f"({percent} % zeker)."
    )


def _unsure_category(draft: dict) -> Category | None:
    """The category a report gets when the resident does not know: the model's best guess if
    there is one, else the configured catch-all ("Overig")."""
    alternatives = (draft.get("suggestion") or {}).get("alternatives") or []
    if alternatives:
        best = Category.objects.filter(pk=alternatives[0][0], active=True).first()
        if best is not None:
            return best
    return Category.objects.filter(slug=settings.REPORTS_UNSURE_CATEGORY, active=True).first()


def _send(draft: dict, *, follow: Report | None) -> Report:
    chosen = _category(draft)
    given = draft["contact"]
    reason = ""
    if chosen is None:
        chosen = _unsure_category(draft)
        reason = (
            "naar de coördinatoren: de melder wist het onderwerp niet en het voorstel was niet "
            "zeker genoeg; kies de categorie"
        )
    if chosen is None:
        raise ReportRuleError(_("Kies een onderwerp."), field="category")
    files = [
        File(default_storage.open(photo["path"]), name=photo["name"] or photo["path"])
        for photo in draft.get("photos", [])
    ]
    try:
        report = report_create(
            text=draft["text"],
            category=chosen,
            lat=draft["lat"],
            lon=draft["lon"],
            address=draft.get("address") or "",
            channel=Channel.WEB,
            answers=draft.get("answers") or {},
            contact=(
                {
                    "name": given["name"],
                    "email": given["email"],
                    "phone": given["phone"],
                    "may_contact": given["consent"],
                }
                if given.get("consent")
                else None
            ),
            photos=files,
            to_coordinators=reason,
            category_note=_category_note(draft, _category(draft)),
        )
    finally:
        for file in files:
            file.close()
    if follow is not None:
        from openhandhaving.reports.services.relations import report_link_duplicate

        report_link_duplicate(
            report=report,
            main=follow,
            actor=None,
            text="De melder koos bij het melden ‘volg deze melding’.",
        )
    return report


@never_cache
@limited("RATE_PUBLIC_POST", method="POST")
def check(request: HttpRequest) -> HttpResponse:
    if guard := _step_guard(request, "check"):
        return guard
    draft = _draft(request)
    chosen = _category(draft)
    nearby = _nearby(draft, chosen)
    problem = ""
    if request.method == "POST":
        follow = None
        if number := request.POST.get("volg"):
            follow = next((r for r, _d in nearby if r.number == number), None)
        too_fast = time.time() - draft.get("started", 0) < settings.REPORTS_PUBLIC_MIN_SECONDS
        gone = draft_photos_gone(draft.get("photos", []))
        if gone:
            draft["photos"] = [p for p in draft["photos"] if p not in gone]
            _save(request, draft)
            problem = _(
                "Uw foto’s zijn niet meer bewaard, omdat het formulier lang open stond. Voeg ze "
                "opnieuw toe bij ‘Wijzig antwoorden of foto’s’, of verstuur de melding zonder."
            )
        elif number and follow is None:
            problem = _("Die melding is inmiddels afgesloten. Verstuur uw melding als nieuwe.")
        elif too_fast:
            problem = _(
                "Dat ging erg snel. Kijk uw melding nog even na en verstuur hem dan opnieuw."
            )
            draft["started"] = 0  # a person who presses again gets through
            _save(request, draft)
        else:
            try:
                report = _send(draft, follow=follow)
            except ReportRuleError as error:
                problem = error.message
            else:
                _drop_photos(draft)
                request.session.pop(SESSION_KEY, None)
                request.session[DONE_KEY] = {
                    "report": report.pk,
                    "followed": follow.number if follow else "",
                }
                return redirect("reports_public:done")
    return _page(
        request,
        "check",
        "reports/resident/check.html",
        {
            "draft": draft,
            "category": chosen,
            "answers": _answer_rows(chosen, draft.get("answers") or {}),
            "nearby": nearby,
            "problem": problem,
        },
        status=400 if problem else 200,
    )


# --- 7. thanks ----------------------------------------------------------------------------------


@never_cache
def done(request: HttpRequest) -> HttpResponse:
    sent = request.session.get(DONE_KEY)
    report = Report.objects.select_related("category").filter(pk=(sent or {}).get("report")).first()
    if report is None:
        return redirect("reports_public:new")
    return render(
        request,
        "reports/resident/done.html",
        {
            "report": report,
            "followed": sent.get("followed"),
            "follow_link": follow_url(report),
            "has_email": bool(report.contact.email) if hasattr(report, "contact") else False,
        },
    )
