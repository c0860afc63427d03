"""Writes of the analysis app: the nightly run that stores results, and interventions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import time

import numpy as np
from django.db import transaction
from django.utils import timezone

from openhandhaving.analysis.adapters import report_events
from openhandhaving.analysis.choices import ResultKind
from openhandhaving.analysis.core.events import DAY, WEEK, Events, EventsError, moment, seconds
from openhandhaving.analysis.core.forecast import forecast, forecast_geojson
from openhandhaving.analysis.core.grid import Grid
from openhandhaving.analysis.core.hotspots import find_hotspots
from openhandhaving.analysis.core.hottimes import name_peaks, week_profile
from openhandhaving.analysis.core.trends import find_signals
from openhandhaving.analysis.models import AnalysisResult, Intervention
from openhandhaving.analysis.places import PlaceNamer
from openhandhaving.core.services import audit_log_record

RECENT_WEEKS = 12  # hotspots: the last 12 weeks
PROFILE_WEEKS = 52  # a hotspot's hot times: its cells over the last year (a steadier pattern)
HISTORY_DAYS = 2 * 365  # forecast and trends (baseline and last year's season) look back 2 years
MIN_EVENTS = 30  # a category needs this many events in the last 12 weeks for its own results
KEEP_RUNS = 3  # stored runs per kind and category; older ones are deleted
FORECAST_DAYS = 7
FORECAST_AREA_SHARE = 0.05  # the top 5 % of the study area ...
FORECAST_MAX_CELLS = 200  # ... but at most this many cells
FORECAST_NAMED = 25  # the best cells get a nearby address as place name
TREND_WEEKS = 4
TREND_HISTORY_WEEKS = 12  # weekly counts shown with each signal
CELL_M = 150.0
MAX_GRID_CELLS = 4_000_000


def analysis_nightly(*, now: dt.datetime | None = None) -> dict:
    """Compute hotspots, forecast and trends from the reports and store them (see docs/analysis.md).

    For all reports together and for every category with at least MIN_EVENTS in the last
    RECENT_WEEKS weeks. A part that cannot be computed (too little data) is skipped and named in
    the audit entry. Returns the summary that is also written to the audit log.
    """
    started = time.monotonic()
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    midnight = timezone.make_aware(dt.datetime.combine(today, dt.time()))
    events = report_events(since=midnight - dt.timedelta(days=HISTORY_DAYS), until=midnight)
    at = seconds(today)
    recent = events.between(at - RECENT_WEEKS * WEEK, at)
    categories = [""] + [name for name, count in recent.categories() if count >= MIN_EVENTS]
    namer = PlaceNamer()
    rows: list[AnalysisResult] = []
    skipped: list[str] = []
    grid = _grid(recent)
    for category in categories:
        label = category or "alle"
        subset = recent.of_category(category or None)
        if grid is not None and len(subset) >= 2:
            try:
                year = events.between(at - PROFILE_WEEKS * WEEK, at).of_category(category or None)
                data = hotspots_data(subset, grid=grid, namer=namer, profile_events=year)
                rows.append(_result(ResultKind.HOTSPOTS, category, now, recent_period(today), data))
            except EventsError as error:
                skipped.append(f"hotspots {label}: {error}")
        try:
            data = forecast_data(events, at=at, category=category, namer=namer)
            period = (today, today + dt.timedelta(days=FORECAST_DAYS - 1))
            rows.append(_result(ResultKind.FORECAST, category, now, period, data))
        except EventsError as error:
            skipped.append(f"voorspelling {label}: {error}")
    try:
        data = trends_data(events, at=at)
        window = (data["window"]["start"], data["window"]["end"])
        period = tuple(dt.date.fromisoformat(day) for day in window)
        rows.append(_result(ResultKind.TRENDS, "", now, period, data))
    except EventsError as error:
        skipped.append(f"trends: {error}")
    summary = {
        "events": len(events),
        "categories": len(categories) - 1,
        "results": len(rows),
        "hotspots": sum(len(r.data["hotspots"]) for r in rows if r.kind == ResultKind.HOTSPOTS),
        "signals": sum(len(r.data["signals"]) for r in rows if r.kind == ResultKind.TRENDS),
        "skipped": skipped[:20],
    }
    with transaction.atomic():
        AnalysisResult.objects.bulk_create(rows)
        for kind, category in {(r.kind, r.category) for r in rows}:
            old = AnalysisResult.objects.filter(kind=kind, category=category).order_by(
                "-computed_at", "-id"
            )[KEEP_RUNS:]
            AnalysisResult.objects.filter(pk__in=list(old.values_list("pk", flat=True))).delete()
        summary["seconds"] = round(time.monotonic() - started, 2)
        audit_log_record(actor=None, action="analysis.nightly", details=summary)
    return summary


def recent_period(today: dt.date) -> tuple[dt.date, dt.date]:
    return today - dt.timedelta(weeks=RECENT_WEEKS), today - dt.timedelta(days=1)


def _result(kind, category, now, period, data) -> AnalysisResult:
    return AnalysisResult(
        kind=kind,
        category=category,
        computed_at=now,
        period_start=period[0],
        period_end=period[1],
        data=data,
    )


def _grid(events: Events) -> Grid | None:
    """One grid for every category, so the maps line up; None without events or when too big."""
    if len(events) == 0:
        return None
    grid = Grid.covering(events.lat, events.lon, CELL_M, margin=0)
    return grid if grid.size <= MAX_GRID_CELLS else None


def _round(value: float | None, digits: int = 3) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.{digits}g}")


def hotspots_data(
    events: Events, *, grid: Grid, namer: PlaceNamer, profile_events: Events | None = None
) -> dict:
    """Hotspots of these events with each hotspot's cells, week profile (7 × 24) and hot times.

    The week profile and hot times count `profile_events` (default: `events`) in the hotspot's
    cells: a longer period there gives a steadier weekly pattern than the hotspot's own weeks.
    """
    found = find_hotspots(events, grid=grid)
    profile_events = events if profile_events is None else profile_events
    member = found.hotspot_of(profile_events)
    hotspots = []
    for spot in found.hotspots:
        inside = profile_events.select(member == spot.id)
        lat, lon = spot.centre
        hotspots.append(
            {
                "id": spot.id,
                "count": spot.count,
                "cells": len(spot.cells),
                "lat": round(lat, 6),
                "lon": round(lon, 6),
                "z": _round(spot.z),
                "p": _round(spot.p),
                "q": _round(spot.q),
                "place": namer.name(lat, lon, address=True),
                "district": namer.district(lat, lon),
                "hot_times": name_peaks(inside),
                "profile": week_profile(inside, bin_minutes=60).tolist(),
                "geometry": {
                    "type": "MultiPolygon",
                    "coordinates": [
                        [[[round(x, 7), round(y, 7)] for x, y in grid.cell_polygon(cell)]]
                        for cell in spot.cells
                    ],
                },
            }
        )
    return {
        "events": len(events),
        "profile_events": len(profile_events),
        "cell_m": grid.cell_m,
        "hotspots": hotspots,
    }


def forecast_data(events: Events, *, at: int, category: str, namer: PlaceNamer) -> dict:
    """Next week's top cells as GeoJSON (rank, score, events, hot_times, place, district)."""
    result = forecast(events, start=at, days=FORECAST_DAYS, category=category or None)
    top = min(FORECAST_MAX_CELLS, max(1, math.ceil(FORECAST_AREA_SHARE * result.area.size)))
    best = dataclasses.replace(result, cells=result.cells[:top], scores=result.scores[:top])
    collection = forecast_geojson(best)
    centres = [result.grid.cell_centre(int(cell)) for cell in best.cells]
    districts = namer.districts(centres)
    for rank, (feature, (lat, lon)) in enumerate(
        zip(collection["features"], centres, strict=True), start=1
    ):
        props = feature["properties"]
        props["district"] = districts[rank - 1]
        props["place"] = namer.name(lat, lon, address=rank <= FORECAST_NAMED)
        props["share_pct"] = _round(100 * props["score"], 2)
    collection["forecast"]["area_cells"] = result.area.size
    collection["forecast"]["expected_share_pct"] = _round(100 * float(best.scores.sum()), 3)
    return collection


