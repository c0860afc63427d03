"""An officer reported absent: their open reports move to whoever is responsible now."""

from __future__ import annotations

import pytest
import time_machine

from openhandhaving.reports.choices import EventKind, Status
from openhandhaving.reports.flows import handover_open_reports
from openhandhaving.reports.models import Report, RoutingRule
from openhandhaving.reports.services import report_create, report_status_change
from openhandhaving.reports.tests.town import IN_WEST, at
from openhandhaving.team.models import Absence
from openhandhaving.team.services import absence_create
from openhandhaving.team.tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        yield


def new_report(town, text="Afval", category=None):
    return report_create(
        text=text,
        category=category or town.afval,
        lat=IN_WEST[0],
        lon=IN_WEST[1],
        channel="phone",
    )


def report_ill(town, officer="hanna", start="2026-11-24 10:00", capture=None):
    with capture(execute=True):
        return absence_create(
            actor=town.coordinator,
            officer=town.officers[officer],
            kind="illness",
            start=local(start),
        )


def test_reported_ill_the_open_reports_go_to_the_backup_with_the_reason(
    town,
    tuesday,
    django_capture_on_commit_callbacks,
):
    first, second = new_report(town, "Afval 1"), new_report(town, "Afval 2")
    closed = new_report(town, "Afval 3")
    report_status_change(report=closed, to_status=Status.DONE, actor=town.hanna, text="Klaar.")
    assert first.owner == second.owner == town.hanna

    report_ill(town, capture=django_capture_on_commit_callbacks)

    for report in (first, second):
        report.refresh_from_db()
        assert report.owner == town.piet
        event = report.events.filter(kind=EventKind.OWNER).last()
        assert (event.actor, event.old_value, event.new_value) == (None, "H. de Vries", "P. Jansen")
        assert event.text == (
            "overgedragen: H. de Vries afwezig — nu toegewezen aan P. Jansen: vervanger West "
            "(wijkhandhaver afwezig), dienst tot 17:00"
        )
    closed.refresh_from_db()
    assert closed.owner == town.hanna  # closed reports stay where they were


def test_with_nobody_left_on_duty_the_reports_go_to_the_coordinators(
    town,
    tuesday,
    django_capture_on_commit_callbacks,
):
    report = new_report(town)
    Absence.objects.create(
        officer=town.officers["piet"], kind="leave", start=at("2026-11-23 00:00")
    )
    report_ill(town, capture=django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert (report.owner, report.owner_team) == (None, None)
    assert report.events.last().text.startswith(
        "overgedragen: H. de Vries afwezig — nu naar de coördinatoren"
    )


def test_a_rule_that_names_the_absent_person_sends_the_report_to_the_queue(
    town,
    tuesday,
    django_capture_on_commit_callbacks,
):
    rule = RoutingRule.objects.create(name="Afval naar Hanna", target_user=town.hanna)
    rule.categories.set([town.afval])
    report = new_report(town)
    assert report.owner == town.hanna
    report_ill(town, capture=django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.owner is None
    assert report.events.last().text == (
        "overgedragen: H. de Vries afwezig — nu naar de coördinatoren"
    )


def test_an_absence_that_starts_later_moves_nothing_yet(
    town,
    tuesday,
    django_capture_on_commit_callbacks,
):
    report = new_report(town)
    report_ill(town, start="2026-11-30 08:00", capture=django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.owner == town.hanna


def test_other_officers_reports_stay(town, django_capture_on_commit_callbacks):
    with time_machine.travel(at("2026-11-24 13:00"), tick=False):
        report = report_create(
            text="Afval in Oost",
            category=town.afval,
            lat=52.092,
            lon=5.118,
            channel="phone",
        )
        assert report.owner == town.karin
        report_ill(town, start="2026-11-24 13:00", capture=django_capture_on_commit_callbacks)
    report.refresh_from_db()
    assert report.owner == town.karin


def test_the_task_does_nothing_when_the_absence_is_gone(town, tuesday):
    report = new_report(town)
    assert handover_open_reports(officer_user_id=town.hanna.pk, at=at()) == 0
    assert Report.objects.get(pk=report.pk).owner == town.hanna


def test_the_handover_counts_what_it_moved(town, tuesday):
    for n in range(3):
        new_report(town, f"Afval {n}")
    Absence.objects.create(officer=town.officers["hanna"], kind="illness", start=at())
    assert handover_open_reports(officer_user_id=town.hanna.pk, at=at()) == 3
    assert not Report.objects.filter(owner=town.hanna).exists()
