"""Import the municipality's addresses from a BAG extract CSV into the local address index.

The whole file is checked first; with any error nothing is stored. Rows outside the
municipality (another gemeentecode, or a point in none of the wijken) are skipped and counted.
Each stored address is located (H3 cell, wijk, buurt) like every other point.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from pyproj import Transformer

from openhandhaving.areas.address_query import fold
from openhandhaving.areas.address_search import address_names_clear, pdok_municipality_code
from openhandhaving.areas.models import Address, District, Municipality
from openhandhaving.areas.services import locate_many
from openhandhaving.core.choices import AuditResult
from openhandhaving.core.services import audit_log_record

# Column names seen in BAG extracts (NLExtract, BAG-light, PDOK/Kadaster downloads), folded
# without spaces, dashes and underscores. The first that is present is used.
COLUMNS: dict[str, tuple[str, ...]] = {
    "street": ("openbareruimtenaam", "openbareruimte", "straatnaam", "straat", "street"),
    "house_number": ("huisnummer", "huisnr", "nummer", "housenumber"),
    "house_letter": ("huisletter", "letter"),
    "addition": ("huisnummertoevoeging", "toevoeging", "addition"),
    "postcode": ("postcode", "zipcode"),
    "city": ("woonplaatsnaam", "woonplaats", "plaats", "city"),
    "municipality_code": ("gemeentecode", "gmcode", "cbscode"),
    "lat": ("lat", "latitude", "breedtegraad"),
    "lon": ("lon", "lng", "longitude", "lengtegraad"),
    "x": ("x", "xrd", "rdx", "xcoordinaat"),
    "y": ("y", "yrd", "rdy", "ycoordinaat"),
}
REQUIRED = ("street", "house_number", "city")
POSTCODE = re.compile(r"^[1-9]\d{3}[A-Z]{2}$")
# The Netherlands, generously: RD New metres and WGS84 degrees.
RD_BOUNDS = (-7000.0, 289000.0, 300000.0, 629000.0)  # min x, min y, max x, max y
WGS84_BOUNDS = (50.6, 3.2, 53.7, 7.3)  # min lat, min lon, max lat, max lon
MAX_ERRORS = 50
BATCH_SIZE = 2000

_RD_TO_WGS84 = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


@dataclass
class AddressImport:
    """What an address import found and did; `errors` not empty means nothing was stored."""

    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    error_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "errors": self.errors, **self.counts}


@dataclass
class _Row:
    line: int
    street: str
    house_number: int
    house_letter: str
    addition: str
    postcode: str
    city: str
    municipality_code: str
    lat: float
    lon: float

    @property
    def key(self) -> tuple:
        return (
            self.street.casefold(),
            self.house_number,
            self.house_letter.casefold(),
            self.addition.casefold(),
            self.city.casefold(),
        )


def _header_key(name: str) -> str:
    return fold(name).replace(" ", "")


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which column holds which field, and the errors about missing ones."""
    found = {_header_key(name): i for i, name in reversed(list(enumerate(header)))}
    columns = {}
    for name, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in found:
                columns[name] = found[alias]
                break
    errors = []
    for name in REQUIRED:
        if name not in columns:
            errors.append(
                _("Kolom ontbreekt: %(name)s (bijvoorbeeld '%(example)s').")
                % {"name": name, "example": COLUMNS[name][0]}
            )
    if not ({"lat", "lon"} <= columns.keys() or {"x", "y"} <= columns.keys()):
        errors.append(
            _(
                "De plek ontbreekt: geef kolommen 'lat' en 'lon' (WGS84) of 'x' en 'y' "
                "(Rijksdriehoek, EPSG:28992)."
            )
        )
    return columns, errors