def trends_data(events: Events, *, at: int) -> dict:
    """Signals per wijk × category (last TREND_WEEKS weeks against expected), with weekly counts."""
    with_area = events.select(events.area != "")
    report = find_signals(with_area, at=at, weeks=TREND_WEEKS)
    first = at - TREND_HISTORY_WEEKS * WEEK
    shown = with_area.between(first, at)
    week_of = (shown.t - first) // WEEK
    starts = [moment(first + w * WEEK).date().isoformat() for w in range(TREND_HISTORY_WEEKS)]
    signals = []
    for test in report.signals:
        mine = (shown.area == test.area) & (shown.category == test.category)
        counts = np.bincount(week_of[mine], minlength=TREND_HISTORY_WEEKS).tolist()
        signals.append(
            {
                "area": test.area,
                "category": test.category,
                "observed": test.observed,
                "baseline": test.baseline,
                "expected": _round(test.expected, 4),
                "ratio": _round(test.ratio),
                "direction": test.direction,
                "p": _round(test.p),
                "q": _round(test.q),
                "weeks": [
                    {"start": s, "count": c, "window": i >= TREND_HISTORY_WEEKS - TREND_WEEKS}
                    for i, (s, c) in enumerate(zip(starts, counts, strict=True))
                ],
            }
        )
    start, end = report.window
    return {
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "weeks": report.weeks,
        "baseline_weeks": report.baseline_weeks,
        "dispersion": _round(report.dispersion),
        "season": report.season is not None,
        "tested": sum(1 for t in report.tests if not math.isnan(t.q)),
        "series": len(report.tests),
        "signals": signals,
    }


