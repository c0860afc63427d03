"""Variables in standard texts: which are unknown, stray braces, filling in."""

from __future__ import annotations

import pytest

from openhandhaving.reports.message_templates import (
    has_stray_brace,
    template_fill,
    variables_unknown,
)

VALUES = {"nummer": "2026-000123", "adres": "Dorpsstraat 1", "status": "afgehandeld"}


@pytest.mark.parametrize(
    ("template", "unknown"),
    [
        ("Uw melding {nummer} is {status}.", []),
        ("Alle variabelen: {nummer} {categorie} {adres} {wijk} {termijn} {status} {link}", []),
        ("Beste {naam}, uw melding {nummer}", ["naam"]),
        ("{Nummer} is hoofdlettergevoelig", ["Nummer"]),
        ("Twee fouten: {foo} en {bar} en nog eens {foo}", ["foo", "bar"]),
        ("Geen attribuut-toegang: {nummer.upper}", ["nummer.upper"]),
        ("Lege accolades {} tellen ook", [""]),
        ("Geen variabelen", []),
    ],
)
def test_unknown_variables_are_found_in_order(template, unknown):
    assert variables_unknown(template) == unknown


@pytest.mark.parametrize(
    ("template", "stray"),
    [
        ("Melding {nummer}", False),
        ("Melding {nummer", True),
        ("Melding nummer}", True),
        ("Een {{nummer}} met dubbele accolades", True),
        ("Gewone tekst", False),
    ],
)
def test_stray_braces_are_found(template, stray):
    assert has_stray_brace(template) is stray


@pytest.mark.parametrize(
    ("template", "filled"),
    [
        ("Melding {nummer} op {adres}", "Melding 2026-000123 op Dorpsstraat 1"),
        ("De melding is {status}.", "De melding is afgehandeld."),
        ("Onbekend blijft staan: {naam}", "Onbekend blijft staan: {naam}"),
        ("{nummer}{nummer}", "2026-0001232026-000123"),
    ],
)
def test_fill_replaces_known_variables_only(template, filled):
    assert template_fill(template, VALUES) == filled
