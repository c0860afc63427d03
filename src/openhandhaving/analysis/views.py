"""Analyst pages: overview, hotspots with hot times, next week's forecast, trends, interventions."""

from __future__ import annotations

import json
import math

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from openhandhaving.analysis import selectors, services
from openhandhaving.analysis.choices import ResultKind
from openhandhaving.analysis.forms import CategoryChoiceForm, InterventionForm
from openhandhaving.reports.models import Report

VIEW = "analysis.view_analysisresult"
RUN_INLINE_MAX = 100_000  # more reports than this: "Nu berekenen" enqueues the nightly task

# Map colours (static/js/map.js layer styles): darker is more urgent; the table says the same.
BANDS = (
    (3, {"color": "#7f1d0e", "fillColor": "#a3231a", "fillOpacity": 0.65, "weight": 1}),
    (10, {"color": "#8a3b00", "fillColor": "#d26b00", "fillOpacity": 0.55, "weight": 1}),
    (None, {"color": "#8a5a00", "fillColor": "#f0b400", "fillOpacity": 0.45, "weight": 1}),
)


def _day_names() -> list[str]:
    return [
        _("maandag"),
        _("dinsdag"),
        _("woensdag"),
        _("donderdag"),
        _("vrijdag"),
        _("zaterdag"),
        _("zondag"),
    ]


def _banded_layers(features: list[dict], rank_of) -> str:
    """The data-layers of static/js/map.js: wijk outlines, then one layer per colour band."""
    layers = [
        {
            "url": reverse("areas:district_geojson"),
            "style": {"color": "#154273", "weight": 1.5, "fillOpacity": 0.03},
            "tooltip": False,
        }
    ]
    lower = 0
    for upper, style in BANDS:
        chosen = [
            f for f in features if rank_of(f) > lower and (upper is None or rank_of(f) <= upper)
        ]
        if chosen:
            layers.append(
                {"data": {"type": "FeatureCollection", "features": chosen}, "style": style}
            )
        lower = upper or lower
    return json.dumps(layers)


def _category_choice(request: HttpRequest, kind: str) -> tuple[CategoryChoiceForm, str]:
    form = CategoryChoiceForm(
        request.GET or None, categories=selectors.result_categories(kind=kind)
    )
    category = form.cleaned_data["categorie"] if form.is_valid() else ""
    return form, category


def heat_rows(profile: list[list[int]]) -> list[dict]:
    """Rows of the hot-times grid: day name and (count, intensity level 0–5) per hour."""
    top = max((max(row) for row in profile), default=0)
    names = _day_names()
    rows = []
    for day, row in enumerate(profile):
        cells = [(count, math.ceil(5 * count / top) if top and count else 0) for count in row]
        rows.append({"day": names[day], "cells": cells, "total": sum(row)})
    return rows


