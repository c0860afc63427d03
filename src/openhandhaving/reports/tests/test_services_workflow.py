"""Handling a report: status along the table, assignment, corrections, notes, edits, conflicts."""

from __future__ import annotations

import pytest
import time_machine

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import TRANSITIONS, Channel, EventKind, Status
from openhandhaving.reports.exceptions import ConcurrentEditError, ReportRuleError
from openhandhaving.reports.models import OutgoingMessage, Report, RoutingCorrection
from openhandhaving.reports.routing import route
from openhandhaving.reports.services import (
    report_assign,
    report_create,
    report_note_add,
    report_return_to_queue,
    report_status_change,
    report_update,
)
from openhandhaving.reports.tests.town import IN_OOST, IN_WEST, at
from openhandhaving.team.tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        yield


@pytest.fixture
def report(town, tuesday):
    return report_create(
        text="Afval naast de container",
        category=town.afval,
        lat=IN_WEST[0],
        lon=IN_WEST[1],
        channel=Channel.PHONE,
        contact={"name": "Els", "email": "els@example.nl"},
    )


def fresh(report: Report) -> Report:
    return Report.objects.get(pk=report.pk)


# --- status -----------------------------------------------------------------------------------

ALL_STEPS = [(a, b) for a in Status for b in Status if a != b]


@pytest.mark.parametrize(
    ("current", "target"), ALL_STEPS, ids=[f"{a.value}->{b.value}" for a, b in ALL_STEPS]
)
def test_the_transition_table_decides_every_step(town, report, current, target):
    Report.objects.filter(pk=report.pk).update(status=current)
    report = fresh(report)
    allowed = target in TRANSITIONS[current]
    if allowed:
        report_status_change(report=report, to_status=target, actor=town.hanna, text="Gedaan.")
        assert fresh(report).status == target
    else:
        with pytest.raises(ReportRuleError) as refused:
            report_status_change(report=report, to_status=target, actor=town.hanna, text="x")
        assert f"Van ‘{current.label}’ naar ‘{target.label}’ kan niet." in refused.value.message
        assert fresh(report).status == current


def test_a_status_change_is_history_with_actor_and_text(town, report):
    report_status_change(report=report, to_status=Status.IN_PROGRESS, actor=town.hanna)
    event = report.events.get(kind=EventKind.STATUS)
    assert (event.old_value, event.new_value, event.actor, event.internal) == (
        Status.NEW,
        Status.IN_PROGRESS,
        town.hanna,
        False,
    )
    assert fresh(report).version == 2
    assert AuditLogEntry.objects.filter(action="report_status_change").count() == 1


@pytest.mark.parametrize("target", [Status.DONE, Status.CANCELLED])
def test_closing_needs_a_text_and_sets_closed_at(town, report, target):
    with pytest.raises(ReportRuleError) as refused:
        report_status_change(report=report, to_status=target, actor=town.hanna, text="  ")
    assert refused.value.field == "text"
    assert "Schrijf een toelichting" in refused.value.message
    assert fresh(report).status == Status.NEW
    report_status_change(report=report, to_status=target, actor=town.hanna, text="Opgeruimd.")
    assert fresh(report).closed_at == at("2026-11-24 10:00")


def test_reopening_needs_a_text_and_clears_closed_at(town, report):
    report_status_change(report=report, to_status=Status.DONE, actor=town.hanna, text="Klaar.")
    with pytest.raises(ReportRuleError, match="toelichting"):
        report_status_change(report=report, to_status=Status.REOPENED, actor=town.hanna)
    report_status_change(
        report=report, to_status=Status.REOPENED, actor=town.hanna, text="Ligt er weer."
    )
    assert (fresh(report).status, fresh(report).closed_at) == (Status.REOPENED, None)


def test_the_same_status_again_is_refused(town, report):
    with pytest.raises(ReportRuleError, match="heeft de status ‘Nieuw’ al"):
        report_status_change(report=report, to_status=Status.NEW, actor=town.hanna)


