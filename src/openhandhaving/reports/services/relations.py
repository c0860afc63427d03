"""Split a report into actions for other teams, and link duplicates to a main report.

A split keeps one conversation with the reporter: the actions are reports of their own (own
category, routing, owner and deadline) without reporter contact; they point to the main report
with `parent`, and closing an action is written in the main report's history.

A duplicate is closed and points to its main report with `duplicate_of`. From then on an e-mail
to the reporter of the main report also goes to the reporters of its duplicates, so one update
reaches everybody who reported the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import END_STATES, EventKind, Status
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Category, MessageAudience, Report
from openhandhaving.reports.selectors import normalise_number
from openhandhaving.reports.services.checks import category_check, text_clean
from openhandhaving.reports.services.common import event_add, owner_label, report_write

MAX_ACTIONS = 10


@dataclass(frozen=True)
class ActionSpec:
    """One action to split off: which category (and so which team) and what to do."""

    category: Category
    text: str


def _open_check(report: Report, message: str) -> None:
    if report.status in END_STATES:
        raise ReportRuleError(message)


def report_split(
    *,
    report: Report,
    actor: User | None,
    actions: Sequence[ActionSpec],
    expected_version: int | None = None,
) -> list[Report]:
    """Make up to ten actions of `report`, each routed by its own category.

    The actions copy the place, channel and priority and keep the reported time (so the service
    promise counts from when the resident reported), but not the reporter's contact details.
    """
    from openhandhaving.reports.services.intake import report_create

    if report.parent_id:
        raise ReportRuleError(
            _(
                "Dit is al een actie van melding %(number)s. Splits de hoofdmelding als er meer "
                "moet gebeuren."
            )
            % {"number": report.parent.number}
        )
    if report.duplicate_of_id:
        raise ReportRuleError(
            _("Deze melding is een dubbel van %(number)s; splits die melding.")
            % {"number": report.duplicate_of.number}
        )
    _open_check(report, _("Een afgesloten melding kunt u niet splitsen. Heropen hem eerst."))
    if not actions:
        raise ReportRuleError(
            _("Vul minstens één actie in: een categorie en wat er moet gebeuren.")
        )
    existing = report.children.count()
    if existing + len(actions) > MAX_ACTIONS:
        raise ReportRuleError(
            _("Een melding heeft hoogstens %(max)s acties; er zijn er al %(existing)s.")
            % {"max": MAX_ACTIONS, "existing": existing}
        )
    for spec in actions:
        category_check(spec.category)
        text_clean(spec.text)

    with transaction.atomic():
        report_write(report=report, fields={}, expected_version=expected_version)
        children = []
        for spec in actions:
            child = report_create(
                text=spec.text,
                category=spec.category,
                lat=report.lat,
                lon=report.lon,
                address=report.address,
                channel=report.channel,
                priority=report.priority,
                created_by=actor,
                reported_at=report.reported_at,
            )
            Report.objects.filter(pk=child.pk).update(parent=report)
            child.parent = report
            event_add(
                report=child,
                kind=EventKind.LINK,
                actor=actor,
                new=report.number,
                text=f"Actie uit melding {report.number}. Berichten aan de melder gaan via die "
                "melding.",
            )
            children.append(child)
        lines = "\n".join(
            f"{c.number}: {c.category} → {owner_label(c.owner, c.owner_team)}" for c in children
        )
        event_add(
            report=report,
            kind=EventKind.LINK,
            actor=actor,
            new=", ".join(c.number for c in children),
            text=f"Gesplitst in acties:\n{lines}",
        )
        audit_log_record(
            actor=actor,
            action="report_split",
            obj=report,
            details={"actions": [c.number for c in children]},
        )
    return children


def action_closed(*, action: Report, actor: User | None, text: str) -> None:
    """Write in the main report's history that one of its actions was closed (same transaction)."""
    if not action.parent_id:
        return
    open_left = (
        Report.objects.filter(parent_id=action.parent_id)
        .exclude(pk=action.pk)
        .exclude(status__in=[s.value for s in END_STATES])
        .count()
    )
    summary = f"Actie {action.number} ({action.category}) is {action.get_status_display().lower()}"
    if text:
        summary += f": {text}"
    summary += "." if not open_left else f". Nog {open_left} actie(s) open."
    event_add(
        report=Report(pk=action.parent_id),
        kind=EventKind.LINK,
        actor=actor,
        new=action.number,
        text=summary,
    )


def report_find(number: str) -> Report | None:
    return (
        Report.objects.select_related("duplicate_of")
        .filter(number=normalise_number(number))
        .first()
    )