@login_required
@permission_required(VIEW, raise_exception=True)
def overview(request: HttpRequest) -> HttpResponse:
    hotspots = selectors.result_latest(kind=ResultKind.HOTSPOTS)
    trends = selectors.result_latest(kind=ResultKind.TRENDS)
    return render(
        request,
        "analysis/overview.html",
        {
            "last_run": selectors.last_run_at(),
            "hotspots": hotspots,
            "top_hotspots": hotspots.data["hotspots"][:5] if hotspots else [],
            "per_category": selectors.hotspot_per_category(),
            "trends": trends,
            "signals": selectors.named_signals(trends.data["signals"][:5]) if trends else [],
            "can_run": request.user.has_perm("analysis.run_analysis"),
        },
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def hotspots(request: HttpRequest) -> HttpResponse:
    form, category = _category_choice(request, ResultKind.HOTSPOTS)
    result = selectors.result_latest(kind=ResultKind.HOTSPOTS, category=category)
    spots = result.data["hotspots"] if result else []
    features = [
        {
            "type": "Feature",
            "geometry": spot["geometry"],
            "properties": {
                "rank": spot["id"],
                "name": _("%(rank)s. %(place)s: %(count)s meldingen")
                % {
                    "rank": spot["id"],
                    "place": spot["place"] or spot["district"],
                    "count": spot["count"],
                },
            },
        }
        for spot in spots
    ]
    return render(
        request,
        "analysis/hotspots.html",
        {
            "form": form,
            "category": category,
            "category_name": selectors.category_names().get(category, ""),
            "result": result,
            "hotspots": spots,
            "map_layers": _banded_layers(features, lambda f: f["properties"]["rank"]),
            "can_run": request.user.has_perm("analysis.run_analysis"),
        },
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def hotspot_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    result = selectors.result_get(pk=pk, kind=ResultKind.HOTSPOTS)
    spot = next((s for s in result.data["hotspots"] if s["id"] == number), None) if result else None
    if spot is None:
        raise Http404
    return render(
        request,
        "analysis/hotspot_detail.html",
        {
            "result": result,
            "spot": spot,
            "category_name": selectors.category_names().get(result.category, ""),
            "rows": heat_rows(spot["profile"]),
            "hours": [f"{hour:02d}" for hour in range(24)],
            "map_layers": _banded_layers(
                [{"type": "Feature", "geometry": spot["geometry"], "properties": {"rank": 1}}],
                lambda f: 1,
            ),
        },
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def forecast(request: HttpRequest) -> HttpResponse:
    form, category = _category_choice(request, ResultKind.FORECAST)
    result = selectors.result_latest(kind=ResultKind.FORECAST, category=category)
    features = []
    for feature in result.data["features"] if result else []:
        props = feature["properties"]
        label = _("Plaats %(rank)s: %(place)s") % {
            "rank": props["rank"],
            "place": props["place"] or props["district"] or "-",
        }
        features.append({**feature, "properties": {**props, "name": label}})
    return render(
        request,
        "analysis/forecast.html",
        {
            "form": form,
            "category": category,
            "category_name": selectors.category_names().get(category, ""),
            "result": result,
            "cells": [f["properties"] for f in features],
            "map_layers": _banded_layers(features, lambda f: f["properties"]["rank"]),
            "can_run": request.user.has_perm("analysis.run_analysis"),
        },
    )


@login_required
@permission_required(VIEW, raise_exception=True)
def trends(request: HttpRequest) -> HttpResponse:
    result = selectors.result_latest(kind=ResultKind.TRENDS)
    return render(
        request,
        "analysis/trends.html",
        {
            "result": result,
            "signals": selectors.named_signals(result.data["signals"]) if result else [],
            "can_run": request.user.has_perm("analysis.run_analysis"),
        },
    )


def _signed(value: float) -> str:
    number = round(value)
    return f"−{abs(number)}" if number < 0 else str(number)


def effect_text(measured: services.MeasuredEffect) -> dict:
    """The effect in plain Dutch (sentence, caution) or why it cannot be measured yet."""
    if measured.problem == services.NOT_STARTED:
        return {"problem": _("De interventie is nog niet begonnen; er is nog niets te meten.")}
    if measured.problem == services.TOO_SHORT:
        return {
            "problem": _("De interventie loopt korter dan een week; meten kan na de eerste week.")
        }
    if measured.problem:
        return {"problem": measured.problem}
    effect = measured.effect
    values = {
        "weeks": effect.weeks_after,
        "pct": abs(round(effect.change_pct)),
        "low": _signed(effect.low_pct),
        "high": _signed(effect.high_pct),
    }
    if round(effect.change_pct) < 0:
        sentence = ngettext(
            "In de week na de start daalde het aantal meldingen met %(pct)s %% (95 %%-interval "
            "%(low)s %% tot %(high)s %%) vergeleken met vergelijkbare wijken.",
            "In de %(weeks)s weken na de start daalde het aantal meldingen met %(pct)s %% "
            "(95 %%-interval %(low)s %% tot %(high)s %%) vergeleken met vergelijkbare wijken.",
            effect.weeks_after,
        )
    elif round(effect.change_pct) > 0:
        sentence = ngettext(
            "In de week na de start steeg het aantal meldingen met %(pct)s %% (95 %%-interval "
            "%(low)s %% tot %(high)s %%) vergeleken met vergelijkbare wijken.",
            "In de %(weeks)s weken na de start steeg het aantal meldingen met %(pct)s %% "
            "(95 %%-interval %(low)s %% tot %(high)s %%) vergeleken met vergelijkbare wijken.",
            effect.weeks_after,
        )
    else:
        sentence = ngettext(
            "In de week na de start bleef het aantal meldingen gelijk (95 %%-interval %(low)s %% "
            "tot %(high)s %%) vergeleken met vergelijkbare wijken.",
            "In de %(weeks)s weken na de start bleef het aantal meldingen gelijk (95 %%-interval "
            "%(low)s %% tot %(high)s %%) vergeleken met vergelijkbare wijken.",
            effect.weeks_after,
        )
    caution = ""
    if effect.low_pct < 0 < effect.high_pct:
        caution = _(
            "Het interval loopt van een daling tot een stijging: het verschil kan toeval zijn."
        )
    return {
        "sentence": sentence % values,
        "caution": caution,
        "effect": effect,
        "measured": measured,
    }


@login_required
@permission_required("analysis.view_intervention", raise_exception=True)
def interventions(request: HttpRequest) -> HttpResponse:
    can_add = request.user.has_perm("analysis.add_intervention")
    form = InterventionForm()
    if request.method == "POST":
        if not can_add:
            raise PermissionDenied
        form = InterventionForm(request.POST)
        if form.is_valid():
            intervention = services.intervention_save(actor=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("Interventie ‘%(name)s’ is vastgelegd.") % {"name": intervention.name},
            )
            return redirect("analysis:interventions")
    listed = [
        {
            "intervention": item,
            **effect_text(services.intervention_effect_measure(intervention=item)),
        }
        for item in selectors.intervention_list()[:20]
    ]
    return render(
        request,
        "analysis/interventions.html",
        {
            "form": form,
            "interventions": listed,
            "can_add": can_add,
            "can_change": request.user.has_perm("analysis.change_intervention"),
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@permission_required("analysis.change_intervention", raise_exception=True)
def intervention_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an intervention (a later end date, a better name); the effect follows."""
    intervention = selectors.intervention_list().filter(pk=pk).first()
    if intervention is None:
        raise Http404(_("Deze interventie bestaat niet (meer)."))
    form = InterventionForm(request.POST or None, instance=intervention)
    if request.method == "POST" and form.is_valid():
        services.intervention_save(
            actor=request.user, intervention=intervention, **form.cleaned_data
        )
        messages.success(
            request, _("Interventie ‘%(name)s’ is gewijzigd.") % {"name": intervention.name}
        )
        return redirect("analysis:interventions")
    return render(
        request,
        "analysis/intervention_edit.html",
        {"form": form, "intervention": intervention},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
@permission_required("analysis.run_analysis", raise_exception=True)
def run_now(request: HttpRequest) -> HttpResponse:
    """Compute now: in the request for a town's reports, as a background task for more."""
    if Report.objects.count() <= RUN_INLINE_MAX:
        summary = services.analysis_nightly()
        messages.success(
            request,
            ngettext(
                "De analyse is berekend: %(n)s uitkomst opgeslagen.",
                "De analyse is berekend: %(n)s uitkomsten opgeslagen.",
                summary["results"],
            )
            % {"n": summary["results"]},
        )
    else:
        from openhandhaving.analysis.tasks import analysis_nightly_task

        analysis_nightly_task.enqueue()
        messages.info(
            request,
            _("De analyse wordt op de achtergrond berekend. Kijk over een paar minuten opnieuw."),
        )
    target = request.POST.get("next", "")
    if not target.startswith("/analyse/"):
        target = reverse("analysis:overview")
    return redirect(target)
