"""Open311 POST under load: 20 concurrent clients against gunicorn + PostgreSQL, requests/s and p95.

Run: .venv/bin/python bench/open311_load.py [--requests 2000] [--clients 20] [--workers N]
                                           [--threads 1] [--reads 400] [--size normal] [--keep]

A PostgreSQL database `oh_bench_open311` on postgres://postgres@127.0.0.1:5432 is made, migrated
and filled with the demo municipality (`openhandhaving demo --size normal`: 30,000 reports, the
example Open311 client and its key) in a child process. Then gunicorn serves openhandhaving.wsgi
on a free port with that database, as `openhandhaving serve` does, with production settings
(DEBUG off, persistent connections) and these differences, printed at the start:
  - workers: --workers (default 2 x cores + 1) with --threads (default 1: sync workers;
    more than 1: gthread, as `serve` runs 2 workers x 4 threads); no access log;
  - rate limits raised far above the load (OPENHANDHAVING_RATE_PUBLIC_POST, _PUBLIC_READ,
    _API_CLIENT): all clients come from 127.0.0.1 and would share one address's budget of 20
    POSTs a minute. The limiter still runs (counts in the per-process cache), so its cost is in
    the figures; it just never says no;
  - no task worker: the e-mails of a report (the reporter's confirmation, ...) are enqueued as
    task rows in the report's transaction (django-tasks database backend) and left there;
    sending them is not part of answering the POST. The in-app notification is written inline.

The clients (threads, one httpx.Client with keep-alive each, on the same machine) first ask
GET services.json, then send a warm-up of --warmup POSTs (not counted), then --requests POSTs of
requests.json: a random service_code from that list, a random point inside a random wijk, a
description, answers to the category's required questions, and for half of them a name and an
e-mail address. Each client sends its next request as soon as the previous one is answered
(closed loop, no think time), so latency ~ clients / throughput: this phase measures the most
the server can take. A second POST phase (--rate, default 20/s over the 20 clients: each system
sends a report a second; --rate-requests of them) sends at a steady rate whatever the answers
(open loop) and measures latency at that load, counted from when each request was due. An
error is any answer other than 200 with a service_request_id, or a failed connection. A last
phase does --reads GET requests.json (the public list: the last 90 days, up to 1,000 a page).

Prints the machine, the server configuration, one line per phase (requests/s, median, p95, p99
in ms, errors), and under it where the time went: CPU milliseconds per request of gunicorn,
PostgreSQL, the clients and other programs (from /proc; other people's work on the machine
skews the figures, so it is shown), and what the database sessions did on average (running,
waiting for a lock, in an open transaction between statements; from pg_stat_activity). The last
line is one JSON object with all figures. The target: POST p95 under 100 ms with zero errors.
The database is dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchdb import BenchDatabase, run_child

REPO = Path(__file__).resolve().parents[1]
DB = BenchDatabase("oh_bench_open311")
BACKEND = "postgres"  # production-style; the embedded SQLite is not what serves 20 clients
TARGET_P95_MS = 100.0
POINTS = 400
HIGH_RATE = "1000000/s"
DESCRIPTIONS = (
    "Auto staat al de hele dag half op de stoep, mensen met een kinderwagen kunnen er niet langs.",
    "Vuilniszakken naast de container, de meeuwen halen ze open.",
    "Jongeren maken 's avonds veel lawaai bij het bankje op het pleintje.",
    "Fietswrak staat al weken vast aan het hek bij de school.",
    "Hond loopt los in het park en springt tegen kinderen op.",
    "Grofvuil op de stoep gezet: een bank en een matras.",
)


# --- the child: database with the demo, and counts afterwards --------------------------------


def django_start() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "openhandhaving.settings"
    import django

    django.setup()


def answers_for(category) -> dict[str, str] | None:
    """Answers that report_create accepts for the category's questions (first option that is
    not a hard stop, "1" for an open question), found by asking the intake's own check; None
    when there are none."""
    from openhandhaving.reports.exceptions import ReportRuleError
    from openhandhaving.reports.questions import options_of, questions_of
    from openhandhaving.reports.services.checks import answers_clean

    answers: dict[str, str] = {}
    for question in questions_of(category):
        key = str(question["key"])
        for value in [o["value"] for o in options_of(question)] or ["1"]:
            try:
                answers_clean({**answers, key: value}, category)
            except ReportRuleError as error:
                if error.field == f"answers.{key}":
                    continue  # not allowed, or a hard stop: the next option
            answers[key] = value
            break
    try:
        answers_clean(answers, category)
    except ReportRuleError:
        return None
    return answers


def points_inside(count: int, rng: random.Random) -> list[tuple[float, float]]:
    """Random points inside the wijken (a random wijk, then a random point in its shape)."""
    from shapely.geometry import Point, shape

    from openhandhaving.areas.models import District
    from openhandhaving.areas.services import locate_many

    shapes = [shape(d.geometry) for d in District.objects.all()]
    points: list[tuple[float, float]] = []
    while len(points) < count:
        area = rng.choice(shapes)
        west, south, east, north = area.bounds
        lon, lat = rng.uniform(west, east), rng.uniform(south, north)
        if area.contains(Point(lon, lat)):
            points.append((round(lat, 6), round(lon, 6)))
    located = locate_many(points)
    return [p for p, where in zip(points, located, strict=True) if where["district"] is not None]


def setup(size: str) -> dict:
    import io

    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    from openhandhaving.api.selectors import reportable_categories
    from openhandhaving.api.services import demo_key
    from openhandhaving.reports.models import Report

    DB.create(BACKEND)
    call_command("migrate", verbosity=0)
    print(f"[setup] the demo municipality (--size {size}) ...", flush=True)
    start = time.perf_counter()
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with fast:
        call_command("demo", size=size, stdout=io.StringIO())
    demo_s = time.perf_counter() - start
    with connection.cursor() as cursor:  # fresh statistics, as after any large load
        cursor.execute("ANALYZE")
    answers = {c.slug: answers_for(c) for c in reportable_categories()}
    return {
        "demo_s": round(demo_s, 1),
        "reports_before": Report.objects.count(),
        "key": demo_key(),
        "points": points_inside(POINTS, random.Random(11)),
        "answers": {code: a for code, a in answers.items() if a is not None},
        "no_answers": sorted(code for code, a in answers.items() if a is None),
    }


def counts() -> dict:
    from django_tasks_db.models import DBTaskResult

    from openhandhaving.reports.models import Report

    return {"reports_after": Report.objects.count(), "tasks_waiting": DBTaskResult.objects.count()}


def child(args) -> None:
    django_start()
    figures = setup(args.size) if args.setup else counts()
    from django.db import connections

    connections.close_all()
    print(json.dumps(figures), flush=True)


# --- the server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_start(port: int, workers: int, threads: int, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "openhandhaving.wsgi",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
        "--worker-class", "gthread" if threads > 1 else "sync", "--timeout", "60",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=REPO, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )
    import httpx

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/open311/v2/discovery.json").is_success:
                return process
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    server_stop(process)
    raise SystemExit(f"gunicorn did not start; its log: {log}\n{log.read_text()[-3000:]}")


def server_stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # gunicorn's graceful stop, workers included
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- the clients ------------------------------------------------------------------------------


def post_form(n: int, rng: random.Random, setting: dict, codes: list[str]) -> dict:
    code = rng.choice(codes)
    lat, lon = rng.choice(setting["points"])
    form = {
        "api_key": setting["key"],
        "service_code": code,
        "lat": str(lat),
        "long": str(lon),
        "description": rng.choice(DESCRIPTIONS),
    }
    for key, value in setting["answers"][code].items():
        form[f"attribute[{key}]"] = value
    if n % 2:
        form.update(first_name="Bewoner", last_name=str(n), email=f"bewoner{n}@example.nl")
    return form


def run_phase(base: str, clients: int, total: int, make_request, check, rate: float = 0) -> dict:
    """`total` requests by `clients` threads, each with its own keep-alive connection.

    rate 0: closed loop (each client sends again as soon as it has its answer). rate > 0: open
    loop, request n is due at n / rate seconds; its latency counts from when it was due, so a
    client that is late because the server was slow adds that wait (no coordinated omission)."""
    import httpx

    lock = threading.Lock()
    sent = iter(range(total))
    samples: list[float] = []
    problems: list[str] = []

    def client(number: int) -> None:
        rng = random.Random(number)
        with httpx.Client(base_url=base, timeout=30) as http:
            while True:
                with lock:
                    n = next(sent, None)
                if n is None:
                    return
                start = time.perf_counter()
                if rate:
                    due = began + n / rate
                    if due > start:
                        time.sleep(due - start)
                    start = due
                try:
                    response = make_request(http, n, rng)
                    ok = response.status_code == 200 and check(response.json())
                    problem = "" if ok else f"{response.status_code} {response.text[:200]}"
                except (httpx.HTTPError, ValueError, LookupError, TypeError) as failure:
                    problem = f"{type(failure).__name__}: {failure}"
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    samples.append(elapsed)
                    if problem:
                        problems.append(problem)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    began = start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    ordered = sorted(samples)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))], 1)

    return {
        "requests": total,
        "seconds": round(seconds, 2),
        "per_s": round(total / seconds, 1),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": round(ordered[-1], 1),
        "errors": len(problems),
        "first_errors": sorted(set(problems))[:3],
    }


def cpu_now(server_pid: int) -> dict | None:
    """CPU seconds used so far by the whole machine (/proc/stat), by each process of the server
    (gunicorn's master and workers) and of PostgreSQL, and by this process (the clients). None
    where /proc is missing (not Linux)."""
    proc = Path("/proc")
    if not (proc / "stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    fields = [int(v) for v in (proc / "stat").read_text().split("\n")[0].split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    processes: dict[str, tuple[str, float]] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # ended meanwhile
        name, rest = text[text.index("(") + 1 :].rsplit(")", 1)
        parts = rest.split()
        used = (int(parts[11]) + int(parts[12])) / tick  # utime, stime
        if stat.parent.name == str(server_pid) or parts[1] == str(server_pid):
            processes[stat.parent.name] = ("server", used)
        elif name == "postgres":
            processes[stat.parent.name] = ("database", used)
    return {"machine": busy / tick, "processes": processes, "clients": time.process_time()}


def cpu_per_request(before, after, requests: int, seconds: float) -> dict | None:
    """CPU milliseconds per request of the server, PostgreSQL, the clients, and of the other
    programs on the machine (other people's work, which skews the figures; should be near 0).
    A process that ended during the phase counts as another program."""
    if before is None or after is None:
        return None
    used = {"server": 0.0, "database": 0.0, "clients": after["clients"] - before["clients"]}
    for pid, (kind, seconds_used) in after["processes"].items():
        used[kind] += seconds_used - before["processes"].get(pid, (kind, 0.0))[1]
    machine = after["machine"] - before["machine"]
    others = max(machine - sum(used.values()), 0.0)
    return {
        "server_ms": round(1000 * used["server"] / requests, 1),
        "database_ms": round(1000 * used["database"] / requests, 1),
        "clients_ms": round(1000 * used["clients"] / requests, 1),
        "others_ms": round(1000 * others / requests, 1),
        "machine_busy_pct": round(100 * machine / (seconds * (os.cpu_count() or 1))),
    }


def line(name: str, f: dict) -> str:
    return (
        f"{name:28} {f['per_s']:7.1f} req/s   p50 {f['p50_ms']:6.1f} ms   p95 {f['p95_ms']:6.1f} ms"
        f"   p99 {f['p99_ms']:6.1f} ms   max {f['max_ms']:6.1f} ms   errors {f['errors']}"
    )


def machine() -> dict:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = [r for r in cpuinfo.read_text().splitlines() if r.startswith("model name")]
        model = found[0].split(":", 1)[1].strip() if found else ""
    import psycopg

    with psycopg.connect(DB.url(BACKEND)) as conn:
        server = conn.execute("SHOW server_version").fetchone()[0]
    return {
        "cores": os.cpu_count(),
        "cpu": model or platform.processor(),
        "python": platform.python_version(),
        "postgresql": server,
    }


class SessionSampler(threading.Thread):
    """What the bench database's sessions do, sampled from pg_stat_activity every 50 ms:
    on average how many run a statement, wait for a lock, or sit in an open transaction while
    the server works between statements (locks they hold stay held)."""

    QUERY = (
        "SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type = 'Lock'), "
        "count(*) FILTER (WHERE state = 'active' AND coalesce(wait_event_type, '') <> 'Lock'), "
        "count(*) FILTER (WHERE state LIKE 'idle in transaction%%') "
        "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()"
    )

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.totals, self.samples = [0, 0, 0], 0

    def run(self) -> None:
        import psycopg

        with psycopg.connect(DB.url(BACKEND), autocommit=True) as conn:
            while not self.done.wait(0.05):
                row = conn.execute(self.QUERY, [DB.name]).fetchone()
                self.totals = [t + v for t, v in zip(self.totals, row, strict=True)]
                self.samples += 1

    def result(self) -> dict:
        self.done.set()
        self.join()
        n = max(self.samples, 1)
        waiting, running, in_transaction = (round(t / n, 2) for t in self.totals)
        return {"lock_wait": waiting, "running": running, "idle_in_transaction": in_transaction}


def measured(base, args, total, make_request, check, server_pid, rate: float = 0) -> dict:
    before, sessions = cpu_now(server_pid), SessionSampler()
    sessions.start()
    figures = run_phase(base, args.clients, total, make_request, check, rate)
    figures["database_sessions"] = sessions.result()
    figures["cpu_per_request"] = cpu_per_request(
        before, cpu_now(server_pid), total, figures["seconds"]
    )
    return figures


def sessions_line(sessions: dict) -> str:
    return (
        f"  PostgreSQL sessions on average: {sessions['running']} running a statement, "
        f"{sessions['lock_wait']} waiting for a lock, {sessions['idle_in_transaction']} in an "
        "open transaction between statements"
    )


def cpu_line(cpu: dict | None) -> str:
    if cpu is None:
        return "  CPU per request: not measured (no /proc)"
    text = (
        f"  CPU per request: server {cpu['server_ms']} ms, PostgreSQL {cpu['database_ms']} ms, "
        f"clients {cpu['clients_ms']} ms, other programs {cpu['others_ms']} ms; machine busy "
        f"{cpu['machine_busy_pct']}%"
    )
    ours = cpu["server_ms"] + cpu["database_ms"] + cpu["clients_ms"]
    if cpu["others_ms"] > 0.1 * ours:
        text += "\n  NOTE: other programs shared the machine; run again when it is quiet"
    return text


def load(args, setting: dict, server: dict, server_pid: int) -> dict:
    import httpx

    base = f"http://127.0.0.1:{server['port']}/open311/v2/"
    services = httpx.get(f"{base}services.json").json()
    codes = [s["service_code"] for s in services if s["service_code"] in setting["answers"]]
    print(f"services: {len(services)} in services.json, {len(codes)} used", flush=True)

    def post(http, n, rng):
        return http.post("requests.json", data=post_form(n, rng, setting, codes))

    def read(http, n, rng):
        return http.get("requests.json")

    def created(document) -> bool:
        return bool(document[0]["service_request_id"])

    def listed(document) -> bool:
        return isinstance(document, list) and bool(document)

    warm = run_phase(base, args.clients, args.warmup, post, created)
    print(f"warm-up: {args.warmup} POSTs, {warm['errors']} errors {warm['first_errors']}")
    posts = measured(base, args, args.requests, post, created, server_pid)
    print(line(f"POST requests.json x{args.clients}", posts), flush=True)
    print(cpu_line(posts["cpu_per_request"]))
    print(sessions_line(posts["database_sessions"]))
    for problem in posts["first_errors"]:
        print(f"  error: {problem}")
    steady = None
    if args.rate:
        steady = measured(base, args, args.rate_requests, post, created, server_pid, rate=args.rate)
        steady["offered_per_s"] = args.rate
        print(line(f"POST x{args.clients} at {args.rate:g}/s", steady), flush=True)
        print(cpu_line(steady["cpu_per_request"]))
        print(sessions_line(steady["database_sessions"]))
    reads = None
    if args.reads:
        run_phase(base, args.clients, args.clients, read, listed)  # warm-up
        reads = measured(base, args, args.reads, read, listed, server_pid)
        print(line(f"GET requests.json x{args.clients}", reads), flush=True)
        print(cpu_line(reads["cpu_per_request"]))
        print(sessions_line(reads["database_sessions"]))
    return {
        "warmup_errors": warm["errors"],
        "post": posts,
        "post_steady": steady,
        "get_list": reads,
    }


def main() -> None:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2 * cores + 1)
    parser.add_argument("--threads", type=int, default=1, help="more than 1: gthread workers")
    parser.add_argument(
        "--rate",
        type=float,
        default=20.0,
        help="second POST phase at this steady rate (requests/s over all clients); 0: none",
    )
    parser.add_argument("--rate-requests", type=int, default=600)
    parser.add_argument("--reads", type=int, default=400, help="GET requests.json; 0: none")
    parser.add_argument("--size", choices=["small", "normal", "large"], default="normal")
    parser.add_argument("--keep", action="store_true", help="leave the database")
    parser.add_argument("--backend", help=argparse.SUPPRESS)  # the child process
    parser.add_argument("--setup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.backend:  # the environment comes from the parent
        child(args)
        return

    var_dir = tempfile.mkdtemp(prefix="oh-bench-open311-")  # media, gunicorn's log
    atexit.register(shutil.rmtree, var_dir, True)
    environment_set(var_dir)
    server = {
        "server": "gunicorn openhandhaving.wsgi",
        "worker_class": "gthread" if args.threads > 1 else "sync",
        "workers": args.workers,
        "threads": args.threads,
        "port": free_port(),
        "rate_limits": f"raised to {HIGH_RATE} (limiter on, never blocks)",
        "task_worker": "not running (tasks stay enqueued)",
        "database": f"{DB.url(BACKEND)} (CONN_MAX_AGE 60)",
    }
    try:
        figures = run(args, server, Path(var_dir) / "gunicorn.log")
    finally:
        if not args.keep:
            DB.drop(BACKEND)
    posts = figures["post"]
    print(
        json.dumps(
            {
                "benchmark": "open311_load",
                "clients": args.clients,
                "server": {k: v for k, v in server.items() if k != "port"},
                "target_p95_ms": TARGET_P95_MS,
                "within_target": posts["p95_ms"] < TARGET_P95_MS and posts["errors"] == 0,
                "steady_within_target": bool(figures.get("post_steady"))
                and figures["post_steady"]["p95_ms"] < TARGET_P95_MS
                and figures["post_steady"]["errors"] == 0,
                **figures,
            }
        )
    )


def environment_set(var_dir: str) -> None:
    """The settings of the children and the server (the server config the bench prints)."""
    os.environ.update(
        DATABASE_URL=DB.url(BACKEND),
        DJANGO_SETTINGS_MODULE="openhandhaving.settings",
        OPENHANDHAVING_VAR_DIR=var_dir,
        OPENHANDHAVING_SECRET_KEY="bench-open311-load",  # the demo key derives from it
        OPENHANDHAVING_DEBUG="false",
        OPENHANDHAVING_HTTPS="false",  # plain HTTP on 127.0.0.1, as behind a TLS proxy
        OPENHANDHAVING_ALLOWED_HOSTS="127.0.0.1",
        OPENHANDHAVING_RATE_PUBLIC_POST=HIGH_RATE,
        OPENHANDHAVING_RATE_PUBLIC_READ=HIGH_RATE,
        OPENHANDHAVING_RATE_API_CLIENT=HIGH_RATE,
    )
    for name in ("OPENHANDHAVING_TASKS_BACKEND", "OPENHANDHAVING_REDIS_URL"):
        os.environ.pop(name, None)  # database task rows; per-process cache, as without Redis


def run(args, server: dict, log: Path) -> dict:
    """Set up the database, serve it, load it, count what was stored; the figures."""
    setting = run_child(__file__, BACKEND, ["--setup", "--size", args.size])
    if "error" in setting:
        raise SystemExit(f"setup failed: {setting['error']}")
    figures = {"machine": machine()}
    m = figures["machine"]
    print(
        f"machine: {m['cores']} cores ({m['cpu']}), Python {m['python']}, "
        f"PostgreSQL {m['postgresql']}; server, database and clients share it"
    )
    print(
        f"server: {server['server']}, {server['workers']} {server['worker_class']} workers "
        f"x {server['threads']} threads, no access log; rate limits {server['rate_limits']}; "
        f"task worker {server['task_worker']}"
    )
    print(
        f"demo: {setting['reports_before']:,} reports (made in {setting['demo_s']} s); "
        f"{len(setting['points'])} points inside the wijken; clients: {args.clients}"
    )
    if setting["no_answers"]:
        print(f"left out (no answers pass the questions): {setting['no_answers']}")
    process = server_start(server["port"], args.workers, args.threads, log)
    try:
        figures.update(load(args, setting, server, process.pid))
    finally:
        server_stop(process)
    after = run_child(__file__, BACKEND, [])
    made = after.get("reports_after", 0) - setting["reports_before"]
    expected = args.warmup + args.requests + (args.rate_requests if args.rate else 0)
    print(
        f"stored: {made:,} new reports (expected {expected:,}), "
        f"{after.get('tasks_waiting', 0):,} tasks waiting for a worker"
    )
    figures["stored_as_expected"] = made == expected
    figures["tasks_waiting"] = after.get("tasks_waiting")
    return figures


if __name__ == "__main__":
    main()
