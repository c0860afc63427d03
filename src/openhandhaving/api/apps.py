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
            "view_webhooksubscription",
            "add_webhooksubscription",
            "change_webhooksubscription",
            "delete_webhooksubscription",
            "view_webhookdelivery",
        ],
    }

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from openhandhaving.api.models import WebhookSubscription
        from openhandhaving.api.webhooks import report_changed_receiver, subscriptions_clear
        from openhandhaving.reports.signals import report_changed

        report_changed.connect(report_changed_receiver, dispatch_uid="api_webhooks")
        for signal in (post_save, post_delete):
            signal.connect(subscriptions_clear, sender=WebhookSubscription, dispatch_uid="hooks")
