"""Webhooks: report changes delivered to connected systems, signed, retried with backoff.

Each delivery is a POST of JSON with the headers X-OpenHandhaving-Event, -Delivery, -Timestamp
and -Signature (``sha256=`` + HMAC-SHA256 of ``<timestamp>.<body>`` with the subscription's
secret). A 2xx answer delivers it; anything else (or no answer within TIMEOUT) is tried again
after 30 s, 2 min, 8 min, 32 min and 2 h 8 min; after MAX_ATTEMPTS it is given up. Every attempt
is in the delivery log. The payload has no personal data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import secrets
import urllib.error
import urllib.request

from django.db import transaction
from django.utils import timezone

from openhandhaving.api.models import DeliveryState, WebhookDelivery, WebhookSubscription
from openhandhaving.core.caching import Fresh
from openhandhaving.core.tasks import enqueue_on_commit
from openhandhaving.reports.models import Report

logger = logging.getLogger(__name__)

TIMEOUT = 5  # seconds
MAX_ATTEMPTS = 6
FIRST_RETRY = dt.timedelta(seconds=30)
BACKOFF = 4


def new_secret() -> str:
    return secrets.token_hex(32)


def signature(*, secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def retry_delay(attempts: int) -> dt.timedelta:
    """After the n-th failed attempt: 30 s, 2 min, 8 min, 32 min, 2 h 8 min."""
    return FIRST_RETRY * BACKOFF ** (attempts - 1)


# Active subscriptions per event, per process (core.caching): no query per report without them.
def _subscriptions_version() -> tuple:
    from django.db.models import Count, Max

    found = WebhookSubscription.objects.aggregate(n=Count("id"), changed=Max("updated_at"))
    return found["n"], found["changed"]


def _subscriptions_load(_version) -> list[WebhookSubscription]:
    return list(
        WebhookSubscription.objects.filter(active=True, client__active=True).select_related(
            "client"
        )
    )


_subscriptions: Fresh[list[WebhookSubscription]] = Fresh(
    version=_subscriptions_version, load=_subscriptions_load
)


def subscriptions_clear(**_kwargs) -> None:
    _subscriptions.clear()


def report_payload(report: Report, event: str) -> dict:
    """What a connected system hears: the report's state, without personal data or its text."""
    return {
        "event": event,
        "occurred_at": timezone.now().isoformat(timespec="seconds"),
        "report": {
            "number": report.number,
            "status": report.status,
            "category": report.category.slug,
            "owner": report.owner.username if report.owner_id else "",
            "team": report.owner_team.slug if report.owner_team_id else "",
            "wijk": report.district.name if report.district_id else "",
            "deadline": report.deadline.isoformat(timespec="seconds"),
            "version": report.version,
        },
    }


def deliveries_create(*, report_id: int, event: str) -> list[WebhookDelivery]:
    """A delivery for each subscription that wants `event`, each sent by a background task."""
    from openhandhaving.api.tasks import webhook_deliver_task

    wanted = [s for s in _subscriptions.get() if event in (s.events or [])]
    if not wanted:
        return []
    report = (
        Report.objects.select_related("category", "owner", "owner_team", "district")
        .filter(pk=report_id)
        .first()
    )
    if report is None:
        return []
    payload = report_payload(report, event)
    with transaction.atomic():
        made = WebhookDelivery.objects.bulk_create(
            WebhookDelivery(
                subscription=s, event=event, report_number=report.number, payload=payload
            )
            for s in wanted
        )
        for delivery in made:
            enqueue_on_commit(webhook_deliver_task, delivery.pk)
    return made


def report_changed_receiver(sender, report_id: int, event: str, **kwargs) -> None:
    try:
        deliveries_create(report_id=report_id, event=event)
    except Exception:
        # The report change is committed already; a webhook problem must not turn it into an
        # error page. The log says which report was not announced.
        logger.exception("webhook deliveries for report %s (%s) not made", report_id, event)


def _post(subscription: WebhookSubscription, delivery: WebhookDelivery) -> tuple[int | None, str]:
    body = json.dumps(delivery.payload, ensure_ascii=False).encode()
    timestamp = str(int(timezone.now().timestamp()))
    request = urllib.request.Request(
        subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "OpenHandhaving-Webhook/1",
            "X-OpenHandhaving-Event": delivery.event,
            "X-OpenHandhaving-Delivery": str(delivery.pk),
            "X-OpenHandhaving-Timestamp": timestamp,
            "X-OpenHandhaving-Signature": signature(
                secret=subscription.secret, timestamp=timestamp, body=body
            ),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return None, str(getattr(error, "reason", error))[:500]


def webhook_deliver(*, delivery_id: int) -> str:
    """One attempt; schedules the next one with backoff, or gives up. Returns the new state."""
    from openhandhaving.api.tasks import webhook_deliver_task

    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != DeliveryState.PENDING:
        return delivery.state if delivery else "missing"
    code, problem = _post(delivery.subscription, delivery)
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code = code
    if code is not None and 200 <= code < 300:
        delivery.state, delivery.delivered_at, delivery.last_error = (
            DeliveryState.DELIVERED,
            now,
            "",
        )
        delivery.next_attempt_at = None
    else:
        delivery.last_error = problem or f"HTTP {code}"
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.state, delivery.next_attempt_at = DeliveryState.FAILED, None
        else:
            delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save()
    if delivery.state == DeliveryState.PENDING:
        task = webhook_deliver_task
        if task.get_backend().supports_defer:
            task = task.using(run_after=delivery.next_attempt_at)
        task.enqueue(delivery.pk)
    return delivery.state


def webhook_retry(*, deliveries) -> int:
    """Put given-up (or pending) deliveries back in the queue for a fresh series of attempts."""
    from openhandhaving.api.tasks import webhook_deliver_task

    count = 0
    with transaction.atomic():
        for delivery in deliveries.exclude(state=DeliveryState.DELIVERED):
            delivery.state, delivery.attempts, delivery.next_attempt_at = (
                DeliveryState.PENDING,
                0,
                None,
            )
            delivery.save(update_fields=["state", "attempts", "next_attempt_at"])
            enqueue_on_commit(webhook_deliver_task, delivery.pk)
            count += 1
    return count
