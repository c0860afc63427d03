"""App config for team: officers, wijk assignments, roster, absences and wijk contacts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode

_EDIT = [
    f"{verb}_{model}"
    for model in (
        "officer",
        "pair",
        "districtassignment",
        "shift",
        "rosterpattern",
        "absence",
        "districtcontact",
    )
    for verb in ("view", "add", "change", "delete")
]


class TeamConfig(AppConfig):
    name = "openhandhaving.team"
    label = "team"
    verbose_name = _("Team")
    nav_items = [
        (_("Rooster"), "team:roster_week", "team.view_shift", 30),
        (_("Wie is verantwoordelijk?"), "team:responsibility", "team.view_shift", 31),
        (_("Team"), "team:officer_list", "team.view_officer", 35),
        (_("Afwezigheid"), "team:absence_list", "team.view_absence", 36),
        (_("Wijkcontacten"), "team:contact_overview", "team.view_districtcontact", 38),
    ]
    start_panels = {
        RoleCode.OFFICER: ["openhandhaving.team.panels.officer_panel"],
        RoleCode.COORDINATOR: ["openhandhaving.team.panels.coordinator_panel"],
        RoleCode.TEAM_LEAD: ["openhandhaving.team.panels.team_lead_panel"],
    }
    default_role_permissions = {
        RoleCode.TEAM_LEAD: _EDIT,
        RoleCode.ADMINISTRATOR: _EDIT,
        RoleCode.COORDINATOR: [
            "view_officer",
            "view_pair",
            "view_districtassignment",
            "view_shift",
            "view_rosterpattern",
            "view_absence",
            "add_absence",
            "view_districtcontact",
        ],
        RoleCode.OFFICER: [
            "view_officer",
            "view_pair",
            "view_districtassignment",
            "view_shift",
            "view_districtcontact",
            "add_districtcontact",
            "change_districtcontact",
        ],
        RoleCode.ANALYST: ["view_officer", "view_districtassignment", "view_shift"],
        RoleCode.CONTACT_CENTRE: ["view_officer", "view_districtassignment"],
        RoleCode.COMMUNICATIONS: ["view_officer", "view_districtassignment"],
    }

    def ready(self) -> None:
        from django.conf import settings
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from openhandhaving.team.models import Absence, DistrictAssignment, Officer, Shift
        from openhandhaving.team.roster_cache import roster_cache_clear

        # A roster change in this process shows in routing at once (core.caching, ADR 0007).
        for model in (Absence, DistrictAssignment, Officer, Shift, settings.AUTH_USER_MODEL):
            for signal in (post_save, post_delete):
                signal.connect(roster_cache_clear, sender=model, dispatch_uid=f"roster-{model}")
        m2m_changed.connect(
            roster_cache_clear, sender=Shift.officers.through, dispatch_uid="roster-members"
        )
