"""App config for api: systems that talk to Open Handhaving (REST API, Open311) and their keys."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import RoleCode


class ApiConfig(AppConfig):
    name = "openhandhaving.api"
    label = "api"
    verbose_name = _("Koppelingen")
    default_role_permissions = {
        RoleCode.ADMINISTRATOR: [
            "view_apiclient",
            "add_apiclient",
            "change_apiclient",
            "delete_apiclient",
        ],
    }
