"""Questions by link: ask the reporter or an external party, and take in their answers."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import EventKind, LinkPurpose, Status, can_transition
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import MessageAudience, Report, ReportEvent, ReportLink
from openhandhaving.reports.services.messages import (
    date_label,
    message_send,
    no_email_error,
    public_url,
    reporter_email,
    token_hash,
)
from openhandhaving.reports.services.notifications import notify_answer


def link_create(
    *,
    report: Report,
    actor: User | None,
    purpose: str,
    question: str,
    days: int,
    party: str = "",
    email: str = "",
    now: dt.datetime | None = None,
) -> tuple[ReportLink, str]:
    """A new link and its token; only the token's hash is stored."""
    token = secrets.token_urlsafe(32)
    link = ReportLink.objects.create(
        report=report,
        purpose=purpose,
        token_hash=token_hash(token),
        question=question,
        party=party,
        email=email,
        expires_at=(now or timezone.now()) + dt.timedelta(days=days),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    return link, token


def _status_check(report: Report, to_status: Status) -> None:
    if report.status != to_status and not can_transition(report.status, to_status):
        raise ReportRuleError(
            _("Dit kan niet bij een melding met de status „%(status)s”.")
            % {"status": report.get_status_display()}
        )


def ask_reporter(
    *,
    report: Report,
    actor: User | None,
    question: str,
    days: int | None = None,
    expected_version: int | None = None,
) -> ReportLink:
    """E-mail the reporter a question with a link to answer it; the report waits for the answer."""
    from openhandhaving.reports.services import report_status_change

    question = question.strip()
    if not question:
        raise ReportRuleError(_("Schrijf de vraag aan de melder."), field="question")
    days = days or getattr(settings, "REPORTS_ASK_REPORTER_DAYS", 7)
    to = reporter_email(report)
    if not to:
        raise no_email_error()
    _status_check(report, Status.WAITING_FOR_REPORTER)
    with transaction.atomic():
        link, token = link_create(
            report=report,
            actor=actor,
            purpose=LinkPurpose.ASK_REPORTER,
            question=question,
            days=days,
        )
        subject = _("Een vraag over uw melding %(number)s") % {"number": report.number}
        body = _(
            "Beste melder,\n\nWe hebben een vraag over uw melding:\n\n%(question)s\n\n"
            "U kunt antwoorden via deze link: %(url)s\nDe link werkt tot en met %(until)s.\n\n"
            "Met vriendelijke groet,\nHandhaving"
        ) % {
            "question": question,
            "url": public_url(f"/melding/antwoord/{token}/"),
            "until": date_label(link.expires_at),
        }
        message = {"subject": subject, "body": body}
        if report.status == Status.WAITING_FOR_REPORTER:
            message_send(report=report, actor=actor, subject=subject, body=body)
        else:
            report_status_change(
                report=report,
                to_status=Status.WAITING_FOR_REPORTER,
                actor=actor,
                text=_("Vraag aan de melder: %(question)s") % {"question": question},
                expected_version=expected_version,
                message=message,
            )
        audit_log_record(actor=actor, action="report_ask_reporter", obj=report)
    return link


def forward_external(
    *,
    report: Report,
    actor: User | None,
    party: str,
    email: str,
    question: str,
    days: int | None = None,
    expected_version: int | None = None,
) -> ReportLink:
    """Ask an external party to act, by a link that shows the report without personal data."""
    from openhandhaving.reports.services import report_status_change

    party, email, question = party.strip(), email.strip(), question.strip()
    if not party:
        raise ReportRuleError(_("Vul de naam van de externe partij in."), field="party")
    if not email:
        raise ReportRuleError(_("Vul het e-mailadres van de externe partij in."), field="email")
    if not question:
        raise ReportRuleError(_("Schrijf wat u de externe partij vraagt."), field="question")
    days = days or getattr(settings, "REPORTS_EXTERNAL_DAYS", 14)
    _status_check(report, Status.FORWARDED)
    with transaction.atomic():
        link, token = link_create(
            report=report,
            actor=actor,
            purpose=LinkPurpose.EXTERNAL,
            question=question,
            days=days,
            party=party,
            email=email,
        )
        if report.status != Status.FORWARDED:
            report_status_change(
                report=report,
                to_status=Status.FORWARDED,
                actor=actor,
                text=_("Doorgezet naar %(party)s: %(question)s")
                % {"party": party, "question": question},
                expected_version=expected_version,
            )
        subject = _("Verzoek van de gemeente: melding %(number)s") % {"number": report.number}
        body = _(
            "Beste %(party)s,\n\nWe vragen u iets te doen aan deze melding:\n\n%(question)s\n\n"
            "Bekijk de melding en geef antwoord via deze link: %(url)s\n"
            "De link werkt tot en met %(until)s.\n\nMet vriendelijke groet,\nHandhaving"
        ) % {
            "party": party,
            "question": question,
            "url": public_url(f"/melding/extern/{token}/"),
            "until": date_label(link.expires_at),
        }
        message_send(
            report=report,
            actor=actor,
            to=email,
            subject=subject,
            body=body,
            audience=MessageAudience.EXTERNAL,
        )
        audit_log_record(
            actor=actor, action="report_forward_external", obj=report, details={"party": party}
        )
    return link


def _link_lock(link: ReportLink, purpose: str) -> ReportLink:
    """The link, locked, if it may still be answered; else a Dutch explanation."""
    locked = ReportLink.objects.select_for_update().select_related("report").get(pk=link.pk)
    if locked.purpose != purpose:
        raise ReportRuleError(_("Deze link is niet voor dit antwoord bedoeld."))
    if locked.answered_at is not None:
        raise ReportRuleError(_("Deze vraag is al beantwoord. Dank u wel."))
    if locked.expires_at <= timezone.now():
        raise ReportRuleError(_("Deze link is verlopen."))
    return locked


def _status_to(report: Report, status: Status, text: str) -> None:
    """Move the report on when the workflow allows it; an answer is never lost over a status."""
    from openhandhaving.reports.services import report_status_change

    if report.status != status and can_transition(report.status, status):
        report_status_change(report=report, to_status=status, actor=None, text=text)


def link_answer_reporter(
    *,
    link: ReportLink,
    answer: str,
    photo: UploadedFile | None = None,
    origin: str = "systeem",
) -> ReportLink:
    """The reporter answered a question: the answer joins the history, the work goes on."""
    answer = answer.strip()
    if not answer:
        raise ReportRuleError(_("Schrijf uw antwoord."), field="answer")
    with transaction.atomic():
        link = _link_lock(link, LinkPurpose.ASK_REPORTER)
        report = Report.objects.select_for_update().get(pk=link.report_id)
        ReportEvent.objects.create(
            report=report,
            time=timezone.now(),
            actor=None,
            kind=EventKind.NOTE,
            new_value=_("Antwoord van de melder"),
            text=_("Vraag: %(question)s\n\nAntwoord van de melder: %(answer)s")
            % {"question": link.question, "answer": answer},
            internal=False,
        )
        if photo is not None:
            from openhandhaving.reports.services import report_attachment_add

            report_attachment_add(report=report, actor=None, upload=photo)
        _status_to(report, Status.IN_PROGRESS, _("De melder heeft de vraag beantwoord."))
        link.answered_at = timezone.now()
        link.save(update_fields=["answered_at"])
        audit_log_record(actor=None, action="report_link_answer", obj=link, origin=origin)
        notify_answer(
            report=report,
            asked_by=link.created_by,
            text=_("De melder van %(number)s heeft uw vraag beantwoord.")
            % {"number": report.number},
        )
    return link


def link_answer_external(
    *,
    link: ReportLink,
    answer: str,
    solved: bool,
    origin: str = "systeem",
) -> ReportLink:
    """An external party replied: their reply becomes an internal note; solved closes the report."""
    answer = answer.strip()
    if not answer:
        raise ReportRuleError(_("Schrijf uw antwoord."), field="answer")
    with transaction.atomic():
        link = _link_lock(link, LinkPurpose.EXTERNAL)
        report = Report.objects.select_for_update().get(pk=link.report_id)
        verdict = _("opgelost") if solved else _("nog niet opgelost")
        ReportEvent.objects.create(
            report=report,
            time=timezone.now(),
            actor=None,
            kind=EventKind.NOTE,
            new_value=_("Antwoord van %(party)s") % {"party": link.party},
            text=_("Antwoord van %(party)s (%(verdict)s): %(answer)s")
            % {"party": link.party, "verdict": verdict, "answer": answer},
            internal=True,
        )
        _status_to(
            report,
            Status.DONE if solved else Status.IN_PROGRESS,
            _("%(party)s meldt: %(answer)s") % {"party": link.party, "answer": answer},
        )
        link.answered_at = timezone.now()
        link.save(update_fields=["answered_at"])
        audit_log_record(
            actor=None,
            action="report_link_answer",
            obj=link,
            origin=origin,
            details={"party": link.party, "solved": solved},
        )
        notify_answer(
            report=report,
            asked_by=link.created_by,
            text=_("%(party)s heeft gereageerd op %(number)s (%(verdict)s).")
            % {"party": link.party, "number": report.number, "verdict": verdict},
        )
    return link
