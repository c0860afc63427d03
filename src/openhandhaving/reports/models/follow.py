"""The reporter's verdict after closing (KTO): the answers the administrator offers, and each
reporter's one answer with an optional explanation."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.models.core import Report

FEEDBACK_TEXT_MAX = 1000


class SatisfactionAnswer(models.Model):
    """One answer to "Bent u tevreden over hoe we uw melding hebben afgehandeld?"."""

    text = models.CharField(_("antwoord"), max_length=200)
    positive = models.BooleanField(
        _("tevreden"),
        default=False,
        help_text=_("Dit antwoord betekent dat de melder tevreden is."),
    )
    requests_reopen = models.BooleanField(
        _("vraagt om heropenen"),
        default=False,
        help_text=_(
            "Bij dit antwoord krijgt een afgehandelde melding de status „Verzoek tot heropenen” "
            "en hoort de eigenaar dat."
        ),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(
        _("in gebruik"),
        default=True,
        help_text=_(
            "Zet een antwoord uit in plaats van het te verwijderen; gegeven antwoorden blijven."
        ),
    )

    class Meta:
        verbose_name = _("antwoord op de tevredenheidsvraag")
        verbose_name_plural = _("antwoorden op de tevredenheidsvraag")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class Feedback(models.Model):
    """A reporter's answer to the satisfaction question: one per report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="feedback")
    answer = models.ForeignKey(
        SatisfactionAnswer,
        verbose_name=_("antwoord"),
        on_delete=models.PROTECT,
        related_name="feedback",
    )
    # The answer as the reporter read it: a later edit of the answer does not change what was said.
    answer_text = models.CharField(_("antwoord zoals gegeven"), max_length=200)
    text = models.TextField(_("toelichting"), max_length=FEEDBACK_TEXT_MAX, blank=True)
    reopen_requested = models.BooleanField(_("heropenen gevraagd"), default=False)
    created_at = models.DateTimeField(_("gegeven op"), auto_now_add=True)

    class Meta:
        verbose_name = _("oordeel van de melder")
        verbose_name_plural = _("oordelen van melders")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["report"], name="feedback_once_per_report")]

    def __str__(self) -> str:
        return f"{self.report}: {self.answer_text}"
