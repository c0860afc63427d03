"""Reads for the reporter's follow page: which report a link opens (and until when), the status
in plain words, the e-mails the reporter received, open questions, own photos, the feedback.

The page shows only what the reporter already knows or sent: never internal notes, staff names,
other people's data, or the main report's text when the report was merged into another one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.choices import END_STATES, LinkPurpose, Status
from openhandhaving.reports.models import (
    Attachment,
    Feedback,
    MessageAudience,
    OutgoingMessage,
    Report,
    ReporterContact,
    ReportLink,
    SatisfactionAnswer,
)
from openhandhaving.reports.services.messages import follow_token_read, redact_link_tokens

# Each status as a resident reads it: a short heading and one plain sentence (B1).
STATUS_WORDS: dict[Status, tuple[str, str]] = {
    Status.NEW: (
        _("Ontvangen"),
        _("Uw melding is binnen en wacht op beoordeling."),
    ),
    Status.ACCEPTED: (
        _("In behandeling"),
        _("We hebben uw melding bekeken en in behandeling genomen."),
    ),
    Status.IN_PROGRESS: (
        _("We zijn ermee bezig"),
        _("We werken aan uw melding."),
    ),
    Status.PLANNED: (
        _("Ingepland"),
        _("We hebben ingepland wanneer we met uw melding aan de slag gaan."),
    ),
    Status.WAITING_FOR_REPORTER: (
        _("We wachten op u"),
        _("We hebben een vraag aan u gesteld. Met uw antwoord kunnen we verder."),
    ),
    Status.FORWARDED: (
        _("Doorgestuurd"),
        _("We hebben uw melding doorgestuurd naar een organisatie die het probleem kan oplossen."),
    ),
    Status.DONE: (
        _("Afgehandeld"),
        _("We hebben uw melding afgehandeld."),
    ),
    Status.CANCELLED: (
        _("Gesloten"),
        _("We hebben uw melding gesloten. We doen er verder niets mee."),
    ),
    Status.REOPENED: (
        _("Weer geopend"),
        _("Uw melding is opnieuw geopend. We gaan er weer mee aan de slag."),
    ),
    Status.REOPEN_REQUESTED: (
        _("Verzoek om opnieuw te bekijken"),
        _("U hebt gevraagd uw melding opnieuw te bekijken. We beoordelen dat verzoek."),
    ),
}


def status_words(status: str) -> tuple[str, str]:
    """(heading, sentence) for a status, in the reporter's language."""
    heading, sentence = STATUS_WORDS[Status(status)]
    return str(heading), str(sentence)


def follow_report(report: Report) -> Report:
    """The report whose handling the reporter follows: the main report for a duplicate."""
    return report.duplicate_of if report.duplicate_of_id else report


def follow_closed_at(report: Report) -> dt.datetime | None:
    """When the handling the reporter follows was closed; None while it is still open."""
    shown = follow_report(report)
    if shown.status in END_STATES:
        return shown.closed_at or report.closed_at
    return None


def follow_valid_until(report: Report) -> dt.datetime | None:
    """The last moment the link opens the page; None while the report is open."""
    closed_at = follow_closed_at(report)
    if closed_at is None:
        return None
    return closed_at + dt.timedelta(days=getattr(settings, "REPORTS_FOLLOW_DAYS_AFTER_CLOSE", 90))


def follow_lookup(*, token: str, now: dt.datetime | None = None) -> tuple[Report | None, str]:
    """(report, problem) for a follow link; problem is "" when the page may be shown, "unknown"
    (404) for a link we never made, "expired" (410) for one that worked once."""
    report_id, problem = follow_token_read(token)
    if problem:
        return None, problem
    report = (
        Report.objects.select_related("category", "category__parent", "duplicate_of")
        .filter(pk=report_id)
        .first()
    )
    if report is None:  # signed by us, so it existed: deleted after its retention term
        return None, "expired"
    if report.anonymised_at is not None:  # the reporter's data is gone, and so is their page
        return report, "expired"
    until = follow_valid_until(report)
    if until is not None and until < (now or timezone.now()):
        return report, "expired"
    return report, ""


@dataclass(frozen=True)
class SentMessage:
    subject: str
    body: str
    time: dt.datetime


def _contact_scrubber(contact: ReporterContact | None):
    """Blank the reporter's own name, e-mail and phone where a handler typed them in a message:
    whoever holds the link (a forwarded e-mail) should not learn them from this page."""
    values = [] if contact is None else [contact.email, contact.phone, contact.name]
    words = [v.strip() for v in values if v and len(v.strip()) >= 3]
    if not words:
        return lambda text: text
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in sorted(words, key=len, reverse=True)),
        re.IGNORECASE,
    )
    return lambda text: pattern.sub("…", text)


def follow_messages(*, report: Report) -> list[SentMessage]:
    """The e-mails to the reporter of this report, newest first, without working link keys."""
    contact = ReporterContact.objects.filter(report=report).first()
    scrub = _contact_scrubber(contact)
    messages = OutgoingMessage.objects.filter(
        report=report, audience=MessageAudience.REPORTER
    ).order_by("-created_at", "-id")
    return [
        SentMessage(
            subject=scrub(redact_link_tokens(m.subject)),
            body=scrub(redact_link_tokens(m.body)),
            time=m.sent_at or m.created_at,
        )
        for m in messages.only("subject", "body", "sent_at", "created_at")
    ]


def follow_open_question(*, report: Report, now: dt.datetime | None = None) -> ReportLink | None:
    """The newest question to the reporter that can still be answered."""
    return (
        ReportLink.objects.filter(
            report=report,
            purpose=LinkPurpose.ASK_REPORTER,
            answered_at__isnull=True,
            expires_at__gt=now or timezone.now(),
        )
        .order_by("-created_at", "-id")
        .first()
    )


def reporter_photos(*, report: Report) -> QuerySet[Attachment]:
    """Photos the reporter sent (at intake, with an answer or on the follow page); never staff's."""
    return Attachment.objects.filter(
        report=report, public=True, content_type__startswith="image/"
    ).order_by("created_at", "id")


def satisfaction_answers() -> QuerySet[SatisfactionAnswer]:
    return SatisfactionAnswer.objects.filter(active=True).order_by("order", "id")


def report_feedback(*, report: Report) -> Feedback | None:
    return Feedback.objects.filter(report=report).first()


def feedback_for_staff(*, report: Report) -> list[Feedback]:
    """The feedback on this report and on the duplicates merged into it, newest first."""
    return list(
        Feedback.objects.filter(Q(report=report) | Q(report__duplicate_of=report))
        .select_related("report")
        .order_by("-created_at", "-id")
    )
