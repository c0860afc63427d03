"""Template context shared by every page: the menu this user may see."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def navigation_for(user) -> list[dict[str, str]]:
    """Menu items of all apps that this user has the permission for, in order."""
    if not user.is_authenticated:
        return []
    items = []
    for config in apps.get_app_configs():
        for label, url_name, permission, order in getattr(config, "nav_items", []):
            if permission and not user.has_perm(permission):
                continue
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                continue
            items.append({"label": str(label), "url": url, "order": order, "name": url_name})
    return sorted(items, key=lambda item: item["order"])


def navigation(request: HttpRequest) -> dict:
    items = navigation_for(request.user)
    path = request.path
    for item in items:
        url = item["url"]
        item["current"] = path == url or (url != "/" and path.startswith(url))
    return {
        "nav_items": items,
        "municipality_name": settings.MUNICIPALITY_NAME,
        "map_tile_url": settings.MAP_TILE_URL,
        "map_tile_attribution": settings.MAP_TILE_ATTRIBUTION,
    }
