"""Handling a report: status changes along the transition table, notes, and corrections of facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import (
    END_STATES,
    TEXT_REQUIRED,
    TRANSITIONS,
    EventKind,
    Priority,
    Status,
)
from openhandhaving.reports.deadlines import deadlines_for
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Category, Report, ReportEvent
from openhandhaving.reports.routing import route
from openhandhaving.reports.services.checks import category_check, located, point_check
from openhandhaving.reports.services.common import (
    event_add,
    event_new,
    owner_label,
    report_touch,
    report_write,
)
from openhandhaving.reports.services.intake import calendar_for
from openhandhaving.reports.services.notify import owner_changed
from openhandhaving.reports.signals import STATUS_CHANGED, announce

MAX_NOTE = 5000


def _status_name(status: str) -> str:
    return str(Status(status).label)


def transition_check(*, current: str, target: str) -> None:
    """ReportRuleError naming both statuses in Dutch when the table does not allow the step."""
    if target not in Status.values:
        raise ReportRuleError(_("Kies een status."), field="to_status")
    if current == target:
        raise ReportRuleError(
            _("De melding heeft de status ‘%(status)s’ al.") % {"status": _status_name(target)},
            field="to_status",
        )
    allowed = TRANSITIONS[Status(current)]
    if Status(target) not in allowed:
        names = sorted(_status_name(s) for s in allowed)
        raise ReportRuleError(
            _(
                "Van ‘%(current)s’ naar ‘%(target)s’ kan niet. Vanuit ‘%(current)s’ kan de "
                "melding naar: %(allowed)s."
            )
            % {
                "current": _status_name(current),
                "target": _status_name(target),
                "allowed": ", ".join(names),
            },
            field="to_status",
        )


def report_status_change(
    *,
    report: Report,
    to_status: str,
    actor: User | None,
    text: str = "",
    expected_version: int | None = None,
    message: Mapping[str, str] | None = None,
) -> Report:
    """Move the report along the transition table; with `message` the reporter gets an e-mail.

    Closing, cancelling and reopening need a text. Illegal steps, a missing text and a stale
    version (someone else changed the report) are refused before anything is stored.
    """
    text = (text or "").strip()
    transition_check(current=report.status, target=to_status)
    if to_status in TEXT_REQUIRED and not text:
        raise ReportRuleError(
            _("Schrijf een toelichting bij ‘%(status)s’: wat is er gedaan of waarom?")
            % {"status": _status_name(to_status)},
            field="text",
        )
    if message is not None:
        _message_check(report, message)
    now = timezone.now()
    fields: dict[str, Any] = {"status": to_status}
    if to_status in END_STATES:
        fields["closed_at"] = now
    elif report.closed_at is not None:
        fields["closed_at"] = None
    old = report.status
    with transaction.atomic():
        report_write(report=report, fields=fields, expected_version=expected_version)
        event_add(
            report=report,
            kind=EventKind.STATUS,
            actor=actor,
            old=old,
            new=to_status,
            text=text,
            internal=False,
            time=now,
        )
        audit_log_record(
            actor=actor,
            action="report_status_change",
            obj=report,
            details={"from": old, "to": to_status},
        )
        announce(report_id=report.pk, event=STATUS_CHANGED)
        if message is not None:
            from openhandhaving.reports.services.messages import message_send

            message_send(
                report=report,
                actor=actor,
                subject=message.get("subject", ""),
                body=message.get("body", ""),
                to_duplicates=True,
            )
        if to_status in END_STATES and report.parent_id:
            from openhandhaving.reports.services.relations import action_closed

            action_closed(action=report, actor=actor, text=text)
    return report


def _message_check(report: Report, message: Mapping[str, str]) -> None:
    """Refuse a message that cannot be sent before the status changes (nothing half-done)."""
    from openhandhaving.reports.services.messages import (
        message_check,
        no_email_error,
        reporter_email,
    )

    message_check(subject=message.get("subject", ""), body=message.get("body", ""))
    if not reporter_email(report):
        raise no_email_error()


def report_note_add(*, report: Report, actor: User | None, text: str) -> ReportEvent:
    """An internal note in the history."""
    text = (text or "").strip()
    if not text:
        raise ReportRuleError(_("Schrijf een notitie."), field="text")
    if len(text) > MAX_NOTE:
        raise ReportRuleError(
            _("De notitie is te lang: hoogstens %(max)s tekens.") % {"max": MAX_NOTE},
            field="text",
        )
    with transaction.atomic():
        report_touch(report=report)
        return event_add(report=report, kind=EventKind.NOTE, actor=actor, text=text)


def _point_label(lat: float, lon: float, address: str) -> str:
    return address or f"{lat:.6f}, {lon:.6f}"


def report_update(
    *,
    report: Report,
    actor: User | None,
    expected_version: int,
    category: Category | None = None,
    priority: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    address: str | None = None,
    cause: str | None = None,
) -> Report:
    """Correct the facts of a report; None leaves a fact as it is. Each change is an event.

    A new category sets a new deadline (from the moment of reporting) and routes the report
    again; so does a new place in another wijk.
    """
    now = timezone.now()
    fields: dict[str, Any] = {}
    events: list[ReportEvent] = []
    reroute_because = ""

    def change(kind: str, old: Any, new: Any, text: str = "") -> None:
        events.append(
            event_new(report=report, kind=kind, actor=actor, old=old, new=new, text=text, time=now)
        )

    if category is not None and category.pk != report.category_id:
        category_check(category)
        local = timezone.localtime(report.reported_at)
        deadlines = deadlines_for(
            reported_at=local,
            amount=category.deadline_amount,
            unit=category.deadline_unit,
            calendar=calendar_for(local.year),
        )
        fields.update(category=category, deadline=deadlines.due, deadline_3x=deadlines.due_3x)
        change(EventKind.CATEGORY, str(report.category), str(category))
        change(EventKind.DEADLINE, _iso(report.deadline), _iso(deadlines.due), "nieuwe categorie")
        reroute_because = f"nieuwe categorie {category}"
    if priority is not None and priority != report.priority:
        if priority not in Priority.values:
            raise ReportRuleError(_("Kies een prioriteit."), field="priority")
        fields["priority"] = priority
        change(EventKind.PRIORITY, report.priority, priority)
    new_address = report.address if address is None else address.strip()
    if len(new_address) > 200:
        raise ReportRuleError(_("Het adres is te lang: hoogstens 200 tekens."), field="address")
    moved = (lat is not None or lon is not None) and (
        (lat if lat is not None else report.lat, lon if lon is not None else report.lon)
        != (report.lat, report.lon)
    )
    if moved:
        new_lat, new_lon = point_check(
            report.lat if lat is None else lat, report.lon if lon is None else lon
        )
        place = located(new_lat, new_lon)
        fields.update(lat=new_lat, lon=new_lon, address=new_address, **place)
        change(
            EventKind.LOCATION,
            _point_label(report.lat, report.lon, report.address),
            _point_label(new_lat, new_lon, new_address),
        )
        if place["district"].pk != report.district_id and not reroute_because:
            reroute_because = f"nieuwe plek in wijk {place['district'].name}"
    elif new_address != report.address:
        fields["address"] = new_address
        change(EventKind.LOCATION, report.address, new_address)
    if cause is not None and cause.strip() != report.cause:
        if len(cause.strip()) > 200:
            raise ReportRuleError(_("De oorzaak is te lang: hoogstens 200 tekens."), field="cause")
        fields["cause"] = cause.strip()
        change(EventKind.NOTE, report.cause, cause.strip(), "oorzaak aangepast")
    if not fields:
        return report

    decision = None
    if reroute_because and report.status not in END_STATES:
        decision = route(
            category=fields.get("category", report.category),
            district=fields.get("district", report.district),
            at=now,
            answers=report.answers,
        )
        if (getattr(decision.owner, "pk", None), getattr(decision.team, "pk", None)) != (
            report.owner_id,
            report.owner_team_id,
        ):
            fields.update(owner=decision.owner, owner_team=decision.team)
            change(
                EventKind.OWNER,
                owner_label(report.owner, report.owner_team),
                owner_label(decision.owner, decision.team),
                f"opnieuw verdeeld ({reroute_because}): {decision.reason}",
            )
        else:
            decision = None
    with transaction.atomic():
        report_write(report=report, fields=fields, expected_version=expected_version)
        ReportEvent.objects.bulk_create(events)
        audit_log_record(
            actor=actor,
            action="report_update",
            obj=report,
            details={"changed": sorted(k for k in fields if k not in {"h3_cell", "neighbourhood"})},
        )
        if decision is not None:
            owner_changed(report=report, actor=actor, owner=decision.owner, team=decision.team)
    return report


def _iso(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
