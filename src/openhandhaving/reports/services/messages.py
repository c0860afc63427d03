"""Messages of a report: standard texts filled in, e-mails queued on commit and delivered by a task.

Questions by link (ask the reporter, forward to an external party) are in services/links.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.core.tasks import enqueue_on_commit
from openhandhaving.reports.choices import (
    EventKind,
    MessageState,
    Status,
)
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.message_templates import template_fill
from openhandhaving.reports.models import (
    MessageAudience,
    OutgoingMessage,
    Report,
    ReporterContact,
    ReportEvent,
    StandardText,
)
from openhandhaving.reports.services.common import report_touch

FOLLOW_SALT = "openhandhaving.reports.follow"
# Answer and follow links are keys: the database keeps only the hash of an answer link and
# nothing of a follow link, so history and sent e-mails must not keep the token either. A failed
# e-mail keeps it until it is sent, so it can be re-sent. (A follow token is signed: it has ":".)
_LINK_TOKEN = re.compile(r"(/melding/(?:antwoord|extern|volgen)/)[A-Za-z0-9_:-]{20,}/")


def redact_link_tokens(text: str) -> str:
    return _LINK_TOKEN.sub(r"\1…/", text)


def public_url(path: str) -> str:
    """An absolute address for e-mails: they are read outside the app, long after the request."""
    return getattr(settings, "PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/") + path


def follow_url(report: Report) -> str:
    """The reporter's link to follow the report: a signed number, unguessable, no database row.

    The signature carries the moment it was made; the follow page (views_follow) reads it back
    with `follow_token_read`, which refuses links older than REPORTS_FOLLOW_MAX_DAYS.
    """
    return public_url(follow_path(report))


def follow_path(report: Report) -> str:
    return f"/melding/volgen/{signing.dumps(report.pk, salt=FOLLOW_SALT)}/"


def follow_max_age() -> dt.timedelta:
    return dt.timedelta(days=getattr(settings, "REPORTS_FOLLOW_MAX_DAYS", 730))


def follow_token_read(token: str) -> tuple[int | None, str]:
    """(report id, problem): problem is "" for a good link, "expired" for one older than the
    maximum age, "unknown" for anything that was not signed by us (typo, tampering, junk)."""
    try:
        value = signing.loads(str(token), salt=FOLLOW_SALT, max_age=follow_max_age())
    except signing.SignatureExpired:
        return None, "expired"
    except (signing.BadSignature, TypeError, ValueError, UnicodeError):
        return None, "unknown"
    if isinstance(value, bool) or not isinstance(value, int):
        return None, "unknown"
    return value, ""


def follow_token_report_id(token: str) -> int | None:
    """The report of a follow link, or None when the link is unknown or too old."""
    return follow_token_read(token)[0]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def reporter_email(report: Report) -> str:
    """The reporter's e-mail address, or "" when the report is anonymous or anonymised."""
    contact = ReporterContact.objects.filter(report=report).only("email").first()
    return contact.email if contact else ""


def date_label(moment: dt.datetime) -> str:
    """12 maart 2026: a deadline as a reporter reads it, in the local time zone."""
    return formats.date_format(timezone.localtime(moment), "j F Y")


def standard_text_values(*, report: Report, status: str) -> dict[str, str]:
    category = report.category
    return {
        "nummer": report.number,
        "categorie": category.public_name or category.name,
        "adres": report.address or _("de plek op de kaart"),
        "wijk": report.district.name if report.district_id else _("onbekende wijk"),
        "termijn": date_label(report.deadline),
        "status": str(Status(status).label).lower(),
        "link": follow_url(report),
    }


def standard_text_render(*, text: StandardText, report: Report) -> tuple[str, str]:
    """(subject, body) of a standard text with the report's values filled in.

    {status} is the status the text is written for: the status the report gets when it is sent.
    """
    values = standard_text_values(report=report, status=text.status)
    return template_fill(text.subject, values), template_fill(text.body, values)


def standard_text_save(*, text: StandardText, actor: User | None) -> StandardText:
    """Store a standard text; unknown {variables} are refused (ValidationError, in Dutch)."""
    text.full_clean()
    with transaction.atomic():
        created = text.pk is None
        text.save()
        audit_log_record(
            actor=actor,
            action="standard_text_create" if created else "standard_text_update",
            obj=text,
        )
    return text


def email_body(*, body: str, report: Report, audience: str = MessageAudience.REPORTER) -> str:
    """The e-mail as the receiver reads it: the text and a line that says what it is about."""
    if audience == MessageAudience.STAFF:
        return body.strip()
    with translation.override(settings.LANGUAGE_CODE):  # residents and partners read Dutch
        footer = _(
            "Dit bericht gaat over melding %(number)s. Noem dit nummer als u contact met ons "
            "opneemt."
        ) % {"number": report.number}
    return f"{body.strip()}\n\n-- \n{footer}"


