"""`openhandhaving analyse forecast|backtest|hotspots|trends|effect` on any CSV of events.

The CSV has columns time, lat, lon and optionally category (ISO 8601 times); see
docs/analysis.md. Each action lives in its own module (analysis/cli_forecast.py for forecast and
backtest, analysis/cli_patterns.py for hotspots, trends and effect) with `register(actions)` to
add its sub-parser and a `run(action, options, out)` that returns what to print. Bad input is a
Dutch message on stderr naming the row, column or option, with exit code 2; never a traceback.
"""

from __future__ import annotations

from typing import NoReturn

from django.core.management.base import BaseCommand

MODULES = ("openhandhaving.analysis.cli_forecast", "openhandhaving.analysis.cli_patterns")


def _modules():
    from importlib import import_module

    return [import_module(name) for name in MODULES]


class Command(BaseCommand):
    help = (
        "Analyse op een CSV-bestand met gebeurtenissen (kolommen time, lat, lon en eventueel "
        "category): voorspelling voor volgende week (forecast), terugtoetsen (backtest), "
        "hotspots, trends en het effect van een interventie (effect)."
    )
    requires_system_checks: list = []

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = self.refuse
        return parser

    def refuse(self, message: str) -> NoReturn:
        self.fail(f"Onjuiste aanroep: {message}. Zie openhandhaving analyse --help.")

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", metavar="ACTIE")
        self.owners = {}
        for module in _modules():
            for name, sub in module.register(actions).items():
                sub.error = self.refuse
                self.owners[name] = module

    def fail(self, message: str, code: int = 2) -> NoReturn:
        self.stderr.write(message)
        raise SystemExit(code)

    def handle(self, *args, action=None, **options) -> None:
        from openhandhaving.analysis.core.events import EventsError

        if action is None:
            self.fail("Kies een actie: " + ", ".join(sorted(self.owners)) + ".")
        try:
            text = self.owners[action].run(action, options)
        except EventsError as error:
            self.fail(str(error))
        if text:
            self.stdout.write(text)
