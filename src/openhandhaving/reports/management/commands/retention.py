"""`openhandhaving retention [--dry-run]`: apply the retention terms now; prints JSON counts."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from openhandhaving.reports.services.retention import retention_run


class Command(BaseCommand):
    help = (
        "Pas de bewaartermijnen van meldingen nu toe: verwijder meldingen na de archieftermijn "
        "en anonimiseer melders. Met --dry-run ziet u alleen wat er zou gebeuren. Schrijft één "
        "regel JSON met de aantallen."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Niets wijzigen, alleen de aantallen tonen."
        )

    def handle(self, *args, dry_run: bool, **options) -> None:
        self.stdout.write(json.dumps(retention_run(dry_run=dry_run), ensure_ascii=False))
