"""Scheduled jobs as data, and which time slot of a job is due at a moment (pure, no database).

An app declares its jobs in its AppConfig (`scheduled_jobs = [ScheduledJob(...)]`);
`openhandhaving scheduler` enqueues each due slot once (core.scheduler, ADR 0006).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

_HH_MM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class ScheduledJob:
    """A background task run daily at a local time (`at="03:15"`) or every N minutes.

    `task` is the dotted path of a django-tasks task; it is called without arguments.
    """

    name: str
    task: str
    at: str | None = None
    every_minutes: int | None = None

    def __post_init__(self) -> None:
        if (self.at is None) == (self.every_minutes is None):
            raise ValueError(f"{self.name}: give either at='HH:MM' or every_minutes, not both")
        if self.at is not None and not _HH_MM.match(self.at):
            raise ValueError(f"{self.name}: at must be a time as 'HH:MM', not {self.at!r}")
        if self.every_minutes is not None and not 1 <= self.every_minutes <= 24 * 60:
            raise ValueError(f"{self.name}: every_minutes must be between 1 and 1440")

    @property
    def time_of_day(self) -> dt.time | None:
        return dt.time.fromisoformat(self.at) if self.at else None

    def describe(self) -> str:
        return f"dagelijks om {self.at}" if self.at else f"elke {self.every_minutes} minuten"


def slot_due(job: ScheduledJob, *, now: dt.datetime, zone: ZoneInfo) -> str | None:
    """The slot of `job` that is due at `now`, as a key; None while today's time has not come.

    A daily job's slot is the local date, due from its wall-clock time on. A slot missed while
    no scheduler ran is therefore caught up later that day, but an earlier day is never
    replayed. The key is the date, so a day has one slot also when the clocks change: on the
    spring day a time that does not exist (02:30) is due once the clock passes it (03:00), and
    on the autumn day the hour that happens twice does not make a second slot.

    An interval job's slot is the start of the current period of `every_minutes` counted in UTC
    since 1970, so clock changes do not move it.
    """
    if job.every_minutes is not None:
        minutes = int((now - _EPOCH).total_seconds() // 60)
        start = _EPOCH + dt.timedelta(minutes=minutes - minutes % job.every_minutes)
        return start.strftime("%Y-%m-%dT%H:%MZ")
    local = now.astimezone(zone)
    if local.time() < job.time_of_day:
        return None
    return local.date().isoformat()


def next_run_at(job: ScheduledJob, *, now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """When the next slot of `job` starts after `now` (for screens; the scheduler uses slot_due)."""
    if job.every_minutes is not None:
        minutes = int((now - _EPOCH).total_seconds() // 60)
        return _EPOCH + dt.timedelta(
            minutes=minutes - minutes % job.every_minutes + job.every_minutes
        )
    local = now.astimezone(zone)
    day = local.date() if local.time() < job.time_of_day else local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(day, job.time_of_day, tzinfo=zone)
