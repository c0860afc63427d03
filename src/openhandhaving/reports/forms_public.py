"""The resident's report form, one step per form: what, which subject, where, details, who."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.forms import ReportsForm, upload_error
from openhandhaving.reports.forms_intake import (
    LocationMixin,
    MultipleFileField,
    phone_checked,
    question_field,
    style_added_field,
)
from openhandhaving.reports.models import Category
from openhandhaving.reports.questions import applies, condition_of, questions_of, stop_message
from openhandhaving.reports.selectors_lookup import category_choices

MAX_PHOTOS = 5
MIN_TEXT = 10
UNSURE = "weet-niet"


class DescribeForm(ReportsForm):
    text = forms.CharField(
        label=_("Wat wilt u melden?"),
        help_text=_(
            "Beschrijf in uw eigen woorden wat er is, bijvoorbeeld: ‘Elke ochtend hondenpoep op "
            "het grasveld bij de school’. Schrijf geen namen van anderen op."
        ),
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 1000}),
        max_length=1000,
        error_messages={
            "required": _("Beschrijf wat er aan de hand is."),
            "max_length": _("Gebruik hoogstens 1000 tekens."),
        },
    )
    # Hidden from people (CSS and aria-hidden); a bot that fills in every field fills it in.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_text(self) -> str:
        text = " ".join(self.cleaned_data["text"].split())
        if len(text) < MIN_TEXT:
            raise forms.ValidationError(
                _("Beschrijf het iets uitgebreider: minstens %(n)s tekens.") % {"n": MIN_TEXT}
            )
        return self.cleaned_data["text"].strip()


class CategoryForm(ReportsForm):
    """The suggestion (and the next likely ones) as quick choices, or any category from the list,
    or "I don't know" (a coordinator decides)."""

    choice = forms.ChoiceField(
        label=_("Over welk onderwerp gaat uw melding?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een onderwerp, of ‘Weet ik niet’.")},
    )
    other = forms.ChoiceField(label=_("Kies een ander onderwerp"), required=False)

    def __init__(self, *args, suggested: list[tuple[Category, float]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        quick = [(str(c.pk), c.public_name or c.name) for c, _p in suggested]
        quick += [
            ("other", _("Een ander onderwerp (kies uit de lijst)")),
            (UNSURE, _("Weet ik niet")),
        ]
        self.fields["choice"].choices = quick
        self.fields["other"].hide_optional = True
        self.fields["other"].choices = [
            ("", _("Kies een onderwerp")),
            *category_choices(public=True),
        ]

    def clean(self):
        cleaned = super().clean()
        choice, other = cleaned.get("choice"), cleaned.get("other")
        if choice == UNSURE:
            cleaned["category"] = None
            return cleaned
        # Without JavaScript both are visible: a subject chosen from the list wins.
        picked = other or (None if choice in ("other", "", None) else choice)
        if not picked:
            if choice == "other":
                self.add_error("other", _("Kies een onderwerp uit de lijst, of ‘Weet ik niet’."))
            return cleaned
        category = Category.objects.filter(pk=int(picked), active=True).first()
        if category is None:
            self.add_error("other", _("Dit onderwerp bestaat niet meer. Kies een ander."))
            return cleaned
        cleaned["category"] = category
        return cleaned


class PlaceForm(LocationMixin, ReportsForm):
    MAP_WORDS = _("zet een punt op de kaart")

    address = forms.CharField(
        label=_("Adres"),
        required=False,
        max_length=200,
        help_text=_(
            "Typ straat en huisnummer, of postcode en huisnummer. Of zet een punt op de kaart."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    address_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.address_matches: list = []
        self.fields["address"].hide_optional = True  # an address or a point on the map
        self.fields["address"].widget.attrs.update(
            {
                "hx-get": reverse("reports_public:addresses"),
                "hx-trigger": "input changed delay:300ms, search",
                "hx-target": "#adres-suggesties",
                "aria-controls": "adres-suggesties",
            }
        )

    def clean(self):
        cleaned = super().clean()
        broken = [name for name in ("address_id", "lat", "lon") if name in self.errors]
        for name in broken:  # hidden fields: the resident can only choose the place again
            del self.errors[name]
        if broken:
            self.add_error("address", _("Deze plek klopt niet. Kies de plek opnieuw."))
            return cleaned
        self._clean_location(cleaned)
        return cleaned

    def near_label(self, address) -> str:
        return _("bij %(address)s") % {"address": address}


class DetailsForm(ReportsForm):
    """The category's extra questions (some only after a certain answer) and photos."""

    photos = MultipleFileField(
        label=_("Foto’s"),
        required=False,
        help_text=_(
            "Hoogstens %(n)s foto’s van elk hoogstens 10 MB. Zorg dat er geen mensen of "
            "kentekens herkenbaar op staan als dat niet nodig is."
        )
        % {"n": MAX_PHOTOS},
    )

    def __init__(self, *args, category: Category, photos_kept: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.photos_kept = photos_kept
        self.questions = questions_of(category)
        self.stop = ""
        for question in self.questions:
            field = question_field(question)
            style_added_field(field)
            self.fields[f"q_{question['key']}"] = field

    @property
    def question_fields(self) -> list[tuple[forms.BoundField, tuple[str, list[str]] | None]]:
        return [(self[f"q_{q['key']}"], condition_of(q)) for q in self.questions]

    def clean_photos(self) -> list:
        photos = self.cleaned_data["photos"]
        if len(photos) + self.photos_kept > MAX_PHOTOS:
            raise forms.ValidationError(
                _("U kunt hoogstens %(n)s foto’s toevoegen.") % {"n": MAX_PHOTOS}
            )
        problems = [
            f"{photo.name}: {problem}"
            for photo in photos
            if (problem := upload_error(photo, allow_pdf=False))
        ]
        if problems:
            problems.append(_("Uw antwoorden zijn bewaard; kies de foto’s opnieuw."))
            raise forms.ValidationError(problems)
        return photos

    def clean(self):
        cleaned = super().clean()
        answers: dict[str, Any] = {}
        for question in self.questions:
            name = f"q_{question['key']}"
            if not applies(question, answers):
                continue
            value = cleaned.get(name)
            if question.get("required") and value in (None, "", []) and not self.has_error(name):
                self.add_error(name, _("Beantwoord deze vraag."))
                continue
            if value in (None, "", []):
                continue
            answers[question["key"]] = value
            if not self.stop and (message := stop_message(question, value)):
                self.stop = message
        cleaned["answers"] = answers
        return cleaned


class ContactForm(ReportsForm):
    name = forms.CharField(label=_("Naam"), required=False, max_length=120)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Dan sturen we u het nummer, de link om uw melding te volgen en berichten."),
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        required=False,
        max_length=20,
        help_text=_("Alleen als we u willen bellen met een vraag over de melding."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef de gemeente toestemming mijn gegevens te gebruiken om over deze melding "
            "contact met mij op te nemen."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})

    def clean_phone(self) -> str:
        return phone_checked(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        given = any(cleaned.get(k) for k in ("name", "email", "phone"))
        if given and not cleaned.get("consent"):
            self.add_error(
                "consent",
                _(
                    "Geef toestemming als u uw gegevens achterlaat, of maak de velden leeg om "
                    "anoniem te melden."
                ),
            )
        return cleaned