def _number(text: str) -> float | None:
    text = text.strip()
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _read_row(
    line: int, cells: list[str], columns: dict[str, int], header: list[str]
) -> tuple[_Row | None, list[str]]:
    def cell(name: str) -> str:
        i = columns.get(name)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    def problem(name: str, text: str) -> str:
        column = header[columns[name]] if name in columns else name
        return _("Regel %(line)s, kolom '%(column)s': %(text)s") % {
            "line": line,
            "column": column,
            "text": text,
        }

    errors = []
    street, city = cell("street"), cell("city")
    if not street:
        errors.append(problem("street", _("de straatnaam is leeg.")))
    elif len(street) > 120:
        errors.append(problem("street", _("de straatnaam is langer dan 120 tekens.")))
    if not city:
        errors.append(problem("city", _("de woonplaats is leeg.")))
    elif len(city) > 80:
        errors.append(problem("city", _("de woonplaats is langer dan 80 tekens.")))
    number_text = cell("house_number")
    number = int(number_text) if number_text.isdigit() else None
    if number is None or not 0 < number < 100000:
        errors.append(
            problem("house_number", _("'%(value)s' is geen huisnummer.") % {"value": number_text})
        )
    letter, addition = cell("house_letter"), cell("addition")
    if len(letter) > 1 or (letter and not letter.isalpha()):
        errors.append(
            problem("house_letter", _("'%(value)s' is geen huisletter.") % {"value": letter})
        )
    if len(addition) > 4:
        errors.append(
            problem(
                "addition",
                _("de toevoeging '%(value)s' is langer dan 4 tekens.") % {"value": addition},
            )
        )
    postcode = cell("postcode").replace(" ", "").upper()
    if postcode and not POSTCODE.match(postcode):
        errors.append(
            problem("postcode", _("'%(value)s' is geen postcode.") % {"value": cell("postcode")})
        )
    lat, lon, place_errors = _place(cell, problem, columns)
    errors += place_errors
    if errors:
        return None, errors
    row = _Row(
        line=line,
        street=street,
        house_number=number,
        house_letter=letter.upper(),
        addition=addition,
        postcode=postcode,
        city=city,
        municipality_code=pdok_municipality_code(cell("municipality_code")),
        lat=lat,
        lon=lon,
    )
    return row, []


def _place(cell, problem, columns) -> tuple[float, float, list[str]]:
    """(lat, lon) from lat/lon columns if they are there, else from RD x/y."""
    if {"lat", "lon"} <= columns.keys() and (cell("lat") or "x" not in columns):
        lat, lon = _number(cell("lat")), _number(cell("lon"))
        for name, value in (("lat", lat), ("lon", lon)):
            if value is None:
                return (
                    0,
                    0,
                    [problem(name, _("'%(value)s' is geen getal.") % {"value": cell(name)})],
                )
        min_lat, min_lon, max_lat, max_lon = WGS84_BOUNDS
        if not (min_lat <= lat <= max_lat and min_lon <= lon <= max_lon):
            return (
                0,
                0,
                [
                    problem(
                        "lat",
                        _("(%(lat)s, %(lon)s) ligt niet in Nederland.")
                        % {"lat": cell("lat"), "lon": cell("lon")},
                    )
                ],
            )
        return lat, lon, []
    x, y = _number(cell("x")), _number(cell("y"))
    for name, value in (("x", x), ("y", y)):
        if value is None:
            return 0, 0, [problem(name, _("'%(value)s' is geen getal.") % {"value": cell(name)})]
    min_x, min_y, max_x, max_y = RD_BOUNDS
    if not (min_x <= x <= max_x and min_y <= y <= max_y):
        return (
            0,
            0,
            [
                problem(
                    "x",
                    _("(%(x)s, %(y)s) ligt niet in Nederland (Rijksdriehoek-meters verwacht).")
                    % {"x": cell("x"), "y": cell("y")},
                )
            ],
        )
    lon, lat = _RD_TO_WGS84.transform(x, y)
    return round(lat, 7), round(lon, 7), []


