"""Stored analysis results (the nightly run) and interventions whose effect is measured."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.analysis.choices import ResultKind
from openhandhaving.areas.models import District
from openhandhaving.reports.models import Category


class AnalysisResult(models.Model):
    """One computed result of the nightly analysis for one category ("" = all categories)."""

    kind = models.CharField(_("soort"), max_length=20, choices=ResultKind.choices)
    category = models.CharField(_("categorie (code)"), max_length=80, blank=True)
    computed_at = models.DateTimeField(_("berekend op"))
    period_start = models.DateField(_("periode vanaf"))
    period_end = models.DateField(_("periode tot en met"))
    data = models.JSONField(_("uitkomst"), default=dict)

    class Meta:
        verbose_name = _("analyse-uitkomst")
        verbose_name_plural = _("analyse-uitkomsten")
        ordering = ["-computed_at", "-id"]
        indexes = [
            models.Index(fields=["kind", "category", "-computed_at"], name="analysisresult_latest")
        ]
        permissions = [("run_analysis", _("De analyse nu laten berekenen"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.category or '-'} {self.computed_at:%Y-%m-%d %H:%M}"


class Intervention(models.Model):
    """Something the team did in a wijk from a date on, e.g. extra surveillance at schools."""

    name = models.CharField(_("naam"), max_length=120)
    district = models.ForeignKey(
        District, verbose_name=_("wijk"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("categorie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leeg: alle meldingen."),
    )
    start = models.DateField(_("startdatum"))
    end = models.DateField(_("einddatum"), null=True, blank=True)
    description = models.TextField(_("toelichting"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")
        ordering = ["-start", "-id"]

    def __str__(self) -> str:
        return self.name
