"""Retention (S3): anonymise the reporter's data and, later, delete closed reports.

Both steps run nightly (ScheduledJob "reports.retention", ADR 0006) and from
`openhandhaving retention`. They work in batches, each in its own transaction, so a million
reports never sit in memory or in one transaction, and an interrupted run resumes where it
stopped. A report that was handled by one run no longer matches, so running twice is harmless.
Each run leaves one audit-log entry with its counts and aggregate RetentionRecord rows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import END_STATES, LinkPurpose, MessageState
from openhandhaving.reports.models import (
    Attachment,
    Category,
    Feedback,
    MessageAudience,
    OutgoingMessage,
    Report,
    ReporterContact,
    ReportEvent,
    ReportLink,
    RetentionAction,
    RetentionRecord,
)

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
REPORTER_LINKS = (LinkPurpose.ASK_REPORTER, LinkPurpose.FOLLOW)
END_STATUS_VALUES = sorted(str(status.value) for status in END_STATES)
NOT_SENT = "Niet verstuurd: de gegevens van de melder zijn verwijderd (bewaartermijn)."


def retention_days(name: str) -> int | None:
    """A term from the settings in days; None when it is 0 or empty (the step is off)."""
    value = getattr(settings, name, 0) or 0
    if value < 0:
        raise ImproperlyConfigured(f"{name} must be 0 (off) or a number of days, not {value}")
    return value or None


def anonymise_due(*, now: dt.datetime) -> QuerySet[Report] | None:
    """Closed reports past the anonymisation term whose reporter data is still there; not those
    past the archive term too, which are deleted instead."""
    days = retention_days("REPORTS_ANONYMISE_AFTER_DAYS")
    if days is None:
        return None
    due = Report.objects.filter(
        status__in=END_STATUS_VALUES,
        closed_at__lt=now - dt.timedelta(days=days),
        anonymised_at__isnull=True,
    ).order_by()
    delete_days = retention_days("REPORTS_DELETE_AFTER_DAYS")
    if delete_days is not None:
        due = due.filter(closed_at__gte=now - dt.timedelta(days=delete_days))
    return due


def delete_due(*, now: dt.datetime) -> QuerySet[Report] | None:
    """Closed reports past the archive term."""
    days = retention_days("REPORTS_DELETE_AFTER_DAYS")
    if days is None:
        return None
    return Report.objects.filter(
        status__in=END_STATUS_VALUES, closed_at__lt=now - dt.timedelta(days=days)
    ).order_by()


@dataclass
class _Records:
    """The RetentionRecord rows of one run and action, counted up batch by batch."""

    run_at: dt.datetime
    action: str
    ids: dict[tuple[int, int, str], int] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)

    def add(self, rows: list[tuple[int, int, dt.datetime, str]]) -> None:
        """Count (pk, category_id, reported_at, status) rows, inside the batch's transaction."""
        zone = timezone.get_default_timezone()
        groups = Counter(
            (category_id, reported_at.astimezone(zone).year, status)
            for _, category_id, reported_at, status in rows
        )
        missing = {key[0] for key in groups} - set(self.names)
        for category in Category.objects.filter(pk__in=missing).select_related("parent"):
            self.names[category.pk] = str(category)[:210]
        for key, count in groups.items():
            if key in self.ids:
                RetentionRecord.objects.filter(pk=self.ids[key]).update(count=F("count") + count)
                continue
            category_id, year, status = key
            record = RetentionRecord.objects.create(
                run_at=self.run_at,
                action=self.action,
                category_id=category_id,
                category_name=self.names.get(category_id, ""),
                year=year,
                status=status,
                count=count,
            )
            self.ids[key] = record.pk


def _batch(due: QuerySet[Report], size: int) -> list[tuple[int, int, dt.datetime, str]]:
    # skip_locked: a second run at the same time (PostgreSQL) takes other reports, so nothing is
    # counted twice. SQLite takes the write lock at BEGIN and has no row locks to skip.
    return list(
        due.select_for_update(skip_locked=True).values_list(
            "pk", "category_id", "reported_at", "status"
        )[:size]
    )


