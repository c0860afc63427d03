"""`openhandhaving import_areas --wijken FILE [--buurten FILE] [--gemeente NAAM] [--replace]`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openhandhaving.areas.geojson import DISTRICT, NEIGHBOURHOOD, GeoJSONFileError, geojson_load
from openhandhaving.areas.services import areas_import


def file_read(path: Path, level: str) -> object:
    """The parsed JSON of a file, or a CommandError that says in Dutch what is wrong with it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"Bestand niet gevonden: {path}") from None
    except IsADirectoryError:
        raise CommandError(f"{path} is een map, geen bestand.") from None
    except OSError as error:
        raise CommandError(f"Bestand {path} is niet te lezen: {error.strerror}.") from None
    try:
        return geojson_load(raw, level=level)
    except GeoJSONFileError as error:
        raise CommandError(f"{error} ({path})") from None


class Command(BaseCommand):
    help = (
        "Leest wijken en buurten in uit GeoJSON (WGS84), bijvoorbeeld de CBS wijk- en "
        "buurtkaart. Alles wordt eerst gecontroleerd; bij een fout wordt niets opgeslagen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--wijken", type=Path, required=True, help="GeoJSON met de wijken.")
        parser.add_argument("--buurten", type=Path, help="GeoJSON met de buurten (mag ontbreken).")
        parser.add_argument(
            "--gemeente",
            help="Naam van de gemeente; kiest ook de gemeente uit een bestand met meerdere.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Werk bestaande wijken en buurten bij; wat niet in de bestanden staat verdwijnt.",
        )

    def handle(self, *args, wijken: Path, buurten: Path | None, gemeente, replace, **options):
        districts = file_read(wijken, DISTRICT)
        neighbourhoods = file_read(buurten, NEIGHBOURHOOD) if buurten else None
        report = areas_import(
            districts_geojson=districts,
            neighbourhoods_geojson=neighbourhoods,
            municipality_name=gemeente,
            replace=replace,
        )
        for line in report.lines()[:-1]:
            self.stdout.write(line)
        if not report.ok:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
