"""Webhooks: report changes reach a subscribed system, signed; failures retried with backoff."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from django.utils import timezone

from openhandhaving.api.choices import Scope
from openhandhaving.api.models import DeliveryState, WebhookDelivery, WebhookSubscription
from openhandhaving.api.services import api_client_create
from openhandhaving.api.webhooks import MAX_ATTEMPTS, webhook_deliver, webhook_retry
from openhandhaving.reports.choices import Channel, Status
from openhandhaving.reports.services import report_create, report_status_change
from openhandhaving.reports.tests.town import IN_WEST, at

pytestmark = pytest.mark.django_db


class Receiver:
    """A connected system's web server (the outside world): records posts, answers `status`."""

    def __init__(self) -> None:
        self.posts: list[tuple] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.posts.append((self.headers, body))  # names case-insensitive
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver():
    found = Receiver()
    yield found
    found.server.shutdown()


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=True):
        yield


def subscribe(url: str, *events: str) -> WebhookSubscription:
    client = api_client_create(name="Vakapplicatie", scopes=[Scope.REPORTS_READ])[0]
    return WebhookSubscription.objects.create(
        client=client, url=url, events=list(events), secret="s" * 64
    )


def make_report(town, capture):
    with capture(execute=True):
        return report_create(
            text="Harde muziek",
            category=town.geluid,
            lat=IN_WEST[0],
            lon=IN_WEST[1],
            channel=Channel.PHONE,
            contact={"name": "Els Bakker", "email": "els@example.nl"},
        )


def test_a_new_report_reaches_the_system_signed_and_without_personal_data(
    town, tuesday, receiver, django_capture_on_commit_callbacks
):
    subscribe(receiver.url, "created", "assigned")
    report = make_report(town, django_capture_on_commit_callbacks)
    deliveries = list(WebhookDelivery.objects.order_by("event"))
    assert [d.event for d in deliveries] == ["assigned", "created"]
    for delivery in deliveries:
        assert webhook_deliver(delivery_id=delivery.pk) == DeliveryState.DELIVERED
    headers, body = receiver.posts[-1]
    payload = json.loads(body)
    assert payload["report"]["number"] == report.number
    assert payload["report"]["owner"] == town.hanna.username
    assert "els@example.nl" not in body.decode() and "Harde muziek" not in body.decode()
    expected = hmac.new(
        b"s" * 64, f"{headers['X-OpenHandhaving-Timestamp']}.".encode() + body, hashlib.sha256
    ).hexdigest()
    assert headers["X-OpenHandhaving-Signature"] == f"sha256={expected}"
    assert headers["X-OpenHandhaving-Event"] in {"created", "assigned"}


def test_only_the_chosen_events_are_sent(
    town, tuesday, receiver, django_capture_on_commit_callbacks
):
    subscribe(receiver.url, "status_changed")
    report = make_report(town, django_capture_on_commit_callbacks)
    assert not WebhookDelivery.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        report_status_change(report=report, to_status=Status.ACCEPTED, actor=town.hanna)
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == "status_changed" and delivery.payload["report"]["status"] == "accepted"


def test_a_failing_system_is_tried_again_with_backoff_then_given_up(
    town, receiver, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    subscribe(receiver.url, "created")
    receiver.status = 500
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        make_report(town, django_capture_on_commit_callbacks)
        delivery = WebhookDelivery.objects.get()
        assert webhook_deliver(delivery_id=delivery.pk) == DeliveryState.PENDING
        delivery.refresh_from_db()
        assert (delivery.attempts, delivery.last_status_code) == (1, 500)
        assert delivery.next_attempt_at == timezone.now() + dt.timedelta(seconds=30)
        retries = DBTaskResult.objects.filter(task_path__endswith="webhook_deliver_task")
        assert retries.filter(run_after=delivery.next_attempt_at).exists()
        webhook_deliver(delivery_id=delivery.pk)
        delivery.refresh_from_db()
        assert delivery.next_attempt_at == timezone.now() + dt.timedelta(minutes=2)
        for _ in range(MAX_ATTEMPTS - 2):
            state = webhook_deliver(delivery_id=delivery.pk)
    assert state == DeliveryState.FAILED
    assert len(receiver.posts) == MAX_ATTEMPTS
    receiver.status = 204
    assert webhook_retry(deliveries=WebhookDelivery.objects.all()) == 1
    assert webhook_deliver(delivery_id=delivery.pk) == DeliveryState.DELIVERED


def test_an_unreachable_system_is_logged(town, tuesday, django_capture_on_commit_callbacks):
    subscribe("http://127.0.0.1:9/nergens", "created")
    make_report(town, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.PENDING and delivery.last_status_code is None
    assert delivery.last_error


def test_a_rolled_back_change_is_not_announced(town, tuesday, receiver):
    subscribe(receiver.url, "created")
    with pytest.raises(RuntimeError), __import__("django.db").db.transaction.atomic():
        report_create(
            text="x", category=town.geluid, lat=IN_WEST[0], lon=IN_WEST[1], channel="phone"
        )
        raise RuntimeError("rolled back")
    assert not WebhookDelivery.objects.exists()


def test_the_administrator_sees_the_delivery_log(
    client, make_user, town, tuesday, receiver, django_capture_on_commit_callbacks
):
    subscribe(receiver.url, "created")
    report = make_report(town, django_capture_on_commit_callbacks)
    client.force_login(make_user("administrator", is_staff=True))
    page = client.get("/beheer/django/api/webhookdelivery/")
    assert page.status_code == 200
    assert report.number in page.content.decode()
