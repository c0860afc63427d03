"""App config for areas: the municipality, its wijken (districts) and buurten (neighbourhoods)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode


class AreasConfig(AppConfig):
    name = "openhandhaving.areas"
    label = "areas"
    verbose_name = _("Gebieden")
    nav_items = [(_("Wijken"), "areas:district_list", "areas.view_district", 20)]
    start_panels = {
        RoleCode.ANALYST: ["openhandhaving.areas.panels.areas_panel"],
        RoleCode.ADMINISTRATOR: ["openhandhaving.areas.panels.areas_panel"],
    }
    default_role_permissions = {
        RoleCode.ADMINISTRATOR: [
            "view_district",
            "add_district",
            "change_district",
            "delete_district",
            "view_neighbourhood",
            "add_neighbourhood",
            "change_neighbourhood",
        ],
        RoleCode.TEAM_LEAD: ["view_district", "view_neighbourhood"],
        RoleCode.COORDINATOR: ["view_district", "view_neighbourhood"],
        RoleCode.OFFICER: ["view_district", "view_neighbourhood"],
        RoleCode.ANALYST: ["view_district", "view_neighbourhood"],
        RoleCode.CONTACT_CENTRE: ["view_district", "view_neighbourhood"],
        RoleCode.COMMUNICATIONS: ["view_district", "view_neighbourhood"],
        RoleCode.PARTNER: ["view_district"],
    }
