"""Notices to staff when a report is assigned to them or their team, as each person chose."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from openhandhaving.reports.choices import Status
from openhandhaving.reports.models import (
    MessageAudience,
    Notification,
    NotificationPreference,
    OutgoingMessage,
)
from openhandhaving.reports.services import report_assign
from openhandhaving.reports.services.notifications import (
    notification_preference_save,
    notify_assignment,
)
from openhandhaving.reports.tests.factories import ReportFactory, TeamFactory

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def hanna(make_user):
    return make_user("officer", username="hanna", email="hanna@waterdam.nl")


@pytest.fixture
def report(db):
    return ReportFactory(status=Status.NEW)


def staff_mails(to: str) -> list:
    return [m for m in mail.outbox if m.to == [to]]


def test_assigned_person_gets_a_notice_and_an_e_mail_by_default(
    hanna, report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify_assignment(report=report, owner=hanna)
    notice = Notification.objects.get(user=hanna)
    assert report.number in notice.text and notice.read_at is None
    [sent] = staff_mails("hanna@waterdam.nl")
    assert report.number in sent.subject
    assert reverse("reports:detail", args=[report.number]) in sent.body
    assert OutgoingMessage.objects.get().audience == MessageAudience.STAFF


@pytest.mark.parametrize(
    ("choices", "in_app", "by_email"),
    [
        ({"assigned_app": True, "assigned_email": True}, True, True),
        ({"assigned_app": True, "assigned_email": False}, True, False),
        ({"assigned_app": False, "assigned_email": True}, False, True),
        ({"assigned_app": False, "assigned_email": False}, False, False),
    ],
)
def test_the_personal_choice_decides_app_and_e_mail(
    hanna, report, django_capture_on_commit_callbacks, choices, in_app, by_email
):
    notification_preference_save(user=hanna, **choices)
    with django_capture_on_commit_callbacks(execute=True):
        notify_assignment(report=report, owner=hanna)
    assert Notification.objects.filter(user=hanna).exists() is in_app
    assert bool(staff_mails("hanna@waterdam.nl")) is by_email


def test_team_members_get_a_notice_but_not_who_did_it_or_inactive_people(
    make_user, report, django_capture_on_commit_callbacks
):
    team = TeamFactory(name="Parkeren")
    active = make_user("officer", email="a@waterdam.nl")
    actor = make_user("coordinator", email="c@waterdam.nl")
    gone = make_user("officer", email="g@waterdam.nl", is_active=False)
    team.members.add(active, actor, gone)
    with django_capture_on_commit_callbacks(execute=True):
        notify_assignment(report=report, team=team, actor=actor)
    assert list(Notification.objects.values_list("user", flat=True)) == [active.pk]
    assert "bak van Parkeren" in Notification.objects.get().text
    assert mail.outbox == []  # team notices by e-mail are off unless chosen


def test_coordinators_queue_notifies_nobody(hanna, report):
    assert notify_assignment(report=report) == []
    assert not Notification.objects.exists()


def test_the_notice_of_a_manual_assignment_exists_exactly_when_the_assignment_does(
    make_user, hanna, report
):
    coordinator = make_user("coordinator")
    with pytest.raises(RuntimeError), transaction.atomic():
        report_assign(report=report, actor=coordinator, owner=hanna)
        raise RuntimeError("the rest of the change failed")
    assert not Notification.objects.exists()  # rolled back with the assignment
    report.refresh_from_db()
    report_assign(report=report, actor=coordinator, owner=hanna)
    assert Notification.objects.filter(user=hanna, report=report).count() == 1


def test_settings_page_stores_the_choices(client, hanna):
    client.force_login(hanna)
    url = reverse("reports:notification_settings")
    page = client.get(url).content.decode()
    assert "Notificaties en e-mail" in page
    response = client.post(url, {"assigned_app": "on", "team_assigned_email": "on"})
    assert response.status_code == 302
    pref = NotificationPreference.objects.get(user=hanna)
    assert (pref.assigned_app, pref.assigned_email) == (True, False)
    assert (pref.team_assigned_app, pref.team_assigned_email) == (False, True)


def test_start_page_counts_unread_notices_and_opening_one_reads_it(client, hanna, report):
    notify_assignment(report=report, owner=hanna)
    client.force_login(hanna)
    start = client.get(reverse("core:start")).content.decode()
    assert 'data-unread-count="1"' in start
    notice = Notification.objects.get(user=hanna)
    response = client.get(reverse("reports:notification_open", args=[notice.pk]))
    assert response.url == reverse("reports:detail", args=[report.number])
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert 'data-unread-count="0"' in client.get(reverse("core:start")).content.decode()


def test_nobody_opens_someone_elses_notice(client, make_user, hanna, report):
    notify_assignment(report=report, owner=hanna)
    client.force_login(make_user("officer"))
    notice = Notification.objects.get(user=hanna)
    assert client.get(reverse("reports:notification_open", args=[notice.pk])).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None
