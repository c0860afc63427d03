"""Reads for messages: standard texts that fit a report, the outbox, links, staff notices."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from openhandhaving.core.models import User
from openhandhaving.reports.choices import TRANSITIONS, LinkPurpose, MessageState, Status
from openhandhaving.reports.models import (
    MessageAudience,
    Notification,
    OutgoingMessage,
    Report,
    ReportLink,
    StandardText,
)


def standard_texts_for(*, report: Report, statuses: list[str] | None = None) -> list[StandardText]:
    """Active texts for these statuses that fit the report's category, best fit first.

    Texts of the report's own category come first, then those of its main category, then the
    texts for every category of that status.
    """
    category = report.category
    categories = [category.pk] + ([category.parent_id] if category.parent_id else [])
    texts = StandardText.objects.filter(
        Q(category__isnull=True) | Q(category__in=categories), active=True
    )
    if statuses is not None:
        texts = texts.filter(status__in=statuses)
    fit = Case(
        When(category=category.pk, then=Value(0)),
        When(category__isnull=False, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return list(texts.annotate(fit=fit).order_by("status", "fit", "title"))


def message_target_statuses(*, report: Report) -> list[Status]:
    """Statuses a message can go with: the current one (no change) and every allowed next one."""
    current = Status(report.status)
    allowed = TRANSITIONS[current]
    return [current] + [status for status in Status if status in allowed]


def outbox(*, state: str | None = None, report: Report | None = None) -> QuerySet[OutgoingMessage]:
    messages = OutgoingMessage.objects.select_related("report", "created_by")
    if state:
        messages = messages.filter(state=state)
    if report is not None:
        messages = messages.filter(report=report)
    return messages.order_by("-created_at", "-id")


def failed_count() -> int:
    return OutgoingMessage.objects.filter(state=MessageState.FAILED).count()


def report_messages(*, report: Report) -> list[OutgoingMessage]:
    """E-mails about one report, newest first (staff notices about it left out)."""
    return list(outbox(report=report).exclude(audience=MessageAudience.STAFF))


def report_open_links(*, report: Report, now: dt.datetime | None = None) -> list[ReportLink]:
    """Questions still waiting for an answer."""
    return list(
        ReportLink.objects.filter(
            report=report, answered_at__isnull=True, expires_at__gt=now or timezone.now()
        )
        .exclude(purpose=LinkPurpose.FOLLOW)
        .order_by("expires_at")
    )


def link_lookup(
    *, token: str, purpose: str, now: dt.datetime | None = None
) -> tuple[ReportLink | None, str]:
    """(link, problem): problem is "" when it may be answered, else unknown/expired/answered."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    link = (
        ReportLink.objects.select_related("report", "report__category", "report__district")
        .filter(token_hash=digest, purpose=purpose)
        .first()
    )
    if link is None:
        return None, "unknown"
    if link.answered_at is not None:
        return link, "answered"
    if link.expires_at <= (now or timezone.now()):
        return link, "expired"
    return link, ""


def notifications_for(*, user: User, unread_only: bool = False) -> QuerySet[Notification]:
    notices = Notification.objects.filter(user=user).select_related("report")
    if unread_only:
        notices = notices.filter(read_at__isnull=True)
    return notices.order_by("-created_at", "-id")


def notification_unread_count(*, user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
