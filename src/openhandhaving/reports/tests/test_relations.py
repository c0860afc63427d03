"""Split into actions, link duplicates: one conversation with the reporter, one update for all."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import Channel, EventKind, Status
from openhandhaving.reports.exceptions import ConcurrentEditError, ReportRuleError
from openhandhaving.reports.models import OutgoingMessage, Report, ReporterContact, ReportEvent
from openhandhaving.reports.services import report_create, report_status_change
from openhandhaving.reports.services.messages import message_send
from openhandhaving.reports.services.relations import (
    ActionSpec,
    report_link_duplicate,
    report_split,
    report_unlink_duplicate,
)
from openhandhaving.reports.tests.town import IN_WEST, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=True):
        yield


def create(town, email: str | None = "els@example.nl", **overrides) -> Report:
    values = {
        "text": "Vuilniszakken naast de container, ook een fout geparkeerde auto",
        "category": town.geluid,
        "lat": IN_WEST[0],
        "lon": IN_WEST[1],
        "channel": Channel.PHONE,
        "address": "Dorpsstraat 1",
        "created_by": town.coordinator,
    }
    if email:
        values["contact"] = {"name": "Els Bakker", "email": email}
    values.update(overrides)
    return report_create(**values)


def reporter_mails(report: Report) -> list[OutgoingMessage]:
    return list(OutgoingMessage.objects.filter(report=report, audience="reporter").order_by("id"))


# --- split ---------------------------------------------------------------------------------


def test_a_split_makes_routed_actions_without_the_reporters_contact(town, tuesday):
    report = create(town)
    actions = report_split(
        report=report,
        actor=town.coordinator,
        actions=[
            ActionSpec(category=town.parkeer, text="Auto wegslepen"),
            ActionSpec(category=town.afval, text="Zakken ophalen"),
        ],
    )
    assert len(actions) == 2
    parkeren, afval = (Report.objects.get(pk=a.pk) for a in actions)
    assert parkeren.parent == report and afval.parent == report
    assert parkeren.owner_team == town.parkeren  # routed by its own category
    place = (report.lat, report.lon, report.address)
    assert (parkeren.lat, parkeren.lon, parkeren.address) == place
    assert parkeren.reported_at == report.reported_at  # the service promise counts from then
    assert not ReporterContact.objects.filter(report=parkeren).exists()
    assert not OutgoingMessage.objects.filter(report__in=actions).exists()
    history = ReportEvent.objects.filter(report=report, kind=EventKind.LINK).get()
    assert parkeren.number in history.text and "Parkeren" in history.text
    assert AuditLogEntry.objects.filter(action="report_split").exists()


def test_closing_an_action_is_written_in_the_main_reports_history(town, tuesday):
    report = create(town)
    first, _second = report_split(
        report=report,
        actor=town.coordinator,
        actions=[
            ActionSpec(category=town.parkeer, text="Auto wegslepen"),
            ActionSpec(category=town.afval, text="Zakken ophalen"),
        ],
    )
    report_status_change(report=first, to_status=Status.DONE, actor=town.hanna, text="Gesleept")
    note = ReportEvent.objects.filter(report=report, kind=EventKind.LINK).last()
    assert first.number in note.text and "Gesleept" in note.text and "Nog 1 actie" in note.text


def test_a_split_refuses_too_many_actions_closed_reports_and_actions_of_actions(town, tuesday):
    report = create(town)
    eleven = [ActionSpec(category=town.afval, text=f"Actie {n}") for n in range(11)]
    with pytest.raises(ReportRuleError, match="hoogstens 10 acties"):
        report_split(report=report, actor=town.coordinator, actions=eleven)
    assert not Report.objects.filter(parent=report).exists()
    (action,) = report_split(
        report=report, actor=town.coordinator, actions=[ActionSpec(town.afval, "Ophalen")]
    )
    with pytest.raises(ReportRuleError, match="al een actie van melding"):
        report_split(report=action, actor=town.coordinator, actions=[ActionSpec(town.afval, "x")])
    with pytest.raises(ReportRuleError, match="minstens één actie"):
        report_split(report=report, actor=town.coordinator, actions=[])
    report.refresh_from_db()
    report_status_change(report=report, to_status=Status.DONE, actor=town.hanna, text="Klaar")
    with pytest.raises(ReportRuleError, match="afgesloten"):
        report_split(report=report, actor=town.coordinator, actions=[ActionSpec(town.afval, "y")])


def test_a_split_on_a_stale_version_is_refused(town, tuesday):
    report = create(town)
    seen = report.version
    report_status_change(report=report, to_status=Status.ACCEPTED, actor=town.hanna)
    stale = Report.objects.get(pk=report.pk)
    with pytest.raises(ConcurrentEditError):
        report_split(
            report=stale,
            actor=town.coordinator,
            actions=[ActionSpec(town.afval, "Ophalen")],
            expected_version=seen,
        )
    assert not Report.objects.filter(parent=report).exists()


# --- duplicates ----------------------------------------------------------------------------


def test_a_linked_duplicate_is_closed_and_its_reporter_told(town, tuesday):
    main = create(town, email="eerste@example.nl")
    duplicate = create(town, email="tweede@example.nl")
    report_link_duplicate(report=duplicate, main=main, actor=town.coordinator)
    duplicate.refresh_from_db()
    assert duplicate.duplicate_of == main
    assert duplicate.status == Status.DONE and duplicate.closed_at is not None
    told = reporter_mails(duplicate)[-1]
    assert told.to == "tweede@example.nl" and main.number in told.body
    assert main.events.filter(kind=EventKind.LINK, new_value__contains=duplicate.number).exists()


def test_one_update_on_the_main_report_reaches_the_reporters_of_its_duplicates(town, tuesday):
    main = create(town, email="eerste@example.nl")
    duplicate = create(town, email="tweede@example.nl")
    anonymous = create(town, email=None)
    report_link_duplicate(report=duplicate, main=main, actor=town.coordinator)
    report_link_duplicate(report=anonymous, main=main, actor=town.coordinator)
    main.refresh_from_db()
    report_status_change(
        report=main,
        to_status=Status.DONE,
        actor=town.hanna,
        text="Opgeruimd",
        message={"subject": "Uw melding is afgehandeld", "body": "De zakken zijn opgehaald."},
    )
    to_main = reporter_mails(main)[-1]
    to_duplicate = reporter_mails(duplicate)[-1]
    assert to_main.to == "eerste@example.nl"
    assert to_duplicate.to == "tweede@example.nl"
    assert "De zakken zijn opgehaald." in to_duplicate.body
    assert main.number in to_duplicate.body and duplicate.number in to_duplicate.body
    assert duplicate.events.filter(kind=EventKind.MESSAGE, text__contains="opgehaald").exists()


def test_a_question_to_the_main_reporter_does_not_go_to_the_duplicates(town, tuesday):
    main = create(town, email="eerste@example.nl")
    duplicate = create(town, email="tweede@example.nl")
    report_link_duplicate(report=duplicate, main=main, actor=town.coordinator)
    before = len(reporter_mails(duplicate))
    message_send(report=main, actor=town.hanna, subject="Vraag", body="Waar precies?")
    assert len(reporter_mails(duplicate)) == before


def test_duplicates_of_a_duplicate_move_to_the_main_report(town, tuesday):
    main, middle, late = create(town), create(town), create(town)
    report_link_duplicate(report=late, main=middle, actor=town.coordinator)
    middle.refresh_from_db()
    assert middle.status == Status.NEW  # the main report of `late` stays open
    report_link_duplicate(report=middle, main=main, actor=town.coordinator)
    late.refresh_from_db()
    assert late.duplicate_of == main


@pytest.mark.parametrize(
    "case, message",
    [
        ("self", "geen dubbel van zichzelf"),
        ("main_is_duplicate", "is zelf een dubbel van"),
        ("main_closed", "al afgesloten"),
    ],
)
def test_wrong_links_are_refused_with_a_reason(town, tuesday, case, message):
    main, report = create(town), create(town)
    if case == "self":
        target = report
    elif case == "main_is_duplicate":
        report_link_duplicate(report=main, main=create(town), actor=town.coordinator)
        target = Report.objects.get(pk=main.pk)
    else:
        report_status_change(report=main, to_status=Status.DONE, actor=town.hanna, text="Klaar")
        target = main
    with pytest.raises(ReportRuleError, match=message):
        report_link_duplicate(report=report, main=target, actor=town.coordinator)
    report.refresh_from_db()
    assert report.duplicate_of is None and report.status == Status.NEW


def test_unlinking_keeps_the_report_closed_and_stops_the_updates(town, tuesday):
    main = create(town, email="eerste@example.nl")
    duplicate = create(town, email="tweede@example.nl")
    report_link_duplicate(report=duplicate, main=main, actor=town.coordinator)
    duplicate.refresh_from_db()
    report_unlink_duplicate(report=duplicate, actor=town.coordinator)
    duplicate.refresh_from_db()
    assert duplicate.duplicate_of is None and duplicate.status == Status.DONE
    before = len(reporter_mails(duplicate))
    main.refresh_from_db()
    report_status_change(
        report=main,
        to_status=Status.IN_PROGRESS,
        actor=town.hanna,
        message={"subject": "Bezig", "body": "We zijn ermee bezig."},
    )
    assert len(reporter_mails(duplicate)) == before


# --- pages ---------------------------------------------------------------------------------


def test_the_split_page_makes_actions_and_keeps_input_on_a_mistake(client, town, tuesday):
    report = create(town)
    client.force_login(town.coordinator)
    page = reverse("reports:split", args=[report.number])
    assert client.get(page).status_code == 200
    data = {
        "version": report.version,
        "actie-TOTAL_FORMS": "2",
        "actie-INITIAL_FORMS": "0",
        "actie-0-category": str(town.parkeer.pk),
        "actie-0-text": "Auto wegslepen",
        "actie-1-category": "",
        "actie-1-text": "Tekst zonder categorie",
    }
    response = client.post(page, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tekst zonder categorie" in html and "Auto wegslepen" in html
    assert "Kies een categorie: die bepaalt wie de actie krijgt." in html
    assert not Report.objects.filter(parent=report).exists()
    data["actie-1-text"] = ""
    response = client.post(page, data)
    assert response.status_code == 302
    action = Report.objects.get(parent=report)
    detail = client.get(reverse("reports:detail", args=[report.number])).content.decode()
    assert action.number in detail and "data-actions" in detail


def test_the_report_page_offers_an_older_likely_duplicate_and_links_it(client, town, tuesday):
    older = create(town)
    with time_machine.travel(at("2026-11-24 11:00"), tick=False):
        newer = create(town)
    client.force_login(town.coordinator)
    html = client.get(reverse("reports:detail", args=[newer.number])).content.decode()
    assert f'data-candidate="{older.number}"' in html
    newer.refresh_from_db()
    response = client.post(
        reverse("reports:link_duplicate", args=[newer.number]),
        {"version": newer.version, "main": older.number, "text": ""},
    )
    assert response.status_code == 302
    newer.refresh_from_db()
    assert newer.duplicate_of == older
    main_page = client.get(reverse("reports:detail", args=[older.number])).content.decode()
    assert newer.number in main_page and "data-linked-duplicates" in main_page


def test_an_unknown_main_number_is_answered_beside_the_field(client, town, tuesday):
    report = create(town)
    client.force_login(town.coordinator)
    response = client.post(
        reverse("reports:link_duplicate", args=[report.number]),
        {"version": report.version, "main": "2026-999999", "text": "Zelfde auto"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Melding 2026-999999 bestaat niet" in html and "Zelfde auto" in html
    report.refresh_from_db()
    assert report.duplicate_of is None
