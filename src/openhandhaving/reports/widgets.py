"""Widgets of the reports forms."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A select whose options are written in Python instead of one template per option: the
    queue's search form has a few hundred options and is on every list page."""

    template_name = "reports/widgets/select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        parts = []
        for group_name, options, _index in context["widget"]["optgroups"]:
            html = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (o["value"], mark_safe(" selected") if o["selected"] else "", o["label"])
                    for o in options
                ),
            )
            if group_name:
                html = format_html('<optgroup label="{}">{}</optgroup>', group_name, html)
            parts.append(html)
        context["widget"]["options_html"] = mark_safe("".join(parts))
        return context


def quick_select(widget: forms.Select) -> QuickSelect:
    """The same select (choices, attributes, required) as a QuickSelect."""
    quick = QuickSelect(attrs=widget.attrs)
    quick.choices = widget.choices
    quick.is_required = widget.is_required
    quick.is_localized = widget.is_localized
    return quick
