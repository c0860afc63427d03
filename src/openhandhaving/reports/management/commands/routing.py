"""`openhandhaving routing explain --lat LAT --lon LON --category CODE [--at MOMENT]`: JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import NoReturn

from django.core.management.base import BaseCommand
from django.utils import timezone

from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Category
from openhandhaving.reports.routing_explain import routing_explain

USAGE = (
    "Gebruik: openhandhaving routing explain --lat BREEDTEGRAAD --lon LENGTEGRAAD "
    "--category CODE [--at 2026-11-24T10:00]"
)


class Command(BaseCommand):
    help = (
        "Laat zien bij wie een melding terecht zou komen en waarom, zonder iets op te slaan. "
        "Drukt één regel JSON af met owner (gebruikersnaam of coordinators), team, wijk, rule "
        "en reason."
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)

        def refuse(message: str) -> NoReturn:
            self.fail(f"Onjuiste aanroep: {message}.\n{USAGE}")

        parser.error = refuse
        return parser

    def add_arguments(self, parser) -> None:
        parser.add_argument("action", nargs="?", help="explain")
        parser.add_argument("--lat", help="Breedtegraad (WGS84), bijvoorbeeld 52.38.")
        parser.add_argument("--lon", help="Lengtegraad (WGS84), bijvoorbeeld 4.63.")
        parser.add_argument("--category", help="Code (slug) van de categorie.")
        parser.add_argument(
            "--at", help="Moment (ISO 8601), bijvoorbeeld 2026-11-24T10:00. Standaard: nu."
        )

    def fail(self, message: str) -> NoReturn:
        """A Dutch message on stderr and exit code 2: bad input, no traceback."""
        self.stderr.write(message)
        raise SystemExit(2)

    def handle(self, *args, action, lat, lon, category, at, **options) -> None:
        if action != "explain":
            self.fail(f"Kies wat de opdracht moet doen: alleen 'explain' bestaat.\n{USAGE}")
        missing = [
            name
            for name, value in (("--lat", lat), ("--lon", lon), ("--category", category))
            if value is None
        ]
        if missing:
            self.fail(f"Geef ook {' en '.join(missing)} op.\n{USAGE}")
        found = Category.objects.filter(slug=category).first()
        if found is None:
            known = ", ".join(Category.objects.order_by("slug").values_list("slug", flat=True))
            self.fail(f"Categorie '{category}' bestaat niet. Bekende codes: {known or 'nog geen'}.")
        moment = self.moment(at)
        try:
            explanation = routing_explain(lat=lat, lon=lon, category=found, at=moment)
        except ReportRuleError as error:
            self.fail(error.message)
        self.stdout.write(json.dumps(explanation.as_dict(), ensure_ascii=False))

    def moment(self, text: str | None) -> dt.datetime | None:
        if text is None:
            return None
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            self.fail(
                f"'{text}' is geen datum en tijd. Schrijf bijvoorbeeld 2026-11-24T10:00 "
                "(plaatselijke tijd) of 2026-11-24T10:00+01:00."
            )
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
