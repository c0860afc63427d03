"""Messages of a report: standard texts, e-mails, links for reporter or partner, staff notices."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.choices import LinkPurpose, MessageState, Status
from openhandhaving.reports.message_templates import VARIABLES, has_stray_brace, variables_unknown
from openhandhaving.reports.models.core import Category, Report


def validate_standard_text(value: str) -> None:
    """Refuse unknown {variables} and stray braces with a Dutch explanation."""
    problems = []
    unknown = variables_unknown(value)
    if unknown:
        problems.append(
            ValidationError(
                _("Deze variabele kennen we niet: %(names)s. U kunt gebruiken: %(known)s."),
                code="unknown_variable",
                params={
                    "names": ", ".join("{" + name + "}" for name in unknown),
                    "known": ", ".join("{" + name + "}" for name in VARIABLES),
                },
            )
        )
    if has_stray_brace(value):
        problems.append(
            ValidationError(
                _(
                    "Er staat een losse accolade { of } in de tekst. Accolades zijn alleen voor "
                    "variabelen, zoals {nummer}."
                ),
                code="stray_brace",
            )
        )
    if problems:
        raise ValidationError(problems)


class MessageAudience(models.TextChoices):
    REPORTER = "reporter", _("Melder")
    EXTERNAL = "external", _("Externe partij")
    STAFF = "staff", _("Medewerker")


class NotificationKind(models.TextChoices):
    ASSIGNED = "assigned", _("Aan u toegewezen")
    TEAM_ASSIGNED = "team_assigned", _("Aan uw team toegewezen")
    ANSWER = "answer", _("Antwoord ontvangen")


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
    subject = models.CharField(_("onderwerp"), max_length=200, validators=[validate_standard_text])
    body = models.TextField(_("tekst"), validators=[validate_standard_text])
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
    audience = models.CharField(
        _("voor"), max_length=10, choices=MessageAudience.choices, default=MessageAudience.REPORTER
    )
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
        permissions = [
            (
                "resend_outgoingmessage",
                _("Mislukte berichten van alle meldingen zien en opnieuw versturen"),
            )
        ]

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
    email = models.EmailField(_("e-mail externe partij"), blank=True)
    expires_at = models.DateTimeField(_("geldig tot"))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return f"{self.report} {self.get_purpose_display()}"


class Notification(models.Model):
    """An in-app notice for a staff member about a report; unread while `read_at` is empty."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_notifications"
    )
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("soort"), max_length=20, choices=NotificationKind.choices)
    text = models.CharField(_("tekst"), max_length=300)
    created_at = models.DateTimeField(_("tijd"), auto_now_add=True)
    read_at = models.DateTimeField(_("gelezen op"), null=True, blank=True)

    class Meta:
        verbose_name = _("notificatie")
        verbose_name_plural = _("notificaties")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class NotificationPreference(models.Model):
    """What a staff member wants to hear about, in the app and by e-mail. No row: the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_notification_pref"
    )
    assigned_app = models.BooleanField(_("in de app"), default=True)
    assigned_email = models.BooleanField(_("per e-mail"), default=True)
    team_assigned_app = models.BooleanField(_("in de app"), default=True)
    team_assigned_email = models.BooleanField(_("per e-mail"), default=False)
    answer_app = models.BooleanField(_("in de app"), default=True)
    answer_email = models.BooleanField(_("per e-mail"), default=False)

    class Meta:
        verbose_name = _("voorkeur voor notificaties")
        verbose_name_plural = _("voorkeuren voor notificaties")

    def __str__(self) -> str:
        return str(self.user)

    def wants(self, kind: str, channel: str) -> bool:
        """wants("assigned", "email") → does this person want an e-mail for that kind of notice."""
        return bool(getattr(self, f"{kind}_{channel}"))
