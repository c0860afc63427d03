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
