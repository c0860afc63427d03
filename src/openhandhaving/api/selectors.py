"""Reads of the api app."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, QuerySet

from openhandhaving.areas.models import Neighbourhood
from openhandhaving.reports.choices import END_STATES
from openhandhaving.reports.models import Category, Report


def reportable_categories() -> QuerySet[Category]:
    """Categories a resident or system can report in: active ones without active subcategories."""
    children = Category.objects.filter(parent=OuterRef("pk"), active=True)
    return (
        Category.objects.filter(active=True)
        .exclude(parent__active=False)
        .annotate(has_children=Exists(children))
        .filter(has_children=False)
        .select_related("parent")
        .order_by("parent__order", "parent__name", "order", "name")
    )


def reportable_category(code: str) -> Category | None:
    """The reportable category with this code (as reportable_categories, by a cheap query: this
    runs for every report a system sends)."""
    category = Category.objects.select_related("parent").filter(slug=code, active=True).first()
    if category is None or (category.parent_id and not category.parent.active):
        return None
    if (
        category.parent_id is None
        and Category.objects.filter(parent_id=category.pk, active=True).exists()
    ):
        return None
    return category


def open311_requests(
    *,
    numbers: list[str] | None = None,
    codes: list[str] | None = None,
    status: str = "",
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
) -> QuerySet[Report]:
    """Reports as Open311 GET requests lists them, newest first; read them with
    open311_request_rows (public fields only)."""
    reports = Report.objects.all()
    if numbers is not None:
        return reports.filter(number__in=numbers).order_by("-reported_at")
    if codes:
        reports = reports.filter(category__slug__in=codes)
    closed = [s.value for s in END_STATES]
    if status == "open":
        reports = reports.exclude(status__in=closed)
    elif status == "closed":
        reports = reports.filter(status__in=closed)
    if start is not None:
        reports = reports.filter(reported_at__gte=start)
    if end is not None:
        reports = reports.filter(reported_at__lte=end)
    return reports.order_by("-reported_at")


REQUEST_FIELDS = (
    "number",
    "text",
    "status",
    "address",
    "lat",
    "lon",
    "reported_at",
    "closed_at",
    "deadline",
    "category_id",
    "neighbourhood_id",
)


def open311_request_rows(reports: QuerySet[Report]) -> list[SimpleNamespace]:
    """The reports of an open311_requests list as light rows with `category` and
    `neighbourhood` attached: a page holds up to 1,000 reports but only a few dozen categories
    and buurten, so they are read once instead of as three Django objects per report."""
    rows = list(reports.values(*REQUEST_FIELDS))
    categories = Category.objects.in_bulk({row["category_id"] for row in rows})
    hoods = Neighbourhood.objects.only("centroid_lat", "centroid_lon").in_bulk(
        {row["neighbourhood_id"] for row in rows if row["neighbourhood_id"]}
    )
    return [
        SimpleNamespace(
            **row,
            category=categories[row["category_id"]],
            neighbourhood=hoods.get(row["neighbourhood_id"]),
        )
        for row in rows
    ]
