"""Retention: reports per second anonymised and deleted by the nightly job's services.

Run: .venv/bin/python bench/retention.py [--reports 10000] [--backends postgres,sqlite]

For each database (PostgreSQL database `oh_bench_retention` on postgres://postgres@127.0.0.1:5432,
and a temporary SQLite file; both created and removed here) N reports closed 400 days ago (to
anonymise) and N closed six years ago (to delete) are written with bulk inserts, each with its
reporter's contact, three history rows, an e-mail to the reporter and an answer link; one in
twenty of the old ones has a photo in a temporary media folder. Then
reports_delete_expired and reports_anonymise run as the nightly task runs them (batches of
1,000, each in its own transaction). Each database runs in its own process (Django reads
DATABASE_URL once); the last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchdb import BenchDatabase, run_child

REPO = Path(__file__).resolve().parents[1]
DB = BenchDatabase("oh_bench_retention")
PHOTO_EVERY = 20


def django_start(backend: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "openhandhaving.settings"
    os.environ["DATABASE_URL"] = DB.url(backend)
    var_dir = tempfile.mkdtemp(prefix="oh-bench-var-")  # media: the photos of old reports
    atexit.register(shutil.rmtree, var_dir, True)
    os.environ["OPENHANDHAVING_VAR_DIR"] = var_dir
    os.environ.pop("OPENHANDHAVING_REPORTS_ANONYMISE_AFTER_DAYS", None)
    os.environ.pop("OPENHANDHAVING_REPORTS_DELETE_AFTER_DAYS", None)
    import django

    django.setup()


def reports_make(count: int, *, closed_days_ago: int, now: dt.datetime, offset: int) -> None:
    """`count` closed reports with contact, history, a message, a link (bulk inserts)."""
    import h3
    from django.core.files.base import ContentFile
    from django.db import transaction

    from openhandhaving.reports.models import (
        Attachment,
        Category,
        MessageAudience,
        OutgoingMessage,
        Report,
        ReporterContact,
        ReportEvent,
        ReportLink,
    )

    categories = list(Category.objects.all())
    closed_at = now - dt.timedelta(days=closed_days_ago)
    lat, lon = 52.3601, 4.6532
    cell = h3.latlng_to_cell(lat, lon, 12)
    for start in range(0, count, 5_000):
        with transaction.atomic():
            reports = Report.objects.bulk_create(
                Report(
                    number=f"B-{offset + i:09d}",
                    text="Fout geparkeerde auto op de stoep",
                    category=categories[i % len(categories)],
                    status="done" if i % 10 else "cancelled",
                    channel="web",
                    lat=lat,
                    lon=lon,
                    h3_cell=cell,
                    reported_at=closed_at - dt.timedelta(days=3 + i % 300),
                    deadline=closed_at,
                    deadline_3x=closed_at,
                    closed_at=closed_at,
                )
                for i in range(start, min(start + 5_000, count))
            )
            ReporterContact.objects.bulk_create(
                ReporterContact(report=r, name="Els Bakker", email="els@example.nl", phone="06")
                for r in reports
            )
            ReportEvent.objects.bulk_create(
                ReportEvent(report=r, time=closed_at, kind="status", new_value="Afgehandeld")
                for r in reports
                for _ in range(3)
            )
            OutgoingMessage.objects.bulk_create(
                OutgoingMessage(
                    report=r,
                    audience=MessageAudience.REPORTER,
                    to="els@example.nl",
                    subject="Uw melding",
                    body="Opgelost.",
                    state="sent",
                )
                for r in reports
            )
            ReportLink.objects.bulk_create(
                ReportLink(
                    report=r,
                    purpose="ask_reporter",
                    token_hash=f"{r.pk:064d}",
                    expires_at=now + dt.timedelta(days=7),
                )
                for r in reports
            )
        if closed_days_ago > 1826:
            for r in reports[::PHOTO_EVERY]:
                Attachment.objects.create(
                    report=r,
                    file=ContentFile(b"\xff\xd8 foto", name="foto.jpg"),
                    content_type="image/jpeg",
                )


def measure(backend: str, count: int) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from openhandhaving.reports.models import Category, Report
    from openhandhaving.reports.services.retention import reports_anonymise, reports_delete_expired

    call_command("migrate", verbosity=0)
    now = timezone.now()
    for n in range(10):
        Category.objects.create(slug=f"categorie-{n}", name=f"Categorie {n}")
    print(f"[{backend}] writing {2 * count:,} closed reports ...", flush=True)
    reports_make(count, closed_days_ago=400, now=now, offset=0)
    reports_make(count, closed_days_ago=6 * 365, now=now, offset=count)
    if backend == "postgres":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    start = time.perf_counter()
    deleted = reports_delete_expired(now=now)
    delete_s = time.perf_counter() - start
    start = time.perf_counter()
    anonymised = reports_anonymise(now=now)
    anonymise_s = time.perf_counter() - start
    start = time.perf_counter()
    reports_delete_expired(now=now)
    reports_anonymise(now=now)
    nothing_left_s = time.perf_counter() - start
    assert deleted["reports"] == count and anonymised["reports"] == count, (deleted, anonymised)
    assert Report.objects.count() == count
    figures = {
        "backend": backend,
        "reports_each": count,
        "delete_per_s": round(count / delete_s, 1),
        "anonymise_per_s": round(count / anonymise_s, 1),
        "second_run_ms": round(nothing_left_s * 1000, 1),
        "attachments_deleted": deleted["attachments"],
    }
    print(
        f"[{backend}] delete {figures['delete_per_s']:9.1f} reports/s   anonymise "
        f"{figures['anonymise_per_s']:9.1f} reports/s   second run (nothing to do) "
        f"{figures['second_run_ms']} ms",
        flush=True,
    )
    return figures


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--backends", default="postgres,sqlite")
    parser.add_argument("--backend", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.backend:
        child(args)
        return
    results = {}
    for backend in args.backends.split(","):
        results[backend] = run_child(__file__, backend, ["--reports", str(args.reports)])
    print(json.dumps({"benchmark": "retention", "reports": args.reports, "results": results}))


if __name__ == "__main__":
    main()
