"""The internal intake form (KCC and staff) with its address suggestions and extra questions."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.forms_intake import PRIVACY, IntakeForm
from openhandhaving.reports.selectors import routing_reason
from openhandhaving.reports.selectors_lookup import address_search
from openhandhaving.reports.services import report_create

# report_create's field names where they differ from the form's.
SERVICE_FIELDS = {
    "photos": "photos",
    "upload": "photos",
    "location": "address",
    "name": "contact_name",
    "email": "contact_email",
    "phone": "contact_phone",
}


def intake_map_layers() -> str:
    return json.dumps([{"url": reverse("areas:district_geojson"), "kind": "outline"}])


@login_required
@permission_required("reports.add_report", raise_exception=True)
def create(request: HttpRequest) -> HttpResponse:
    form = IntakeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = report_create(
                text=data["text"].strip(),
                category=data["category"],
                lat=data["lat"],
                lon=data["lon"],
                channel=data["channel"],
                address=data["address"],
                answers=form.answers(),
                priority=data["priority"],
                contact=form.contact(),
                created_by=request.user,
                photos=data["photos"],
            )
        except ReportRuleError as error:
            name = SERVICE_FIELDS.get(error.field or "", error.field)
            form.add_error(name if name in form.fields else None, error.message)
        else:
            who = report.owner or (report.owner_team and f"team {report.owner_team}")
            text = _("Melding %(number)s is aangemaakt en staat bij %(who)s.") % {
                "number": report.number,
                "who": who or _("de coördinatoren (grote bak)"),
            }
            decision = getattr(report, "_routing", None)
            if reason := (decision.reason if decision else routing_reason(report=report)):
                text = f"{text} {reason}"
            messages.success(request, text)
            return redirect("reports:detail", number=report.number)
    return render(
        request,
        "reports/intake.html",
        {"form": form, "privacy": PRIVACY, "map_layers": intake_map_layers()},
    )


@login_required
@permission_required("reports.add_report", raise_exception=True)
def intake_questions(request: HttpRequest) -> HttpResponse:
    """The extra questions of the chosen category (htmx swaps them into the form)."""
    form = IntakeForm(initial={"category": request.GET.get("category", "")})
    return render(request, "reports/includes/intake_questions.html", {"form": form})


@login_required
@permission_required("reports.add_report", raise_exception=True)
def address_suggestions(request: HttpRequest) -> HttpResponse:
    """Addresses that match what was typed: HTML for the form, JSON with ?format=json."""
    text = request.GET.get("address", request.GET.get("q", ""))[:100]
    addresses = address_search(text=text)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "results": [
                    {"id": a.pk, "label": str(a), "lat": a.lat, "lon": a.lon} for a in addresses
                ]
            }
        )
    return render(
        request,
        "reports/includes/address_suggestions.html",
        {"addresses": addresses, "typed": text.strip()},
    )
