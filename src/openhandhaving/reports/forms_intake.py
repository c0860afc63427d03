"""The internal intake form for the KCC and staff: what, where, extra questions, who, photos."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.models import Address
from openhandhaving.core.forms import WIDGET_CLASSES
from openhandhaving.reports.choices import Channel, Priority
from openhandhaving.reports.forms import CategoryChoiceField, ReportsForm, upload_error
from openhandhaving.reports.models import Category
from openhandhaving.reports.questions import condition_of, options_of
from openhandhaving.reports.selectors_lookup import address_get, address_search, nearest_address

# Channels through which a person brings a report in; the website and apps come in by themselves.
STAFF_CHANNELS = [c for c in Channel if c not in (Channel.WEB, Channel.APP)]
MAX_PHOTOS = 5
PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")
PRIVACY = _(
    "We gebruiken deze gegevens alleen om over deze melding contact op te nemen. Alleen "
    "medewerkers die dat nodig hebben zien ze, en we verwijderen ze een jaar nadat de melding "
    "is afgehandeld. Zonder naam en contactgegevens kan de melding ook."
)


def phone_checked(phone: str) -> str:
    """A phone number as typed, if it looks like one (else a Dutch ValidationError)."""
    phone = phone.strip()
    if phone and not PHONE.match(phone):
        raise forms.ValidationError(
            _("Vul een telefoonnummer in met alleen cijfers, zoals 0612345678.")
        )
    return phone


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; cleans to a list (empty when none were chosen)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class PlaceField(forms.CharField):
    """The address box: a place is required, but a map click may stand in for the address, so
    the form's clean() decides (with one message for both ways)."""

    def validate(self, value) -> None:
        pass


def question_options(question: dict) -> list[tuple[str, str]]:
    """Options of an extra question as (value, label) choices."""
    return [(option["value"], option["label"]) for option in options_of(question)]


