"""`openhandhaving import_addresses`: a BAG extract CSV becomes the local address index."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from pyproj import Transformer

from openhandhaving.areas.address_search import LocalAddressSearch
from openhandhaving.areas.models import Address

pytestmark = pytest.mark.django_db

WGS84_TO_RD = Transformer.from_crs("EPSG:4326", "EPSG:28992", always_xy=True)
IN_NOORD = (52.098, 5.105)
IN_OOST = (52.092, 5.118)
OUTSIDE = (52.2, 5.3)


def run(tmp_path, text: str, *args: str) -> dict:
    path = tmp_path / "adressen.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("import_addresses", "--csv", str(path), *args, stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


WGS84_CSV = (
    "openbareruimtenaam;huisnummer;huisletter;huisnummertoevoeging;postcode;woonplaatsnaam;"
    "gemeentecode;lat;lon\n"
    f"Dorpsstraat;12;;;3511 ab;Utrecht;0344;{IN_NOORD[0]};{IN_NOORD[1]}\n"
    f"Dorpsstraat;12;A;2;3511AB;Utrecht;0344;{IN_NOORD[0]};{IN_NOORD[1]}\n"
    f"Oosterweg;3;;;3512CD;Utrecht;0344;52,092;5,118\n"
    f"Buitenweg;1;;;3600AA;Maarssen;0344;{OUTSIDE[0]};{OUTSIDE[1]}\n"
    f"Damrak;1;;;1012LG;Amsterdam;0363;{IN_NOORD[0]};{IN_NOORD[1]}\n"
    f"Dorpsstraat;12;;;3511AB;Utrecht;0344;{IN_NOORD[0]};{IN_NOORD[1]}\n"
)


def test_a_wgs84_csv_is_stored_located_and_searchable(squares, tmp_path):
    summary = run(tmp_path, WGS84_CSV)
    assert summary == {
        "ok": True,
        "errors": [],
        "read": 6,
        "outside_municipality": 2,
        "duplicates": 1,
        "removed": 0,
        "already_stored": 0,
        "created": 3,
        "in_a_district": 3,
        "in_a_neighbourhood": 3,
    }
    stored = {str(a): a for a in Address.objects.select_related("district", "neighbourhood")}
    assert set(stored) == {
        "Dorpsstraat 12, Utrecht",
        "Dorpsstraat 12A-2, Utrecht",
        "Oosterweg 3, Utrecht",
    }
    dorp = stored["Dorpsstraat 12, Utrecht"]
    assert (dorp.postcode, dorp.district.name, dorp.neighbourhood.name) == (
        "3511AB",
        "West",
        "Noord",
    )
    assert dorp.h3_cell
    assert (stored["Oosterweg 3, Utrecht"].lat, stored["Oosterweg 3, Utrecht"].lon) == IN_OOST
    assert [h.label for h in LocalAddressSearch().suggest("3511ab12a")] == [
        "Dorpsstraat 12A-2, 3511 AB Utrecht"
    ]


def test_rd_coordinates_are_converted_and_a_second_run_keeps_what_is_stored(squares, tmp_path):
    x, y = WGS84_TO_RD.transform(IN_OOST[1], IN_OOST[0])
    text = (
        f"straat,huisnummer,postcode,woonplaats,x,y\nOosterweg,3,3512CD,Utrecht,{x:.3f},{y:.3f}\n"
    )
    assert run(tmp_path, text)["created"] == 1
    address = Address.objects.get()
    assert (address.lat, address.lon) == pytest.approx(IN_OOST, abs=1e-6)
    assert address.district.name == "Oost"

    again = run(tmp_path, text)
    assert (again["created"], again["already_stored"]) == (0, 1)
    replaced = run(tmp_path, text, "--replace")
    assert (replaced["removed"], replaced["created"]) == (1, 1)
    assert Address.objects.count() == 1


def test_errors_name_row_and_column_and_nothing_is_stored(squares, tmp_path):
    run(tmp_path, WGS84_CSV)
    before = sorted(Address.objects.values_list("id", flat=True))
    text = (
        "openbareruimtenaam;huisnummer;postcode;woonplaatsnaam;lat;lon\n"
        f"Dorpsstraat;14;3511AB;Utrecht;{IN_NOORD[0]};{IN_NOORD[1]}\n"
        f"Dorpsstraat;twaalf;3511AB;Utrecht;{IN_NOORD[0]};{IN_NOORD[1]}\n"
        f"Dorpsstraat;16;35111AB;Utrecht;{IN_NOORD[0]};{IN_NOORD[1]}\n"
        "Dorpsstraat;18;3511AB;Utrecht;5.105;52.098\n"
    )
    path = tmp_path / "fout.csv"
    path.write_text(text, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Er is niets opgeslagen: 3 fouten"):
        call_command("import_addresses", "--csv", str(path), "--replace", stderr=err)
    messages = err.getvalue()
    assert "Regel 3, kolom 'huisnummer': 'twaalf' is geen huisnummer." in messages
    assert "Regel 4, kolom 'postcode': '35111AB' is geen postcode." in messages
    assert "Regel 5, kolom 'lat': (5.105, 52.098) ligt niet in Nederland." in messages
    assert sorted(Address.objects.values_list("id", flat=True)) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("straat;postcode;woonplaats;lat;lon\n", "Kolom ontbreekt: house_number"),
        ("straat;huisnummer;woonplaats\nA;1;B\n", "De plek ontbreekt"),
        ("", "Het bestand is leeg"),
        ("straat;huisnummer;woonplaats;x;y\n", "geen adressen"),
    ],
)
def test_a_file_without_the_needed_columns_is_refused(squares, tmp_path, text, message):
    path = tmp_path / "adressen.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_addresses", "--csv", str(path))
    assert not Address.objects.exists()


def test_a_file_that_is_not_utf8_gets_a_dutch_message(squares, tmp_path):
    path = tmp_path / "adressen.csv"
    path.write_bytes("straat;huisnummer\nBelgiëlaan;1\n".encode("cp1252"))
    with pytest.raises(CommandError, match="geen UTF-8-tekst"):
        call_command("import_addresses", "--csv", str(path))
    with pytest.raises(CommandError, match="Bestand niet gevonden"):
        call_command("import_addresses", "--csv", str(tmp_path / "weg.csv"))
