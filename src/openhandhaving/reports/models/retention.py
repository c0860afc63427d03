"""The counted record that retention leaves behind: how many reports were anonymised or deleted."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.choices import Status
from openhandhaving.reports.models.core import Category


class RetentionAction(models.TextChoices):
    ANONYMISED = "anonymised", _("Melder geanonimiseerd")
    DELETED = "deleted", _("Melding verwijderd")


class RetentionRecord(models.Model):
    """One run's count of reports of a category, year and status. Aggregate only: no numbers,
    no texts, no personal data, so it may be kept after the reports themselves are gone."""

    run_at = models.DateTimeField(_("uitgevoerd op"), db_index=True)
    action = models.CharField(_("actie"), max_length=20, choices=RetentionAction.choices)
    category = models.ForeignKey(
        Category,
        verbose_name=_("categorie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The name at the time of the run, so the record still reads when the category is gone.
    category_name = models.CharField(_("naam categorie"), max_length=210)
    year = models.PositiveSmallIntegerField(_("jaar van melden"))
    status = models.CharField(_("status"), max_length=30, choices=Status.choices)
    count = models.PositiveIntegerField(_("aantal"), default=0)

    class Meta:
        verbose_name = _("bewaartermijnregel")
        verbose_name_plural = _("bewaartermijnregels")
        ordering = ["-run_at", "action", "category_name", "year", "status"]
        permissions = [("view_retention", _("Bewaartermijnen en hun uitvoering bekijken"))]

    def __str__(self) -> str:
        return (
            f"{self.run_at:%Y-%m-%d} {self.action} {self.category_name} {self.year}: {self.count}"
        )
