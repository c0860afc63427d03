"""`openhandhaving serve`: run the product on a production-style server (gunicorn)."""

from __future__ import annotations

import os
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Start de webserver (gunicorn) op http://127.0.0.1:8000."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--bind", default=os.environ.get("OPENHANDHAVING_BIND", "127.0.0.1:8000")
        )
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, bind: str, workers: int, **options) -> None:
        self.stdout.write(f"Open Handhaving draait op http://{bind}/  (stoppen: Ctrl+C)")
        self.stdout.flush()
        os.execv(
            sys.executable,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "openhandhaving.wsgi",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--threads",
                "4",
                "--access-logfile",
                "-",
            ],
        )
