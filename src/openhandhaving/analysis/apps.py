"""App config for analysis: hotspots, hot times, forecasts, trends, effects."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode
from openhandhaving.core.schedule import ScheduledJob

_READ = ["view_analysisresult", "view_intervention"]


class AnalysisConfig(AppConfig):
    name = "openhandhaving.analysis"
    label = "analysis"
    verbose_name = _("Analyse")
    default_auto_field = "django.db.models.BigAutoField"
    nav_items = [(_("Analyse"), "analysis:overview", "analysis.view_analysisresult", 50)]
    scheduled_jobs = [
        ScheduledJob(
            name="analysis.nightly",
            task="openhandhaving.analysis.tasks.analysis_nightly_task",
            at="02:30",
        )
    ]
    start_panels = {RoleCode.ANALYST: ["openhandhaving.analysis.panels.analyst_panel"]}
    default_role_permissions = {
        RoleCode.ANALYST: [
            *_READ,
            "add_intervention",
            "change_intervention",
            "run_analysis",
            "areas.view_district",
        ],
        RoleCode.COORDINATOR: _READ,
        RoleCode.TEAM_LEAD: _READ,
    }