def reports_anonymise(
    *, now: dt.datetime, batch_size: int = BATCH_SIZE, dry_run: bool = False
) -> dict:
    """Remove the reporter's data from reports closed longer ago than the anonymisation term.

    The contact row is emptied and marked (the report page then says the data was removed),
    the address is blanked in e-mails to the reporter (queued ones are not sent), the
    reporter's answer links stop working, and the report gets `anonymised_at`. The report, its
    text and history stay. Returns the counts; with `dry_run` what would happen, changing nothing.
    """
    due = anonymise_due(now=now)
    if due is None:
        return {"enabled": False}
    days = retention_days("REPORTS_ANONYMISE_AFTER_DAYS")
    counts = {"enabled": True, "days": days, "reports": 0, "contacts": 0, "messages": 0, "links": 0}
    if dry_run:
        counts["reports"] = due.count()
        counts["contacts"] = ReporterContact.objects.filter(
            report__in=due, anonymised_at__isnull=True
        ).count()
        counts["messages"] = _reporter_messages(due).count()
        counts["links"] = _reporter_links(due, now).count()
        return counts
    records = _Records(run_at=now, action=RetentionAction.ANONYMISED)
    while True:
        with transaction.atomic():
            rows = _batch(due, batch_size)
            if not rows:
                break
            ids = [row[0] for row in rows]
            counts["contacts"] += ReporterContact.objects.filter(
                report_id__in=ids, anonymised_at__isnull=True
            ).update(name="", email="", phone="", may_contact=False, anonymised_at=now)
            messages = _reporter_messages(Report.objects.filter(pk__in=ids))
            messages.filter(state=MessageState.QUEUED).update(
                state=MessageState.FAILED, error=NOT_SENT
            )
            counts["messages"] += messages.update(to="")
            counts["links"] += _reporter_links(Report.objects.filter(pk__in=ids), now).update(
                expires_at=now
            )
            # The reporter's own explanation with their verdict may name people; the verdict stays.
            Feedback.objects.filter(report_id__in=ids).exclude(text="").update(text="")
            counts["reports"] += Report.objects.filter(pk__in=ids).update(anonymised_at=now)
            records.add(rows)
    audit_log_record(actor=None, action="retention_anonymise", details=counts)
    logger.info("Retention: anonymised %s", counts)
    return counts


def _reporter_messages(reports: QuerySet[Report]) -> QuerySet[OutgoingMessage]:
    return OutgoingMessage.objects.filter(
        report__in=reports, audience=MessageAudience.REPORTER
    ).exclude(to="")


def _reporter_links(reports: QuerySet[Report], now: dt.datetime) -> QuerySet[ReportLink]:
    return ReportLink.objects.filter(
        report__in=reports, purpose__in=REPORTER_LINKS, expires_at__gt=now
    )


def reports_delete_expired(
    *, now: dt.datetime, batch_size: int = BATCH_SIZE, dry_run: bool = False
) -> dict:
    """Delete reports closed longer ago than the archive term, with everything that hangs on
    them (history, contact, messages, links, notifications, attachments and their files).

    First each batch is counted in RetentionRecord rows (category, year made, status), in the
    same transaction as its deletion. Sub-reports and duplicates of a deleted report lose the
    reference and stay. Files leave the storage once the batch's transaction has committed.
    """
    due = delete_due(now=now)
    if due is None:
        return {"enabled": False}
    days = retention_days("REPORTS_DELETE_AFTER_DAYS")
    counts = {
        "enabled": True,
        "days": days,
        "reports": 0,
        "events": 0,
        "messages": 0,
        "attachments": 0,
    }
    if dry_run:
        counts["reports"] = due.count()
        counts["events"] = ReportEvent.objects.filter(report__in=due).count()
        counts["messages"] = OutgoingMessage.objects.filter(report__in=due).count()
        counts["attachments"] = Attachment.objects.filter(report__in=due).count()
        return counts
    records = _Records(run_at=now, action=RetentionAction.DELETED)
    storage = Attachment._meta.get_field("file").storage
    while True:
        with transaction.atomic():
            rows = _batch(due, batch_size)
            if not rows:
                break
            ids = [row[0] for row in rows]
            records.add(rows)
            files = [
                name
                for name in Attachment.objects.filter(report_id__in=ids).values_list(
                    "file", flat=True
                )
                if name
            ]
            _, deleted = Report.objects.filter(pk__in=ids).delete()
            counts["reports"] += deleted.get(Report._meta.label, 0)
            counts["events"] += deleted.get(ReportEvent._meta.label, 0)
            counts["messages"] += deleted.get(OutgoingMessage._meta.label, 0)
            counts["attachments"] += deleted.get(Attachment._meta.label, 0)
            transaction.on_commit(lambda files=files: _files_delete(storage, files))
    audit_log_record(actor=None, action="retention_delete", details=counts)
    logger.info("Retention: deleted %s", counts)
    return counts


def _files_delete(storage, names: list[str]) -> None:
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # a file that cannot go must not stop the run; it is logged
            logger.exception("Retention: could not delete attachment file %s", name)


def retention_run(*, now: dt.datetime | None = None, dry_run: bool = False) -> dict:
    """Both steps, what the nightly task and the command run. Deleting goes first: a report past
    its archive term is deleted, not first anonymised."""
    now = now or timezone.now()
    deleted = reports_delete_expired(now=now, dry_run=dry_run)
    anonymised = reports_anonymise(now=now, dry_run=dry_run)
    return {"at": now.isoformat(), "dry_run": dry_run, "anonymise": anonymised, "delete": deleted}
