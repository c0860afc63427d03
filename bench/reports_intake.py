"""Report intake through the real service: reports per second, against plain INSERTs.

Run: .venv/bin/python bench/reports_intake.py [--reports 2000] [--backends postgres,sqlite]

For each database (PostgreSQL database `oh_bench_intake` on postgres://postgres@127.0.0.1:5432,
and a temporary SQLite file; both created and removed here) the demo municipality is set up —
wijken, addresses, officers with roster, categories, teams, routing rules, standard texts — and
then N reports are made one by one through openhandhaving.reports.services.report_create, as
the KCC form and the API do: validation, number, wijk lookup, deadlines, routing (rules, learned
corrections, the officer on duty), history, audit log, the reporter's contact, the confirmation
e-mail and the owner's notification enqueued on commit (django-tasks database backend). The
inputs are demo report drafts (texts, categories, places, answers, contacts).

Then the same number of plain single-row INSERTs, each in its own transaction, into a table with
a report's main columns — through psycopg (PostgreSQL) and sqlite3 (SQLite) — gives the floor.
The ratio plain/service says what the service's work costs. Each database runs in its own
process (Django reads DATABASE_URL once); the last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import importlib
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from benchdb import BenchDatabase, run_child

REPO = Path(__file__).resolve().parents[1]
DB = BenchDatabase("oh_bench_intake")
TARGET_PER_S = 300.0
PLAIN_TABLE = (
    "CREATE TABLE bench_plain_insert (id {serial} PRIMARY KEY, number varchar(20) NOT NULL, "
    "text text NOT NULL, category_id integer NOT NULL, lat double precision NOT NULL, "
    "lon double precision NOT NULL, reported_at {timestamp} NOT NULL)"
)
PLAIN_INSERT = (
    "INSERT INTO bench_plain_insert (number, text, category_id, lat, lon, reported_at) "
    "VALUES ({p}, {p}, {p}, {p}, {p}, {p})"
)


def django_start(backend: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "openhandhaving.settings"
    os.environ["DATABASE_URL"] = DB.url(backend)
    var_dir = tempfile.mkdtemp(prefix="oh-bench-var-")  # media of the demo (portraits)
    atexit.register(shutil.rmtree, var_dir, True)
    os.environ["OPENHANDHAVING_VAR_DIR"] = var_dir
    os.environ.pop("OPENHANDHAVING_TASKS_BACKEND", None)  # the database backend: real writes
    import django

    django.setup()


def municipality_setup() -> None:
    """The demo town, team and report catalogue, without reports."""
    from django.db import transaction
    from django.test import override_settings

    from openhandhaving.core.demo_context import DemoContext
    from openhandhaving.reports.demo_setup import catalogue_create

    ctx = DemoContext(seed=1, size="normal", today=dt.date.today())
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast:
        for app in ("core", "areas", "team"):
            with transaction.atomic():
                importlib.import_module(f"openhandhaving.{app}.demo").generate(ctx)
        with transaction.atomic():
            catalogue_create(ctx)


def inputs(count: int) -> list[dict]:
    """`count` report_create arguments, from the demo's report drafts."""
    from zoneinfo import ZoneInfo

    from openhandhaving.core.models import User
    from openhandhaving.reports.demo import located_inside, setting_from_database
    from openhandhaving.reports.demo_plan import drafts
    from openhandhaving.reports.models import Category

    rng = random.Random(7)
    setting, labels = setting_from_database(rng)
    planned = drafts(
        setting, rng, today=dt.date.today(), target=count, tz=ZoneInfo("Europe/Amsterdam")
    )
    categories = {c.slug: c for c in Category.objects.select_related("parent")}
    kcc = User.objects.get(username="kcc")
    made = []
    planned = list(planned)
    located_inside(planned, setting)  # report_create refuses spots outside the municipality
    for draft in planned:
        made.append(
            {
                "text": draft.text,
                "category": categories[draft.slug],
                "lat": draft.lat,
                "lon": draft.lon,
                "channel": draft.channel,
                "address": labels[draft.address_index],
                "answers": draft.answers,
                "priority": draft.priority,
                "contact": draft.contact,
                "created_by": kcc if draft.channel in ("phone", "desk") else None,
            }
        )
    return (made * (count // max(len(made), 1) + 1))[:count]


def service_rate(arguments: list[dict]) -> tuple[float, dict]:
    from openhandhaving.reports.models import Report, ReportEvent
    from openhandhaving.reports.services import report_create

    start = time.perf_counter()
    for kwargs in arguments:
        report_create(**kwargs)
    seconds = time.perf_counter() - start
    from django_tasks_db.models import DBTaskResult

    facts = {
        "reports": Report.objects.count(),
        "events": ReportEvent.objects.count(),
        "tasks_enqueued": DBTaskResult.objects.count(),
        "to_a_person": Report.objects.filter(owner__isnull=False).count(),
    }
    return len(arguments) / seconds, facts


def plain_rate(backend: str, arguments: list[dict]) -> float:
    """Single-row INSERTs, one transaction each, through the database driver itself."""
    now = dt.datetime.now(dt.UTC)
    rows = [
        (f"P-{i:08d}", a["text"], a["category"].pk, a["lat"], a["lon"], now)
        for i, a in enumerate(arguments)
    ]
    if backend == "postgres":
        import psycopg

        with psycopg.connect(DB.url(backend), autocommit=True) as conn:
            conn.execute(PLAIN_TABLE.format(serial="bigserial", timestamp="timestamptz"))
            sql = PLAIN_INSERT.format(p="%s")
            start = time.perf_counter()
            for row in rows:
                conn.execute(sql, row)
            seconds = time.perf_counter() - start
            conn.execute("DROP TABLE bench_plain_insert")
        return len(rows) / seconds
    conn = sqlite3.connect(DB.sqlite_path, isolation_level=None)  # autocommit, as Django's
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(PLAIN_TABLE.format(serial="integer", timestamp="datetime"))
    sql = PLAIN_INSERT.format(p="?")
    start = time.perf_counter()
    for row in rows:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(sql, (*row[:5], row[5].isoformat(" ")))
        conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.execute("DROP TABLE bench_plain_insert")
    conn.close()
    return len(rows) / seconds


def child(args) -> None:
    backend = args.backend
    DB.create(backend)
    try:
        django_start(backend)
        figures = measure(backend, args.reports)
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        DB.drop(backend)
    print(json.dumps(figures), flush=True)


def measure(backend: str, count: int) -> dict:
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    print(f"[{backend}] setting up the demo municipality ...", flush=True)
    municipality_setup()
    arguments = inputs(count)
    print(f"[{backend}] {len(arguments):,} reports through report_create ...", flush=True)
    service, facts = service_rate(arguments)
    connections.close_all()
    plain = plain_rate(backend, arguments)
    print(
        f"[{backend}] service {service:8.1f} reports/s   plain INSERT {plain:8.1f} rows/s   "
        f"ratio {plain / service:5.1f}x   ({facts['events']:,} history rows, "
        f"{facts['tasks_enqueued']:,} tasks enqueued, {facts['to_a_person']:,} to a person)",
        flush=True,
    )
    return {
        "backend": backend,
        "reports": len(arguments),
        "service_per_s": round(service, 1),
        "plain_insert_per_s": round(plain, 1),
        "ratio_plain_to_service": round(plain / service, 1),
        **facts,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=2_000)
    parser.add_argument("--backends", default="postgres,sqlite")
    parser.add_argument("--backend", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.backend:
        child(args)
        return
    results = {}
    for backend in args.backends.split(","):
        results[backend] = run_child(__file__, backend, ["--reports", str(args.reports)])
    postgres = results.get("postgres", {})
    print(
        json.dumps(
            {
                "benchmark": "reports_intake",
                "reports": args.reports,
                "target_per_s_postgres": TARGET_PER_S,
                "within_target": postgres.get("service_per_s", 0) >= TARGET_PER_S,
                "results": results,
            }
        )
    )


if __name__ == "__main__":
    main()
