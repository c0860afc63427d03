"""`openhandhaving import_addresses --csv FILE [--replace]`: the local address index from BAG."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from openhandhaving.areas.services_addresses import addresses_import


def text_read(path: Path) -> str:
    """The text of a UTF-8 file, or a CommandError that says in Dutch what is wrong with it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"Bestand niet gevonden: {path}") from None
    except IsADirectoryError:
        raise CommandError(f"{path} is een map, geen bestand.") from None
    except OSError as error:
        raise CommandError(f"Bestand {path} is niet te lezen: {error.strerror}.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{path} is geen UTF-8-tekst (byte {error.start + 1} klopt niet). "
            "Sla het bestand op als CSV in UTF-8."
        ) from None


class Command(BaseCommand):
    help = (
        "Leest de adressen van de gemeente in uit een CSV-uittreksel van de BAG (kolommen als "
        "openbareruimtenaam, huisnummer, huisletter, huisnummertoevoeging, postcode, "
        "woonplaatsnaam en lat/lon of x/y in Rijksdriehoek). Alles wordt eerst gecontroleerd; "
        "bij een fout wordt niets opgeslagen. Adressen buiten de gemeente worden overgeslagen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--csv", type=Path, required=True, help="CSV-bestand (UTF-8).")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Vervang alle opgeslagen adressen door die uit het bestand.",
        )

    def handle(self, *args, csv: Path, replace: bool, **options):
        report = addresses_import(csv_text=text_read(csv), replace=replace)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"  - {error}")
            raise CommandError(
                f"Er is niets opgeslagen: {report.error_count} fouten in {csv}."
                if report.error_count > 1
                else f"Er is niets opgeslagen: {report.errors[0]}"
            )
        self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