def addresses_read(text: str) -> tuple[list[_Row], list[str]]:
    """The rows of a BAG extract CSV (comma, semicolon or tab separated), or the errors."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(";\t,", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if not header or not any(h.strip() for h in header):
        return [], [_("Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.")]
    columns, errors = _columns(header)
    if errors:
        return [], errors
    rows = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            row, problems = _read_row(reader.line_num, cells, columns, header)
            errors += problems
            if row is not None:
                rows.append(row)
    except csv.Error as error:
        errors.append(
            _("Regel %(line)s is geen geldige CSV: %(error)s")
            % {"line": reader.line_num, "error": error}
        )
    if not rows and not errors:
        errors.append(_("Het bestand bevat geen adressen, alleen kolomnamen."))
    return rows, errors


def addresses_import(
    *, csv_text: str, replace: bool = False, actor=None, origin: str = "systeem"
) -> AddressImport:
    """Check the CSV, then store its addresses of this municipality in one transaction.

    Without `replace`, addresses already stored (same street, number, letter, toevoeging and
    place) are kept and the file's copy skipped; with `replace`, the stored list is replaced.
    """
    rows, errors = addresses_read(csv_text)
    report = AddressImport(errors=errors[:MAX_ERRORS], error_count=len(errors))
    if len(errors) > MAX_ERRORS:
        report.errors.append(_("… en nog %(count)s fouten.") % {"count": len(errors) - MAX_ERRORS})
    if not report.ok:
        audit_log_record(
            actor=actor,
            action="addresses_import",
            result=AuditResult.FAILED,
            origin=origin,
            details={"errors": report.errors[:20], "error_count": len(errors)},
        )
        return report
    counts = {"read": len(rows), "outside_municipality": 0, "duplicates": 0}
    municipality = Municipality.objects.order_by("id").first()
    own_code = pdok_municipality_code(municipality.code) if municipality else ""
    if own_code:
        inside = [r for r in rows if not r.municipality_code or r.municipality_code == own_code]
        counts["outside_municipality"] += len(rows) - len(inside)
        rows = inside
    located = locate_many([(r.lat, r.lon) for r in rows])
    if District.objects.exists():
        kept = [(r, where) for r, where in zip(rows, located, strict=True) if where["district"]]
        counts["outside_municipality"] += len(rows) - len(kept)
    else:
        kept = list(zip(rows, located, strict=True))
    with transaction.atomic():
        counts["removed"] = Address.objects.all().delete()[0] if replace else 0
        stored = set() if replace else _stored_keys()
        in_file: set[tuple] = set()
        counts["already_stored"] = 0
        new = []
        for row, where in kept:
            if row.key in in_file:
                counts["duplicates"] += 1
                continue
            in_file.add(row.key)
            if row.key in stored:
                counts["already_stored"] += 1
                continue
            new.append(_address(row, where))
        Address.objects.bulk_create(new, batch_size=BATCH_SIZE)
        counts["created"] = len(new)
        counts["in_a_district"] = sum(1 for a in new if a.district_id)
        counts["in_a_neighbourhood"] = sum(1 for a in new if a.neighbourhood_id)
        report.counts = counts
        audit_log_record(actor=actor, action="addresses_import", origin=origin, details=counts)
        transaction.on_commit(address_names_clear)
    return report


def _stored_keys() -> set[tuple]:
    return {
        (street.casefold(), number, letter.casefold(), addition.casefold(), city.casefold())
        for street, number, letter, addition, city in Address.objects.values_list(
            "street", "house_number", "house_letter", "addition", "city"
        )
    }


def _address(row: _Row, where: dict[str, Any]) -> Address:
    return Address(
        street=row.street,
        house_number=row.house_number,
        house_letter=row.house_letter,
        addition=row.addition,
        postcode=row.postcode,
        city=row.city,
        lat=row.lat,
        lon=row.lon,
        h3_cell=where["h3_cell"],
        district=where["district"],
        neighbourhood=where["neighbourhood"],
    )
