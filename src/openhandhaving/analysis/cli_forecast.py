"""`openhandhaving analyse forecast|backtest`: next week's risk per cell, and how well it works.

forecast: only events before --at are used; the GeoJSON has the study area's cells, rank 1 =
highest risk. backtest: rolling forecasts from --from through --to (last day included), one JSON
line per method with hit rate and PAI at 1, 5, 10 and 20 % of the area. Methods and area:
core/forecast.py, core/area.py, core/backtest.py and docs/analysis.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from openhandhaving.analysis.cli_options import number as _number
from openhandhaving.analysis.cli_options import required as _required
from openhandhaving.analysis.core.area import CELL_M
from openhandhaving.analysis.core.backtest import backtest, result_lines
from openhandhaving.analysis.core.events import DAY, EventsError, moment, parse_day
from openhandhaving.analysis.core.events import read_events_csv as read_csv
from openhandhaving.analysis.core.forecast import METHODS, forecast, forecast_geojson

CSV_HELP = "CSV-bestand met kolommen time, lat, lon en eventueel category"


def register(actions) -> dict:
    """Add this module's sub-parsers to `actions`; return {name: parser}."""
    ahead = actions.add_parser(
        "forecast", help="voorspelling per cel voor de komende dagen, als GeoJSON"
    )
    _common(ahead)
    ahead.add_argument("--at", metavar="DATUM", help="eerste dag van de voorspelling")
    ahead.add_argument("--out", metavar="BESTAND", help="GeoJSON-bestand om te schrijven")
    ahead.add_argument(
        "--method",
        metavar="METHODE",
        help="model (standaard), naive, kde of prospective",
    )

    test = actions.add_parser(
        "backtest", help="voorspellingen terugtoetsen: hit rate en PAI per methode"
    )
    _common(test)
    test.add_argument("--from", dest="date_from", metavar="DATUM", help="eerste voorspelling")
    test.add_argument("--to", dest="date_to", metavar="DATUM", help="laatste dag (t/m)")
    return {"forecast": ahead, "backtest": test}


def _common(parser) -> None:
    parser.add_argument("--events", metavar="BESTAND.csv", help=CSV_HELP)
    parser.add_argument("--days", metavar="N", help="dagen per voorspelling (standaard 7)")
    parser.add_argument("--category", metavar="CATEGORIE", help="alleen deze categorie")
    parser.add_argument("--cell", metavar="METER", help="celgrootte in meter (standaard 150)")


def run(action: str, options: dict) -> str:
    """Carry out `action`; return the text to print (raise EventsError for bad input)."""
    return {"forecast": run_forecast, "backtest": run_backtest}[action](options)


def run_forecast(options: dict) -> str:
    days = int(_number(options, "days", "--days", 7, 1, 366, whole=True))
    cell = _number(options, "cell", "--cell", CELL_M, 10, 10_000)
    start = parse_day(_required(options, "at", "--at", "2024-03-04"), "--at")
    out = Path(_required(options, "out", "--out", "voorspelling.geojson"))
    method = options.get("method") or "model"
    if method not in METHODS:
        raise EventsError(f"--method: ‘{method}’ bestaat niet; kies uit {', '.join(METHODS)}.")
    events = read_csv(_required(options, "events", "--events", "meldingen.csv"))
    result = forecast(
        events,
        start=start,
        days=days,
        method=method,
        category=options.get("category") or None,
        cell_m=cell,
    )
    collection = forecast_geojson(result)
    try:
        out.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    except OSError as error:
        raise EventsError(f"Kan {out} niet schrijven: {error.strerror}.") from None
    last = moment(start + (days - 1) * DAY)
    lines = [
        f"Voorspelling ({method}) voor {moment(start):%Y-%m-%d} tot en met {last:%Y-%m-%d}, "
        f"uit {len(result.history)} gebeurtenissen ervoor: {len(result.cells)} cellen van "
        f"{cell:g} m, geschreven naar {out}."
    ]
    for feature in collection["features"][:5]:
        props = feature["properties"]
        ring = feature["geometry"]["coordinates"][0]
        lat, lon = (ring[0][1] + ring[2][1]) / 2, (ring[0][0] + ring[2][0]) / 2
        lines.append(
            f"{props['rank']}. cel rond lat {lat:.5f}, lon {lon:.5f}: "
            f"score {props['score']:.4g}, {props['events']} eerder; piek {props['hot_times']}"
        )
    return "\n".join(lines)


def run_backtest(options: dict) -> str:
    days = int(_number(options, "days", "--days", 7, 1, 366, whole=True))
    cell = _number(options, "cell", "--cell", CELL_M, 10, 10_000)
    start = parse_day(_required(options, "date_from", "--from", "2023-01-02"), "--from")
    end_day = parse_day(_required(options, "date_to", "--to", "2023-12-31"), "--to")
    if end_day < start:
        raise EventsError("--to ligt vóór --from; de periode is leeg.")
    events = read_csv(_required(options, "events", "--events", "meldingen.csv"))
    result = backtest(
        events,
        start=start,
        end_day=end_day,
        days=days,
        category=options.get("category") or None,
        cell_m=cell,
    )
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in result_lines(result))
