"""What someone typed in an address field, taken apart: street, number, letter, postcode, place.

Pure functions without Django, shared by the local address index and its tests. Text is
compared folded: lower case, without diacritics and punctuation ("Kon. Julianaplein" and
"kon julianapl" match, "Église" and "eglise" too).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_NOT_WORD = re.compile(r"[\W_]+")

# Folded text only (lower case, single spaces): "3511 ab 12 a 2", "3511ab12a", "3511 ab".
_POSTCODE = re.compile(
    r"^(?P<digits>\d{4}) ?(?P<chars>[a-z]{2})"
    r"(?: ?(?P<number>\d{1,5})(?: ?(?P<letter>[a-z])\b)?(?: (?P<rest>.+))?)?$"
)
_POSTCODE_DIGITS = re.compile(r"^\d{4}$")
# A street name ends with a letter; the number follows, then a letter, then an addition or place.
_STREET_NUMBER = re.compile(
    r"^(?P<street>.*?[a-z]) ?(?P<number>\d{1,5})(?: ?(?P<letter>[a-z])\b)?(?: (?P<rest>.+))?$"
)
# The same with the longest street name: "laan 1940 1945 3" is number 3 in "laan 1940 1945".
_LONG_STREET_NUMBER = re.compile(
    r"^(?P<street>.*[a-z0-9]) (?P<number>\d{1,5})(?: ?(?P<letter>[a-z])\b)?(?: (?P<rest>.+))?$"
)


def fold(text: str) -> str:
    """'  Kon. Wilhelmina-laan ' → 'kon wilhelmina laan'; 'Église' → 'eglise'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", plain).split())


@dataclass(frozen=True)
class AddressQuery:
    """One reading of the typed text. `street` and `postcode` are folded; empty means not given."""

    street: str = ""
    postcode: str = ""  # "3511AB" (complete) or "3511" (the digits only: a prefix)
    number: int | None = None
    letter: str = ""
    rest: str = ""  # after the number: an addition ("2", "bis") or the place ("utrecht")

    @property
    def postcode_complete(self) -> bool:
        return len(self.postcode) == 6


def address_queries(text: str) -> list[AddressQuery]:
    """The readings of `text` to try in order; the last one takes everything as a street name.

    "Laan 1940-1945 3" is first read as street "laan" number 1940, then as number 3 in street
    "laan 1940 1945", last as street "laan 1940 1945 3": the index tries the next reading when
    one finds nothing.
    """
    folded = fold(text)
    if len(folded) < 2:
        return []
    if match := _POSTCODE.match(folded):
        return [
            AddressQuery(
                postcode=(match["digits"] + match["chars"]).upper(),
                number=int(match["number"]) if match["number"] else None,
                letter=match["letter"] or "",
                rest=match["rest"] or "",
            )
        ]
    if _POSTCODE_DIGITS.match(folded):
        return [AddressQuery(postcode=folded)]
    readings = []
    for pattern in (_STREET_NUMBER, _LONG_STREET_NUMBER):
        if match := pattern.match(folded):
            reading = AddressQuery(
                street=match["street"],
                number=int(match["number"]),
                letter=match["letter"] or "",
                rest=match["rest"] or "",
            )
            if reading not in readings:
                readings.append(reading)
    readings.append(AddressQuery(street=folded))
    return readings


def street_rank(folded_street: str, typed: str) -> int | None:
    """0 for the same name, 1 when the name starts with what was typed, 2 when one of its later
    words does ("gogh" → "Van Goghplein"), None when it does not match."""
    if folded_street == typed:
        return 0
    if folded_street.startswith(typed):
        return 1
    if f" {typed}" in folded_street:
        return 2
    return None


def number_prefix_ranges(number: int, *, digits: int = 5) -> list[tuple[int, int]]:
    """House numbers that start with `number` but are longer: 1 → [10, 20), [100, 200), ..."""
    ranges = []
    low, high = number * 10, (number + 1) * 10
    while len(str(low)) <= digits:
        ranges.append((low, high))
        low, high = low * 10, high * 10
    return ranges


def postcode_display(postcode: str) -> str:
    """'3511AB' → '3511 AB' (as written on an envelope)."""
    postcode = postcode.replace(" ", "").upper()
    return f"{postcode[:4]} {postcode[4:]}" if len(postcode) == 6 else postcode


def address_label(
    *, street: str, house_number: int | None, letter: str, addition: str, postcode: str, city: str
) -> str:
    """'Dorpsstraat 12A-2, 3511 AB Utrecht'; parts that are missing are left out."""
    number = f"{house_number}{letter}" if house_number is not None else ""
    if addition:
        number += f"-{addition}"
    first = f"{street} {number}".strip()
    second = " ".join(part for part in (postcode_display(postcode), city) if part)
    return ", ".join(part for part in (first, second) if part)
