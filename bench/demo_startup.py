"""Time `make demo` from a fresh clone until the login page is served.

Run: .venv/bin/python bench/demo_startup.py [--keep]
Clones the committed HEAD into a temporary folder, runs `make demo` there on a free port, polls the
login page, stops the server and prints one JSON line with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", action="store_true", help="leave the clone in place")
    parser.add_argument("--timeout", type=int, default=1200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="oh-demo-"))
    clone = workdir / "fresh"
    port = free_port()
    start = time.monotonic()
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    env = {**os.environ, "OPENHANDHAVING_BIND": f"127.0.0.1:{port}"}
    env.pop("DATABASE_URL", None)
    log = (workdir / "make-demo.log").open("w")
    process = subprocess.Popen(
        ["make", "demo"],
        cwd=clone,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/inloggen/"
    served_after = None
    try:
        while time.monotonic() - start < args.timeout and process.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200 and b"Inloggen" in response.read():
                        served_after = time.monotonic() - start
                        break
            except OSError:
                time.sleep(1)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()
    figures = {
        "benchmark": "demo_startup",
        "served": served_after is not None,
        "seconds_to_served_page": round(served_after, 1) if served_after else None,
        "log": str(workdir / "make-demo.log"),
    }
    if not args.keep and served_after is not None:
        shutil.rmtree(clone, ignore_errors=True)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
