"""The throw-away databases of the benchmarks: a PostgreSQL database on the machine's server or a
SQLite file in the temporary folder, made and dropped by the bench that uses it."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_SERVER = "postgres://postgres@127.0.0.1:5432"


@dataclass(frozen=True)
class BenchDatabase:
    """`name` is the PostgreSQL database; the SQLite file is <tmp>/<name>.sqlite3."""

    name: str

    @property
    def sqlite_path(self) -> Path:
        return Path(tempfile.gettempdir()) / f"{self.name}.sqlite3"

    def url(self, backend: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{self.sqlite_path}"
        return f"{PG_SERVER}/{self.name}"

    def drop(self, backend: str) -> None:
        if backend == "sqlite":
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)
            return
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def create(self, backend: str) -> None:
        self.drop(backend)
        if backend == "postgres":
            import psycopg

            with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')

    def exists(self, backend: str) -> bool:
        if backend == "sqlite":
            return self.sqlite_path.exists()
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            return found.fetchone() is not None


def run_child(script: str, backend: str, args: list[str]) -> dict:
    """Run `script --backend <backend> <args>` in its own process (Django reads DATABASE_URL
    once per process); pass its progress lines through and return its last JSON line."""
    import json
    import subprocess
    import sys

    command = [sys.executable, script, "--backend", backend, *args]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1]
    )
    last = ""
    for line in process.stdout:
        if line.startswith("{"):
            last = line
        else:
            print(line, end="", flush=True)
    if process.wait() != 0 or not last:
        return {"error": f"exit code {process.returncode}"}
    return json.loads(last)