def test_a_message_to_the_reporter_goes_with_the_status(
    town,
    report,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=False):
        report_status_change(
            report=report,
            to_status=Status.DONE,
            actor=town.hanna,
            text="Opgeruimd.",
            message={"subject": "Uw melding", "body": "Het afval is opgehaald."},
        )
    message = OutgoingMessage.objects.get(report=report, subject="Uw melding")
    assert message.to == "els@example.nl"
    assert report.events.filter(kind=EventKind.MESSAGE, text__contains="opgehaald").exists()


def test_without_an_e_mail_address_nothing_changes(town, report):
    report.contact.email = ""
    report.contact.save()
    with pytest.raises(ReportRuleError, match="geen e-mailadres"):
        report_status_change(
            report=report,
            to_status=Status.DONE,
            actor=town.hanna,
            text="Opgeruimd.",
            message={"subject": "Uw melding", "body": "Het afval is opgehaald."},
        )
    assert fresh(report).status == Status.NEW
    assert not report.events.filter(kind=EventKind.STATUS).exists()


# --- optimistic locking -----------------------------------------------------------------------


def test_two_coordinators_cannot_overwrite_each_other(town, report):
    mine, theirs = fresh(report), fresh(report)
    report_status_change(
        report=theirs, to_status=Status.IN_PROGRESS, actor=town.coordinator, expected_version=1
    )
    with pytest.raises(ConcurrentEditError) as refused:
        report_status_change(
            report=mine, to_status=Status.CANCELLED, actor=town.hanna, text="Dubbel."
        )
    assert "Iemand anders heeft deze melding net gewijzigd" in refused.value.message
    stored = fresh(report)
    assert (stored.status, stored.version) == (Status.IN_PROGRESS, 2)
    assert report.events.filter(kind=EventKind.STATUS).count() == 1


def test_a_stale_expected_version_is_refused(town, report):
    report_note_add(report=report, actor=town.piet, text="Ik kijk er morgen naar.")
    with pytest.raises(ConcurrentEditError):
        report_update(report=fresh(report), actor=town.hanna, expected_version=1, priority="high")
    assert fresh(report).priority == "normal"


# --- assignment -------------------------------------------------------------------------------


def test_assigning_writes_history_and_moves_the_report(town, report):
    report_assign(report=report, actor=town.coordinator, owner=town.karin, reason="Kent de buurt.")
    stored = fresh(report)
    assert (stored.owner, stored.version) == (town.karin, 2)
    event = report.events.filter(kind=EventKind.OWNER).last()
    assert (event.old_value, event.new_value, event.text, event.actor) == (
        "H. de Vries",
        "K. Bakker",
        "Kent de buurt.",
        town.coordinator,
    )


def test_to_the_same_place_again_is_refused(town, report):
    with pytest.raises(ReportRuleError, match=r"ligt al bij H\. de Vries"):
        report_assign(report=report, actor=town.coordinator, owner=town.hanna)


def test_an_inactive_account_cannot_get_reports(town, report):
    town.karin.is_active = False
    town.karin.save()
    with pytest.raises(ReportRuleError, match="geen actief account"):
        report_assign(report=report, actor=town.coordinator, owner=town.karin)
    assert fresh(report).owner == town.hanna


def test_back_to_the_big_queue(town, report):
    report_return_to_queue(report=report, actor=town.hanna, reason="Niet mijn wijk")
    stored = fresh(report)
    assert (stored.owner, stored.owner_team) == (None, None)
    event = report.events.filter(kind=EventKind.OWNER).last()
    assert (event.new_value, event.text) == (
        "coördinatoren",
        "terug naar de grote bak: Niet mijn wijk",
    )
    with pytest.raises(ReportRuleError, match="al bij de coördinatoren"):
        report_return_to_queue(report=stored, actor=town.hanna)


def test_a_closed_report_is_not_assigned(town, report):
    report_status_change(report=report, to_status=Status.DONE, actor=town.hanna, text="Klaar.")
    with pytest.raises(ReportRuleError, match="afgesloten"):
        report_assign(report=report, actor=town.coordinator, owner=town.karin)


