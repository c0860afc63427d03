"""The scheduler: enqueue every due slot of the apps' scheduled jobs exactly once (ADR 0006).

Any number of schedulers may run (one per app server): a slot is claimed by inserting its
ScheduledRun row, and only the process whose insert succeeds enqueues the task.
"""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from openhandhaving.core.models import ScheduledRun
from openhandhaving.core.schedule import ScheduledJob, slot_due

logger = logging.getLogger(__name__)


def scheduled_jobs() -> list[ScheduledJob]:
    """The jobs every installed app declares in its AppConfig `scheduled_jobs`, by name."""
    jobs: dict[str, ScheduledJob] = {}
    for config in apps.get_app_configs():
        for job in getattr(config, "scheduled_jobs", []):
            if job.name in jobs:
                raise ImproperlyConfigured(f"Scheduled job {job.name!r} is declared twice")
            jobs[job.name] = job
    return [jobs[name] for name in sorted(jobs)]


def slot_taken(*, job: ScheduledJob, slot: str) -> bool:
    """A cheap look first, so passes do not keep bumping into the unique constraint."""
    return ScheduledRun.objects.filter(job=job.name, slot=slot).exists()


def scheduler_pass(
    *, now: dt.datetime, jobs: list[ScheduledJob] | None = None
) -> list[ScheduledRun]:
    """Claim and enqueue each job whose slot is due at `now` and not yet taken. Returns the runs.

    The claim and the enqueue share one transaction: if the task cannot be enqueued, the claim
    is rolled back and the next pass tries again. With the database task backend the task row
    commits together with the claim.
    """
    zone = ZoneInfo(settings.TIME_ZONE)
    runs = []
    for job in scheduled_jobs() if jobs is None else jobs:
        slot = slot_due(job, now=now, zone=zone)
        if slot is None or slot_taken(job=job, slot=slot):
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=job.name, slot=slot, enqueued_at=now)
                result = import_string(job.task).enqueue()
                run.task_result_id = str(result.id)[:64]
                run.save(update_fields=["task_result_id"])
        except IntegrityError:
            logger.info("Scheduled job %s slot %s: enqueued by another scheduler", job.name, slot)
            continue
        except Exception:
            logger.exception("Scheduled job %s slot %s could not be enqueued", job.name, slot)
            continue
        logger.info("Scheduled job %s slot %s enqueued (task %s)", job.name, slot, job.task)
        runs.append(run)
    return runs