def question_field(question: dict) -> forms.Field:
    """A form field for one of Category.questions (reports/questions.py). A question that
    applies only after a certain earlier answer is never required by the field itself: the
    form checks it once the earlier answer is known."""
    kind = question.get("type", "text")
    common: dict[str, Any] = {
        "label": question.get("label") or question.get("key"),
        "required": bool(question.get("required")) and condition_of(question) is None,
        "error_messages": {"required": _("Beantwoord deze vraag.")},
    }
    if kind == "choice":
        return forms.ChoiceField(
            choices=question_options(question), widget=forms.RadioSelect, **common
        )
    if kind == "multiple":
        return forms.MultipleChoiceField(
            choices=question_options(question), widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.CharField(max_length=500, **common)


class LocationMixin:
    """Where, for a form with address, address_id, lat and lon: an address chosen from the
    suggestions, a point on the map, or one clear match of what was typed."""

    MAP_WORDS = _("klik op de kaart")

    def _clean_location(self, cleaned: dict) -> None:
        self.address_matches: list[Address] = []
        self.chosen_address: Address | None = None
        address = None
        if cleaned.get("address_id"):
            address = address_get(pk=cleaned["address_id"])
        lat, lon = cleaned.get("lat"), cleaned.get("lon")
        if address is None and lat is not None and lon is not None:
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                self.add_error("address", _("Deze plek op de kaart klopt niet. Kies opnieuw."))
                return
            if not cleaned.get("address"):
                found = nearest_address(lat=lat, lon=lon)
                cleaned["address"] = self.near_label(found) if found else ""
            return
        if address is None and cleaned.get("address"):
            matches = address_search(text=cleaned["address"], limit=6)
            if len(matches) == 1:
                address = matches[0]
            elif not matches:
                self.add_error(
                    "address",
                    _(
                        "Dit adres vinden we niet in de gemeente. Controleer straat en "
                        "huisnummer, of %(map)s."
                    )
                    % {"map": self.MAP_WORDS},
                )
                return
            else:
                self.address_matches = matches
                self.add_error(
                    "address", _("Er zijn meer adressen die hierop lijken. Kies er één.")
                )
                return
        if address is None:
            self.add_error(
                "address",
                _("Geef de plek op: zoek een adres of %(map)s.") % {"map": self.MAP_WORDS},
            )
            return
        self.chosen_address = address
        cleaned.update(
            address=str(address), address_id=address.pk, lat=address.lat, lon=address.lon
        )

    def near_label(self, address: Address) -> str:
        return str(address)


class IntakeForm(LocationMixin, ReportsForm):
    text = forms.CharField(
        label=_("Wat is er aan de hand?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": _("Beschrijf wat er aan de hand is.")},
    )
    category = CategoryChoiceField(
        label=_("Categorie"),
        help_text=_("U kiest zelf; de melder hoeft de categorie niet te weten."),
        error_messages={"required": _("Kies een categorie.")},
    )
    channel = forms.ChoiceField(
        label=_("Hoe kwam de melding binnen?"),
        choices=[("", _("Kies een kanaal")), *[(c.value, c.label) for c in STAFF_CHANNELS]],
        error_messages={"required": _("Kies hoe de melding binnenkwam.")},
    )
    priority = forms.ChoiceField(
        label=_("Prioriteit"), choices=Priority.choices, initial=Priority.NORMAL
    )
    address = PlaceField(
        label=_("Adres"),
        max_length=200,
        help_text=_("Typ straat en huisnummer of postcode en huisnummer, of klik op de kaart."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    address_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput)
    contact_name = forms.CharField(label=_("Naam"), required=False, max_length=120)
    contact_email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        error_messages={"invalid": _("Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.")},
    )
    contact_phone = forms.CharField(label=_("Telefoonnummer"), required=False, max_length=20)
    may_contact = forms.BooleanField(
        label=_("De melder wil dat we contact opnemen als dat nodig is"), required=False
    )
    photos = MultipleFileField(
        label=_("Foto’s"),
        required=False,
        help_text=_("Hoogstens %(n)s bestanden van elk hoogstens 10 MB.") % {"n": MAX_PHOTOS},
    )

    CONTACT = ("contact_name", "contact_email", "contact_phone", "may_contact")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.address_matches: list[Address] = []
        self.fields["address"].widget.attrs.update(
            {
                "hx-get": reverse("reports:address_suggestions"),
                "hx-trigger": "input changed delay:300ms, search",
                "hx-target": "#adres-suggesties",
                "aria-controls": "adres-suggesties",
            }
        )
        self.fields["category"].widget.attrs.update(
            {
                "hx-get": reverse("reports:intake_questions"),
                "hx-trigger": "change",
                "hx-target": "#extra-vragen",
            }
        )
        self.questions = self._questions()
        for question in self.questions:
            field = question_field(question)
            style_added_field(field)
            self.fields[f"q_{question['key']}"] = field

    def _questions(self) -> list[dict]:
        value = self.data.get("category") if self.is_bound else self.initial.get("category")
        if isinstance(value, Category):
            category = value
        elif str(value or "").isdigit():
            category = Category.objects.filter(pk=int(value)).first()
        else:
            category = None
        questions = category.questions if category and isinstance(category.questions, list) else []
        return [q for q in questions if isinstance(q, dict) and q.get("key")]

    def group(self, names) -> list[forms.BoundField]:
        return [self[name] for name in names]

    @property
    def contact_fields(self) -> list[forms.BoundField]:
        return self.group(self.CONTACT)

    @property
    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{q['key']}"] for q in self.questions]

    def clean_contact_phone(self) -> str:
        return phone_checked(self.cleaned_data["contact_phone"])

    def clean_photos(self) -> list:
        photos = self.cleaned_data["photos"]
        if len(photos) > MAX_PHOTOS:
            raise forms.ValidationError(_("Kies hoogstens %(n)s bestanden.") % {"n": MAX_PHOTOS})
        problems = []
        for photo in photos:
            if problem := upload_error(photo, allow_pdf=False):
                problems.append(f"{photo.name}: {problem}")
        if problems:
            problems.append(_("Uw andere gegevens zijn bewaard; kies de bestanden opnieuw."))
            raise forms.ValidationError(problems)
        return photos

    def clean(self):
        cleaned = super().clean()
        self._clean_location(cleaned)
        reachable = cleaned.get("contact_email") or cleaned.get("contact_phone")
        typed_wrong = self.has_error("contact_email") or self.has_error("contact_phone")
        if cleaned.get("may_contact") and not reachable and not typed_wrong:
            self.add_error(
                "may_contact",
                _("Vul een e-mailadres of telefoonnummer in, anders kunnen we niemand bereiken."),
            )
        return cleaned

    def answers(self) -> dict[str, Any]:
        """The answers to the category's extra questions, by key (empty ones left out)."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q_{question['key']}")
            if value not in (None, "", []):
                answers[question["key"]] = value
        return answers

    def contact(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        contact = {
            "name": data["contact_name"].strip(),
            "email": data["contact_email"],
            "phone": data["contact_phone"],
            "may_contact": data["may_contact"],
        }
        return contact if any(contact.values()) else None


def style_added_field(field: forms.Field) -> None:
    """The NL Design System class for a field added after StyledForm.__init__ ran."""
    widget = field.widget
    css = next(
        (c for kind, c in WIDGET_CLASSES.items() if type(widget) is kind),
        "utrecht-textbox utrecht-textbox--html-input",
    )
    widget.attrs["class"] = css
