"""`openhandhaving scheduler`: enqueue the apps' scheduled jobs when their time comes (ADR 0006)."""

from __future__ import annotations

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from openhandhaving.core.scheduler import scheduled_jobs, scheduler_pass


class Command(BaseCommand):
    help = (
        "Zet geplande taken (zoals de bewaartermijnen) op tijd in de wachtrij. Blijft draaien; "
        "met --once één ronde. Meer schedulers tegelijk is veilig: elke taak gaat één keer."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Eén ronde en dan stoppen.")
        parser.add_argument(
            "--interval", type=float, default=30.0, help="Seconden tussen twee rondes."
        )

    def handle(self, *args, once: bool, interval: float, **options) -> None:
        jobs = scheduled_jobs()
        if not once:
            for job in jobs:
                self.stdout.write(f"Gepland: {job.name} ({job.describe()}) → {job.task}")
            self.stdout.flush()
        stopping = False

        def stop(*_) -> None:
            nonlocal stopping
            stopping = True

        if not once:
            signal.signal(signal.SIGTERM, stop)
        try:
            while True:
                for run in scheduler_pass(now=timezone.now(), jobs=jobs):
                    self.stdout.write(f"In de wachtrij: {run.job} ({run.slot})")
                self.stdout.flush()
                if once:
                    return
                slept = 0.0
                while slept < interval and not stopping:
                    time.sleep(min(1.0, interval - slept))
                    slept += 1.0
                if stopping:
                    return
                # A long-running process: drop a connection that is too old or broken.
                close_old_connections()
        except KeyboardInterrupt:
            return
