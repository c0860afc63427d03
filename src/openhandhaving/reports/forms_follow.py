"""Forms of the reporter's follow page: answer a question, add a photo, the satisfaction question.

Each form has its own prefix, so the three can stand on one page without mixing up their fields.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.forms import StyledForm
from openhandhaving.reports.forms_messages import (
    PhotoField,
    ReporterAnswerForm,
    RequiredByAriaMixin,
)
from openhandhaving.reports.models.follow import FEEDBACK_TEXT_MAX
from openhandhaving.reports.selectors_follow import satisfaction_answers

PHOTO_ACCEPT = {"accept": "image/jpeg,image/png,image/webp"}


class FollowAnswerForm(ReporterAnswerForm):
    """The answer link's form on the follow page, with the question it answers."""

    prefix = "antwoord"

    question = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["question"].error_messages.update(
            required=_("Deze vraag kennen we niet. Laad de pagina opnieuw."),
            invalid=_("Deze vraag kennen we niet. Laad de pagina opnieuw."),
        )


class FollowPhotoForm(RequiredByAriaMixin, StyledForm):
    prefix = "foto"

    photo = PhotoField(
        label=_("Kies een foto"),
        help_text=_("JPEG, PNG of WebP, hoogstens 10 MB."),
        widget=forms.ClearableFileInput(attrs=PHOTO_ACCEPT),
        error_messages={
            "required": _("Kies een foto."),
            "empty": _("Het bestand is leeg."),
            "invalid": _("Kies een foto."),
        },
    )


class SatisfactionAnswerField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.text


class SatisfactionForm(RequiredByAriaMixin, StyledForm):
    prefix = "tevredenheid"

    answer = SatisfactionAnswerField(
        label=_("Bent u tevreden over hoe we uw melding hebben afgehandeld?"),
        queryset=satisfaction_answers(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een antwoord."),
            "invalid_choice": _("Kies een van de antwoorden."),
        },
    )
    text = forms.CharField(
        label=_("Wilt u iets toelichten?"),
        required=False,
        max_length=FEEDBACK_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf hier geen namen of telefoonnummers. Hoogstens 1000 tekens."),
        error_messages={
            "max_length": _("Uw toelichting is te lang: hoogstens %(limit_value)d tekens."),
        },
    )
