"""S4: with the production switches on, Django's deployment check has nothing to say."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys


def test_check_deploy_is_clean_with_https_on(tmp_path):
    env = {
        **os.environ,
        "OPENHANDHAVING_SECRET_KEY": secrets.token_urlsafe(50),
        "OPENHANDHAVING_HTTPS": "true",
        "OPENHANDHAVING_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests' Playwright
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "openhandhaving.cli",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_pages_carry_the_security_headers(client, db):
    response = client.get("/inloggen/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
