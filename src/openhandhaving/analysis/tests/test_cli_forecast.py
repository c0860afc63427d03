"""`openhandhaving analyse forecast|backtest` on CSV files: output, and bad input as exit 2."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from .forecast_town import joined, noise, town, write_csv

HOT = (1000.0, 1000.0)


def analyse(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("analyse", *args, stdout=out, stderr=err)
    except SystemExit as stopped:
        return stopped.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.fixture
def events_csv(tmp_path):
    """Parking near a school (weekdays at 8) for 20 weeks, litter all over; a burst after."""
    parking = town([(d, *HOT, 8) for d in range(140) if d % 7 < 5], "parkeren")
    litter = town(noise(200, first_day=0, last_day=161), "afval")
    after = town([(d, 2500.0, 2500.0) for d in range(140, 161) for _ in range(20)], "parkeren")
    return write_csv(tmp_path / "meldingen.csv", joined(parking, litter, after))


def write(tmp_path, text: str):
    path = tmp_path / "invoer.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_forecast_writes_ranked_cells_from_before_the_date_only(events_csv, tmp_path):
    out = tmp_path / "voorspelling.geojson"
    code, printed, err = analyse(
        "forecast",
        f"--events={events_csv}",
        "--at=2024-05-20",
        "--category=parkeren",
        f"--out={out}",
    )
    assert (code, err) == (0, "")
    assert printed.startswith("Voorspelling (model) voor 2024-05-20 tot en met 2024-05-26")
    collection = json.loads(out.read_text(encoding="utf-8"))
    features = collection["features"]
    first = features[0]["properties"]
    assert set(first) == {"rank", "score", "events", "hot_times"}
    assert (first["rank"], first["events"], first["hot_times"]) == (1, 100, "ma–vr 08:00–09:00")
    assert [f["properties"]["rank"] for f in features] == list(range(1, len(features) + 1))
    assert sum(f["properties"]["events"] for f in features) == 100  # the burst is after --at
    assert collection["forecast"]["category"] == "parkeren"


def test_forecast_with_a_baseline_and_shorter_period(events_csv, tmp_path):
    out = tmp_path / "naive.geojson"
    code, printed, _ = analyse(
        "forecast",
        f"--events={events_csv}",
        "--at=2024-05-20",
        "--days=3",
        "--method=naive",
        f"--out={out}",
    )
    assert code == 0
    assert "Voorspelling (naive) voor 2024-05-20 tot en met 2024-05-22" in printed
    assert json.loads(out.read_text(encoding="utf-8"))["forecast"]["days"] == 3


def test_backtest_prints_one_json_line_per_method(events_csv):
    code, printed, err = analyse(
        "backtest",
        f"--events={events_csv}",
        "--from=2024-04-01",
        "--to=2024-05-19",
        "--category=parkeren",
    )
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in printed.splitlines()]
    assert [line["method"] for line in lines] == ["model", "naive", "kde", "prospective"]
    for line in lines:
        assert (line["forecasts"], line["events"], line["to"]) == (7, 35, "2024-05-19")
        assert set(line["hit_rate"]) == set(line["pai"]) == {"1", "5", "10", "20"}
        assert line["hit_rate"]["5"] == 1.0  # every parking event at the school


BAD_CSV = [
    ("time,lat\n2024-01-01,52.1\n", "Kolom ontbreekt: lon"),
    ("time,lat,lon\n2024-01-01,52.1,5.1\ngisteren,52.1,5.1\n", "Regel 3, kolom time"),
    ("time,lat,lon\n2024-01-01,52.1,5.1\n2024-01-02,152.1,5.1\n", "Regel 3, kolom lat"),
    ("time,lat,lon\n2024-01-01,52.1,5.1\n2024-01-02,52.1,-205.1\n", "Regel 3, kolom lon"),
    ("time,lat,lon\n2024-01-01,52.1,5.1\n2024-01-02,-105.0,39.7\n", "verwisseld"),
    ("time,lat,lon\n", "heeft geen gebeurtenissen"),
    ("time,lat,lon\n2024-01-01,52.1,5.1\n", "Te weinig gebeurtenissen vóór 2024-03-01: 1"),
    (
        "time,lat,lon\n" + "2024-04-01,52.1,5.1\n" * 20,
        "Te weinig gebeurtenissen vóór 2024-03-01: 0",
    ),
    (
        "time,lat,lon\n" + "2024-01-01,52.1,5.1\n" * 20 + "2024-01-02,5.1,52.1\n",
        "lat 5.100000, lon 52.100000",
    ),
]


@pytest.mark.parametrize(("text", "message"), BAD_CSV)
@pytest.mark.parametrize("action", ["forecast", "backtest"])
def test_bad_csv_is_a_dutch_message_and_exit_2(tmp_path, action, text, message):
    path = write(tmp_path, text)
    if action == "forecast":
        args = ["--at=2024-03-01", f"--out={tmp_path / 'uit.geojson'}"]
    else:
        args = ["--from=2024-03-01", "--to=2024-03-31"]
    code, printed, err = analyse(action, f"--events={path}", *args)
    assert (code, printed) == (2, "")
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at=2024-13-01"], "--at: ‘2024-13-01’ is geen datum"),
        (["--at=2024-05-20", "--days=nul"], "--days moet een geheel getal van 1 tot en met 366"),
        (["--at=2024-05-20", "--category=graffiti"], "‘graffiti’ komt niet voor"),
        (["--at=2024-05-20", "--method=gok"], "--method: ‘gok’ bestaat niet"),
        (["--at=2024-05-20", "--out="], "Geef --out op"),
        (["--at=2024-05-20", "--out=/geen/map/uit.geojson"], "Kan /geen/map/uit.geojson niet"),
        (["--at=2023-05-20"], "Te weinig gebeurtenissen vóór 2023-05-20: 0"),
    ],
)
def test_bad_forecast_options_are_named(events_csv, tmp_path, args, message):
    out = [f"--out={tmp_path / 'uit.geojson'}"] if not any("--out" in a for a in args) else []
    code, _, err = analyse("forecast", f"--events={events_csv}", *out, *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from=2024-05-01", "--to=2024-04-01"], "--to ligt vóór --from"),
        (["--from=2024-05-01", "--to=2024-05-03"], "past geen periode van 7 dagen"),
        (["--from=2024-08-01", "--to=2024-09-30"], "geen gebeurtenissen van 2024-08-01"),
        (["--from=2024-05-01"], "Geef --to op"),
    ],
)
def test_bad_backtest_periods_are_named(events_csv, args, message):
    code, _, err = analyse("backtest", f"--events={events_csv}", *args)
    assert code == 2
    assert message in err
