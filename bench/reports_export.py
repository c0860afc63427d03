"""CSV export of the reports list: rows per second and peak memory while it streams.

Run: .venv/bin/python bench/reports_export.py [--reports 20000] [--database-url URL]
                                              [--user coordinator] [--runs 3]

Without --database-url a temporary SQLite database is made (and removed) with the demo
municipality and N reports, as `openhandhaving demo` makes them. With --database-url an existing
database is used as it is: the demo's (sqlite:///var/openhandhaving.sqlite3), or one that
bench/reports_list.py --keep left behind with a million reports. Every export it makes is written
to that database's audit log, as any export is.

The export is GET /meldingen/export.csv through Django's test client, logged in as --user (the
demo coordinator: with the reporter contact columns, the widest export), for every report
(queue "alle", all statuses). The response is read piece by piece and thrown away, as a
browser saving the file would. Timed --runs times (the best counts: rows per second); then once
more under tracemalloc for the peak of Python memory while streaming, which stays the same
whatever the number of rows. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import importlib
import json
import os
import shutil
import tempfile
import time
import tracemalloc


def django_start(database_url: str, var_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "openhandhaving.settings"
    os.environ["DATABASE_URL"] = database_url
    os.environ["OPENHANDHAVING_VAR_DIR"] = var_dir
    os.environ["OPENHANDHAVING_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()


def demo_generate(reports: int) -> float:
    """The demo municipality with about `reports` reports, app by app as the demo does."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from openhandhaving.core.demo_context import DemoContext

    call_command("migrate", verbosity=0)
    ctx = DemoContext(seed=1, size="large", today=dt.date.today())
    ctx.shared["report_target"] = reports
    start = time.perf_counter()
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        for app in ("core", "areas", "team", "reports"):
            with transaction.atomic():
                importlib.import_module(f"openhandhaving.{app}.demo").generate(ctx)
    return time.perf_counter() - start


def export_once(client, url: str) -> tuple[int, float]:
    """(bytes, seconds) of one export, read to the end without keeping it."""
    start = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    size = sum(len(piece) for piece in response.streaming_content)
    response.close()
    return size, time.perf_counter() - start


def measure(username: str, runs: int) -> dict:
    from django.test import Client
    from django.urls import reverse
    from django.utils.http import urlencode

    from openhandhaving.core.models import User
    from openhandhaving.reports.choices import Status
    from openhandhaving.reports.models import Report

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    query = urlencode({"queue": "alle", "status": [s.value for s in Status]}, doseq=True)
    url = f"{reverse('reports:export_csv')}?{query}"
    rows = Report.objects.count()
    timings = [export_once(client, url) for _ in range(runs)]
    size, best = min(timings, key=lambda t: t[1])
    tracemalloc.start()
    tracemalloc.reset_peak()
    export_once(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rows": rows,
        "contact_columns": user.has_perm("reports.view_reportercontact"),
        "bytes": size,
        "best_s": round(best, 2),
        "rows_per_s": round(rows / best) if best else None,
        "peak_memory_kib": round(peak / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=20_000, help="for a generated database")
    parser.add_argument("--database-url", help="an existing database instead of a new one")
    parser.add_argument("--user", default="coordinator", help="who exports")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="oh-bench-export-")  # media of the demo (portraits)
    atexit.register(shutil.rmtree, var_dir, True)
    database_url = args.database_url or f"sqlite:///{var_dir}/bench.sqlite3"
    django_start(database_url, var_dir)
    generated_s = None
    if not args.database_url:
        print(f"generating the demo with {args.reports:,} reports ...", flush=True)
        generated_s = round(demo_generate(args.reports), 1)
    figures = measure(args.user, args.runs)
    backend = "postgres" if database_url.startswith("postgres") else "sqlite"
    print(
        f"[{backend}] {figures['rows']:,} rows, {figures['bytes'] / 1e6:.1f} MB in "
        f"{figures['best_s']} s: {figures['rows_per_s']:,} rows/s, "
        f"peak {figures['peak_memory_kib']:,} KiB of Python memory while streaming",
        flush=True,
    )
    print(
        json.dumps(
            {
                "benchmark": "reports_export",
                "backend": backend,
                "generated_s": generated_s,
                **figures,
            }
        )
    )


if __name__ == "__main__":
    main()
