"""`openhandhaving analyse hotspots|trends|effect`: patterns in a CSV of events.

The CSV has columns time, lat, lon and optionally category and area (a wijk or buurt name; where
it is missing, the 1 km grid cell "cel-R-K" stands in). Dates are JJJJ-MM-DD; --to is the last
day included. The methods are described in the core modules and, for analysts, in
docs/analysis.md.

The numerical modules (numpy, scipy) are imported when an action runs, so that `--help` and the
other actions of `analyse` start quickly.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from openhandhaving.analysis.cli_options import number as _number
from openhandhaving.analysis.cli_options import required as _required
from openhandhaving.analysis.core.events import DAY, Events, EventsError, moment, parse_day
from openhandhaving.analysis.core.events import read_events_csv as read_csv

MAX_CELLS = 4_000_000
SHOW_PER_CATEGORY = 5
CSV_HELP = "CSV-bestand met kolommen time, lat, lon en eventueel category en area"


def register(actions) -> dict:
    """Add this module's sub-parsers to `actions`; return {name: parser}."""
    hotspots = actions.add_parser(
        "hotspots",
        help="hotspots per categorie (Getis-Ord Gi*, met controle op toevalstreffers), GeoJSON",
    )
    _common(hotspots)
    hotspots.add_argument("--from", dest="date_from", metavar="DATUM", help="eerste dag")
    hotspots.add_argument("--to", dest="date_to", metavar="DATUM", help="laatste dag (t/m)")
    hotspots.add_argument("--cell", metavar="METER", help="celgrootte in meter (standaard 150)")
    hotspots.add_argument(
        "--distance", metavar="METER", help="straal van de buurt van een cel (standaard 1,5 cel)"
    )
    hotspots.add_argument("--out", metavar="BESTAND", help="GeoJSON-bestand om te schrijven")

    trends = actions.add_parser(
        "trends", help="stijgingen en dalingen per gebied en categorie in de laatste weken"
    )
    _common(trends)
    trends.add_argument(
        "--at", metavar="DATUM", help="analysedag; de laatste weken eindigen de dag ervoor"
    )
    trends.add_argument("--weeks", metavar="N", help="aantal laatste weken (standaard 4)")

    effect = actions.add_parser(
        "effect", help="effect van een interventie in een gebied, vergeleken met gelijke gebieden"
    )
    _common(effect)
    effect.add_argument("--area", metavar="GEBIED", help="het gebied van de interventie")
    effect.add_argument("--from", dest="date_from", metavar="DATUM", help="start interventie")
    effect.add_argument("--to", dest="date_to", metavar="DATUM", help="laatste dag erna (t/m)")
    effect.add_argument(
        "--before-from",
        dest="before_from",
        metavar="DATUM",
        help="eerste dag van de periode ervoor",
    )
    effect.add_argument(
        "--comparisons", metavar="N", help="aantal vergelijkingsgebieden (standaard 5)"
    )
    return {"hotspots": hotspots, "trends": trends, "effect": effect}


def _common(parser) -> None:
    parser.add_argument("--events", metavar="BESTAND.csv", help=CSV_HELP)
    parser.add_argument("--category", metavar="CATEGORIE", help="alleen deze categorie")


def run(action: str, options: dict) -> str:
    """Carry out `action`; return the text to print (raise EventsError for bad input)."""
    return {"hotspots": run_hotspots, "trends": run_trends, "effect": run_effect}[action](options)


# --- input ------------------------------------------------------------------------------------


def _events(options: dict) -> Events:
    return read_csv(_required(options, "events", "--events", "meldingen.csv"))


def _period(options: dict) -> tuple[int, int]:
    start = parse_day(_required(options, "date_from", "--from", "2024-01-01"), "--from")
    end = parse_day(_required(options, "date_to", "--to", "2024-03-31"), "--to") + DAY
    if end <= start:
        raise EventsError("--to ligt vóór --from; de periode is leeg.")
    return start, end


def _span(events: Events) -> str:
    first, last = moment(int(events.t.min())).date(), moment(int(events.t.max())).date()
    return f"de gegevens lopen van {first} tot en met {last}"


def _of_category(events: Events, category: str | None, where: str) -> Events:
    if not category:
        return events
    chosen = events.of_category(category)
    if len(chosen) == 0:
        known = ", ".join(name for name, _ in events.categories()[:12]) or "geen"
        raise EventsError(f"Categorie ‘{category}’ komt niet voor {where}. Wel: {known}.")
    return chosen


def _day(seconds: int) -> str:
    return moment(seconds).date().isoformat()


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _round(value: float | None, digits: int = 4) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(f"{value:.{digits}g}")


# --- hotspots ---------------------------------------------------------------------------------


