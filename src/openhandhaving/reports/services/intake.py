"""report_create: check everything, then number, locate, set deadlines, route and record at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from openhandhaving.core.calendar import WorkingCalendar, dutch_calendar
from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import Channel, EventKind, Priority, Status
from openhandhaving.reports.deadlines import Deadlines, deadlines_for
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import (
    Category,
    MessageAudience,
    Report,
    ReporterContact,
    ReportEvent,
    ReportNumber,
    StandardText,
)
from openhandhaving.reports.routing import RoutingDecision, route
from openhandhaving.reports.services.attachments import CleanFile, attachment_store, upload_clean
from openhandhaving.reports.services.checks import (
    answers_clean,
    category_check,
    contact_clean,
    located,
    moment_clean,
    point_check,
    text_clean,
)
from openhandhaving.reports.services.common import event_new, owner_label
from openhandhaving.reports.services.notify import owner_changed
from openhandhaving.reports.signals import CREATED, announce

MAX_PHOTOS = 10
# History is stored in Dutch, whatever language the person who made the report uses.
CHANNEL_WORDS = {
    Channel.WEB: "de website",
    Channel.PHONE: "de telefoon (KCC)",
    Channel.DESK: "de balie",
    Channel.EMAIL: "e-mail",
    Channel.APP: "de app (Open311)",
    Channel.SOCIAL: "sociale media",
    Channel.OWN_OBSERVATION: "eigen waarneming",
}


@lru_cache(maxsize=16)
def calendar_for(year: int) -> WorkingCalendar:
    """The working-day calendar around `year`; deadlines (3× a long term) may cross New Year."""
    return dutch_calendar(year - 1, year + 3)


def report_number_lock(*, year: int) -> ReportNumber:
    """The year's counter, locked until the transaction ends (PostgreSQL: a row lock; SQLite
    runs write transactions one at a time, IMMEDIATE)."""
    row = ReportNumber.objects.select_for_update().filter(year=year).first()
    if row is None:
        ReportNumber.objects.get_or_create(year=year)
        row = ReportNumber.objects.select_for_update().get(year=year)
    return row


def report_number_take(counter: ReportNumber) -> str:
    """The next number of a locked counter: '2026-000124'."""
    counter.last += 1
    ReportNumber.objects.filter(year=counter.year).update(last=counter.last)
    return f"{counter.year}-{counter.last:06d}"


def report_number_next(*, year: int) -> str:
    """The next number of the year, taken in a transaction of its own: the counter is locked
    only for that moment, not while the report, its e-mails and history are written (under
    load that lock was the bottleneck: one report at a time, whatever the number of servers).
    Numbers never repeat; a report that fails after this (rare: everything is checked before)
    leaves a gap, as numbers of a database sequence do."""
    with transaction.atomic():
        return report_number_take(report_number_lock(year=year))


def report_create(
    *,
    text: str,
    category: Category,
    lat: float,
    lon: float,
    channel: str,
    address: str = "",
    answers: Mapping[str, Any] | None = None,
    priority: str = Priority.NORMAL,
    contact: Mapping[str, Any] | None = None,
    created_by: User | None = None,
    reported_at: dt.datetime | None = None,
    external_id: str = "",
    photos: Iterable[Any] = (),
    now: dt.datetime | None = None,
    to_coordinators: str = "",
    category_note: str = "",
) -> Report:
    """A new report, numbered, placed in its wijk, with deadlines, an owner and its history.

    Everything is checked before anything is stored (ReportRuleError, in Dutch, with the field).
    The same (channel, external_id) twice gives back the first report: a system that sends a
    report again does not make a second one. `to_coordinators` (the reason) skips routing: the
    coordinators categorise the report first (e.g. the resident did not know the category and
    the suggestion was not sure enough). `category_note` (how the category was chosen) goes
    into the history for colleagues.
    """
    now = now or timezone.now()
    text = text_clean(text)
    if channel not in Channel.values:
        raise ReportRuleError(_("Kies hoe de melding binnenkwam."), field="channel")
    if priority not in Priority.values:
        raise ReportRuleError(_("Kies een prioriteit."), field="priority")
    external_id = (external_id or "").strip()
    if len(external_id) > 100:
        raise ReportRuleError(
            _("Het kenmerk is te lang: hoogstens 100 tekens."), field="external_id"
        )
    if len(address or "") > 200:
        raise ReportRuleError(_("Het adres is te lang: hoogstens 200 tekens."), field="address")
    category_check(category)
    clean_answers = answers_clean(answers, category)
    lat, lon = point_check(lat, lon)
    reported_at = moment_clean(reported_at, now)
    clean_contact = contact_clean(contact)
    photos = list(photos or ())
    if len(photos) > MAX_PHOTOS:
        raise ReportRuleError(
            _("Voeg hoogstens %(max)s foto's toe.") % {"max": MAX_PHOTOS}, field="photos"
        )
    cleaned: list[CleanFile] = []
    for photo in photos:
        try:
            cleaned.append(upload_clean(photo, allow_pdf=False))
        except ReportRuleError as error:
            raise ReportRuleError(error.message, field="photos") from error
    place = located(lat, lon)
    local_reported = timezone.localtime(reported_at)
    deadlines = deadlines_for(
        reported_at=local_reported,
        amount=category.deadline_amount,
        unit=category.deadline_unit,
        calendar=calendar_for(local_reported.year),
    )
    if to_coordinators:
        decision = RoutingDecision(owner=None, team=None, rule=None, reason=to_coordinators)
    else:
        decision = route(
            category=category, district=place["district"], at=now, answers=clean_answers
        )

    if external_id:
        existing = Report.objects.filter(channel=channel, external_id=external_id).first()
        if existing is not None:
            return existing
    number = report_number_next(year=local_reported.year)
    try:
        report = _report_write(
            number=number,
            text=text,
            category=category,
            channel=channel,
            priority=priority,
            address=address,
            answers=clean_answers,
            reported_at=reported_at,
            deadlines=deadlines,
            decision=decision,
            created_by=created_by,
            external_id=external_id,
            lat=lat,
            lon=lon,
            place=place,
            contact=clean_contact,
            photos=cleaned,
            category_note=category_note,
            now=now,
        )
    except IntegrityError:
        # A resend that raced the first one: the unique (channel, external_id) caught it.
        existing = external_id and (
            Report.objects.filter(channel=channel, external_id=external_id).first()
        )
        if not existing:
            raise
        return existing
    return report


def _report_write(
    *,
    number: str,
    text: str,
    category: Category,
    channel: str,
    priority: str,
    address: str,
    answers: dict,
    reported_at: dt.datetime,
    deadlines: Deadlines,
    decision: RoutingDecision,
    created_by: User | None,
    external_id: str,
    lat: float,
    lon: float,
    place: dict,
    contact: dict | None,
    photos: list[CleanFile],
    category_note: str,
    now: dt.datetime,
) -> Report:
    """Write the checked report with its number, contact, photos, history and messages at once."""
    with transaction.atomic():
        report = Report.objects.create(
            number=number,
            text=text,
            category=category,
            status=Status.NEW,
            owner=decision.owner,
            owner_team=decision.team,
            address=(address or "").strip(),
            channel=channel,
            priority=priority,
            answers=answers,
            reported_at=reported_at,
            deadline=deadlines.due,
            deadline_3x=deadlines.due_3x,
            created_by=created_by if getattr(created_by, "is_authenticated", False) else None,
            external_id=external_id,
            lat=lat,
            lon=lon,
            **place,
        )
        if contact:
            report.contact = ReporterContact.objects.create(report=report, **contact)
        for clean in photos:
            attachment_store(report=report, clean=clean, uploaded_by=created_by, public=True)
        report._routing = decision  # for callers that show the decision right away
        events = _history(report=report, decision=decision, actor=created_by, now=now)
        if category_note:
            events.append(
                event_new(report=report, kind=EventKind.CATEGORY, text=category_note, time=now)
            )
        if contact and contact["email"]:
            events.append(_confirmation_queue(report=report, actor=created_by, now=now))
        ReportEvent.objects.bulk_create(events)
        audit_log_record(
            actor=created_by,
            action="report_create",
            obj=report,
            details={"channel": channel, "owner": owner_label(decision.owner, decision.team)},
        )
        announce(report_id=report.pk, event=CREATED)
        owner_changed(report=report, actor=created_by, owner=decision.owner, team=decision.team)
    return report


def _confirmation_queue(*, report: Report, actor: User | None, now: dt.datetime) -> ReportEvent:
    """Queue the e-mail that tells the reporter the report arrived (sent by a task after the
    commit), and return its history row. The administrator's standard text for "Nieuw" (of the
    category, else general) if there is one, else a short default text."""
    from openhandhaving.reports.services.messages import (
        message_queue,
        redact_link_tokens,
        standard_text_render,
    )

    text = _standard_text_new(report.category)
    if text is not None:
        subject, body = standard_text_render(text=text, report=report)
    else:
        subject, body = _confirmation_default(report)
    message = message_queue(
        report=report,
        actor=actor,
        to=report.contact.email,
        subject=subject.strip(),
        body=body.strip(),
        audience=MessageAudience.REPORTER,
    )
    return event_new(
        report=report,
        kind=EventKind.MESSAGE,
        actor=message.created_by,
        new="Melder",
        text=redact_link_tokens(f"{message.subject}\n\n{body.strip()}"),
        internal=False,
        time=now,
    )


def _confirmation_default(report: Report) -> tuple[str, str]:
    """The confirmation when the administrator wrote none: in Dutch, whoever typed the report.
    It carries the private link to follow the report."""
    from openhandhaving.reports.services.messages import follow_url

    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Uw melding %(number)s is ontvangen") % {"number": report.number}
        body = _(
            "Beste melder,\n\nBedankt voor uw melding. We hebben hem ontvangen onder nummer "
            "%(number)s en gaan ermee aan de slag.\n\nHoe het met uw melding gaat, ziet u via "
            "deze link: %(url)s\nDeze link is alleen voor u; deel hem niet met anderen.\n\n"
            "Met vriendelijke groet,\nHandhaving"
        ) % {"number": report.number, "url": follow_url(report)}
    return subject, body


def _standard_text_new(category: Category) -> StandardText | None:
    """The active text for "Nieuw": of the category, else of its main category, else general."""
    own = [pk for pk in (category.pk, category.parent_id) if pk]
    rank = Case(
        When(category_id=category.pk, then=Value(0)),
        When(category__isnull=True, then=Value(2)),
        default=Value(1),
    )
    return (
        StandardText.objects.filter(status=Status.NEW, active=True)
        .filter(Q(category__isnull=True) | Q(category_id__in=own))
        .annotate(rank=rank)
        .order_by("rank", "title")
        .first()
    )


def _history(
    *, report: Report, decision: RoutingDecision, actor: User | None, now: dt.datetime
) -> list[ReportEvent]:
    channel = CHANNEL_WORDS.get(report.channel, report.channel)
    return [
        event_new(
            report=report,
            kind=EventKind.CREATED,
            actor=actor,
            new=Status.NEW,
            text=f"Melding ontvangen via {channel}",
            internal=False,
            time=min(report.reported_at, now),
        ),
        event_new(
            report=report,
            kind=EventKind.OWNER,
            new=owner_label(decision.owner, decision.team),
            text=decision.reason,
            time=now,
        ),
    ]
