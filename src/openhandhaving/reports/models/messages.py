"""Messages of a report: standard texts, e-mails to reporters, and links for reporter or partner."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.choices import LinkPurpose, MessageState, Status
from openhandhaving.reports.models.core import Category, Report


class StandardText(models.Model):
    """A text per status (and optionally category) with variables such as {nummer}."""

    title = models.CharField(_("titel"), max_length=120)
    status = models.CharField(_("bij status"), max_length=30, choices=Status.choices)
    category = models.ForeignKey(
        Category,
        verbose_name=_("categorie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="standard_texts",
        help_text=_("Leeg: voor alle categorieën."),
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("standaardtekst")
        verbose_name_plural = _("standaardteksten")
        ordering = ["status", "title"]

    def __str__(self) -> str:
        return self.title


class OutgoingMessage(models.Model):
    """An e-mail to a reporter or partner; sent by a background task, re-sendable on failure."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    to = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    state = models.CharField(
        _("stand"),
        max_length=10,
        choices=MessageState.choices,
        default=MessageState.QUEUED,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    error = models.TextField(_("foutmelding"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    sent_at = models.DateTimeField(_("verzonden"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.report}: {self.subject}"


class ReportLink(models.Model):
    """An unguessable link for the reporter (answer a question, follow) or an external party.

    Only a hash of the token is stored; the token itself is in the e-mail.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(_("doel"), max_length=20, choices=LinkPurpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    question = models.TextField(_("vraag"), blank=True)
    party = models.CharField(_("externe partij"), max_length=120, blank=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return f"{self.report} {self.get_purpose_display()}"
