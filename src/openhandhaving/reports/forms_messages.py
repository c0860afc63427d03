"""Forms for messages: standard texts, a message to the reporter, questions by link, answers."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.forms import StyledForm, StyledModelForm
from openhandhaving.reports.message_templates import VARIABLES
from openhandhaving.reports.models import NotificationPreference, StandardText

TEXTAREA = {"rows": 8}


class RequiredByAriaMixin:
    """Required fields say so with aria-required instead of `required`: the Utrecht textarea
    shows :invalid in red before anyone has typed, which reads as an error. The server checks."""

    use_required_attribute = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field.required and not isinstance(
                field.widget, forms.RadioSelect | forms.HiddenInput | forms.CheckboxInput
            ):
                field.widget.attrs["aria-required"] = "true"


def variables_help() -> str:
    return _("U kunt deze variabelen gebruiken: %(list)s.") % {
        "list": "; ".join(f"{{{name}}} = {label}" for name, label in VARIABLES.items())
    }


class StandardTextForm(RequiredByAriaMixin, StyledModelForm):
    """The administrator's form; the model's validator refuses unknown {variables} in Dutch."""

    class Meta:
        model = StandardText
        fields = ["title", "status", "category", "subject", "body", "active"]
        widgets = {"body": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = variables_help()
        self.fields["category"].empty_label = _("Alle categorieën")


class MessageForm(RequiredByAriaMixin, StyledForm):
    """A message to the reporter, maybe with a status change; filled in from a standard text."""

    standard_text = forms.ChoiceField(label=_("Standaardtekst"), required=False)
    to_status = forms.ChoiceField(label=_("Status na versturen"))
    subject = forms.CharField(label=_("Onderwerp"), max_length=200)
    body = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs=TEXTAREA))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, texts=(), statuses=(), current: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        groups: dict[str, list[tuple[str, str]]] = {}
        for text in texts:
            groups.setdefault(str(text.get_status_display()), []).append((str(text.pk), text.title))
        self.fields["standard_text"].choices = [("", _("Zonder standaardtekst")), *groups.items()]
        self.fields["to_status"].choices = [
            (
                str(status),
                _("Status blijft „%(label)s”") % {"label": status.label}
                if status == current
                else status.label,
            )
            for status in statuses
        ]
        self.fields["subject"].error_messages["required"] = _("Vul een onderwerp in.")
        self.fields["body"].error_messages["required"] = _("Schrijf een tekst voor het bericht.")


class AskReporterForm(RequiredByAriaMixin, StyledForm):
    question = forms.CharField(
        label=_("Uw vraag aan de melder"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Schrijf de vraag aan de melder.")},
    )
    days = forms.IntegerField(
        label=_("Aantal dagen dat de link werkt"),
        min_value=1,
        max_value=60,
        error_messages={
            "required": _("Vul een aantal dagen in."),
            "min_value": _("De link moet minstens 1 dag werken."),
            "max_value": _("De link werkt hoogstens 60 dagen."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 7."),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "days", getattr(settings, "REPORTS_ASK_REPORTER_DAYS", 7)
        )
        super().__init__(*args, **kwargs)


class ForwardExternalForm(RequiredByAriaMixin, StyledForm):
    party = forms.CharField(
        label=_("Externe partij"),
        max_length=120,
        help_text=_("Bijvoorbeeld de woningcorporatie of het afvalbedrijf."),
        error_messages={"required": _("Vul de naam van de externe partij in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres van de externe partij"),
        error_messages={
            "required": _("Vul het e-mailadres van de externe partij in."),
            "invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."),
        },
    )
    question = forms.CharField(
        label=_("Wat vraagt u de externe partij?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "De externe partij ziet de melding zonder naam, e-mail of telefoon van de melder."
        ),
        error_messages={"required": _("Schrijf wat u de externe partij vraagt.")},
    )
    days = forms.IntegerField(
        label=_("Aantal dagen dat de link werkt"),
        min_value=1,
        max_value=90,
        error_messages={
            "required": _("Vul een aantal dagen in."),
            "min_value": _("De link moet minstens 1 dag werken."),
            "max_value": _("De link werkt hoogstens 90 dagen."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 14."),
        },
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault(
            "days", getattr(settings, "REPORTS_EXTERNAL_DAYS", 14)
        )
        super().__init__(*args, **kwargs)


class PhotoField(forms.FileField):
    """An optional photo: refused with a Dutch reason when it is too big, not a photo or broken."""

    def clean(self, data, initial=None):
        from openhandhaving.reports.forms import upload_error

        upload = super().clean(data, initial)
        if upload:
            error = upload_error(upload, allow_pdf=False)
            if error:
                raise forms.ValidationError(error, code="photo")
        return upload


class ReporterAnswerForm(RequiredByAriaMixin, StyledForm):
    answer = forms.CharField(
        label=_("Uw antwoord"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={
            "required": _("Schrijf uw antwoord."),
            "max_length": _("Uw antwoord is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
    photo = PhotoField(
        label=_("Foto"),
        required=False,
        help_text=_("Een foto helpt ons vaak. JPEG, PNG of WebP, hoogstens 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )


class ExternalAnswerForm(RequiredByAriaMixin, StyledForm):
    answer = forms.CharField(
        label=_("Uw antwoord"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Wat hebt u gedaan of wat gaat u doen?"),
        error_messages={"required": _("Schrijf uw antwoord.")},
    )
    solved = forms.ChoiceField(
        label=_("Is het probleem opgelost?"),
        choices=[("ja", _("Ja, het is opgelost")), ("nee", _("Nee, nog niet"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of het probleem is opgelost.")},
    )


class NotificationPreferenceForm(StyledModelForm):
    class Meta:
        model = NotificationPreference
        fields = [
            "assigned_app",
            "assigned_email",
            "team_assigned_app",
            "team_assigned_email",
            "answer_app",
            "answer_email",
        ]

    # (legend, fields) per kind of notice, for one fieldset each on the page
    GROUPS = [
        (_("Een melding is aan mij toegewezen"), ("assigned_app", "assigned_email")),
        (
            _("Een melding komt in de bak van mijn team"),
            ("team_assigned_app", "team_assigned_email"),
        ),
        (_("De melder of een externe partij heeft geantwoord"), ("answer_app", "answer_email")),
    ]

    def groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]
