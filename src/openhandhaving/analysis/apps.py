"""App config for analysis: hotspots, hot times, forecasts, trends, effects."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    name = "openhandhaving.analysis"
    label = "analysis"
    verbose_name = _("Analyse")
    default_auto_field = "django.db.models.BigAutoField"
