"""How many demo reports of what kind, when: rates per category and patterns, pure.

Background rates are reports per day at the normal size (a town of about 30,000 people), with a
season (demo_calendar.SEASONS), a weekday rhythm and an hour profile. Patterns are tied to places:
schools, parks, the nightlife area and the market. All expectations are scaled to the demo size.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from openhandhaving.reports import demo_calendar as cal

# Weights for Monday .. Sunday.
WEEKDAYS = {
    "flat": (1, 1, 1, 1, 1, 1, 1),
    "weekday": (1.15, 1.1, 1.1, 1.1, 1.05, 0.75, 0.6),
    "weekend": (0.8, 0.8, 0.85, 0.9, 1.15, 1.45, 1.25),
}
# Weights per hour of the day (0 .. 23).
HOURS = {
    "day": (1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 3, 5, 6, 6, 5.5, 5, 5, 5, 5, 5, 5, 4.5, 5, 5, 4, 3, 2),
    "evening": (3, 2, 1, 0.5, 0.2, 0.2, 0.3, 0.6, 1, 1, 1.2, 1.5,
                2, 2, 2, 2.5, 3, 4, 5, 6, 6, 6, 5, 4),
    "night": (6, 5, 3, 1.5, 0.5, 0.2, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8,
              1, 1, 1, 1, 1.2, 1.5, 2, 2.5, 3.5, 5, 7, 7),
    "morning": (0, 0, 0, 0, 0, 0.5, 3, 6, 7, 6, 4, 3, 2, 2, 2, 2, 2, 2.5, 3, 3, 2, 1, 0.5, 0),
}  # fmt: skip

ADDRESS_OR_SHOPS = (("address", 0.6), ("shopping", 0.4))
STATION_OR_SHOPS = (("station", 0.5), ("shopping", 0.5))
BINS = (("address", 0.4), ("park", 0.4), ("shopping", 0.2))
# Background rates: subcategory → (reports per day at normal size, season, weekdays, hours,
# anchors). An anchor says where such reports happen: near an address (population), or near
# the station, the shopping streets, the nightlife area or in a park.
BACKGROUND: dict[str, tuple[float, str, str, str, tuple[tuple[str, float], ...]]] = {
    "fout-parkeren": (3.0, "general", "weekday", "day", (("address", 0.8), ("shopping", 0.2))),
    "parkeren-op-de-stoep": (1.6, "general", "weekday", "day", (("address", 1),)),
    "invalidenparkeerplaats": (0.3, "general", "weekday", "day", ADDRESS_OR_SHOPS),
    "fietswrak": (0.8, "spring_clean", "weekday", "day", (("address", 0.5), ("station", 0.5))),
    "fietsen-fout-gestald": (0.4, "general", "weekday", "day", STATION_OR_SHOPS),
    "aanhanger-camper": (0.5, "summer", "flat", "day", (("address", 1),)),
    "autowrak": (0.2, "flat", "weekday", "day", (("address", 1),)),
    "geluidsoverlast": (2.0, "summer", "weekend", "night", (("address", 1),)),
    "overlast-jongeren": (1.0, "summer", "weekend", "evening", (("address", 0.8), ("park", 0.2))),
    "overlast-horeca": (0.3, "summer", "weekend", "night", (("nightlife", 1),)),
    "hondenpoep": (1.0, "flat", "flat", "morning", (("address", 1),)),
    "loslopende-hond": (0.5, "general", "flat", "morning", (("address", 0.5), ("park", 0.5))),
    "drugsoverlast": (0.3, "general", "flat", "evening", (("address", 0.8), ("station", 0.2))),
    "overlast-personen": (0.4, "general", "flat", "day", ADDRESS_OR_SHOPS),
    "vuurwerkoverlast": (1.0, "fireworks", "flat", "evening", (("address", 1),)),
    "overlast-scooters": (0.5, "summer", "flat", "evening", (("address", 1),)),
    "stookoverlast": (0.4, "dark", "flat", "evening", (("address", 1),)),
    "zwerfafval": (2.0, "litter", "flat", "day", (("address", 0.7), ("shopping", 0.3))),
    "afval-naast-container": (3.0, "general", "weekday", "day", (("address", 1),)),
    "afvaldumping": (1.5, "general", "weekday", "day", (("address", 1),)),
    "container-vol": (1.0, "general", "weekday", "day", (("address", 1),)),
    "afvalbak": (0.5, "litter", "flat", "day", BINS),
    "straatverlichting": (2.0, "dark", "flat", "evening", (("address", 1),)),
    "bestrating": (1.8, "general", "weekday", "day", (("address", 1),)),
    "graffiti": (0.5, "general", "flat", "day", (("address", 0.6), ("station", 0.4))),
    "verkeersbord": (0.4, "general", "weekday", "day", (("address", 1),)),
    "speelvoorziening": (0.3, "summer", "flat", "day", (("address", 1),)),
    "gladheid": (0.5, "winter", "flat", "morning", (("address", 1),)),
    "bladeren": (1.0, "leaves", "flat", "day", (("address", 1),)),
    "boom": (1.0, "storm", "flat", "day", (("address", 0.8), ("park", 0.2))),
    "onkruid": (0.7, "growing", "weekday", "day", (("address", 1),)),
    "maaien-snoeien": (0.8, "growing", "weekday", "day", (("address", 1),)),
    "eikenprocessierups": (0.3, "caterpillar", "flat", "day", (("park", 0.6), ("address", 0.4))),
    "dood-dier": (0.3, "flat", "flat", "day", (("address", 0.7), ("park", 0.3))),
    "overig-overig": (0.8, "general", "weekday", "day", (("address", 1),)),
}  # fmt: skip

SCHOOL_WINDOWS = ((dt.time(8, 0), dt.time(8, 45)), (dt.time(14, 0), dt.time(15, 15)))
SCHOOL_RATE = 0.3  # per school per school day, at normal size
PARK_RATE = 0.25  # per park per day
NIGHTLIFE_RATE = 4.0  # per Friday or Saturday night
MARKET_RATE = 2.5  # per market day
# A new problem the analyst should spot as a trend: scooters gathering at a sports park in the
# evenings, starting TREND_WEEKS before the demo's last day, growing to TREND_RATE a day in
# three weeks (the usual level there is close to nothing).
TREND_WEEKS = 6
TREND_RATE = 1.5
PATTERN_CATEGORIES = {
    "school": (("fout-parkeren", 0.55), ("parkeren-op-de-stoep", 0.45)),
    "park": (("hondenpoep", 1.0),),
    "nightlife": (("geluidsoverlast", 0.7), ("overlast-horeca", 0.2), ("overlast-jongeren", 0.1)),
    "market": (("zwerfafval", 0.75), ("afvalbak", 0.25)),
    "trend": (("overlast-scooters", 1.0),),
}


@dataclass(frozen=True)
class Source:
    """Something that makes reports: a background category or a pattern at one place."""

    kind: str  # "background", "school", "park", "nightlife", "market", "trend"
    key: str  # the subcategory slug or the pool key of the place
    place: str = ""
    since: dt.date | None = None  # "trend": the first day of the new problem


def sources_for(places, *, trend_since: dt.date | None = None) -> list[Source]:
    """Background categories first, then the places with a pattern, in the given order; with
    `trend_since`, the new problem at the first sports park (if the town has one)."""
    sources = [Source("background", slug) for slug in BACKGROUND]
    for place in places:
        if place.kind in ("school", "park", "nightlife", "market"):
            sources.append(Source(place.kind, f"{place.kind}:{place.name}", place.name))
    sports = next((p for p in places if p.kind == "sports"), None)
    if trend_since is not None and sports is not None:
        sources.append(Source("trend", f"sports:{sports.name}", sports.name, trend_since))
    return sources


def fireworks_factor(day: dt.date) -> float:
    """Fireworks: some in December, a peak around New Year's Eve, nothing the rest of the year."""
    if day.month == 12:
        return 12.0 if day.day == 31 else 2.0 if day.day >= 27 else 0.5
    if day.month == 1:
        return 8.0 if day.day == 1 else 0.3 if day.day <= 7 else 0.0
    return 0.0


