"""`openhandhaving open311 demo-key`: the API key of the demo's example Open311 client."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from openhandhaving.api.models import ApiClient
from openhandhaving.api.services import DEMO_CLIENT_NAME, demo_key, key_hash


class Command(BaseCommand):
    help = "Open311-hulpmiddelen. demo-key: de API-sleutel van de voorbeeldclient van de demo."

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("demo-key", help="Toon de sleutel van de voorbeeldclient (alleen demo).")

    def handle(self, *args, action: str, **options) -> None:
        client = ApiClient.objects.filter(name=DEMO_CLIENT_NAME).first()
        key = demo_key()
        if client is None or client.key_hash != key_hash(key):
            raise CommandError(
                "Er is geen voorbeeldclient van de demo (of zijn sleutel is vervangen). Maak de "
                "demo met `openhandhaving demo --reset`."
            )
        self.stdout.write(key)
