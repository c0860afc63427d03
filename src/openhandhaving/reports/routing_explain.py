"""'Where would this report go, and why?' for the routing simulator page and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from openhandhaving.areas.models import District, Neighbourhood
from openhandhaving.reports.models import Category
from openhandhaving.reports.routing import RoutingDecision, route
from openhandhaving.reports.services.checks import located, point_check


@dataclass(frozen=True)
class Explanation:
    decision: RoutingDecision
    category: Category
    district: District
    neighbourhood: Neighbourhood | None
    at: dt.datetime

    def as_dict(self) -> dict[str, Any]:
        """`owner` is a username or "coordinators" (nobody in person; `team` then says whose
        queue, if a team's)."""
        decision = self.decision
        return {
            "owner": decision.owner.get_username() if decision.owner else "coordinators",
            "team": decision.team.slug if decision.team else None,
            "wijk": self.district.name,
            "buurt": self.neighbourhood.name if self.neighbourhood else None,
            "category": self.category.slug,
            "at": self.at.isoformat(),
            "rule": decision.rule.name if decision.rule else None,
            "learned": decision.learned,
            "reason": decision.reason,
        }


def routing_explain(
    *,
    lat: Any,
    lon: Any,
    category: Category,
    at: dt.datetime | None = None,
    answers: dict[str, Any] | None = None,
) -> Explanation:
    """Route a report that is not made; ReportRuleError (Dutch) for a place outside the wijken."""
    lat, lon = point_check(lat, lon)
    place = located(lat, lon)
    at = timezone.localtime(at or timezone.now())
    decision = route(category=category, district=place["district"], at=at, answers=answers)
    return Explanation(
        decision=decision,
        category=category,
        district=place["district"],
        neighbourhood=place["neighbourhood"],
        at=at,
    )