def staff_report_url(report: Report) -> str:
    return public_url(reverse("reports:detail", args=[report.number]))


def message_queue(
    *,
    report: Report,
    actor: User | None,
    to: str,
    subject: str,
    body: str,
    audience: str,
) -> OutgoingMessage:
    """Store an e-mail (queued) and hand it to the background task once the transaction commits.

    Call inside the caller's transaction: without a commit there is no e-mail.
    """
    from openhandhaving.reports.tasks import message_deliver_task

    message = OutgoingMessage.objects.create(
        report=report,
        audience=audience,
        to=to,
        subject=subject[:200],
        body=email_body(body=body, report=report, audience=audience),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    enqueue_on_commit(message_deliver_task, message.pk)
    return message


def message_check(*, subject: str, body: str) -> None:
    if not subject.strip():
        raise ReportRuleError(_("Vul een onderwerp in."), field="subject")
    if len(subject.strip()) > 200:
        raise ReportRuleError(
            _("Het onderwerp mag hoogstens 200 tekens lang zijn."), field="subject"
        )
    if not body.strip():
        raise ReportRuleError(_("Schrijf een tekst voor het bericht."), field="body")


def no_email_error() -> ReportRuleError:
    return ReportRuleError(
        _(
            "De melder heeft geen e-mailadres gegeven. Er is geen bericht verstuurd. Bel de "
            "melder als er een telefoonnummer is, en schrijf dat in een notitie."
        )
    )


def message_send(
    *,
    report: Report,
    actor: User | None,
    to: str | None = None,
    subject: str,
    body: str,
    audience: str = MessageAudience.REPORTER,
    to_duplicates: bool = False,
) -> OutgoingMessage:
    """Send an e-mail about a report (by default to the reporter) and write it in the history.

    With `to_duplicates` the reporters of the duplicates linked to this report get it too (an
    update about the shared problem; never a question with a personal answer link).
    """
    message_check(subject=subject, body=body)
    if to is None:
        to = reporter_email(report)
    if not to:
        raise no_email_error()
    subject, body = subject.strip(), body.strip()
    with transaction.atomic():
        report_touch(report=report)
        message = message_queue(
            report=report, actor=actor, to=to, subject=subject, body=body, audience=audience
        )
        ReportEvent.objects.create(
            report=report,
            time=timezone.now(),
            actor=message.created_by,
            kind=EventKind.MESSAGE,
            new_value=MessageAudience(audience).label,
            text=redact_link_tokens(f"{subject}\n\n{body}"),
            # What the reporter received is theirs to read; what a partner received is not.
            internal=audience != MessageAudience.REPORTER,
        )
        details = {"report": report.number, "audience": audience}
        if to_duplicates and audience == MessageAudience.REPORTER:
            from openhandhaving.reports.services.relations import duplicate_reporters_notify

            reached = duplicate_reporters_notify(
                report=report, actor=actor, subject=subject, body=body
            )
            if reached:
                details["duplicates"] = reached
        audit_log_record(actor=actor, action="message_send", obj=message, details=details)
    return message


def message_resend(*, message: OutgoingMessage, actor: User | None) -> OutgoingMessage:
    """Put a failed e-mail back in the queue."""
    with transaction.atomic():
        locked = OutgoingMessage.objects.select_for_update().get(pk=message.pk)
        if locked.state != MessageState.FAILED:
            raise ReportRuleError(
                _("Dit bericht is niet mislukt; opnieuw versturen is niet nodig.")
            )
        locked.state = MessageState.QUEUED
        locked.save(update_fields=["state"])
        audit_log_record(
            actor=actor,
            action="message_resend",
            obj=locked,
            details={"report": locked.report.number, "error": locked.error[:200]},
        )
        from openhandhaving.reports.tasks import message_deliver_task

        enqueue_on_commit(message_deliver_task, locked.pk)
    return locked


def message_deliver(*, message_id: int) -> str:
    """Hand a queued e-mail to the mail server and record the outcome. Returns the new state.

    A message that is not queued (already sent, or gone) is left alone, so a task that runs
    twice never sends twice.
    """
    message = OutgoingMessage.objects.filter(pk=message_id).first()
    if message is None or message.state != MessageState.QUEUED:
        return message.state if message else ""
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        headers={"Auto-Submitted": "auto-generated"},
    )
    try:
        email.send(fail_silently=False)
    except Exception as error:  # any mail server or network problem: record it, do not crash
        state, error_text, sent_at = MessageState.FAILED, f"{type(error).__name__}: {error}", None
        body = message.body
    else:
        state, error_text, sent_at = MessageState.SENT, "", timezone.now()
        body = redact_link_tokens(message.body)
    OutgoingMessage.objects.filter(pk=message.pk, state=MessageState.QUEUED).update(
        state=state,
        error=error_text[:2000],
        sent_at=sent_at,
        attempts=message.attempts + 1,
        body=body,
    )
    return state
