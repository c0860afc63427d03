"""The resident's report form: server time per step and what a phone has to download.

Run: .venv/bin/python bench/resident_form.py [--reports 5000] [--journeys 30]

A temporary SQLite database gets the demo municipality with N reports (as `openhandhaving demo`
makes them, the category model trained on their closed reports). Then --journeys residents fill
in the form through Django's test client, step by step as a browser does (GET a step, POST it,
follow the redirect): text, the suggested subject (or the list), a point on the map, the extra
questions, anonymous, check, send. Printed per step: median and p95 server time of GET+POST
(for "check" that includes making the report; "done" is the GET of the thank-you page).

Then the weight of each step's page: the HTML and every stylesheet and script it links (from
the static folder), raw and gzipped (what a server with compression sends), and the time that
takes on a slow mobile connection (1.6 Mbit/s, 150 ms round trip, 6 files in parallel: the
"Slow 3G"-like profile of browser tools), first visit (nothing cached) and the next steps
(assets cached). Map tiles come from the tile server and are not counted. The last line printed
is one JSON object.
"""

from __future__ import annotations

import argparse
import atexit
import gzip
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchdb import BenchDatabase
from reports_export import demo_generate, django_start

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
DB = BenchDatabase("oh_bench_resident_form")
STATIC = REPO / "src/openhandhaving/static"
APP_STATIC = REPO / "src/openhandhaving"
BANDWIDTH_BYTES_S = 1_600_000 / 8
RTT_S = 0.150
ASSET = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"')


def static_file(url: str) -> Path | None:
    """The source file of a /static/ URL: the project's static folder or an app's."""
    relative = url.removeprefix("/static/")
    for root in [STATIC, *sorted(APP_STATIC.glob("*/static"))]:
        if (root / relative).is_file():
            return root / relative
    return None


def weight(html: bytes) -> dict:
    assets = sorted(set(ASSET.findall(html.decode())))
    raw = gz = 0
    for url in assets:
        path = static_file(url)
        if path is None:
            continue
        data = path.read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data))
    html_gz = len(gzip.compress(html))
    # One round trip for the HTML, one more for the files it links (in parallel), plus transfer.
    first = 2 * RTT_S + (html_gz + gz) / BANDWIDTH_BYTES_S + (RTT_S if assets else 0)
    cached = RTT_S + html_gz / BANDWIDTH_BYTES_S
    return {
        "html_bytes": len(html),
        "html_gzip": html_gz,
        "assets": len(assets),
        "assets_bytes": raw,
        "assets_gzip": gz,
        "slow_3g_first_s": round(first, 2),
        "slow_3g_cached_s": round(cached, 2),
    }


def journey(client, steps: dict, point: tuple[float, float], text: str) -> dict[str, float]:
    """One resident from the first page to the thank-you page; seconds per step."""
    from django.urls import reverse

    def url(name: str) -> str:
        return reverse(f"reports_public:{name}")

    timings = {}

    def step(name: str, data: dict, pages: dict) -> None:
        start = time.perf_counter()
        page = client.get(url(name))
        assert page.status_code == 200, (name, page.status_code)
        posted = client.post(url(name), data)
        assert posted.status_code == 302, (name, posted.content.decode()[:500])
        timings[name] = time.perf_counter() - start
        pages.setdefault(name, page.content)

    pages: dict[str, bytes] = steps
    step("new", {"text": text, "website": ""}, pages)
    page = client.get(url("category")).content.decode()
    suggested = re.search(r'name="choice" value="(\d+)"[^>]*checked', page)
    choice = (
        {"choice": suggested.group(1)}
        if suggested
        else {"choice": "weet-niet"}  # not sure: a coordinator chooses
    )
    step("category", choice, pages)
    step("place", {"lat": point[0], "lon": point[1]}, pages)
    details = client.get(url("details")).content.decode()
    answers = {}
    for name in sorted(set(re.findall(r'name="(q_[a-z_]+)" value="', details))):
        first = re.search(rf'name="{name}" value="([^"]+)"', details).group(1)
        answers[name] = first
    for name in sorted(set(re.findall(r'name="(q_[a-z_]+)" [^>]*type="text"', details))):
        answers.setdefault(name, "vanavond")
    step("details", answers, pages)
    step("contact", {}, pages)
    start = time.perf_counter()
    check = client.get(url("check"))
    sent = client.post(url("check"), {"verstuur": "1"})  # the report is made here
    timings["check"] = time.perf_counter() - start
    start = time.perf_counter()
    done = client.get(url("done"))
    timings["done"] = time.perf_counter() - start
    assert sent.status_code == 302 and done.status_code == 200, sent.content.decode()[:500]
    pages.setdefault("check", check.content)
    pages.setdefault("done", done.content)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--journeys", type=int, default=30)
    args = parser.parse_args()

    var_dir = tempfile.mkdtemp(prefix="oh-bench-form-")
    atexit.register(shutil.rmtree, var_dir, True)
    DB.create("sqlite")
    atexit.register(DB.drop, "sqlite")
    django_start(DB.url("sqlite"), var_dir)
    from django.conf import settings

    settings.REPORTS_PUBLIC_MIN_SECONDS = 0
    settings.RATE_PUBLIC_POST = "100000/m"
    settings.RATE_PUBLIC_READ = "100000/m"
    print(f"generating the demo with {args.reports:,} reports ...", flush=True)
    demo_generate(args.reports)

    import random

    from django.test import Client

    from openhandhaving.areas.models import Address
    from openhandhaving.reports.services.classifier import classifier_train_from_reports

    trained = classifier_train_from_reports(min_per_category=5)
    print(f"category model: {trained['n']} closed reports, {trained['seconds']} s", flush=True)
    rng = random.Random(1)
    addresses = list(Address.objects.order_by("?").values_list("lat", "lon")[:200])
    from openhandhaving.reports.models import Report

    texts = list(Report.objects.order_by("?").values_list("text", flat=True)[: args.journeys])
    steps: dict[str, bytes] = {}
    per_step: dict[str, list[float]] = {}
    for i in range(args.journeys):
        timings = journey(Client(), steps, rng.choice(addresses), texts[i % len(texts)])
        for name, seconds in timings.items():
            per_step.setdefault(name, []).append(seconds * 1000)
    result = {"journeys": args.journeys, "reports": args.reports, "steps": {}}
    print(f"{'step':<10} {'median ms':>10} {'p95 ms':>8}   page: html+assets gzip, slow 3G")
    for name, page in steps.items():
        times = sorted(per_step.get(name, [0.0]))
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        figures = {"median_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1)}
        figures.update(weight(page))
        result["steps"][name] = figures
        kib = (figures["html_gzip"] + figures["assets_gzip"]) / 1024
        print(
            f"{name:<10} {figures['median_ms']:>10} {figures['p95_ms']:>8}   "
            f"{kib:6.1f} KiB, first {figures['slow_3g_first_s']} s, "
            f"cached {figures['slow_3g_cached_s']} s",
            flush=True,
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
