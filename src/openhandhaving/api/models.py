"""A connected system (a vakapplicatie, an app, a partner) with its API key and scopes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiClient(models.Model):
    """Only a hash of the key is stored; the key itself is shown once, when it is made."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    key_prefix = models.CharField(_("begin van de sleutel"), max_length=12, unique=True)
    key_hash = models.CharField(_("hash van de sleutel"), max_length=64)
    scopes = models.JSONField(_("rechten"), default=list, blank=True)
    active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("gekoppeld systeem")
        verbose_name_plural = _("gekoppelde systemen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def allows(self, scope: str) -> bool:
        return self.active and scope in (self.scopes or [])


class WebhookSubscription(models.Model):
    """A connected system that wants to hear of report changes at its URL, signed with a secret."""

    client = models.ForeignKey(
        ApiClient, verbose_name=_("systeem"), on_delete=models.CASCADE, related_name="webhooks"
    )
    url = models.URLField(_("adres (URL)"), max_length=500)
    events = models.JSONField(_("gebeurtenissen"), default=list, blank=True)
    secret = models.CharField(
        _("geheim voor de handtekening"),
        max_length=64,
        help_text=_("Het systeem controleert hiermee de X-OpenHandhaving-Signature."),
    )
    active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return f"{self.client}: {self.url}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Wacht op (nieuwe) poging")
    DELIVERED = "delivered", _("Afgeleverd")
    FAILED = "failed", _("Opgegeven")


class WebhookDelivery(models.Model):
    """One event for one subscription, with every attempt's outcome: the delivery log."""

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("gebeurtenis"), max_length=30)
    report_number = models.CharField(_("melding"), max_length=20)
    payload = models.JSONField(_("inhoud"))
    state = models.CharField(
        _("stand"), max_length=20, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    next_attempt_at = models.DateTimeField(_("volgende poging"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("laatste HTTP-status"), null=True)
    last_error = models.CharField(_("laatste fout"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("afgeleverd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aflevering")
        verbose_name_plural = _("afleveringen")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event} {self.report_number} → {self.subscription.url}"
