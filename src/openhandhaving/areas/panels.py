"""Start page panels of the areas app (see core.views.start_panels)."""

from __future__ import annotations

from django.http import HttpRequest

from openhandhaving.areas.selectors import areas_counts


def areas_panel(request: HttpRequest) -> tuple[str, dict] | None:
    """How many wijken and buurten there are, with the way to the map (or to the import)."""
    if not request.user.has_perm("areas.view_district"):
        return None
    return "areas/panels/areas.html", {
        **areas_counts(),
        "can_import": request.user.has_perm("areas.add_district"),
    }
