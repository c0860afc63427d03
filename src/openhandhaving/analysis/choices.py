"""Choices of the analysis app."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultKind(models.TextChoices):
    HOTSPOTS = "hotspots", _("Hotspots")
    FORECAST = "forecast", _("Voorspelling")
    TRENDS = "trends", _("Trends")
