"""Reads behind the forms of the reports app: people and categories to choose, addresses."""

from __future__ import annotations

from collections import defaultdict

import h3
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.address_search import LocalAddressSearch
from openhandhaving.areas.models import Address
from openhandhaving.core.models import User
from openhandhaving.reports.choices import OPEN_STATES
from openhandhaving.reports.models import Category, Report
from openhandhaving.reports.nearby import distance_m, k_ring_for_radius


def owner_choices() -> QuerySet[User]:
    """People who handle reports: active users whose role may change reports."""
    return (
        User.objects.filter(
            is_active=True,
            groups__permissions__codename="change_report",
            groups__permissions__content_type__app_label="reports",
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def category_choices(*, search: bool = False, public: bool = False) -> list:
    """Active categories for a select: a main category with subcategories is a group of them.

    A report needs the most specific category there is; a search (search=True) may also pick a
    whole main category, offered as the group's first option. public=True uses the names for
    residents."""
    categories = list(Category.objects.filter(active=True).order_by("order", "name"))
    children: dict[int, list[Category]] = defaultdict(list)
    for category in categories:
        if category.parent_id:
            children[category.parent_id].append(category)

    def name(category: Category) -> str:
        return (category.public_name or category.name) if public else category.name

    choices: list = []
    for main in (c for c in categories if not c.parent_id):
        subs = children[main.pk]
        if not subs:
            choices.append((main.pk, name(main)))
            continue
        options = [(main.pk, _("%(name)s (alles)") % {"name": name(main)})] if search else []
        choices.append((name(main), options + [(sub.pk, name(sub)) for sub in subs]))
    return choices


def address_search(*, text: str, limit: int = 10) -> list[Address]:
    """Addresses for the intake form: 'Dorpsstraat 12', 'dorpsstr', '2011AB 12', '2011 ab'.

    Always the municipality's own address list (the form stores the chosen Address row); a
    number matches exactly, so "Dorpsstraat 1" is one clear match even where 10 and 11 exist."""
    return LocalAddressSearch().addresses(text, limit=limit)


def address_get(*, pk: int) -> Address | None:
    return Address.objects.filter(pk=pk).first()


def nearest_address(*, lat: float, lon: float, radius_m: float = 40) -> Address | None:
    """The address closest to a map click, if one lies within `radius_m`."""
    cell = h3.latlng_to_cell(lat, lon, settings.H3_RESOLUTION)
    cells = k_ring_for_radius(cell, radius_m)
    best = min(
        Address.objects.filter(h3_cell__in=cells),
        key=lambda a: distance_m(lat, lon, a.lat, a.lon),
        default=None,
    )
    if best is None or distance_m(lat, lon, best.lat, best.lon) > radius_m:
        return None
    return best


def open_reports_near(
    *, category: Category, lat: float, lon: float, radius_m: float = 75, limit: int = 5
) -> list[tuple[Report, float]]:
    """Open reports of this category near a point, nearest first, with their distance in metres:
    what a resident may want to follow instead of reporting the same thing again. Duplicates
    are left out (their main report is the one to follow)."""
    cell = h3.latlng_to_cell(lat, lon, settings.H3_RESOLUTION)
    candidates = Report.objects.filter(
        category=category,
        h3_cell__in=k_ring_for_radius(cell, radius_m),
        status__in=[str(s) for s in OPEN_STATES],
        duplicate_of__isnull=True,
    ).only("number", "status", "reported_at", "lat", "lon", "address", "category_id")
    found = [(r, distance_m(lat, lon, r.lat, r.lon)) for r in candidates]
    found = [(r, d) for r, d in found if d <= radius_m]
    return sorted(found, key=lambda pair: pair[1])[:limit]
