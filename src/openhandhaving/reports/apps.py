"""App config for reports (meldingen): intake, routing, deadlines, workflow, messages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode
from openhandhaving.core.schedule import ScheduledJob

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
    for model in (
        "category",
        "team",
        "routingrule",
        "standardtext",
        "routingcorrection",
        "satisfactionanswer",
    )
    for verb in ("view", "add", "change", "delete")
]


class ReportsConfig(AppConfig):
    name = "openhandhaving.reports"
    label = "reports"
    verbose_name = _("Meldingen")
    nav_items = [
        (_("Meldingen"), "reports:queue", "reports.view_report", 10),
        (_("Notificaties"), "reports:notification_list", "reports.view_report", 11),
        (_("Berichten"), "reports:outbox", "reports.view_outgoingmessage", 14),
        (_("Standaardteksten"), "reports:standard_text_list", "reports.change_standardtext", 80),
        (_("Routering testen"), "reports:routing_simulator", "reports.change_routingrule", 81),
        (_("Bewaartermijnen"), "reports:retention", "reports.view_retention", 82),
    ]
    scheduled_jobs = [
        ScheduledJob(
            name="reports.retention", task="openhandhaving.reports.tasks.retention_task", at="03:15"
        ),
        ScheduledJob(
            name="reports.drafts",
            task="openhandhaving.reports.tasks.drafts_cleanup_task",
            every_minutes=60,
        ),
        ScheduledJob(
            name="reports.classifier",
            task="openhandhaving.reports.tasks.classifier_train_task",
            at="04:00",
        ),
    ]
    start_panels = {
        RoleCode.OFFICER: [
            "openhandhaving.reports.panels.officer_panel",
            "openhandhaving.reports.panels_messages.notifications_panel",
        ],
        RoleCode.COORDINATOR: [
            "openhandhaving.reports.panels.coordinator_panel",
            "openhandhaving.reports.panels_messages.notifications_panel",
        ],
        RoleCode.TEAM_LEAD: [
            "openhandhaving.reports.panels.coordinator_panel",
            "openhandhaving.reports.panels_messages.notifications_panel",
        ],
        RoleCode.CONTACT_CENTRE: ["openhandhaving.reports.panels.intake_panel"],
        RoleCode.ADMINISTRATOR: ["openhandhaving.reports.panels_messages.notifications_panel"],
    }
    default_role_permissions = {
        RoleCode.OFFICER: [*_HANDLE],
        RoleCode.COORDINATOR: [
            *_HANDLE,
            "view_reportercontact",
            "export_reports",
            "route_reports",
            "view_routingrule",
            "resend_outgoingmessage",
        ],
        RoleCode.CONTACT_CENTRE: [
            "add_report",
            "view_report",
            "view_category",
            "view_reportercontact",
            "change_reportercontact",
        ],
        RoleCode.TEAM_LEAD: [
            *_HANDLE,
            "view_reportercontact",
            "export_reports",
            "route_reports",
            "resend_outgoingmessage",
        ],
        RoleCode.ANALYST: ["view_report", "view_category", "export_reports"],
        RoleCode.ADMINISTRATOR: [
            *_HANDLE,
            *_MANAGE,
            "view_reportercontact",
            "export_reports",
            "route_reports",
            "resend_outgoingmessage",
            "view_retention",
            "view_feedback",
        ],
    }

    def ready(self) -> None:
        from openhandhaving.reports.flows import absence_started_receiver
        from openhandhaving.team.signals import officer_absence_started

        officer_absence_started.connect(
            absence_started_receiver, dispatch_uid="reports_handover_on_absence"
        )
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from openhandhaving.reports.models import RoutingCorrection, RoutingRule
        from openhandhaving.reports.routing import rules_cache_clear

        # A rule or correction changed in this process routes at once (core.caching, ADR 0007).
        def clear(**_kwargs) -> None:
            rules_cache_clear()

        for model in (RoutingRule, RoutingCorrection):
            for signal in (post_save, post_delete):
                signal.connect(clear, sender=model, weak=False, dispatch_uid=f"routing-{model}")
        for through in (RoutingRule.categories.through, RoutingRule.districts.through):
            m2m_changed.connect(
                clear, sender=through, weak=False, dispatch_uid=f"routing-{through}"
            )
