"""`openhandhaving import_areas`: a Dutch report, a failing exit code, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from openhandhaving.areas.models import District, Municipality, Neighbourhood
from openhandhaving.areas.tests import geo


def write(path, data) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


@pytest.mark.django_db
def test_import_prints_the_report_and_stores_the_areas(tmp_path):
    out = StringIO()
    call_command(
        "import_areas",
        "--wijken",
        write(tmp_path / "wijken.geojson", geo.named_wijken()),
        "--buurten",
        write(tmp_path / "buurten.geojson", geo.named_buurten()),
        "--gemeente",
        "Utrecht",
        stdout=out,
    )
    summary = "Ingelezen: 2 wijken (2 nieuw, 0 bijgewerkt, 0 verwijderd) en 3 buurten"
    assert summary in out.getvalue()
    assert "3 buurten zijn op hun ligging aan een wijk gekoppeld" in out.getvalue()
    assert (District.objects.count(), Neighbourhood.objects.count()) == (2, 3)
    assert Municipality.objects.get().name == "Utrecht"


@pytest.mark.django_db
def test_errors_are_listed_and_the_command_fails(tmp_path):
    overlapping = geo.collection(
        geo.feature(geo.polygon(geo.WEST), name="West"),
        geo.feature(geo.polygon(geo.WEST), name="Kopie"),
    )
    out = StringIO()
    wijken = write(tmp_path / "w.json", overlapping)
    with pytest.raises(CommandError, match=r"^Er is niets opgeslagen: 1 fout gevonden\.$"):
        call_command("import_areas", "--wijken", wijken, stdout=out)
    assert "Fouten (1):" in out.getvalue()
    assert "Wijk 1 (West) en wijk 2 (Kopie) overlappen elkaar" in out.getvalue()
    assert not District.objects.exists()


@pytest.mark.django_db
def test_replace_updates_an_earlier_import(tmp_path):
    wijken = write(tmp_path / "wijken.geojson", geo.cbs_wijken())
    call_command("import_areas", "--wijken", wijken, stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("import_areas", "--wijken", wijken, stdout=StringIO())
    out = StringIO()
    call_command("import_areas", "--wijken", wijken, "--replace", stdout=out)
    assert "0 nieuw, 2 bijgewerkt" in out.getvalue()


@pytest.mark.django_db
def test_a_json_list_is_reported_as_not_a_feature_collection(tmp_path):
    with pytest.raises(CommandError):
        out = StringIO()
        call_command("import_areas", "--wijken", write(tmp_path / "w.json", [1]), stdout=out)
    assert "Het wijkenbestand is geen GeoJSON FeatureCollection" in out.getvalue()


@pytest.mark.parametrize(
    ("situation", "content", "message"),
    [
        ("a file that does not exist", None, "Bestand niet gevonden:"),
        ("half a JSON document", '{"type": "FeatureCollection", ', "is geen geldige JSON"),
        ("a shapefile by mistake", b"\x00\x00'\n\xff\xfe", "geen tekstbestand in UTF-8"),
    ],
)
def test_unreadable_files_give_a_dutch_message_and_exit_code_1_without_traceback(
    tmp_path, situation, content, message
):
    path = tmp_path / "wijken.geojson"
    if isinstance(content, str):
        path.write_text(content)
    elif content is not None:
        path.write_bytes(content)
    env = {**os.environ, "OPENHANDHAVING_VAR_DIR": str(tmp_path / "var")}
    env.pop("DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "openhandhaving.cli", "import_areas", "--wijken", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
