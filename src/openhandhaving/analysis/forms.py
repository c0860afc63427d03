"""Forms of the analysis app: recording an intervention, choosing a category."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from openhandhaving.analysis.models import Intervention
from openhandhaving.areas.models import District
from openhandhaving.core.forms import StyledForm, StyledModelForm
from openhandhaving.reports.models import Category


class CategoryChoiceForm(StyledForm):
    categorie = forms.ChoiceField(label=_("Categorie"), required=False)

    def __init__(self, *args, categories: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categorie"].choices = [("", _("Alle categorieën")), *categories]


class InterventionForm(StyledModelForm):
    class Meta:
        model = Intervention
        fields = ["name", "district", "category", "start", "end", "description"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "name": _("Bijvoorbeeld: extra toezicht bij de scholen."),
            "category": _("Leeg: het effect op alle meldingen in de wijk."),
            "end": _("Leeg als de interventie nog loopt."),
        }
        error_messages = {
            "name": {"required": _("Geef de interventie een naam.")},
            "district": {"required": _("Kies de wijk waar de interventie plaatsvindt.")},
            "start": {
                "required": _("Vul de startdatum in."),
                "invalid": _("Vul de startdatum in als dag-maand-jaar, bijvoorbeeld 01-10-2026."),
            },
            "end": {
                "invalid": _("Vul de einddatum in als dag-maand-jaar, bijvoorbeeld 31-12-2026."),
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.order_by("name")
        self.fields["district"].empty_label = _("Kies een wijk")
        self.fields["category"].queryset = Category.objects.filter(active=True).order_by("name")
        self.fields["category"].empty_label = _("Alle categorieën")
        for name in ("start", "end"):
            self.fields[name].input_formats = ["%Y-%m-%d", "%d-%m-%Y"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("De einddatum ligt vóór de startdatum."))
        return data
