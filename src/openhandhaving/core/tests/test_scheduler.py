"""The scheduler: which slot is due, once per slot across schedulers, catch-up, clock changes."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django_tasks import task, task_backends
from django_tasks.base import Task

from openhandhaving.core import scheduler
from openhandhaving.core.models import ScheduledRun
from openhandhaving.core.schedule import ScheduledJob, next_run_at, slot_due
from openhandhaving.core.scheduler import scheduled_jobs, scheduler_pass

AMS = ZoneInfo("Europe/Amsterdam")
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
NIGHTLY = ScheduledJob(
    name="test.nightly", task="openhandhaving.core.tests.test_scheduler.tick_task", at="03:15"
)


@task()
def tick_task() -> int:
    return 1


def local(text: str, fold: int = 0) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=AMS, fold=fold)


@pytest.fixture
def enqueued(settings):
    """The tasks the scheduler enqueued (django-tasks' dummy backend keeps them in a list)."""
    settings.TASKS = DUMMY
    backend = task_backends["default"]
    backend.clear()
    return backend.results


# --- Which slot is due (pure) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "moment", "slot"),
    [
        # a daily job is not due before its time, and due the rest of that day
        ("03:15", "2026-11-24 03:14", None),
        ("03:15", "2026-11-24 03:15", "2026-11-24"),
        ("03:15", "2026-11-24 23:59", "2026-11-24"),
        ("03:15", "2026-11-25 00:30", None),
        # spring forward (29 March 2026, 02:00 → 03:00): 02:30 does not exist, due from 03:00
        ("02:30", "2026-03-29 01:59", None),
        ("02:30", "2026-03-29 03:00", "2026-03-29"),
        # autumn back (25 October 2026): both 02:30s are the same day, so the same slot
        ("02:30", "2026-10-25 02:29", None),
        ("02:30", "2026-10-25 02:30", "2026-10-25"),
    ],
)
def test_daily_slot_is_the_local_date_from_the_time_on(at, moment, slot):
    job = ScheduledJob(name="x", task="x.y", at=at)
    assert slot_due(job, now=local(moment), zone=AMS) == slot


def test_the_hour_that_happens_twice_keeps_one_slot():
    job = ScheduledJob(name="x", task="x.y", at="02:30")
    first = local("2026-10-25 02:40", fold=0)  # summer time, 00:40 UTC
    second = local("2026-10-25 02:40", fold=1)  # winter time, an hour later
    assert second - first == dt.timedelta(0)  # same wall clock; compare in UTC
    assert second.astimezone(dt.UTC) - first.astimezone(dt.UTC) == dt.timedelta(hours=1)
    assert slot_due(job, now=first, zone=AMS) == slot_due(job, now=second, zone=AMS)


def test_interval_slots_follow_utc_and_ignore_clock_changes():
    job = ScheduledJob(name="x", task="x.y", every_minutes=15)
    # 01:59 CET and 03:00 CEST on 29 March are one minute apart: next slot, not 4 slots later
    before = slot_due(job, now=local("2026-03-29 01:59"), zone=AMS)
    after = slot_due(job, now=local("2026-03-29 03:00"), zone=AMS)
    assert (before, after) == ("2026-03-29T00:45Z", "2026-03-29T01:00Z")
    assert slot_due(job, now=local("2026-03-29 03:14"), zone=AMS) == after


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"at": "03:15", "every_minutes": 5},
        {"at": "3:15"},
        {"at": "24:00"},
        {"every_minutes": 0},
    ],
)
def test_a_job_needs_exactly_one_valid_schedule(fields):
    with pytest.raises(ValueError):
        ScheduledJob(name="x", task="x.y", **fields)


def test_next_run_is_today_before_the_time_and_tomorrow_after_it():
    assert next_run_at(NIGHTLY, now=local("2026-11-24 02:00"), zone=AMS) == local(
        "2026-11-24 03:15"
    )
    assert next_run_at(NIGHTLY, now=local("2026-11-24 03:15"), zone=AMS) == local(
        "2026-11-25 03:15"
    )


# --- Passes against the database -----------------------------------------------------------


@pytest.mark.django_db
def test_a_job_is_enqueued_when_due_and_not_before(enqueued):
    assert scheduler_pass(now=local("2026-11-24 03:14"), jobs=[NIGHTLY]) == []
    runs = scheduler_pass(now=local("2026-11-24 03:15"), jobs=[NIGHTLY])
    assert [(run.job, run.slot) for run in runs] == [("test.nightly", "2026-11-24")]
    assert [result.task.name for result in enqueued] == ["tick_task"]
    assert ScheduledRun.objects.get().task_result_id == enqueued[0].id


