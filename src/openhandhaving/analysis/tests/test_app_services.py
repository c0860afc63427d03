"""The nightly analysis on planted reports: what it stores, the hotspot and its hot times."""

from __future__ import annotations

import datetime as dt

import pytest

from openhandhaving.analysis.choices import ResultKind
from openhandhaving.analysis.models import AnalysisResult
from openhandhaving.analysis.services import KEEP_RUNS, analysis_nightly
from openhandhaving.analysis.tests.app_data import NIGHT, SCHOOL, TODAY, plant
from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.nearby import distance_m

pytestmark = pytest.mark.django_db


def distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    return distance_m(a[0], a[1], b[0], b[1])


def latest(kind: str, category: str = "") -> AnalysisResult:
    return AnalysisResult.objects.filter(kind=kind, category=category).first()


def test_the_nightly_run_stores_every_kind_for_all_and_for_busy_categories(town):
    plant(town)
    summary = analysis_nightly(now=NIGHT)
    stored = set(AnalysisResult.objects.values_list("kind", "category"))
    for kind in (ResultKind.HOTSPOTS, ResultKind.FORECAST):
        assert {(kind, ""), (kind, "parkeren"), (kind, "afval")} <= stored
    assert (ResultKind.TRENDS, "") in stored
    # overlast has no reports of its own (fewer than 30 in the last 12 weeks): no results
    assert not any(category == "overlast" for _, category in stored)
    entry = AuditLogEntry.objects.get(action="analysis.nightly")
    assert entry.details["results"] == summary["results"] == len(stored)
    assert entry.details["seconds"] >= 0


def test_the_school_is_the_parking_hotspot_with_its_school_times(town):
    plant(town)
    analysis_nightly(now=NIGHT)
    result = latest(ResultKind.HOTSPOTS, "parkeren")
    assert (result.period_start, result.period_end) == (
        TODAY - dt.timedelta(weeks=12),
        TODAY - dt.timedelta(days=1),
    )
    first = result.data["hotspots"][0]
    assert distance((first["lat"], first["lon"]), SCHOOL) < 100
    assert first["district"] == "West"
    assert first["hot_times"].startswith("ma–vr 08:")
    assert "14:" in first["hot_times"]
    monday = first["profile"][0]
    assert len(first["profile"]) == 7 and len(monday) == 24
    assert monday[8] >= 10 and monday[14] >= 10 and monday[3] == 0
    assert first["profile"][5] == [0] * 24  # no school on Saturday


def test_the_forecast_ranks_the_school_first_for_next_week(town):
    plant(town)
    analysis_nightly(now=NIGHT)
    result = latest(ResultKind.FORECAST, "parkeren")
    assert (result.period_start, result.period_end) == (TODAY, TODAY + dt.timedelta(days=6))
    features = result.data["features"]
    assert 1 <= len(features) <= 200
    best = features[0]["properties"]
    assert best["rank"] == 1 and best["district"] == "West"
    ring = features[0]["geometry"]["coordinates"][0]
    lon = sum(p[0] for p in ring[:4]) / 4
    lat = sum(p[1] for p in ring[:4]) / 4
    assert distance((lat, lon), SCHOOL) < 200
    assert "08:" in best["hot_times"]


def test_the_rise_of_noise_in_oost_is_a_signal_with_its_weekly_counts(town):
    plant(town)
    analysis_nightly(now=NIGHT)
    signals = latest(ResultKind.TRENDS).data["signals"]
    found = [s for s in signals if (s["area"], s["category"]) == ("Oost", "geluid")]
    assert len(found) == 1
    signal = found[0]
    assert signal["direction"] == "rise" and signal["observed"] == 32
    assert signal["q"] <= 0.05
    assert [w["count"] for w in signal["weeks"] if w["window"]] == [8, 8, 8, 8]
    assert not any(s["category"] == "afval" for s in signals)


def test_only_the_last_runs_are_kept(town):
    plant(town)
    for day in range(KEEP_RUNS + 1):
        analysis_nightly(now=NIGHT + dt.timedelta(minutes=day))
    runs = AnalysisResult.objects.filter(kind=ResultKind.HOTSPOTS, category="parkeren")
    assert runs.count() == KEEP_RUNS
    assert runs.first().computed_at == NIGHT + dt.timedelta(minutes=KEEP_RUNS)


def test_without_reports_nothing_is_stored_and_the_log_says_so(db):
    summary = analysis_nightly(now=NIGHT)
    assert AnalysisResult.objects.count() == 0
    assert summary["results"] == 0 and summary["skipped"]