def run_hotspots(options: dict) -> str:
    from openhandhaving.analysis.core.grid import Grid
    from openhandhaving.analysis.core.hotspots import find_hotspots

    cell = _number(options, "cell", "--cell", 150.0, 10, 10_000)
    distance = _number(options, "distance", "--distance", 1.5 * cell, cell, 20 * cell)
    out = Path(_required(options, "out", "--out", "hotspots.geojson"))
    events = _events(options)
    start, end = _period(options)
    period = events.between(start, end)
    if len(period) == 0:
        raise EventsError(
            f"Geen gebeurtenissen van {_day(start)} tot en met {_day(end - DAY)}; {_span(events)}."
        )
    chosen = _of_category(period, options.get("category"), "in deze periode")
    grid = Grid.covering(period.lat, period.lon, cell, margin=0)
    if grid.size > MAX_CELLS:
        raise EventsError(
            f"Het gebied is te groot voor cellen van {cell:g} m ({grid.nx} × {grid.ny} cellen). "
            "Kies een grotere --cell of laat punten ver buiten de gemeente weg."
        )
    names = [n for n, _ in chosen.categories()] or [""]
    features, hotspots, categories = [], [], []
    for name in names:
        subset = chosen.of_category(name) if name else chosen
        if len(subset) < 2 and len(names) > 1:
            continue
        found = find_hotspots(subset, cell_m=cell, distance_m=distance, grid=grid)
        categories.append(_profile_entry({"category": name}, subset))
        members = found.hotspot_of(subset)
        for spot in found.hotspots:
            number = len(hotspots) + 1
            entry = _profile_entry(
                {
                    "id": number,
                    "category": name,
                    "count": spot.count,
                    "cells": len(spot.cells),
                    "centre_lat": round(spot.centre[0], 6),
                    "centre_lon": round(spot.centre[1], 6),
                    "z": _round(spot.z),
                    "p": _round(spot.p),
                    "q": _round(spot.q),
                },
                subset.select(members == spot.id),
            )
            hotspots.append(entry)
            for index in spot.cells:
                features.append(_cell_feature(found, index, entry))
    collection = {
        "type": "FeatureCollection",
        "features": features,
        "period": {"from": _day(start), "to": _day(end - DAY)},
        "cell_m": cell,
        "distance_m": distance,
        "alpha": 0.05,
        "method": "Getis-Ord Gi* met Benjamini-Hochberg (zie docs/analysis.md)",
        "hotspots": hotspots,
        "categories": categories,
    }
    try:
        out.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    except OSError as error:
        raise EventsError(f"Kan {out} niet schrijven: {error.strerror}.") from None
    return _hotspot_summary(hotspots, len(features), out)


def _profile_entry(entry: dict, events: Events) -> dict:
    from openhandhaving.analysis.core.hottimes import name_peaks, week_profile

    entry["hot_times"] = name_peaks(events)
    entry["profile"] = week_profile(events, bin_minutes=60).tolist()
    return entry


def _cell_feature(found, index: int, spot: dict) -> dict:
    row, column = divmod(index, found.grid.nx)
    return {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [found.grid.cell_polygon(index)]},
        "properties": {
            "hotspot": spot["id"],
            "category": spot["category"],
            "cell": index,
            "count": int(found.counts[row, column]),
            "smoothed": _round(float(found.smoothed[row, column])),
            "z": _round(float(found.z[row, column])),
            "p": _round(float(found.p[row, column])),
            "q": _round(float(found.q[row, column])),
            "hotspot_count": spot["count"],
            "hot_times": spot["hot_times"],
        },
    }


def _hotspot_summary(hotspots: list[dict], cells: int, out: Path) -> str:
    if not hotspots:
        return (
            f"Geen hotspots gevonden: nergens liggen de gebeurtenissen dichter bij elkaar dan "
            f"toeval verklaart. {out} bevat een lege kaart."
        )
    lines = [
        f"{_count(len(hotspots), 'hotspot', 'hotspots')} ({_count(cells, 'cel', 'cellen')}) "
        f"geschreven naar {out}."
    ]
    shown: dict[str, int] = {}
    for spot in hotspots:
        shown[spot["category"]] = shown.get(spot["category"], 0) + 1
        if shown[spot["category"]] > SHOW_PER_CATEGORY:
            continue
        label = f" {spot['category']}" if spot["category"] else ""
        lines.append(
            f"{spot['id']}{label}: {_count(spot['count'], 'gebeurtenis', 'gebeurtenissen')} in "
            f"{_count(spot['cells'], 'cel', 'cellen')}; "
            f"piektijden: {spot['hot_times']}"
        )
    hidden = len(hotspots) - len(lines) + 1
    if hidden:
        more = _count(hidden, "kleinere hotspot", "kleinere hotspots")
        lines.append(f"… en nog {more}; zie {out}.")
    return "\n".join(lines)


# --- trends -----------------------------------------------------------------------------------


