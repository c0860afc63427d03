"""App config for core: users, roles, audit log, calendar and the shared UI."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode


class CoreConfig(AppConfig):
    name = "openhandhaving.core"
    label = "core"
    verbose_name = _("Basis")
    # Menu items this app adds: (label, url name, permission or None, order).
    nav_items = [
        (_("Start"), "core:start", None, 0),
        (_("Logboek"), "core:audit_log", "core.view_auditlogentry", 90),
        (_("Gebruikers en rollen"), "admin:index", "core.change_user", 95),
    ]
    default_role_permissions = {
        RoleCode.ADMINISTRATOR: [
            "view_auditlogentry",
            "view_user",
            "add_user",
            "change_user",
            "view_role",
            "change_role",
            "auth.view_group",
            "auth.change_group",
            "auth.view_permission",
        ],
    }

    def ready(self) -> None:
        from openhandhaving.core import signals  # noqa: F401  (audit of logins)
