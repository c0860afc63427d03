"""Forms of the core app and the NL Design System styling that every form in the project uses."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import AuditResult

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.ClearableFileInput: "utrecht-textbox utrecht-textbox--html-input",
}


class FormRenderer(TemplatesSetting):
    """Renders every form field as an NL Design System form field with its errors beside it."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class StyledFormMixin:
    """Gives each widget the Utrecht component class for its kind."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (c for kind, c in WIDGET_CLASSES.items() if type(widget) is kind),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            widget.attrs["class"] = f"{css} {widget.attrs.get('class', '')}".strip()


class StyledForm(StyledFormMixin, forms.Form):
    pass


class StyledModelForm(StyledFormMixin, forms.ModelForm):
    pass


class LoginForm(StyledFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. "
            "Let op hoofdletters en kleine letters."
        ),
        "inactive": _(
            "Dit account is uitgeschakeld. Neem contact op met de functioneel beheerder."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password:
            # ModelBackend refuses inactive users without saying why; tell the person who knows
            # the password, so they know whom to ask.
            user = get_user_model().objects.filter(username=username, is_active=False).first()
            if user is not None and user.check_password(password):
                raise forms.ValidationError(self.error_messages["inactive"], code="inactive")
        return super().clean()


class AuditSearchForm(StyledForm):
    text = forms.CharField(label=_("Zoeken"), required=False, help_text=_("Naam, object of adres"))
    action = forms.ChoiceField(label=_("Actie"), required=False)
    result = forms.ChoiceField(
        label=_("Resultaat"), required=False, choices=[("", _("Alle")), *AuditResult.choices]
    )
    date_from = forms.DateField(
        label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, actions: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", _("Alle"))] + [(a, a) for a in actions]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("De einddatum ligt vóór de begindatum."))
        return cleaned