@pytest.mark.django_db
def test_one_slot_is_enqueued_once_however_many_passes_run(enqueued):
    for moment in ("2026-11-24 03:15", "2026-11-24 03:15", "2026-11-24 03:45", "2026-11-24 22:00"):
        scheduler_pass(now=local(moment), jobs=[NIGHTLY])
    assert len(enqueued) == 1
    scheduler_pass(now=local("2026-11-25 03:16"), jobs=[NIGHTLY])
    assert len(enqueued) == 2


@pytest.mark.django_db
def test_two_schedulers_that_both_see_the_slot_free_enqueue_it_once(enqueued, monkeypatch):
    # The other app server's scheduler looked at the same moment: neither saw a row yet.
    monkeypatch.setattr(scheduler, "slot_taken", lambda **_: False)
    first = scheduler_pass(now=local("2026-11-24 03:15"), jobs=[NIGHTLY])
    second = scheduler_pass(now=local("2026-11-24 03:15"), jobs=[NIGHTLY])
    assert (len(first), len(second), len(enqueued)) == (1, 0, 1)
    assert ScheduledRun.objects.count() == 1


@pytest.mark.django_db
def test_a_job_that_cannot_be_enqueued_keeps_its_slot_open_and_stops_no_other(enqueued):
    broken = ScheduledJob(name="test.broken", task="openhandhaving.core.tests.nowhere", at="03:15")
    assert scheduler_pass(now=local("2026-11-24 03:15"), jobs=[broken, NIGHTLY])[0].job == (
        "test.nightly"
    )
    assert not ScheduledRun.objects.filter(job="test.broken").exists()


@pytest.mark.django_db
def test_a_missed_slot_runs_once_when_the_scheduler_is_back_that_day(enqueued):
    # Down from Saturday evening until Tuesday 10:00: only Tuesday's slot runs, at once.
    scheduler_pass(now=local("2026-11-21 20:00"), jobs=[NIGHTLY])
    runs = scheduler_pass(now=local("2026-11-24 10:00"), jobs=[NIGHTLY])
    assert [run.slot for run in runs] == ["2026-11-24"]
    assert sorted(ScheduledRun.objects.values_list("slot", flat=True)) == [
        "2026-11-21",
        "2026-11-24",
    ]
    assert scheduler_pass(now=local("2026-11-24 10:00:30"), jobs=[NIGHTLY]) == []


@pytest.mark.django_db
@pytest.mark.parametrize("day", ["2026-03-29", "2026-10-25"])
@pytest.mark.parametrize("at", ["02:30", "03:15"])
def test_a_clock_change_day_runs_a_daily_job_exactly_once(enqueued, day, at):
    job = ScheduledJob(name="test.dst", task=NIGHTLY.task, at=at)
    start = local(f"{day} 00:00").astimezone(dt.UTC)
    moments = [start + dt.timedelta(minutes=step) for step in range(60 * 25)]
    runs = [run for moment in moments for run in scheduler_pass(now=moment, jobs=[job])]
    assert [run.slot for run in runs] == [day]
    first_run = runs[0].enqueued_at.astimezone(AMS)
    expected = "03:00" if (day, at) == ("2026-03-29", "02:30") else at
    assert f"{first_run:%H:%M}" == expected


# --- The apps' jobs and the command --------------------------------------------------------


def test_every_declared_job_names_a_task():
    jobs = scheduled_jobs()
    assert "reports.retention" in [job.name for job in jobs]
    for job in jobs:
        from django.utils.module_loading import import_string

        assert isinstance(import_string(job.task), Task), job.name


@pytest.mark.django_db
@time_machine.travel(local("2026-11-24 03:20"), tick=False)
def test_the_command_once_enqueues_what_is_due_and_says_so(enqueued):
    out = io.StringIO()
    call_command("scheduler", "--once", stdout=out)
    assert "In de wachtrij: reports.retention (2026-11-24)" in out.getvalue()
    names = sorted(result.task.name for result in enqueued)
    # the nightly analysis (02:30), the hourly clean-up, and the retention (03:15)
    assert names == ["analysis_nightly_task", "drafts_cleanup_task", "retention_task"]
    call_command("scheduler", "--once", stdout=io.StringIO())
    assert len(enqueued) == 3


def test_serve_starts_and_stops_the_scheduler_beside_the_worker(monkeypatch):
    started, stopped = [], []

    class FakeProcess:
        def __init__(self, args):
            self.args = args
            started.append(args[3] if args[1:3] == ["-m", "openhandhaving.cli"] else "gunicorn")

        def wait(self, timeout=None):
            return 0

        def terminate(self):
            stopped.append(self.args[-1])

    monkeypatch.setattr("subprocess.Popen", FakeProcess)
    monkeypatch.setattr("signal.signal", lambda *args: None)  # keep pytest's own handler
    call_command("serve", stdout=io.StringIO())
    assert started == ["db_worker", "scheduler", "gunicorn"]
    assert stopped == ["db_worker", "scheduler"]
    started.clear()
    call_command("serve", "--no-scheduler", stdout=io.StringIO())
    assert started == ["db_worker", "gunicorn"]
