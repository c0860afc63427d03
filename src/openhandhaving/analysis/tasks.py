"""Background jobs of the analysis app: call a service, nothing more."""

from __future__ import annotations

from django_tasks import task


@task()
def analysis_nightly_task() -> dict:
    """Nightly (ScheduledJob "analysis.nightly"): hotspots, forecast and trends from the reports."""
    from openhandhaving.analysis.services import analysis_nightly

    return analysis_nightly()
