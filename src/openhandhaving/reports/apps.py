"""App config for reports (meldingen): intake, routing, deadlines, workflow, messages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode

_HANDLE = [
    "view_report",
    "change_report",
    "add_report",
    "view_reportevent",
    "view_category",
    "view_team",
    "view_standardtext",
    "add_outgoingmessage",
    "view_outgoingmessage",
    "view_savedfilter",
    "add_savedfilter",
    "delete_savedfilter",
]
_MANAGE = [
    f"{verb}_{model}"
    for model in ("category", "team", "routingrule", "standardtext", "routingcorrection")
    for verb in ("view", "add", "change", "delete")
]


class ReportsConfig(AppConfig):
    name = "openhandhaving.reports"
    label = "reports"
    verbose_name = _("Meldingen")
    nav_items = [(_("Meldingen"), "reports:queue", "reports.view_report", 10)]
    default_role_permissions = {
        RoleCode.OFFICER: [*_HANDLE],
        RoleCode.COORDINATOR: [
            *_HANDLE,
            "view_reportercontact",
            "export_reports",
            "route_reports",
            "view_routingrule",
        ],
        RoleCode.CONTACT_CENTRE: [
            "add_report",
            "view_report",
            "view_category",
            "view_reportercontact",
            "change_reportercontact",
        ],
        RoleCode.TEAM_LEAD: [*_HANDLE, "view_reportercontact", "export_reports", "route_reports"],
        RoleCode.ANALYST: ["view_report", "view_category", "export_reports"],
        RoleCode.ADMINISTRATOR: [
            *_HANDLE,
            *_MANAGE,
            "view_reportercontact",
            "export_reports",
            "route_reports",
        ],
    }
