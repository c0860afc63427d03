"""Forms of the back office: search, saved filters and the actions on a report's page.

The intake form lives in forms_intake.py.
"""

from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.models import District
from openhandhaving.core.forms import StyledForm
from openhandhaving.core.models import User
from openhandhaving.reports.choices import TEXT_REQUIRED, TRANSITIONS, Priority, Status
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Category, Report, SavedFilter, Team
from openhandhaving.reports.selectors import Late, Queue, ReportFilters
from openhandhaving.reports.selectors_lookup import category_choices, owner_choices
from openhandhaving.reports.services.attachments import upload_clean
from openhandhaving.reports.widgets import quick_select

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SORTS = [
    ("deadline", _("Termijn (eerst verlopen)")),
    ("-reported_at", _("Nieuwste melding eerst")),
    ("reported_at", _("Oudste melding eerst")),
]


class ReportsForm(StyledForm):
    """The forms of these screens mark optional fields and check on the server; without the
    `required` attribute the browser does not paint empty fields red before anyone typed."""

    use_required_attribute = False

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, CategoryChoiceField):
                field.choices = list(field.choices)  # read the categories once per form
            if type(field.widget) is forms.Select:
                field.widget = quick_select(field.widget)


def upload_error(upload: UploadedFile, *, allow_pdf: bool) -> str | None:
    """Why this upload cannot be stored (a Dutch sentence), or None: the same check as the
    attachment service, run before anything is written so the typed text stays on screen."""
    try:
        upload_clean(upload, allow_pdf=allow_pdf)
    except ReportRuleError as error:
        return error.message
    finally:
        upload.seek(0)
    return None


def person_label(user: User) -> str:
    return user.get_full_name() or user.username


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return person_label(obj)