def run_trends(options: dict) -> str:
    from openhandhaving.analysis.core.trends import find_signals
    from openhandhaving.analysis.core.zones import with_areas

    at = parse_day(_required(options, "at", "--at", "2024-03-04"), "--at")
    weeks = int(_number(options, "weeks", "--weeks", 4, 1, 52, whole=True))
    events = with_areas(_events(options))
    events = _of_category(events, options.get("category"), "in het bestand")
    report = find_signals(events, at=at, weeks=weeks)
    lines = [json.dumps(_signal_line(report, s), ensure_ascii=False) for s in report.signals]
    lines.append(json.dumps(_trend_summary(report), ensure_ascii=False))
    return "\n".join(lines)


def _signal_line(report, test) -> dict:
    first, last = report.window
    what = test.category or "alle gebeurtenissen"
    change = "meer" if test.direction == "rise" else "minder"
    ratio = f"{test.ratio:.1f}×".replace(".", ",") if test.ratio is not None else "nieuw"
    expected = f"{test.expected:.1f}".replace(".", ",")
    return {
        "type": "signal",
        "area": test.area,
        "category": test.category,
        "direction": test.direction,
        "observed": test.observed,
        "expected": round(test.expected, 2),
        "ratio": _round(test.ratio, 3),
        "p": _round(test.p),
        "q": _round(test.q),
        "from": first.isoformat(),
        "to": last.isoformat(),
        "message": (
            f"{what} in {test.area}: {test.observed} in {report.weeks} weken, verwacht "
            f"{expected} ({ratio}, {change} dan verwacht)"
        ),
    }


def _trend_summary(report) -> dict:
    signals = report.signals
    rises = sum(1 for s in signals if s.direction == "rise")
    tested = sum(1 for s in report.tests if not math.isnan(s.q))
    first, last = report.window
    return {
        "type": "summary",
        "from": first.isoformat(),
        "to": last.isoformat(),
        "weeks": report.weeks,
        "baseline_weeks": report.baseline_weeks,
        "series": len(report.tests),
        "tested": tested,
        "signals": len(signals),
        "rises": rises,
        "falls": len(signals) - rises,
        "alpha": report.alpha,
        "dispersion": _round(report.dispersion, 3),
        "season": report.season is not None,
        "message": (
            f"{_count(len(signals), 'signaal', 'signalen')} "
            f"({_count(rises, 'stijging', 'stijgingen')}, "
            f"{_count(len(signals) - rises, 'daling', 'dalingen')}) "
            f"uit {tested} getoetste reeksen; "
            + ("met" if report.season is not None else "zonder")
            + " correctie voor het seizoen."
        ),
    }


# --- effect -----------------------------------------------------------------------------------


def run_effect(options: dict) -> str:
    from openhandhaving.analysis.core.effects import intervention_effect
    from openhandhaving.analysis.core.zones import with_areas

    area = _required(options, "area", "--area", "Centrum")
    start, end = _period(options)
    before_text = _required(options, "before_from", "--before-from", "2023-10-01")
    before = parse_day(before_text, "--before-from")
    if before >= start:
        raise EventsError("--before-from moet vóór --from liggen.")
    comparisons = int(_number(options, "comparisons", "--comparisons", 5, 1, 50, whole=True))
    events = with_areas(_events(options))
    category = options.get("category")
    if category and area in set(events.area.tolist()):
        events = _of_category(events, category, "in het bestand")
        if area not in set(events.area.tolist()):
            raise EventsError(f"Gebied ‘{area}’ heeft geen gebeurtenissen van ‘{category}’.")
    effect = intervention_effect(
        events, area=area, start=start, end=end, before_start=before, comparisons=comparisons
    )
    change = f"{effect.change_pct:+.0f} %"
    line = {
        "area": effect.area,
        "category": category or "",
        "change_pct": round(effect.change_pct, 1),
        "interval_pct": [round(effect.low_pct, 1), round(effect.high_pct, 1)],
        "level": effect.level,
        "p": _round(effect.p),
        "comparison_areas": list(effect.comparison),
        "before": {
            "from": _day(effect.before_start),
            "to": _day(effect.start - DAY),
            "weeks": effect.weeks_before,
            "treated": effect.treated_before,
            "comparison": effect.comparison_before,
        },
        "after": {
            "from": _day(effect.start),
            "to": _day(effect.end - DAY),
            "weeks": effect.weeks_after,
            "treated": effect.treated_after,
            "comparison": effect.comparison_after,
        },
        "dispersion": _round(effect.dispersion, 3),
        "message": (
            f"{area}: {change} vergeleken met {len(effect.comparison)} gelijke gebieden "
            f"(95%-interval {effect.low_pct:+.0f} % tot {effect.high_pct:+.0f} %)."
        ),
    }
    return json.dumps(line, ensure_ascii=False)
