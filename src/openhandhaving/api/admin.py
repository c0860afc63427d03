"""Connected systems in the administrator's Django admin: the key is shown once, on creation."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openhandhaving.api.choices import Scope
from openhandhaving.api.models import ApiClient
from openhandhaving.api.services import api_client_rotate, key_new


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
