"""Demo data of the analysis app: the nightly analysis run once over the demo's reports, so the
analyst finds hotspots, next week's forecast and the trend signal right after `make demo`."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from openhandhaving.analysis.services import analysis_nightly
from openhandhaving.core.demo_context import DemoContext


def generate(ctx: DemoContext) -> None:
    # The demo's reports end at 08:00 on its "today"; the analysis runs as the night before.
    now = timezone.make_aware(dt.datetime.combine(ctx.today, dt.time(3, 0)))
    analysis_nightly(now=now)
