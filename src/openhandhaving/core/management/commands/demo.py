"""`openhandhaving demo --seed N`: generate the demo municipality, app by app."""

from __future__ import annotations

import datetime as dt
import importlib

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from openhandhaving.core.demo_context import DemoContext
from openhandhaving.core.models import User


class Command(BaseCommand):
    help = "Maakt de demogemeente: gebieden, team, rooster en (per app) de rest. Deterministisch."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="Zelfde seed, zelfde demo.")
        parser.add_argument("--size", choices=["small", "normal", "large"], default="normal")
        parser.add_argument(
            "--reset", action="store_true", help="Wis eerst alle gegevens in de database."
        )
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Doe alsof het vandaag deze datum is (JJJJ-MM-DD).",
        )

    def handle(self, *args, seed: int, size: str, reset: bool, today, **options) -> None:
        if reset:
            call_command("flush", interactive=False, verbosity=0)
        elif User.objects.exists():
            raise CommandError(
                "De database bevat al gegevens. Gebruik --reset om ze eerst te wissen."
            )
        ctx = DemoContext(seed=seed, size=size, today=today or dt.date.today())
        for config in apps.get_app_configs():
            if not config.name.startswith("openhandhaving."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            self.stdout.write(f"Demo: {config.verbose_name} …")
            with transaction.atomic():
                module.generate(ctx)
        self.stdout.write(self.style.SUCCESS("\nDe demo staat klaar. Inloggen kan met:"))
        width = max(len(username) for username, _, _ in ctx.accounts)
        for username, password, role in ctx.accounts:
            self.stdout.write(f"  {username.ljust(width)}  wachtwoord: {password}   ({role})")
