"""Option helpers shared by the `openhandhaving analyse` actions: Dutch messages, no argparse
English, so a wrong value is named by its option."""

from __future__ import annotations

import math

from openhandhaving.analysis.core.events import EventsError


def required(options: dict, key: str, flag: str, example: str) -> str:
    value = options.get(key)
    if value is None or not str(value).strip():
        raise EventsError(f"Geef {flag} op, bijvoorbeeld {flag} {example}.")
    return str(value)


def number(options, key, flag, default, low, high, *, whole=False) -> float:
    text = options.get(key)
    if text is None:
        return default
    try:
        value = int(text) if whole else float(str(text).replace(",", "."))
    except ValueError:
        value = math.nan
    if not low <= value <= high:
        kind = "een geheel getal" if whole else "een getal"
        raise EventsError(f"{flag} moet {kind} van {low} tot en met {high} zijn, niet ‘{text}’.")
    return value
