"""Connected systems in the administrator's Django admin: the key is shown once, on creation."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openhandhaving.api.choices import Scope
from openhandhaving.api.models import ApiClient, WebhookDelivery, WebhookSubscription
from openhandhaving.api.services import api_client_rotate, key_new
from openhandhaving.api.webhooks import new_secret, webhook_retry


class ApiClientForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=gettext_lazy("Rechten"),
        choices=Scope.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ApiClient
        fields = ["name", "description", "scopes", "active"]


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    form = ApiClientForm
    list_display = ["name", "key_prefix", "active", "last_used_at"]
    readonly_fields = ["key_prefix", "created_at", "last_used_at"]
    actions = ["rotate_keys"]

    @admin.action(description=gettext_lazy("Nieuwe sleutel maken (de oude werkt dan niet meer)"))
    def rotate_keys(self, request, queryset):
        for client in queryset:
            key = api_client_rotate(client=client, actor=request.user)
            messages.warning(
                request,
                _("Nieuwe sleutel voor %(name)s (wordt maar één keer getoond): %(key)s")
                % {"name": client.name, "key": key},
            )

    def save_model(self, request, obj, form, change):
        key = None
        if not change:
            key, obj.key_prefix, obj.key_hash = key_new()
        super().save_model(request, obj, form, change)
        if key:
            messages.warning(
                request,
                _("De sleutel van %(name)s (wordt maar één keer getoond): %(key)s")
                % {"name": obj.name, "key": key},
            )


class WebhookForm(forms.ModelForm):
    url = forms.URLField(label=gettext_lazy("Adres (URL)"), assume_scheme="https", max_length=500)
    events = forms.MultipleChoiceField(
        label=gettext_lazy("Gebeurtenissen"),
        choices=[
            ("created", gettext_lazy("Melding aangemaakt")),
            ("assigned", gettext_lazy("Nieuwe eigenaar of team")),
            ("status_changed", gettext_lazy("Status gewijzigd")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WebhookSubscription
        fields = ["client", "url", "events", "active"]


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin):
    form = WebhookForm
    list_display = ["client", "url", "active"]
    readonly_fields = ["secret", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not obj.secret:
            obj.secret = new_secret()
        super().save_model(request, obj, form, change)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: every event, its attempts and the last answer."""

    list_display = [
        "created_at",
        "event",
        "report_number",
        "subscription",
        "state",
        "attempts",
        "last_status_code",
        "last_error",
    ]
    list_filter = ["state", "event", "subscription__client"]
    search_fields = ["report_number"]
    actions = ["try_again"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Opnieuw proberen"))
    def try_again(self, request, queryset):
        count = webhook_retry(deliveries=queryset)
        messages.success(request, _("%(count)s afleveringen staan weer klaar.") % {"count": count})
