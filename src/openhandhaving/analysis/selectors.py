"""Reads of the analysis app: the latest stored results and the interventions."""

from __future__ import annotations

from django.db.models import QuerySet

from openhandhaving.analysis.models import AnalysisResult, Intervention
from openhandhaving.reports.models import Category


def result_latest(*, kind: str, category: str = "") -> AnalysisResult | None:
    return (
        AnalysisResult.objects.filter(kind=kind, category=category)
        .order_by("-computed_at", "-id")
        .first()
    )


def result_get(*, pk: int, kind: str) -> AnalysisResult | None:
    return AnalysisResult.objects.filter(pk=pk, kind=kind).first()


def result_categories(*, kind: str) -> list[tuple[str, str]]:
    """(slug, name) of the categories with a stored result of this kind, by name; "" first."""
    slugs = set(
        AnalysisResult.objects.filter(kind=kind).values_list("category", flat=True).distinct()
    )
    names = category_names()
    found = sorted((names.get(slug, slug), slug) for slug in slugs if slug)
    return [(slug, name) for name, slug in found]


def hotspot_per_category(*, limit: int = 8) -> list[dict]:
    """The first hotspot of each category's latest run, strongest (highest z) first."""
    latest: dict[str, AnalysisResult] = {}
    for result in (
        AnalysisResult.objects.filter(kind="hotspots")
        .exclude(category="")
        .order_by("category", "-computed_at", "-id")
    ):
        latest.setdefault(result.category, result)
    names = category_names()
    found = [
        {**r.data["hotspots"][0], "result_pk": r.pk, "category_name": names.get(c, c)}
        for c, r in latest.items()
        if r.data.get("hotspots")
    ]
    return sorted(found, key=lambda spot: -(spot["z"] or 0))[:limit]


def category_names() -> dict[str, str]:
    return dict(Category.objects.values_list("slug", "name"))


def named_signals(signals: list[dict]) -> list[dict]:
    """The stored signals with the category's current name (the slug when it is gone)."""
    names = category_names()
    return [{**s, "category_name": names.get(s["category"], s["category"])} for s in signals]


def last_run_at():
    latest = AnalysisResult.objects.order_by("-computed_at").values_list("computed_at", flat=True)
    return latest.first()


def intervention_list() -> QuerySet[Intervention]:
    return Intervention.objects.select_related("district", "category", "created_by")