@dataclass(frozen=True)
class DayFacts:
    day: dt.date
    weather: float  # busier or quieter than usual (rain keeps people in)
    cold: bool  # frost: slippery roads
    storm: bool  # storm: fallen trees and branches


def expected(source: Source, facts: DayFacts, market_weekdays: tuple[int, ...]) -> float:
    """Expected reports of one source on one day, before scaling to the size of the demo."""
    day = facts.day
    weekday = day.weekday()
    base = facts.weather * cal.holiday_dip(day)
    if source.kind == "background":
        rate, theme, weekdays, _hours, _anchors = BACKGROUND[source.key]
        base *= rate * WEEKDAYS[weekdays][weekday]
        if source.key == "vuurwerkoverlast":
            return base * fireworks_factor(day)
        base *= cal.season(theme, day)
        if source.key == "gladheid":
            return base * (6.0 if facts.cold else 0.05)
        if source.key == "boom" and facts.storm:
            return base * 5.0
        if source.key in ("fout-parkeren", "parkeren-op-de-stoep"):
            base *= 0.7 if cal.school_holiday(day) == "zomervakantie" else 1.0
        return base
    if source.kind == "school":
        return base * SCHOOL_RATE if cal.is_school_day(day) else 0.0
    if source.kind == "park":
        return base * PARK_RATE * (1.3 if weekday >= 5 else 1.0) * cal.season("general", day)
    if source.kind == "nightlife":
        nights = NIGHTLIFE_RATE if weekday in (4, 5) else NIGHTLIFE_RATE * 0.06
        return base * nights * cal.season("summer", day)
    if source.kind == "market":
        return base * MARKET_RATE * cal.season("litter", day) if weekday in market_weekdays else 0.0
    if source.kind == "trend":
        days_in = (day - source.since).days if source.since else -1
        return 0.0 if days_in < 0 else base * TREND_RATE * min(1.0, (days_in + 1) / 21)
    raise ValueError(source.kind)


def day_facts(rng: random.Random, first: dt.date, days: int) -> list[DayFacts]:
    facts = []
    for i in range(days):
        day = first + dt.timedelta(days=i)
        weather = min(1.5, max(0.6, rng.gauss(1.0, 0.12)))
        cold = day.month in (12, 1, 2) and rng.random() < 0.15
        storm = day.month in (10, 11, 12, 1, 2, 3) and rng.random() < 0.04
        facts.append(DayFacts(day, weather, cold, storm))
    return facts