def test_a_coordinators_move_away_from_routing_is_counted(town, report):
    report_assign(report=report, actor=town.coordinator, team=town.parkeren)
    correction = RoutingCorrection.objects.get()
    assert (correction.category, correction.district, correction.to_team, correction.count) == (
        town.afval,
        town.west,
        town.parkeren,
        1,
    )


@pytest.mark.parametrize(
    "who",
    [
        pytest.param("hanna", id="an officer passing a report on is not a routing correction"),
        pytest.param("system", id="the system moving a report is not a correction"),
    ],
)
def test_moves_that_are_not_corrections(town, report, who):
    actor = None if who == "system" else town.hanna
    report_assign(report=report, actor=actor, team=town.parkeren)
    assert not RoutingCorrection.objects.exists()


def test_only_the_first_move_after_routing_counts(town, report):
    report_assign(report=report, actor=town.coordinator, team=town.parkeren)
    report_assign(report=fresh(report), actor=town.coordinator, owner=town.karin)
    assert RoutingCorrection.objects.get().count == 1


def test_three_corrections_teach_routing_the_team(town, tuesday):
    for n in range(3):
        report = report_create(
            text=f"Afval {n}", category=town.afval, lat=IN_WEST[0], lon=IN_WEST[1], channel="web"
        )
        assert report.owner == town.hanna  # routing did not learn yet
        report_assign(report=report, actor=town.coordinator, team=town.parkeren)
    decision = route(category=town.afval, district=town.west, at=at())
    assert decision.team == town.parkeren
    assert "op basis van 3 eerdere correcties door coördinatoren" in decision.reason
    report = report_create(
        text="Afval 4", category=town.afval, lat=IN_WEST[0], lon=IN_WEST[1], channel="web"
    )
    assert (report.owner, report.owner_team) == (None, town.parkeren)


# --- notes and edits --------------------------------------------------------------------------


def test_a_note_is_internal_history(town, report):
    note = report_note_add(report=report, actor=town.hanna, text="Buurman gesproken.")
    assert (note.kind, note.internal, note.actor, note.text) == (
        EventKind.NOTE,
        True,
        town.hanna,
        "Buurman gesproken.",
    )
    assert fresh(report).version == 2
    with pytest.raises(ReportRuleError, match="Schrijf een notitie"):
        report_note_add(report=report, actor=town.hanna, text=" ")


def test_a_new_category_sets_a_new_deadline_and_routes_again(town, report):
    report_update(report=report, actor=town.coordinator, expected_version=1, category=town.parkeer)
    stored = fresh(report)
    assert stored.category == town.parkeer
    assert stored.deadline == local("2026-12-01 10:00")  # five working days
    assert (stored.owner, stored.owner_team) == (None, town.parkeren)
    kinds = list(report.events.values_list("kind", flat=True))
    assert kinds[-3:] == [EventKind.CATEGORY, EventKind.DEADLINE, EventKind.OWNER]
    assert "opnieuw verdeeld (nieuwe categorie Parkeren)" in report.events.last().text


def test_moving_the_report_to_another_wijk_routes_again(town, tuesday):
    with time_machine.travel(at("2026-11-24 13:00"), tick=False):
        report = report_create(
            text="Afval", category=town.afval, lat=IN_WEST[0], lon=IN_WEST[1], channel="web"
        )
        report_update(
            report=report,
            actor=town.coordinator,
            expected_version=1,
            lat=IN_OOST[0],
            lon=IN_OOST[1],
            address="Oostweg 3",
        )
    stored = fresh(report)
    assert (stored.district, stored.address, stored.owner) == (town.oost, "Oostweg 3", town.karin)


def test_an_edit_to_outside_the_municipality_is_refused(town, report):
    with pytest.raises(ReportRuleError, match="buiten de gemeente"):
        report_update(report=report, actor=town.coordinator, expected_version=1, lat=52.5, lon=6.0)
    assert fresh(report).district == town.west
    assert fresh(report).version == 1


def test_an_edit_that_changes_nothing_stores_nothing(town, report):
    report_update(report=report, actor=town.coordinator, expected_version=1, priority="normal")
    assert fresh(report).version == 1
