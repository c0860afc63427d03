"""Address search: the local index (parsing, ranking) and PDOK Locatieserver with its fallback.

PDOK is the outside world, so it is played by a small HTTP server on this machine that answers
like the Locatieserver does; our own code and database are real.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from openhandhaving.areas import address_search as search_module
from openhandhaving.areas.address_query import AddressQuery, address_queries
from openhandhaving.areas.address_search import (
    LocalAddressSearch,
    PdokAddressSearch,
    address_search,
    parse_point,
)
from openhandhaving.areas.models import Address
from openhandhaving.areas.services import located_fill
from openhandhaving.reports.selectors_lookup import address_search as intake_address_search

pytestmark = pytest.mark.django_db

IN_WEST = (52.097, 5.105)


def add(street, number, letter="", addition="", postcode="3511AB", city="Utrecht", nudge=0.0):
    address = Address(
        street=street,
        house_number=number,
        house_letter=letter,
        addition=addition,
        postcode=postcode,
        city=city,
        lat=IN_WEST[0],
        lon=IN_WEST[1] + nudge,
    )
    located_fill(obj=address)
    address.save()
    return address


@pytest.fixture
def streets(squares):
    for number, letter, addition in [
        (12, "", "2"),
        (1, "", ""),
        (10, "", ""),
        (1, "A", ""),
        (12, "", ""),
        (11, "", ""),
        (2, "", ""),
    ]:
        add("Dorpsstraat", number, letter, addition)
    add("Dorpsstraatje", 1, postcode="3511AC")
    add("Belgiëlaan", 5, postcode="3512CD")
    add("Van Goghplein", 4, postcode="3512CE")
    add("Laan 1940-1945", 3, postcode="3512CF")
    add("Dorpsstraat", 12, postcode="3454AA", city="De Meern")


def labels(hits) -> list[str]:
    return [hit.label for hit in hits]


@pytest.mark.parametrize(
    ("typed", "reading"),
    [
        ("3511 AB 12", AddressQuery(postcode="3511AB", number=12)),
        ("3511ab12", AddressQuery(postcode="3511AB", number=12)),
        ("3511 ab 12a", AddressQuery(postcode="3511AB", number=12, letter="a")),
        ("3511 AB 12-2", AddressQuery(postcode="3511AB", number=12, rest="2")),
        ("3511AB", AddressQuery(postcode="3511AB")),
        ("3511", AddressQuery(postcode="3511")),
        ("Dorpsstraat 12A", AddressQuery(street="dorpsstraat", number=12, letter="a")),
        ("dorpsstraat12, Utrecht", AddressQuery(street="dorpsstraat", number=12, rest="utrecht")),
        ("Kon. Julianaplein", AddressQuery(street="kon julianaplein")),
    ],
)
def test_the_typed_text_is_read_as_postcode_or_street_with_number(typed, reading):
    assert address_queries(typed)[0] == reading


def test_too_little_text_is_not_searched():
    assert address_queries(" d ") == []
    assert LocalAddressSearch().suggest("d") == []


def test_the_exact_number_comes_first_then_numbers_that_start_with_it(streets):
    hits = LocalAddressSearch().suggest("dorpsstraat 1")
    assert labels(hits) == [
        "Dorpsstraat 1, 3511 AB Utrecht",
        "Dorpsstraat 1A, 3511 AB Utrecht",
        "Dorpsstraatje 1, 3511 AC Utrecht",
        "Dorpsstraat 12, 3454 AA De Meern",
        "Dorpsstraat 10, 3511 AB Utrecht",
        "Dorpsstraat 11, 3511 AB Utrecht",
        "Dorpsstraat 12, 3511 AB Utrecht",
        "Dorpsstraat 12-2, 3511 AB Utrecht",
    ]
    # The intake form needs one clear match: there a number matches exactly.
    assert [str(a) for a in intake_address_search(text="Dorpsstraat 1")] == [
        "Dorpsstraat 1, Utrecht",
        "Dorpsstraat 1A, Utrecht",
        "Dorpsstraatje 1, Utrecht",
    ]


def test_the_street_that_equals_the_text_comes_before_longer_names(streets):
    hits = LocalAddressSearch().suggest("DORPSSTRAAT", limit=20)
    assert hits[0].street == "Dorpsstraat"
    assert hits[-1].street == "Dorpsstraatje"


def test_letter_addition_and_place_narrow_the_search(streets):
    local = LocalAddressSearch()
    assert labels(local.suggest("dorpsstraat 1a")) == ["Dorpsstraat 1A, 3511 AB Utrecht"]
    assert labels(local.suggest("3511 AB 12-2")) == ["Dorpsstraat 12-2, 3511 AB Utrecht"]
    assert labels(local.suggest("Dorpsstraat 12, de meern")) == ["Dorpsstraat 12, 3454 AA De Meern"]


def test_postcode_with_or_without_spaces_and_number(streets):
    local = LocalAddressSearch()
    expected = ["Dorpsstraat 12, 3511 AB Utrecht", "Dorpsstraat 12-2, 3511 AB Utrecht"]
    assert labels(local.suggest("3511ab12")) == expected
    assert labels(local.suggest("3511 AB 12")) == expected
    assert [h.postcode for h in local.suggest("3512", limit=10)] == ["3512CD", "3512CE", "3512CF"]


def test_case_and_diacritics_do_not_matter_and_later_words_match(streets):
    local = LocalAddressSearch()
    assert labels(local.suggest("BELGIELAAN 5")) == ["Belgiëlaan 5, 3512 CD Utrecht"]
    assert labels(local.suggest("gogh")) == ["Van Goghplein 4, 3512 CE Utrecht"]
    assert labels(local.suggest("laan 1940-1945 3")) == ["Laan 1940-1945 3, 3512 CF Utrecht"]


def test_a_local_hit_can_be_looked_up_again_with_its_place(streets):
    local = LocalAddressSearch()
    (hit,) = local.suggest("belgiëlaan 5")
    assert hit.id == f"local-{hit.address_id}"
    again = local.lookup(hit.id)
    assert again == hit
    assert (again.lat, again.lon) == pytest.approx(IN_WEST)
    assert local.lookup("local-999999") is None
    assert local.lookup("adr-123") is None


# --- PDOK, played by a local HTTP server ---------------------------------------------------------


def pdok_doc(**fields) -> dict:
    doc = {
        "type": "adres",
        "id": "adr-7f3b2c",
        "weergavenaam": "Stationsplein 7B-1, 3511ED Utrecht",
        "straatnaam": "Stationsplein",
        "huisnummer": 7,
        "huisletter": "B",
        "huisnummertoevoeging": "1",
        "postcode": "3511ED",
        "woonplaatsnaam": "Utrecht",
        "gemeentecode": "0344",
        "centroide_ll": "POINT(5.1104 52.0894)",
        "score": 12.5,
    }
    doc.update(fields)
    return doc


class FakePdok:
    """What the fake Locatieserver does next: answer, fail with 500, or answer too late."""

    def __init__(self):
        self.mode = "answer"
        self.requests: list[tuple[str, dict]] = []
        self.docs = [
            pdok_doc(),
            pdok_doc(
                id="adr-91aa",
                straatnaam="Stationsstraat",
                huisnummer=2,
                huisletter=None,
                huisnummertoevoeging=None,
                postcode="3511EF",
                centroide_ll="POINT(5.1121 52.0901)",
            ),
        ]


@pytest.fixture
def pdok():
    fake = FakePdok()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            fake.requests.append((url.path, parse_qs(url.query)))
            if fake.mode == "slow":
                time.sleep(1.0)
            if fake.mode == "error":
                self.send_response(500)
                self.end_headers()
                self.wfile.write(b"Internal Server Error")
                return
            if fake.mode == "garbage":
                body = b"<html>onderhoud</html>"
            else:
                docs = fake.docs
                if url.path.endswith("/lookup"):
                    wanted = parse_qs(url.query)["id"][0]
                    docs = [d for d in fake.docs if d["id"] == wanted]
                body = json.dumps(
                    {"response": {"numFound": len(docs), "start": 0, "docs": docs}}
                ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/bzk/locatieserver/search/v3_1"
    search_module._adapters.clear()
    yield fake
    server.shutdown()
    server.server_close()
    search_module._adapters.clear()


@pytest.fixture
def pdok_settings(settings, pdok):
    settings.ADDRESS_SEARCH = "pdok"
    settings.PDOK_LOCATIESERVER_URL = pdok.url
    settings.PDOK_TIMEOUT_SECONDS = 0.3
    return settings


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("POINT(5.1104 52.0894)", (52.0894, 5.1104)),
        ("POINT (5.1 52.0)", (52.0, 5.1)),
        ("POINT(5.1)", (None, None)),
        (None, (None, None)),
        ("LINESTRING(1 2, 3 4)", (None, None)),
    ],
)
def test_centroide_ll_is_lon_lat(text, point):
    assert parse_point(text) == point


def test_pdok_suggestions_are_parsed_and_filtered_to_addresses_of_the_municipality(pdok):
    adapter = PdokAddressSearch(base_url=pdok.url, municipality_code="0344", timeout=1)
    hits = adapter.suggest("stationsplein 7", limit=5)
    assert labels(hits) == [
        "Stationsplein 7B-1, 3511 ED Utrecht",
        "Stationsstraat 2, 3511 EF Utrecht",
    ]
    first = hits[0]
    assert (first.id, first.source, first.house_number, first.house_letter) == (
        "adr-7f3b2c",
        "pdok",
        7,
        "B",
    )
    assert (first.lat, first.lon) == (52.0894, 5.1104)
    path, params = pdok.requests[-1]
    assert path.endswith("/suggest")
    assert params["q"] == ["stationsplein 7"]
    assert sorted(params["fq"]) == ["gemeentecode:0344", "type:adres"]
    assert params["rows"] == ["5"]
    assert "centroide_ll" in params["fl"][0]


def test_pdok_lookup_gives_the_one_address(pdok):
    adapter = PdokAddressSearch(base_url=pdok.url, municipality_code="0344", timeout=1)
    hit = adapter.lookup("adr-91aa")
    assert hit.label == "Stationsstraat 2, 3511 EF Utrecht"
    assert (hit.lat, hit.lon) == (52.0901, 5.1121)
    assert pdok.requests[-1][0].endswith("/lookup")
    assert adapter.lookup("adr-unknown") is None


def test_the_factory_filters_pdok_on_the_imported_municipality(pdok_settings, pdok, streets):
    hits = address_search().suggest("stationsplein")
    assert hits[0].source == "pdok"
    assert "gemeentecode:0344" in pdok.requests[-1][1]["fq"]


def test_local_is_the_default(settings, streets):
    settings.ADDRESS_SEARCH = "local"
    assert isinstance(address_search(), LocalAddressSearch)


@pytest.mark.parametrize("failure", ["error", "slow", "garbage"])
def test_when_pdok_fails_the_local_index_answers_with_one_warning(
    failure, pdok_settings, pdok, streets, caplog
):
    pdok.mode = failure
    adapter = address_search()
    with caplog.at_level(logging.WARNING, logger="openhandhaving.areas.address_search"):
        first = adapter.suggest("belgielaan 5")
        second = adapter.suggest("dorpsstraat 1a")
    assert labels(first) == ["Belgiëlaan 5, 3512 CD Utrecht"]
    assert labels(second) == ["Dorpsstraat 1A, 3511 AB Utrecht"]
    assert {hit.source for hit in first + second} == {"local"}
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert adapter.lookup("adr-7f3b2c") is None
    assert adapter.lookup(first[0].id).label == first[0].label

    pdok.mode = "answer"
    assert address_search().suggest("stationsplein")[0].source == "pdok"
    pdok.mode = failure
    with caplog.at_level(logging.WARNING, logger="openhandhaving.areas.address_search"):
        address_search().suggest("belgielaan 5")
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 2