class CategoryChoiceField(forms.ChoiceField):
    """A category grouped by main category; cleans to a Category."""

    def __init__(self, *, empty_label: str | None = None, search: bool = False, **kwargs) -> None:
        empty = empty_label or _("Kies een categorie")
        # A callable: the categories are read when the form is used, not at import.
        super().__init__(choices=lambda: [("", empty), *category_choices(search=search)], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        category = Category.objects.filter(pk=value).first() if value else None
        if value and category is None:
            raise forms.ValidationError(_("Deze categorie bestaat niet meer. Kies een andere."))
        return category


class ReportSearchForm(ReportsForm):
    """One GET form for every queue: the queue itself travels as a hidden field."""

    queue = forms.ChoiceField(
        choices=[(code, code) for code in Queue.CODES], required=False, widget=forms.HiddenInput
    )
    number = forms.CharField(
        label=_("Meldingnummer"),
        required=False,
        max_length=20,
        help_text=_("Bijv. 2026-000123. Zoekt in alle meldingen; andere filters tellen dan niet."),
    )
    address = forms.CharField(label=_("Adres"), required=False, max_length=100)
    keyword = forms.CharField(label=_("Woord in de omschrijving"), required=False, max_length=100)
    date_from = forms.DateField(label=_("Gemeld vanaf"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Gemeld tot en met"), required=False, widget=DATE)
    colleague = PersonChoiceField(
        label=_("Collega"), queryset=User.objects.none(), required=False, empty_label=_("Kies")
    )
    owner = PersonChoiceField(
        label=_("Eigenaar"), queryset=User.objects.none(), required=False, empty_label=_("Iedereen")
    )
    category = CategoryChoiceField(
        label=_("Categorie"), required=False, empty_label=_("Alle categorieën"), search=True
    )
    district = forms.ModelChoiceField(
        label=_("Wijk"),
        queryset=District.objects.defer("geometry", "description"),
        required=False,
        empty_label=_("Alle wijken"),
    )
    late = forms.ChoiceField(
        label=_("Termijn"),
        required=False,
        choices=[
            ("", _("Alle")),
            (Late.LATE, _("Te laat")),
            (Late.LATE_3X, _("3× te laat")),
        ],
    )
    status = forms.MultipleChoiceField(
        label=_("Status"),
        required=False,
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: alle open meldingen."),
    )
    sort = forms.ChoiceField(label=_("Sorteren op"), required=False, choices=SORTS)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        people = owner_choices()
        self.fields["owner"].queryset = people
        self.fields["colleague"].queryset = people.exclude(pk=user.pk)

    def filters(self, *, default_queue: str) -> ReportFilters:
        """The search as the selector takes it (call after is_valid())."""
        data = self.cleaned_data
        return ReportFilters(
            queue=data.get("queue") or default_queue,
            colleague=data.get("colleague"),
            number=data.get("number", ""),
            address=data.get("address", "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            keyword=data.get("keyword", "").strip(),
            owner=data.get("owner"),
            statuses=data.get("status") or [],
            category=data.get("category"),
            district=data.get("district"),
            late=data.get("late", ""),
            sort=data.get("sort") or "deadline",
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("De einddatum ligt vóór de begindatum."))
        return cleaned


class SavedFilterForm(ReportsForm):
    name = forms.CharField(
        label=_("Naam van dit filter"),
        max_length=SavedFilter._meta.get_field("name").max_length,
        error_messages={"required": _("Geef het filter een naam.")},
    )
    query = forms.CharField(
        widget=forms.HiddenInput,
        required=False,
        max_length=SavedFilter._meta.get_field("query").max_length,
        error_messages={"max_length": _("Deze zoekopdracht is te lang om te bewaren.")},
    )


class VersionedForm(ReportsForm):
    """Carries the version of the report that the person saw (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class StatusForm(VersionedForm):
    to_status = forms.ChoiceField(label=_("Nieuwe status"), choices=Status.choices)
    text = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij afhandelen, annuleren en heropenen."),
    )

    def __init__(self, *args, report: Report, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS[Status(report.status)]
        self.fields["to_status"].choices = [(s.value, s.label) for s in Status if s in allowed]
        self.fields["to_status"].error_messages["invalid_choice"] = _(
            "Van ‘%(current)s’ kan een melding niet naar deze status."
        ) % {"current": Status(report.status).label}

    def clean(self):
        cleaned = super().clean()
        to_status = cleaned.get("to_status")
        if to_status in TEXT_REQUIRED and not cleaned.get("text", "").strip():
            self.add_error(
                "text",
                _("Schrijf kort op waarom: bij ‘%(status)s’ is een toelichting verplicht.")
                % {"status": Status(to_status).label},
            )
        return cleaned


class AssignForm(VersionedForm):
    owner = PersonChoiceField(
        label=_("Persoon"), queryset=User.objects.none(), required=False, empty_label=_("Niemand")
    )
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.all(), required=False, empty_label=_("Geen team")
    )
    reason = forms.CharField(label=_("Reden"), required=False, max_length=500)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owner_choices()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("owner") and not cleaned.get("team") and not self.errors:
            self.add_error(
                "owner",
                _(
                    "Kies een persoon of een team. Moet de melding terug naar de coördinatoren? "
                    "Gebruik dan ‘Terug naar de grote bak’."
                ),
            )
        return cleaned


class ReturnToQueueForm(ReportsForm):
    reason = forms.CharField(
        label=_("Waarom terug naar de grote bak?"),
        max_length=500,
        error_messages={"required": _("Schrijf kort op waarom de melding terug moet.")},
    )


class NoteForm(ReportsForm):
    text = forms.CharField(
        label=_("Notitie"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen voor collega’s; de melder ziet dit niet."),
        error_messages={"required": _("Schrijf eerst een notitie.")},
    )


class AttachmentForm(ReportsForm):
    upload = forms.FileField(
        label=_("Foto of document"),
        help_text=_("Een foto (JPEG, PNG, WebP) of PDF van hoogstens 10 MB."),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Dit bestand is leeg."),
            "invalid": _("Dit is geen bestand. Kies het bestand opnieuw."),
        },
    )
    note = forms.CharField(
        label=_("Toelichting bij het bestand"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if problem := upload_error(upload, allow_pdf=True):
            raise forms.ValidationError(problem)
        return upload


class UpdateForm(VersionedForm):
    category = CategoryChoiceField(label=_("Categorie"))
    priority = forms.ChoiceField(label=_("Prioriteit"), choices=Priority.choices)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].error_messages["required"] = _("Kies een categorie.")
