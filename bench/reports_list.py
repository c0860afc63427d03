"""First page of the busiest back-office lists with a million reports: p95 server time.

Run: .venv/bin/python bench/reports_list.py [--reports N] [--backends sqlite,postgres]
                                            [--runs 40] [--keep] [--reuse]

For each database (a temporary SQLite file, and PostgreSQL database `oh_bench` on
postgres://postgres@127.0.0.1:5432, created and dropped here) the demo municipality is generated
with N reports (default 1,000,000, as `openhandhaving demo --size large`), then two pages are
requested through Django's test client, as logged-in users, many times:
  (a) "Mijn wijk", open reports sorted by deadline, for the district officer of the Centrum;
  (b) the coordinators' dashboard (counts per wijk and category, late and 3x late, unrouted).
The server time of a request is from the test client's call to the rendered response. The
selectors behind them (reports.selectors) are timed on their own as well. --keep leaves the
databases for a next run with --reuse. Each database runs in its own process (Django reads
DATABASE_URL once); the last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import importlib
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchdb import BenchDatabase, run_child

REPO = Path(__file__).resolve().parents[1]
DB = BenchDatabase("oh_bench")
TARGET_MS = 150.0


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def django_start(backend: str, var_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "openhandhaving.settings"
    os.environ["DATABASE_URL"] = DB.url(backend)
    os.environ["OPENHANDHAVING_VAR_DIR"] = var_dir
    os.environ["OPENHANDHAVING_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def demo_generate(reports: int) -> float:
    """The demo municipality with `reports` reports, app by app as `openhandhaving demo` does."""
    from django.db import transaction
    from django.test import override_settings

    from openhandhaving.core.demo_context import DemoContext

    ctx = DemoContext(seed=1, size="large", today=dt.date.today())
    ctx.shared["report_target"] = reports
    start = time.perf_counter()
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast:
        for app in ("core", "areas", "team", "reports"):
            with transaction.atomic():
                importlib.import_module(f"openhandhaving.{app}.demo").generate(ctx)
    return time.perf_counter() - start


def timed(fn, runs: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> dict:
    return {
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(p95(samples), 1),
        "max_ms": round(max(samples), 1),
    }


def measure(runs: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from openhandhaving.core.models import User
    from openhandhaving.reports.choices import OPEN_STATES
    from openhandhaving.reports.models import Report
    from openhandhaving.reports.selectors import (
        Queue,
        ReportFilters,
        late_by_district,
        late_by_main_category,
        queue_counts,
        report_page,
        report_search,
        unrouted_reports,
        user_district_ids,
    )

    with connection.cursor() as cursor:  # fresh statistics, as after any large load
        cursor.execute("ANALYZE")
    officer = User.objects.get(username="handhaver")
    coordinator = User.objects.get(username="coordinator")
    wijk_ids = user_district_ids(user=officer)
    facts = {
        "reports": Report.objects.count(),
        "open": Report.objects.filter(status__in=list(OPEN_STATES)).count(),
        "open_in_wijk": Report.objects.filter(
            district_id__in=wijk_ids, status__in=list(OPEN_STATES)
        ).count(),
    }
    officer_client, coordinator_client = Client(), Client()
    officer_client.force_login(officer)
    coordinator_client.force_login(coordinator)
    wijk_url = f"{reverse('reports:queue')}?queue={Queue.WIJK}&sort=deadline"
    dashboard_url = reverse("reports:dashboard")

    def wijk_page():
        response = officer_client.get(wijk_url)
        assert response.status_code == 200, response.status_code

    def dashboard_page():
        response = coordinator_client.get(dashboard_url)
        assert response.status_code == 200, response.status_code

    def wijk_selectors():
        filters = ReportFilters(queue=Queue.WIJK, sort="deadline")
        report_page(report_search(user=officer, filters=filters))
        queue_counts(user=officer)

    def dashboard_selectors():
        late_by_district()
        late_by_main_category()
        queue_counts(user=coordinator)
        unrouted_reports(limit=15)

    return {
        **facts,
        "wijk_page": summary(timed(wijk_page, runs)),
        "dashboard_page": summary(timed(dashboard_page, runs)),
        "wijk_selectors": summary(timed(wijk_selectors, runs)),
        "dashboard_selectors": summary(timed(dashboard_selectors, runs)),
    }


def child(args) -> None:
    backend = args.backend
    fresh = not (args.reuse and DB.exists(backend))
    if fresh:
        DB.create(backend)
    var_dir = tempfile.mkdtemp(prefix="oh-bench-var-")  # media of the demo (portraits)
    atexit.register(shutil.rmtree, var_dir, True)
    django_start(backend, var_dir)
    from django.core.management import call_command
    from django.db import connections

    from openhandhaving.reports.models import Report

    call_command("migrate", verbosity=0)
    if not fresh and Report.objects.count() < 0.98 * args.reports:  # the demo gives about N
        print(f"[{backend}] the kept database is too small: generating again", flush=True)
        connections.close_all()
        DB.create(backend)
        call_command("migrate", verbosity=0)
        fresh = True
    generated_s = None
    if fresh:
        print(f"[{backend}] generating {args.reports:,} reports ...", flush=True)
        generated_s = round(demo_generate(args.reports), 1)
        print(f"[{backend}] generated in {generated_s} s", flush=True)
    figures = {"backend": backend, "generated_s": generated_s, **measure(args.runs)}
    for page in ("wijk_page", "dashboard_page", "wijk_selectors", "dashboard_selectors"):
        f = figures[page]
        print(
            f"[{backend}] {page:20} p50 {f['p50_ms']:7.1f} ms   p95 {f['p95_ms']:7.1f} ms   "
            f"max {f['max_ms']:7.1f} ms",
            flush=True,
        )
    print(
        f"[{backend}] {figures['reports']:,} reports, {figures['open']:,} open, "
        f"{figures['open_in_wijk']:,} open in the officer's wijk",
        flush=True,
    )
    connections.close_all()
    if not args.keep:
        DB.drop(backend)
    print(json.dumps(figures), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--runs", type=int, default=40, help="timed requests per page")
    parser.add_argument("--keep", action="store_true", help="leave the databases for --reuse")
    parser.add_argument("--reuse", action="store_true", help="use kept databases if big enough")
    parser.add_argument("--backend", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.backend:
        child(args)
        return
    results = {}
    for backend in args.backends.split(","):
        extra = ["--reports", str(args.reports), "--runs", str(args.runs)]
        extra += ["--keep"] * args.keep + ["--reuse"] * args.reuse
        results[backend] = run_child(__file__, backend, extra)
    p95s = [
        r[page]["p95_ms"]
        for r in results.values()
        if "error" not in r
        for page in ("wijk_page", "dashboard_page")
    ]
    print(
        json.dumps(
            {
                "benchmark": "reports_list",
                "reports": args.reports,
                "target_p95_ms": TARGET_MS,
                "within_target": bool(p95s) and max(p95s) < TARGET_MS,
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
