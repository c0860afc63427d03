"""Fast inserts for the demo's millions of rows: prepared tuples through the database cursor.

bulk_create builds a model instance and prepares every field of every row (about 300 µs a report
on SQLite); the demo knows its values are clean, so it hands tuples to the driver: executemany
on SQLite (about 20 µs a row), COPY on PostgreSQL. The tests check the column lists against the
models. While loading, the plain (non-unique) indexes are dropped and built again at the end:
one sort instead of a million index updates. The demo runs in one transaction, so an
interruption leaves the schema as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max

from openhandhaving.reports.models import Report, ReporterContact, ReportEvent

REPORT_COLUMNS = (
    "id", "lat", "lon", "h3_cell", "district_id", "neighbourhood_id", "number", "text",
    "category_id", "status", "owner_id", "owner_team_id", "address", "channel", "priority",
    "cause", "answers", "reported_at", "deadline", "deadline_3x", "closed_at", "parent_id",
    "duplicate_of_id", "created_by_id", "external_id", "version", "anonymised_at",
)  # fmt: skip
EVENT_COLUMNS = (
    "report_id", "time", "actor_id", "kind", "old_value", "new_value", "text", "internal",
)  # fmt: skip
CONTACT_COLUMNS = ("report_id", "name", "email", "phone", "may_contact", "anonymised_at")
BATCH = 5_000


class TableWriter:
    """Rows into one table, many at a time: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, model, columns: Sequence[str]):
        quote = connection.ops.quote_name
        table, names = quote(model._meta.db_table), ", ".join(quote(c) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"
        self.copy = f"COPY {table} ({names}) FROM STDIN"

    def write(self, rows: list[tuple]) -> None:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # psycopg 3: about a third faster
                with cursor.cursor.copy(self.copy) as copy:
                    for row in rows:
                        copy.write_row(row)
                return
            for start in range(0, len(rows), BATCH):
                cursor.executemany(self.sql, rows[start : start + BATCH])


def db_datetime():
    """The function that turns an aware datetime into what this database stores."""
    if connection.vendor == "sqlite":  # naive UTC text, as Django's SQLite backend writes it

        def to_sqlite(value: dt.datetime | None) -> str | None:
            if value is None:
                return None
            return value.astimezone(dt.UTC).isoformat(" ")[:-6]  # without "+00:00"

        return to_sqlite
    return lambda value: value


def db_json():
    """The function that turns the answers (a dict) into what this database stores."""
    if connection.vendor == "sqlite":
        return json.dumps  # as Django's JSONField writes it there
    field = Report._meta.get_field("answers")
    return lambda value: field.get_db_prep_save(value, connection)


def next_report_id() -> int:
    return (Report.objects.aggregate(last=Max("id"))["last"] or 0) + 1


def writers() -> dict[str, TableWriter]:
    return {
        "reports": TableWriter(Report, REPORT_COLUMNS),
        "events": TableWriter(ReportEvent, EVENT_COLUMNS),
        "contacts": TableWriter(ReporterContact, CONTACT_COLUMNS),
    }


def sequences_reset() -> None:
    """After inserting ids ourselves: let the database hand out the next ones (PostgreSQL)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Report])
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _plain_indexes(cursor, table: str) -> list[tuple[str, str]]:
    if connection.vendor == "sqlite":
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
            "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%%' ORDER BY name",
            [table],
        )
    elif connection.vendor == "postgresql":
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexdef NOT LIKE 'CREATE UNIQUE%%' ORDER BY indexname",
            [table],
        )
    else:
        return []
    return list(cursor.fetchall())


@contextmanager
def plain_indexes_dropped(models) -> Iterator[None]:
    """Load without the tables' non-unique indexes; build them again when the load is done."""
    quote = connection.ops.quote_name
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        saved = [row for model in models for row in _plain_indexes(cursor, model._meta.db_table)]
        for name, _sql in saved:
            cursor.execute(f"DROP INDEX {quote(name)}")
        if postgres:  # check foreign keys row by row, not millions of them queued for the end
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    yield
    with connection.cursor() as cursor:
        for _name, sql in saved:
            cursor.execute(sql)
        if postgres:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
