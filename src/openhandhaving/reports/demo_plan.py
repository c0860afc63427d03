"""Two years of demo reports as drafts, pure: when, what, where, by which channel, in whose words.

Background reports follow the population (a random address) with a season, a weekday rhythm and
an hour profile per category. On top of that come the patterns the team knows from the street:
parking at schools when children are brought and picked up (school days only), dog fouling in
the parks in the morning, noise near the nightlife on Friday and Saturday nights, litter after
the market, and one new problem for the analyst to find: scooters at a sports park in the
evenings, growing over the last six weeks. The expected counts are scaled so that the whole
period holds about `target` drafts. Everything is drawn from the one random stream it is given,
in a fixed order.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import numpy as np

from openhandhaving.reports import demo_calendar as cal
from openhandhaving.reports import demo_rates as rates
from openhandhaving.reports.demo_catalogue import subcategories
from openhandhaving.reports.demo_places import Setting, metres_to_degrees
from openhandhaving.reports.demo_texts import report_text, reporter
from openhandhaving.reports.questions import options_of

TARGETS = {"small": 2_000, "normal": 30_000, "large": 1_000_000}
DAYS = 730
CHANNELS = (("web", 0.62), ("app", 0.16), ("email", 0.07), ("social", 0.01))


@dataclass
class Draft:
    moment: dt.datetime
    slug: str
    pattern: str | None
    lat: float
    lon: float
    address_index: int
    place: str
    channel: str = "web"
    text: str = ""
    answers: dict = field(default_factory=dict)
    contact: dict | None = None
    priority: str = "normal"


_CUM_HOURS = {name: [float(w) for w in np.cumsum(weights)] for name, weights in rates.HOURS.items()}
QUESTIONS = {sub.slug: sub.questions for _main, sub in subcategories()}
NOISE_SOURCES = (
    ("Buren", 0.55),
    ("Feest of evenement", 0.15),
    ("Jongeren op straat", 0.1),
    ("Verkeer", 0.08),
    ("Horeca", 0.05),
    ("Anders", 0.07),
)
URGENT = ("gladheid", "boom", "overlast-personen", "drugsoverlast", "dood-dier")
CAN_WAIT = ("onkruid", "maaien-snoeien", "bladeren", "graffiti", "fietswrak")
OWN_OBSERVATION_LIKELY = (
    "fout-parkeren",
    "parkeren-op-de-stoep",
    "afvaldumping",
    "afval-naast-container",
)


def _at(day: dt.date, seconds: float, tz: ZoneInfo) -> dt.datetime:
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=int(seconds))
    return naive.replace(tzinfo=tz)


def _between(rng: random.Random, day: dt.date, start: dt.time, end: dt.time, tz) -> dt.datetime:
    low = start.hour * 3600 + start.minute * 60
    high = end.hour * 3600 + end.minute * 60
    if high <= low:
        high += 24 * 3600
    return _at(day, rng.uniform(low, high), tz)


def _moment(rng: random.Random, source: rates.Source, day: dt.date, tz, market_days) -> dt.datetime:
    if source.kind == "background":
        hours = rates.BACKGROUND[source.key][3]
        hour = rng.choices(range(24), cum_weights=_CUM_HOURS[hours])[0]
        return _at(day, hour * 3600 + rng.uniform(0, 3599), tz)
    if source.kind == "school":
        start, end = rates.SCHOOL_WINDOWS[0 if rng.random() < 0.55 else 1]
        return _between(rng, day, start, end, tz)
    if source.kind == "park":
        if rng.random() < 0.85:
            return _between(rng, day, dt.time(6, 30), dt.time(10, 0), tz)
        return _between(rng, day, dt.time(17, 0), dt.time(20, 0), tz)
    if source.kind == "nightlife":
        return _between(rng, day, dt.time(22, 0), dt.time(3, 30), tz)
    if source.kind == "trend":
        return _between(rng, day, dt.time(19, 0), dt.time(23, 30), tz)
    if rng.random() < 0.8:  # market: the afternoon after, or the next morning
        return _between(rng, day, dt.time(12, 30), dt.time(18, 30), tz)
    return _between(rng, day + dt.timedelta(days=1), dt.time(8, 0), dt.time(12, 0), tz)


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    if len(weighted) == 1:
        return weighted[0][0]
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _channel(rng: random.Random, moment: dt.datetime, slug: str) -> str:
    hour = moment.hour
    if 8 <= hour < 23 and rng.random() < (0.12 if slug in OWN_OBSERVATION_LIKELY else 0.03):
        return "own_observation"
    office = moment.weekday() < 5 and 8 <= hour < 17 and not cal.is_public_holiday(moment.date())
    roll = rng.random()
    if office and roll < 0.22:
        return "phone"
    if office and roll < 0.235:
        return "desk"
    return _pick(rng, CHANNELS)


def _priority(rng: random.Random, slug: str) -> str:
    roll = rng.random()
    if slug in URGENT:
        return "high" if roll < 0.3 else "normal"
    if slug in CAN_WAIT:
        return "low" if roll < 0.4 else "normal"
    return "high" if roll < 0.03 else "low" if roll < 0.07 else "normal"


def _values(question: dict) -> list[str]:
    """The answers a demo reporter gives: never one that stops the report (those go to 112)."""
    return [option["value"] for option in options_of(question) if not option["stop"]]


def _answers(rng: random.Random, slug: str, pattern: str | None, moment: dt.datetime) -> dict:
    answers: dict = {}
    for question in QUESTIONS.get(slug, ()):
        key, kind = question["key"], question["type"]
        if not question["required"] and rng.random() < 0.35:
            continue
        if key == "bron":
            nightlife = pattern == "nightlife" and rng.random() < 0.7
            answers[key] = "Horeca" if nightlife else _pick(rng, NOISE_SOURCES)
        elif key == "nog_bezig":
            late = moment.hour >= 21 or moment.hour < 6
            answers[key] = "Ja" if rng.random() < (0.75 if late else 0.4) else "Nee"
        elif kind == "choice":
            values = _values(question)
            answers[key] = values[rng.randrange(len(values))]
        elif kind == "multiple":
            values = _values(question)
            chosen = rng.sample(range(len(values)), rng.randint(1, 2))
            answers[key] = [values[i] for i in sorted(chosen)]
        elif key == "paalnummer" and rng.random() < 0.5:
            answers[key] = f"WD{rng.randrange(1000, 9999)}"
    return answers


def _draft(rng: random.Random, setting: Setting, source: rates.Source, day: dt.date, tz) -> Draft:
    moment = _moment(rng, source, day, tz, setting.market_weekdays)
    if source.kind == "background":
        slug, pattern = source.key, None
        anchor = _pick(rng, rates.BACKGROUND[slug][4])
        pool = setting.pools.get(f"any:{'shopping_street' if anchor == 'shopping' else anchor}")
        jitter = 15.0
    else:
        slug, pattern = _pick(rng, rates.PATTERN_CATEGORIES[source.kind]), source.kind
        pool, jitter = setting.pools[source.key], 5.0
    if pool and (pattern or anchor != "address"):
        lat, lon, index, place = pool[rng.randrange(len(pool))]
    else:
        index = rng.randrange(len(setting.streets))
        lat, lon = float(setting.address_lat[index]), float(setting.address_lon[index])
        place = ""
    dlat, dlon = metres_to_degrees(lat, rng.uniform(-jitter, jitter), rng.uniform(-jitter, jitter))
    channel = _channel(rng, moment, slug)
    street = setting.streets[index]
    return Draft(
        moment=moment,
        slug=slug,
        pattern=pattern,
        lat=round(lat + dlat, 7),
        lon=round(lon + dlon, 7),
        address_index=index,
        place=place,
        channel=channel,
        answers=_answers(rng, slug, pattern, moment),
        text=report_text(
            rng, slug=slug, pattern=pattern, channel=channel, street=street, place=place
        ),
        contact=reporter(rng, channel=channel),
        priority=_priority(rng, slug),
    )


def drafts(
    setting: Setting, rng: random.Random, *, today: dt.date, target: int, tz: ZoneInfo
) -> Iterator[Draft]:
    """About `target` drafts over the two years before `today` 08:00, in time order."""
    first = today - dt.timedelta(days=DAYS)
    now = dt.datetime.combine(today, dt.time(8, 0), tzinfo=tz)
    facts = rates.day_facts(rng, first, DAYS + 1)
    trend_since = today - dt.timedelta(weeks=rates.TREND_WEEKS)
    sources = rates.sources_for(setting.places, trend_since=trend_since)
    total = sum(rates.expected(s, f, setting.market_weekdays) for f in facts for s in sources)
    scale = target / total if total else 0.0
    pending: list[tuple[dt.datetime, int, Draft]] = []
    serial = 0
    for fact in facts:
        for source in sources:
            mean = rates.expected(source, fact, setting.market_weekdays) * scale
            count = int(mean) + (rng.random() < mean - int(mean))
            for _ in range(count):
                draft = _draft(rng, setting, source, fact.day, tz)
                serial += 1
                if draft.moment < now:
                    pending.append((draft.moment, serial, draft))
        # Everything before this day is complete: nights and markets spill over one day at most.
        pending.sort(key=lambda item: (item[0], item[1]))
        cut = dt.datetime.combine(fact.day, dt.time(0, 0), tzinfo=tz)
        ready = 0
        while ready < len(pending) and pending[ready][0] < cut:
            ready += 1
        for _, _, draft in pending[:ready]:
            yield draft
        del pending[:ready]
    for _, _, draft in pending:
        yield draft
