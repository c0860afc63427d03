"""The routing simulator: administrators test their rules on a place, a category and a moment."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.forms import StyledForm
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.labels import user_label
from openhandhaving.reports.models import Category, RoutingRule
from openhandhaving.reports.routing_explain import routing_explain
from openhandhaving.reports.selectors import address_search
from openhandhaving.team.choices import Weekday

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class SimulatorForm(StyledForm):
    address = forms.CharField(
        label=_("Adres"),
        required=False,
        max_length=200,
        help_text=_(
            "Straat en huisnummer, of postcode en huisnummer. Of vul hieronder de plek in."
        ),
    )
    lat = forms.FloatField(
        label=_("Breedtegraad"),
        required=False,
        help_text=_("Bijvoorbeeld 52.3812"),
        error_messages={"invalid": _("Vul een getal in, zoals 52.3812.")},
    )
    lon = forms.FloatField(
        label=_("Lengtegraad"),
        required=False,
        help_text=_("Bijvoorbeeld 4.6368"),
        error_messages={"invalid": _("Vul een getal in, zoals 4.6368.")},
    )
    category = forms.ModelChoiceField(
        label=_("Categorie"),
        queryset=Category.objects.select_related("parent").order_by("order", "name"),
        error_messages={"required": _("Kies een categorie.")},
    )
    date = forms.DateField(
        label=_("Datum"), widget=DATE, error_messages={"required": _("Kies een datum.")}
    )
    time = forms.TimeField(
        label=_("Tijd"), widget=TIME, error_messages={"required": _("Kies een tijd.")}
    )

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if self.has_error("lat") or self.has_error("lon"):
            return cleaned
        if lat is not None and lon is not None:
            return cleaned
        if (lat is None) != (lon is None):
            self.add_error(
                "lon" if lon is None else "lat", _("Vul zowel breedte- als lengtegraad in.")
            )
            return cleaned
        text = cleaned.get("address", "")
        if not text:
            self.add_error("address", _("Vul een adres in, of breedte- en lengtegraad."))
            return cleaned
        matches = address_search(text=text, limit=6)
        if not matches:
            self.add_error("address", _("Dit adres vinden we niet in de gemeente."))
        elif len(matches) > 1:
            names = "; ".join(str(a) for a in matches[:5])
            self.add_error(
                "address",
                _("Er zijn meer adressen zo: %(names)s. Maak het adres preciezer.")
                % {"names": names},
            )
        else:
            cleaned["lat"], cleaned["lon"] = matches[0].lat, matches[0].lon
            cleaned["found_address"] = str(matches[0])
        return cleaned

    def moment(self) -> dt.datetime:
        naive = dt.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        return naive.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _window(rule: RoutingRule) -> str:
    if rule.time_from is None and rule.time_until is None:
        return ""
    start = f"{rule.time_from:%H:%M}" if rule.time_from else "00:00"
    end = f"{rule.time_until:%H:%M}" if rule.time_until else "24:00"
    return f"{start}–{end}"


def rule_row(rule: RoutingRule) -> dict:
    """A rule in words, for the table under the simulator."""
    conditions = []
    if categories := [str(c) for c in rule.categories.all()]:
        conditions.append(_("categorie: %(list)s") % {"list": ", ".join(categories)})
    if districts := [d.name for d in rule.districts.all()]:
        conditions.append(_("wijk: %(list)s") % {"list": ", ".join(districts)})
    if rule.weekdays:
        days = ", ".join(str(Weekday(int(d)).label) for d in sorted(rule.weekdays))
        conditions.append(_("dagen: %(list)s") % {"list": days})
    if window := _window(rule):
        conditions.append(_("tijd: %(window)s") % {"window": window})
    for key, value in (rule.answers or {}).items():
        conditions.append(_("antwoord %(key)s = %(value)s") % {"key": key, "value": value})
    if rule.target_user_id:
        target = user_label(rule.target_user)
    elif rule.target_team_id:
        target = _("team %(name)s") % {"name": rule.target_team.name}
    else:
        target = _("de wijk beslist")
    return {"rule": rule, "conditions": conditions, "target": target}


@login_required
@permission_required("reports.view_routingrule", raise_exception=True)
def simulator(request: HttpRequest) -> HttpResponse:
    """Where would a report go? Nothing is stored; the answer is what routing would write."""
    now = timezone.localtime()
    asked = "category" in request.GET
    form = SimulatorForm(
        request.GET if asked else None,
        initial={"date": now.date(), "time": now.time().replace(second=0, microsecond=0)},
    )
    explanation = None
    if asked and form.is_valid():
        try:
            explanation = routing_explain(
                lat=form.cleaned_data["lat"],
                lon=form.cleaned_data["lon"],
                category=form.cleaned_data["category"],
                at=form.moment(),
            )
        except ReportRuleError as error:
            form.add_error("address" if form.cleaned_data.get("address") else "lat", error.message)
    rules = (
        RoutingRule.objects.select_related("target_team", "target_user")
        .prefetch_related("categories", "districts")
        .order_by("order", "id")
    )
    return render(
        request,
        "reports/routing_simulator.html",
        {
            "form": form,
            "explanation": explanation,
            "found_address": form.cleaned_data.get("found_address", "") if explanation else "",
            "rules": [rule_row(rule) for rule in rules],
            "can_change_rules": request.user.has_perm("reports.change_routingrule"),
            "threshold": getattr(settings, "REPORTS_ROUTING_LEARN_THRESHOLD", 3),
        },
    )
