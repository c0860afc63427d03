"""`openhandhaving analyse hotspots|trends|effect` on CSV files, as an analyst would run them."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np
import pytest
from django.core.management import call_command

from openhandhaving.analysis.core.events import WEEK, moment

from .patterns_data import (
    MONDAY,
    cluster,
    concat,
    events,
    random_times,
    times_in_window,
    uniform_field,
    weekly_series,
    write_csv,
)


def analyse(*args: str) -> tuple[int, str, str]:
    """Run the command in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("analyse", *args, stdout=out, stderr=err)
    except SystemExit as stop:
        return int(stop.code), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def town_csv(tmp_path_factory):
    """12 weeks from 2024-01-01: parking reports all over town, plus a cluster of them near a
    school on weekdays 08:00–08:45; waste reports spread evenly."""
    rng = np.random.default_rng(11)
    lat, lon = uniform_field(rng, 1200)
    clat, clon = cluster(rng, 90, x_m=2500, y_m=1200)
    school = times_in_window(rng, 90, days=(0, 1, 2, 3, 4), start="08:00", minutes=45)
    data = concat(
        events(random_times(rng, 1200), lat, lon, ["parkeren"] * 1200),
        events(school, clat, clon, ["parkeren"] * 90),
        events(random_times(rng, 800), *uniform_field(rng, 800), ["afval"] * 800),
    )
    return write_csv(tmp_path_factory.mktemp("cli") / "town.csv", data, with_area=False)


def test_hotspots_writes_geojson_with_the_planted_cluster_and_its_hot_times(town_csv, tmp_path):
    out = tmp_path / "hotspots.geojson"
    code, text, errors = analyse(
        "hotspots", "--events", str(town_csv), "--from", "2024-01-01", "--to", "2024-03-24",
        "--cell", "150", "--out", str(out),
    )  # fmt: skip

    assert (code, errors) == (0, "")
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    [spot] = collection["hotspots"]
    assert spot["category"] == "parkeren"
    assert spot["hot_times"] == "ma–vr 08:00–08:45"
    assert sum(map(sum, spot["profile"])) == spot["count"] >= 85
    assert len(spot["profile"]) == 7 and len(spot["profile"][0]) == 24
    feature = collection["features"][0]
    ring = feature["geometry"]["coordinates"][0]
    assert feature["geometry"]["type"] == "Polygon" and ring[0] == ring[-1]
    props = feature["properties"]
    assert props["hotspot"] == spot["id"] and props["hot_times"] == spot["hot_times"]
    assert props["q"] <= 0.05 and props["z"] > 0 and props["count"] >= 1
    assert {"p", "smoothed", "hotspot_count", "category", "cell"} <= set(props)
    assert [c["category"] for c in collection["categories"]] == ["parkeren", "afval"]
    assert text.startswith("1 hotspot (")
    assert "ma–vr 08:00–08:45" in text


def test_hotspots_of_an_evenly_spread_category_is_an_empty_map(town_csv, tmp_path):
    out = tmp_path / "afval.geojson"
    code, text, _ = analyse(
        "hotspots", "--events", str(town_csv), "--from", "2024-01-01", "--to", "2024-03-24",
        "--category", "afval", "--out", str(out),
    )  # fmt: skip

    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["features"] == []
    assert text.startswith("Geen hotspots gevonden")


@pytest.fixture(scope="module")
def areas_csv(tmp_path_factory):
    """30 weeks of 40 flat series (8 wijken × 5 categories) and one whose last 4 weeks tripled;
    wijk-0 gets 30 % fewer reports from week 20 on (an intervention)."""
    rng = np.random.default_rng(12)
    parts = []
    for i in range(41):
        rates = np.full(30, 6.0)
        area, category = f"wijk-{i % 8}", f"c-{i // 8}"
        if i == 40:
            area, category = "Centrum", "parkeren"
            rates[-4:] *= 3
        if area == "wijk-0":
            rates[20:] *= 0.7
        t = weekly_series(rng, rates)
        lat, lon = uniform_field(rng, t.size)
        parts.append(events(t, lat, lon, [category] * t.size, [area] * t.size))
    return write_csv(tmp_path_factory.mktemp("cli") / "areas.csv", concat(*parts))


