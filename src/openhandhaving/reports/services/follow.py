"""What the reporter does on the follow page: answer an open question, add a photo, and say after
closing whether they are satisfied (an unhappy answer can ask to reopen the report).

The follow link proves who the reporter is; there is no account. Each service does its whole
change in one transaction: the row, the history, the audit log and the notice to the owner.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import (
    END_STATES,
    EventKind,
    LinkPurpose,
    Status,
    can_transition,
)
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import (
    Attachment,
    Feedback,
    Report,
    ReportEvent,
    ReportLink,
    SatisfactionAnswer,
)
from openhandhaving.reports.models.follow import FEEDBACK_TEXT_MAX
from openhandhaving.reports.services.attachments import attachment_store, upload_clean
from openhandhaving.reports.services.common import event_add, report_touch
from openhandhaving.reports.services.links import link_answer_reporter
from openhandhaving.reports.services.notifications import notify_answer

# Photos from the reporter on one report in total: at intake, with answers and on the follow page.
MAX_REPORTER_PHOTOS = 5


def _reporter_photo_count(report: Report) -> int:
    return Attachment.objects.filter(report=report, public=True).count()


def _photo_room_check(report: Report, adding: int = 1) -> None:
    if _reporter_photo_count(report) + adding > MAX_REPORTER_PHOTOS:
        raise ReportRuleError(
            _(
                "Bij deze melding staan al %(max)s foto's van u. Meer kan niet via deze pagina. "
                "Is er iets nieuws? Neem dan contact op met de gemeente."
            )
            % {"max": MAX_REPORTER_PHOTOS},
            field="photo",
        )


def _open_check(report: Report, message: str) -> None:
    if report.status in END_STATES:
        raise ReportRuleError(message)


def follow_answer(
    *,
    report: Report,
    link_id: int | None,
    answer: str,
    photo: UploadedFile | None = None,
    origin: str = "systeem",
) -> ReportLink:
    """Answer the handler's open question from the follow page (link_answer_reporter does it).

    `link_id` is the question the page showed: a question answered or expired in the meantime,
    or one of another report, is refused in Dutch rather than answered by mistake.
    """
    link = None
    if isinstance(link_id, int) and 0 < link_id < 2**63:
        link = ReportLink.objects.filter(
            pk=link_id, report=report, purpose=LinkPurpose.ASK_REPORTER
        ).first()
    if link is None:
        raise ReportRuleError(_("Deze vraag kennen we niet. Laad de pagina opnieuw."))
    if link.answered_at is not None:
        raise ReportRuleError(_("Deze vraag is al beantwoord. Dank u wel."))
    if link.expires_at <= timezone.now():
        raise ReportRuleError(_("U kunt deze vraag niet meer beantwoorden: de termijn is voorbij."))
    if photo is not None:
        _photo_room_check(report)
    return link_answer_reporter(link=link, answer=answer, photo=photo, origin=origin)


def follow_photo_add(*, report: Report, upload: UploadedFile | None, origin: str = "systeem"):
    """A photo from the reporter (re-encoded, EXIF/GPS stripped); at most MAX_REPORTER_PHOTOS,
    and only while the report is open. The owner hears about it like about an answer."""
    _open_check(
        report,
        _("Uw melding is afgesloten. U kunt geen foto's meer toevoegen."),
    )
    _photo_room_check(report)
    try:
        clean = upload_clean(upload, allow_pdf=False)
    except ReportRuleError as error:
        raise ReportRuleError(error.message, field="photo") from error
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        # Checked again under the lock: two uploads at once cannot pass the limit together.
        _open_check(locked, _("Uw melding is afgesloten. U kunt geen foto's meer toevoegen."))
        _photo_room_check(locked)
        report_touch(report=locked)
        attachment = attachment_store(report=locked, clean=clean, uploaded_by=None, public=True)
        event_add(
            report=locked,
            kind=EventKind.ATTACHMENT,
            actor=None,
            new=clean.original_name or attachment.file.name,
            text=f"Foto van de melder via de volgpagina: {clean.original_name or '-'}",
            internal=False,
        )
        audit_log_record(
            actor=None,
            action="report_follow_photo",
            obj=locked,
            origin=origin,
            details={"number": locked.number, "attachment": attachment.pk},
        )
        notify_answer(
            report=locked,
            asked_by=None,
            text=_("De melder van %(number)s heeft een foto toegevoegd.")
            % {"number": locked.number},
        )
    report.version = locked.version
    return attachment


def _closed_by(report: Report):
    """Who closed the report (the last status change to an end state), to tell them too."""
    event = (
        ReportEvent.objects.filter(
            report=report,
            kind=EventKind.STATUS,
            new_value__in=[str(s.value) for s in END_STATES],
        )
        .select_related("actor")
        .order_by("-time", "-id")
        .first()
    )
    return event.actor if event is not None else None


def follow_feedback_give(
    *,
    report: Report,
    answer: SatisfactionAnswer | None,
    text: str = "",
    origin: str = "systeem",
) -> Feedback:
    """The reporter's answer to the satisfaction question, once per report, after closing.

    An answer that asks to reopen moves the handled report (for a duplicate: its main report)
    to "Verzoek tot heropenen" when the transition table allows it; the owner and whoever closed
    it get a notice for every answer that is not positive.
    """
    text = (text or "").strip()
    if answer is None or not answer.active:
        raise ReportRuleError(_("Kies een antwoord."), field="answer")
    if len(text) > FEEDBACK_TEXT_MAX:
        raise ReportRuleError(
            _("Uw toelichting is te lang: hoogstens %(max)s tekens.") % {"max": FEEDBACK_TEXT_MAX},
            field="text",
        )
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        handled = (
            Report.objects.select_for_update().get(pk=locked.duplicate_of_id)
            if locked.duplicate_of_id
            else locked
        )
        if handled.status not in END_STATES:
            raise ReportRuleError(
                _("Deze vraag stellen we als uw melding is afgehandeld. Dat is nog niet zo.")
            )
        if Feedback.objects.filter(report=locked).exists():
            raise ReportRuleError(_("U hebt deze vraag al beantwoord. Dank u wel."))
        reopen = answer.requests_reopen and can_transition(handled.status, Status.REOPEN_REQUESTED)
        feedback = Feedback.objects.create(
            report=locked,
            answer=answer,
            answer_text=answer.text,
            text=text,
            reopen_requested=reopen,
        )
        said = f"Tevredenheid: {answer.text}" + (f"\nToelichting: {text}" if text else "")
        event_add(
            report=locked,
            kind=EventKind.NOTE,
            actor=None,
            new="Oordeel van de melder",
            text=said,
            internal=False,
        )
        if reopen:
            from openhandhaving.reports.services.workflow import report_status_change

            via = "" if handled.pk == locked.pk else f" (via dubbele melding {locked.number})"
            report_status_change(
                report=handled,
                to_status=Status.REOPEN_REQUESTED,
                actor=None,
                text=f"De melder vraagt om heropenen{via}. {said}",
            )
        audit_log_record(
            actor=None,
            action="report_feedback",
            obj=locked,
            origin=origin,
            details={
                "number": locked.number,
                "answer": answer.pk,
                "positive": answer.positive,
                "reopen": reopen,
            },
        )
        if reopen or not answer.positive:
            notice = (
                _("De melder van %(number)s is niet tevreden en vraagt om heropenen.")
                if reopen
                else _("De melder van %(number)s heeft de afhandeling beoordeeld: %(answer)s")
            ) % {"number": handled.number, "answer": answer.text}
            notify_answer(report=handled, asked_by=_closed_by(handled), text=notice[:300])
    return feedback
