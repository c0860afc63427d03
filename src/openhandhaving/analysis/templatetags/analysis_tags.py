"""Template filters of the analysis pages."""

from __future__ import annotations

import re

from django import template
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

register = template.Library()

_WORDS = re.compile(r"\b(ma|di|wo|do|vr|za|zo|en)\b")


@register.filter
def hot_times(text: str) -> str:
    """Peak times as the core names them (in Dutch: "ma–vr 08:00–08:45 en 14:00–15:15") in the
    language of the page: the core is pure Python without translations, so the few words it
    uses are translated here."""
    if not text or (translation.get_language() or "nl").startswith("nl"):
        return text
    whole = {
        "geen duidelijke piektijden": _("geen duidelijke piektijden"),
        "te weinig gebeurtenissen om piektijden te noemen": _(
            "te weinig gebeurtenissen om piektijden te noemen"
        ),
    }
    if text in whole:
        return whole[text]
    words = {
        "ma": pgettext("weekday, short", "ma"),
        "di": pgettext("weekday, short", "di"),
        "wo": pgettext("weekday, short", "wo"),
        "do": pgettext("weekday, short", "do"),
        "vr": pgettext("weekday, short", "vr"),
        "za": pgettext("weekday, short", "za"),
        "zo": pgettext("weekday, short", "zo"),
        "en": pgettext("between the last two of a list", "en"),
    }
    return _WORDS.sub(lambda match: words[match.group(0)], text)
