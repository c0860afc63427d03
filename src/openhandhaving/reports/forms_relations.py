"""Forms for splitting a report into actions and for linking a duplicate to its main report."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.forms import CategoryChoiceField, ReportsForm, VersionedForm
from openhandhaving.reports.services.relations import MAX_ACTIONS


class ActionForm(ReportsForm):
    """One row of the split page; an empty row is skipped."""

    category = CategoryChoiceField(label=_("Categorie (bepaalt het team)"), required=False)
    text = forms.CharField(
        label=_("Wat moet er gebeuren?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        category, text = cleaned.get("category"), (cleaned.get("text") or "").strip()
        if category and not text:
            self.add_error("text", _("Schrijf op wat dit team moet doen."))
        if text and not category and "category" not in self.errors:
            self.add_error("category", _("Kies een categorie: die bepaalt wie de actie krijgt."))
        cleaned["text"] = text
        return cleaned

    @property
    def filled(self) -> bool:
        return bool(self.cleaned_data.get("category") and self.cleaned_data.get("text"))


class BaseActionFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not any(form.filled for form in self.forms):
            raise forms.ValidationError(
                _("Vul minstens één actie in: een categorie en wat er moet gebeuren.")
            )


ActionFormSet = forms.formset_factory(
    ActionForm,
    formset=BaseActionFormSet,
    extra=0,
    max_num=MAX_ACTIONS,
    validate_max=True,
    absolute_max=MAX_ACTIONS,
)


class SplitVersionForm(VersionedForm):
    """The version of the main report the person saw when they opened the split page."""


class DuplicateForm(VersionedForm):
    main = forms.CharField(
        label=_("Dubbel van melding"),
        max_length=20,
        help_text=_("Het nummer van de melding die blijft, bijv. 2026-000123."),
        error_messages={"required": _("Vul het nummer in van de melding die blijft.")},
    )
    text = forms.CharField(
        label=_("Toelichting (mag leeg)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class UnlinkForm(VersionedForm):
    pass
