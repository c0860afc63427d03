"""Variables in standard texts ({nummer}, {adres} ...): checking and filling in, no database."""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

# The variables an administrator may use, with the explanation shown next to the text fields.
VARIABLES: dict[str, str] = {
    "nummer": _("het nummer van de melding"),
    "categorie": _("de categorie"),
    "adres": _("het adres of de plek"),
    "wijk": _("de wijk"),
    "termijn": _("de datum waarop de melding uiterlijk klaar is"),
    "status": _("de status die de melding krijgt"),
    "link": _("de link waarmee de melder de melding kan volgen"),
}
# A brace pair with anything but braces inside; everything else with a brace is a stray brace.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def variables_unknown(template: str) -> list[str]:
    """Names between braces that are not a known variable, in order of appearance, once each."""
    unknown: list[str] = []
    for name in _PLACEHOLDER.findall(template):
        if name not in VARIABLES and name not in unknown:
            unknown.append(name)
    return unknown


def has_stray_brace(template: str) -> bool:
    """True when a { or } is not part of a {variable}: a typo the reporter would see."""
    return "{" in _PLACEHOLDER.sub("", template) or "}" in _PLACEHOLDER.sub("", template)


def template_fill(template: str, values: Mapping[str, str]) -> str:
    """Replace each {variable} by its value; unknown names stay as they are."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)
