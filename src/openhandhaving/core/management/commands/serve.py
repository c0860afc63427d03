"""`openhandhaving serve`: the web server (gunicorn), a background-task worker and the scheduler."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Start de webserver (gunicorn) op http://127.0.0.1:8000, een worker voor taken en de "
        "planner van geplande taken."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--bind", default=os.environ.get("OPENHANDHAVING_BIND", "127.0.0.1:8000")
        )
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Geen taakworker starten (draai `openhandhaving db_worker` apart).",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Geen planner starten (draai `openhandhaving scheduler` apart of via cron).",
        )

    def handle(
        self, *args, bind: str, workers: int, no_worker: bool, no_scheduler: bool, **options
    ) -> None:
        python = sys.executable
        helpers = []
        if not no_worker:
            # E-mails and other background tasks wait in the database until a worker runs them.
            helpers.append(subprocess.Popen([python, "-m", "openhandhaving.cli", "db_worker"]))
        if not no_scheduler:
            # Enqueues the scheduled jobs (retention at night ...); safe beside other servers'.
            helpers.append(subprocess.Popen([python, "-m", "openhandhaving.cli", "scheduler"]))
        self.stdout.write(f"Open Handhaving draait op http://{bind}/  (stoppen: Ctrl+C)")
        self.stdout.flush()
        server = subprocess.Popen(
            [
                python, "-m", "gunicorn", "openhandhaving.wsgi",
                "--bind", bind, "--workers", str(workers), "--threads", "4",
                "--access-logfile", "-",
            ]
        )  # fmt: skip
        signal.signal(signal.SIGTERM, lambda *_: server.terminate())
        try:
            server.wait()
        except KeyboardInterrupt:
            server.send_signal(signal.SIGTERM)
            server.wait()
        finally:
            for helper in helpers:
                helper.terminate()
            for helper in helpers:
                helper.wait(timeout=30)
