"""Administrator screens: categories, teams, routing rules, standard texts, learned corrections."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from openhandhaving.reports.models import (
    Category,
    Feedback,
    RoutingCorrection,
    RoutingRule,
    SatisfactionAnswer,
    StandardText,
    Team,
)


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = [
            "parent",
            "slug",
            "name",
            "public_name",
            "icon",
            "description",
            "deadline_amount",
            "deadline_unit",
            "service_promise",
            "responsible_team",
            "is_public",
            "is_sensitive",
            "questions",
            "active",
            "order",
        ]

    def clean_questions(self):
        questions = self.cleaned_data.get("questions") or []
        if not isinstance(questions, list) or not all(
            isinstance(q, dict) and str(q.get("key") or "").strip() for q in questions
        ):
            raise forms.ValidationError(
                _(
                    'Schrijf de extra vragen als een lijst, elke vraag met een "key", '
                    'bijvoorbeeld [{"key": "kenteken", "label": "Kenteken", "required": false}].'
                )
            )
        keys = [str(q["key"]) for q in questions]
        if len(set(keys)) != len(keys):
            raise forms.ValidationError(_("Twee vragen hebben dezelfde key."))
        return questions

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent is not None and parent.parent_id is not None:
            raise forms.ValidationError(
                _("Een subcategorie kan geen hoofdcategorie zijn: er zijn twee niveaus.")
            )
        if parent is not None and self.instance.pk and parent.pk == self.instance.pk:
            raise forms.ValidationError(_("Een categorie kan niet onder zichzelf vallen."))
        return parent


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    list_display = [
        "__str__",
        "slug",
        "deadline_amount",
        "deadline_unit",
        "responsible_team",
        "is_public",
        "is_sensitive",
        "active",
        "order",
    ]
    list_filter = ["active", "parent", "responsible_team", "is_sensitive"]
    search_fields = ["name", "public_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["parent", "responsible_team"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "email", "routes_to_district_officer"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["members"]


class RoutingRuleForm(forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = [
            "name",
            "order",
            "active",
            "categories",
            "districts",
            "weekdays",
            "time_from",
            "time_until",
            "answers",
            "target_team",
            "target_user",
        ]
        help_texts = {
            "weekdays": _(
                "Lijst van dagnummers, 0 = maandag … 6 = zondag, bijv. [5, 6]. Leeg: elke dag."
            ),
            "answers": _(
                'Antwoorden op extra vragen die allemaal moeten kloppen, bijv. {"asbest": "ja"}.'
            ),
            "time_until": _("Vóór ‘vanaf’: het tijdvak loopt door na middernacht."),
            "target_team": _("Leeg (en geen persoon): de wijkhandhaver in dienst beslist."),
        }

    def clean_weekdays(self):
        days = self.cleaned_data.get("weekdays") or []
        if not isinstance(days, list) or not all(
            isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days
        ):
            raise forms.ValidationError(
                _("Schrijf de dagen als een lijst van getallen 0 (maandag) tot en met 6 (zondag).")
            )
        return sorted(set(days))

    def clean_answers(self):
        answers = self.cleaned_data.get("answers") or {}
        if not isinstance(answers, dict) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in answers.values()
        ):
            raise forms.ValidationError(
                _('Schrijf de antwoorden als {"vraag": "antwoord"}, bijvoorbeeld {"asbest": "ja"}.')
            )
        return {str(k): str(v) for k, v in answers.items()}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("time_from"), cleaned.get("time_until")
        if start is not None and end is not None and start == end:
            self.add_error("time_until", _("Het tijdvak is leeg: ‘vanaf’ en ‘tot’ zijn gelijk."))
        return cleaned


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    form = RoutingRuleForm
    list_display = ["order", "name", "target_team", "target_user", "active", "updated_at"]
    list_display_links = ["name"]
    list_editable = ["order", "active"]
    list_filter = ["active", "target_team"]
    search_fields = ["name"]
    filter_horizontal = ["categories", "districts"]
    autocomplete_fields = ["target_user"]
    ordering = ["order", "id"]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "title": _("Routeringsregels — test ze op de pagina Routering testen"),
        }
        return super().changelist_view(request, extra_context)


@admin.register(RoutingCorrection)
class RoutingCorrectionAdmin(admin.ModelAdmin):
    """What routing learned from coordinators; delete a row to make routing forget it."""

    list_display = ["category", "district", "to_team", "to_user", "count", "last_at"]
    list_filter = ["category", "district", "to_team"]
    readonly_fields = ["category", "district", "to_team", "to_user", "count", "last_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(StandardText)
class StandardTextAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "category", "active"]
    list_filter = ["status", "category", "active"]
    search_fields = ["title", "subject", "body"]


@admin.register(SatisfactionAnswer)
class SatisfactionAnswerAdmin(admin.ModelAdmin):
    """The answers to the satisfaction question on the reporter's follow page (docs/volgen.md)."""

    list_display = ["text", "positive", "requests_reopen", "active", "order"]
    list_editable = ["active", "order"]
    list_filter = ["active", "positive", "requests_reopen"]
    ordering = ["order", "id"]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "title": _(
                "Antwoorden op „Bent u tevreden over hoe we uw melding hebben afgehandeld?”"
            ),
        }
        return super().changelist_view(request, extra_context)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """What reporters answered: to read, not to change (it is their word)."""

    list_display = ["report", "answer_text", "reopen_requested", "created_at"]
    list_filter = ["answer", "reopen_requested"]
    search_fields = ["report__number"]
    list_select_related = ["report"]
    readonly_fields = ["report", "answer", "answer_text", "text", "reopen_requested", "created_at"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
