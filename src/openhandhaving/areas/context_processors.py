"""Template context of the areas app: the municipality's name for the page header."""

from __future__ import annotations

from django.http import HttpRequest

from openhandhaving.areas.selectors import municipality_name


def municipality(request: HttpRequest) -> dict[str, str]:
    """Overrides core's settings-based municipality_name once a municipality is stored."""
    return {"municipality_name": municipality_name()}