# --- Interventions ----------------------------------------------------------------------------


def intervention_save(
    *,
    actor,
    name: str,
    district,
    category,
    start: dt.date,
    end: dt.date | None,
    description: str = "",
    intervention: Intervention | None = None,
) -> Intervention:
    """Record (or change) an intervention, with an audit entry."""
    is_new = intervention is None
    intervention = intervention or Intervention(created_by=actor)
    intervention.name = name
    intervention.district = district
    intervention.category = category
    intervention.start = start
    intervention.end = end
    intervention.description = description
    with transaction.atomic():
        intervention.save()
        audit_log_record(
            actor=actor,
            action="analysis.intervention_add" if is_new else "analysis.intervention_change",
            obj=intervention,
        )
    return intervention


EFFECT_BEFORE_WEEKS = 12
NOT_STARTED = "not_started"
TOO_SHORT = "too_short"


@dataclasses.dataclass(frozen=True)
class MeasuredEffect:
    """The effect of an intervention, or why it cannot be measured yet (`problem`)."""

    effect: object | None = None  # core.effects.Effect
    problem: str = ""
    before_start: dt.date | None = None
    end: dt.date | None = None


def intervention_effect_measure(
    *, intervention: Intervention, today: dt.date | None = None
) -> MeasuredEffect:
    """The change in the intervention's wijk (and category) against similar wijken.

    Before period: the EFFECT_BEFORE_WEEKS weeks before the start; after: from the start to the
    end date (or yesterday), in whole weeks.
    """
    from openhandhaving.analysis.core.effects import intervention_effect

    today = today or timezone.localdate()
    last_day = min(intervention.end or today - dt.timedelta(days=1), today - dt.timedelta(days=1))
    before_start = intervention.start - dt.timedelta(weeks=EFFECT_BEFORE_WEEKS)
    end = last_day + dt.timedelta(days=1)
    if end <= intervention.start:
        return MeasuredEffect(problem=NOT_STARTED)
    if (end - intervention.start).days < 7:
        return MeasuredEffect(problem=TOO_SHORT)
    events = report_events(
        since=timezone.make_aware(dt.datetime.combine(before_start, dt.time())),
        until=timezone.make_aware(dt.datetime.combine(end, dt.time())),
    )
    events = events.select(events.area != "")
    if intervention.category_id:
        events = events.of_category(intervention.category.slug)
    try:
        effect = intervention_effect(
            events,
            area=intervention.district.name,
            start=seconds(intervention.start),
            end=seconds(end),
            before_start=seconds(before_start),
        )
    except EventsError as error:
        return MeasuredEffect(problem=str(error))
    return MeasuredEffect(
        effect=effect,
        before_start=moment(effect.before_start).date(),
        end=moment(effect.end - DAY).date(),
    )