def test_trends_prints_one_json_line_per_signal_then_a_summary(areas_csv):
    at = moment(MONDAY + 30 * WEEK).date().isoformat()
    code, text, _ = analyse("trends", "--events", str(areas_csv), "--at", at, "--weeks", "4")

    assert code == 0
    *signals, summary = [json.loads(line) for line in text.splitlines()]
    centrum = [s for s in signals if s["area"] == "Centrum"]
    assert len(centrum) == 1 and centrum[0]["direction"] == "rise"
    assert centrum[0]["ratio"] > 2 and centrum[0]["q"] <= 0.05
    assert {"observed", "expected", "p", "from", "to", "message", "category"} <= set(centrum[0])
    assert summary["type"] == "summary" and summary["signals"] == len(signals)
    assert summary["series"] == 41 and summary["season"] is False


def test_trends_without_an_area_column_uses_one_km_cells(town_csv):
    code, text, _ = analyse("trends", "--events", str(town_csv), "--at", "2024-03-25")
    assert code == 0
    summary = json.loads(text.splitlines()[-1])
    assert summary["series"] > 12  # about 12 cells of 1 km × 2 categories


def test_effect_prints_the_change_with_its_interval_and_comparison_areas(areas_csv):
    code, text, _ = analyse(
        "effect", "--events", str(areas_csv), "--area", "wijk-0", "--from", "2024-05-20",
        "--to", "2024-07-21", "--before-from", "2024-01-01",
    )  # fmt: skip

    assert code == 0
    [line] = text.splitlines()
    result = json.loads(line)
    low, high = result["interval_pct"]
    assert low <= -30 <= high and high < 0
    assert len(result["comparison_areas"]) == 5 and "wijk-0" not in result["comparison_areas"]
    assert result["before"]["weeks"] == 20 and result["after"]["weeks"] == 9
    assert result["before"]["treated"] > 0 and result["after"]["comparison"] > 0
    assert result["message"].startswith("wijk-0: -")


def bad_calls(town_csv, areas_csv, tmp_path):
    only_header = tmp_path / "kop.csv"
    only_header.write_text("time,lat,lon\n")
    no_lon = tmp_path / "geen-lon.csv"
    no_lon.write_text("time,lat\n2024-01-01T08:00,52.1\n")
    single = tmp_path / "een.csv"
    single.write_text("time,lat,lon\n2024-01-01T08:00,52.1,5.1\n")
    period = ["--from", "2024-01-01", "--to", "2024-03-24"]
    out = ["--out", str(tmp_path / "x.geojson")]
    town = ["--events", str(town_csv)]
    areas = ["--events", str(areas_csv)]
    after = ["--from", "2024-05-20", "--to", "2024-07-21"]
    return [
        (["hotspots", "--events", str(no_lon), *period, *out], "Kolom ontbreekt: lon"),
        (["hotspots", "--events", str(only_header), *period, *out], "geen gebeurtenissen"),
        (["hotspots", "--events", str(single), *period, *out], "Te weinig gebeurtenissen"),
        (
            ["hotspots", *town, "--from", "2030-01-01", "--to", "2030-02-01", *out],
            "Geen gebeurtenissen van 2030-01-01 tot en met 2030-02-01",
        ),
        (["hotspots", *period, *out], "Geef --events op"),
        (["hotspots", *town, *period], "Geef --out op"),
        (["hotspots", *town, *period, *out, "--cell", "0"], "--cell moet"),
        (
            ["hotspots", *town, "--from", "1-1-2024", "--to", "2024-03-24", *out],
            "--from: ‘1-1-2024’ is geen datum",
        ),
        (
            ["hotspots", *town, *period, *out, "--category", "graffiti"],
            "Categorie ‘graffiti’ komt niet voor",
        ),
        (["trends", "--events", str(single), "--at", "2024-03-01"], "de periode is leeg"),
        (["trends", *town, "--at", "2024-03-25", "--weeks", "vier"], "--weeks moet een geheel"),
        (
            ["effect", *areas, "--area", "Nergens", *after, "--before-from", "2024-01-01"],
            "Gebied ‘Nergens’ komt niet voor",
        ),
        (["effect", *areas, "--area", "wijk-0", *after], "Geef --before-from op"),
    ]


def test_bad_input_gives_a_dutch_message_and_exit_code_2(town_csv, areas_csv, tmp_path):
    for args, message in bad_calls(town_csv, areas_csv, tmp_path):
        code, text, errors = analyse(*args)
        assert code == 2, args
        assert message in errors, (args, errors)
        assert text == ""


def test_the_real_command_refuses_a_missing_file_without_a_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "openhandhaving.cli", "analyse", "trends",
         "--events", str(tmp_path / "weg.csv"), "--at", "2024-03-01"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "kan niet worden geopend" in result.stderr
    assert "Traceback" not in result.stderr
