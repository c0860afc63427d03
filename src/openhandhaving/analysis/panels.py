"""Start page panel of the analysis app (see core.views.start_panels)."""

from __future__ import annotations

from django.http import HttpRequest

from openhandhaving.analysis.choices import ResultKind
from openhandhaving.analysis.selectors import last_run_at, named_signals, result_latest


def analyst_panel(request: HttpRequest) -> tuple[str, dict] | None:
    """The latest run, the top hotspots and the strongest trend signals."""

    if not request.user.has_perm("analysis.view_analysisresult"):
        return None
    hotspots = result_latest(kind=ResultKind.HOTSPOTS)
    trends = result_latest(kind=ResultKind.TRENDS)
    return "analysis/panels/analyst.html", {
        "last_run": last_run_at(),
        "hotspots": hotspots.data["hotspots"][:3] if hotspots else [],
        "signals": named_signals(trends.data["signals"][:3]) if trends else [],
    }