def report_link_duplicate(
    *,
    report: Report,
    main: Report,
    actor: User | None,
    text: str = "",
    expected_version: int | None = None,
) -> Report:
    """Close `report` as a duplicate of `main`; its reporter hears from then on what happens there.

    Duplicates of `report` itself move along to `main`, so there is always one level. The
    reporter of the duplicate gets a short e-mail that the report is handled together with the
    main report (when they left an e-mail address).
    """
    from openhandhaving.reports.services.messages import message_queue, reporter_email
    from openhandhaving.reports.services.workflow import transition_check

    if main.pk == report.pk:
        raise ReportRuleError(_("Een melding kan geen dubbel van zichzelf zijn."), field="main")
    if main.duplicate_of_id:
        raise ReportRuleError(
            _(
                "Melding %(main)s is zelf een dubbel van %(root)s. Koppel aan %(root)s, de "
                "hoofdmelding."
            )
            % {"main": main.number, "root": main.duplicate_of.number},
            field="main",
        )
    if main.status in END_STATES:
        raise ReportRuleError(
            _(
                "Melding %(main)s is al afgesloten. Heropen die eerst, of handel deze melding "
                "zelf af."
            )
            % {"main": main.number},
            field="main",
        )
    if report.duplicate_of_id:
        raise ReportRuleError(
            _("Deze melding is al gekoppeld aan %(main)s. Ontkoppel hem eerst.")
            % {"main": report.duplicate_of.number}
        )
    transition_check(current=report.status, target=Status.DONE)
    text = (text or "").strip()
    now = timezone.now()
    closing = f"Dubbele melding: wordt samen met melding {main.number} afgehandeld."
    if text:
        closing += f"\n{text}"
    with transaction.atomic():
        old = report.status
        report_write(
            report=report,
            fields={"status": Status.DONE, "closed_at": now, "duplicate_of": main},
            expected_version=expected_version,
        )
        event_add(
            report=report,
            kind=EventKind.STATUS,
            actor=actor,
            old=old,
            new=Status.DONE,
            text=closing,
            internal=False,
            time=now,
        )
        moved = list(Report.objects.filter(duplicate_of=report).values_list("number", flat=True))
        if moved:
            Report.objects.filter(duplicate_of=report).update(duplicate_of=main)
        event_add(
            report=main,
            kind=EventKind.LINK,
            actor=actor,
            new=", ".join([report.number, *moved]),
            text=f"Melding {report.number} gekoppeld als dubbel"
            + (f" (met haar dubbels {', '.join(moved)})" if moved else "")
            + ". Berichten aan de melder gaan voortaan ook naar die melder(s).",
            time=now,
        )
        to = reporter_email(report)
        if to:
            with translation.override(settings.LANGUAGE_CODE):  # the reporter reads Dutch
                subject = _("Uw melding %(number)s") % {"number": report.number}
                body = _(
                    "Beste melder,\n\nUw melding gaat over hetzelfde als melding %(main)s, die "
                    "al bij ons bekend is. We handelen ze samen af. U krijgt van ons bericht als "
                    "er iets verandert.\n\nMet vriendelijke groet,\nHandhaving"
                ) % {"main": main.number}
            message_queue(
                report=report,
                actor=actor,
                to=to,
                subject=subject,
                body=body,
                audience=MessageAudience.REPORTER,
            )
            event_add(
                report=report,
                kind=EventKind.MESSAGE,
                actor=actor,
                new="Melder",
                text=f"{subject}\n\n{body}",
                internal=False,
                time=now,
            )
        audit_log_record(
            actor=actor,
            action="report_link_duplicate",
            obj=report,
            details={"main": main.number, "moved": moved},
        )
    return report


def report_unlink_duplicate(
    *, report: Report, actor: User | None, expected_version: int | None = None
) -> Report:
    """Undo a duplicate link. The report stays closed; reopen it if it needs its own handling."""
    if not report.duplicate_of_id:
        raise ReportRuleError(_("Deze melding is niet gekoppeld als dubbel."))
    main = report.duplicate_of
    with transaction.atomic():
        report_write(
            report=report, fields={"duplicate_of": None}, expected_version=expected_version
        )
        text = f"Koppeling met melding {main.number} verbroken."
        event_add(report=report, kind=EventKind.LINK, actor=actor, old=main.number, text=text)
        event_add(
            report=main,
            kind=EventKind.LINK,
            actor=actor,
            old=report.number,
            text=f"Melding {report.number} is geen dubbel meer van deze melding.",
        )
        audit_log_record(
            actor=actor,
            action="report_unlink_duplicate",
            obj=report,
            details={"main": main.number},
        )
    return report


def duplicate_reporters_notify(
    *, report: Report, actor: User | None, subject: str, body: str
) -> list[str]:
    """Send the reporter's e-mail of `report` also to the reporters of its duplicates.

    Called inside message_send's transaction. Each duplicate gets its own message and history
    line, so its own page shows what its reporter received. Returns the numbers reached.
    """
    from openhandhaving.reports.services.messages import message_queue, redact_link_tokens

    reached = []
    with translation.override(settings.LANGUAGE_CODE):  # the reporters read Dutch
        intro = _(
            "Uw melding %(number)s wordt samen met melding %(main)s afgehandeld. Dit is het "
            "nieuws over die melding:"
        )
    duplicates = Report.objects.filter(duplicate_of=report).select_related("contact")
    for duplicate in duplicates:
        contact = getattr(duplicate, "contact", None)
        if contact is None or not contact.email or contact.anonymised_at:
            continue
        message_queue(
            report=duplicate,
            actor=actor,
            to=contact.email,
            subject=subject,
            body=intro % {"number": duplicate.number, "main": report.number} + "\n\n" + body,
            audience=MessageAudience.REPORTER,
        )
        event_add(
            report=duplicate,
            kind=EventKind.MESSAGE,
            actor=actor,
            new="Melder",
            text=redact_link_tokens(f"{subject}\n\n{body}\n\n(via hoofdmelding {report.number})"),
            internal=False,
        )
        reached.append(duplicate.number)
    return reached
