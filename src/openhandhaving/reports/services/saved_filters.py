"""Writes of saved searches: a person keeps a queue search under a name, and removes it."""

from __future__ import annotations

from django.db import transaction

from openhandhaving.reports.models import SavedFilter


@transaction.atomic
def saved_filter_save(*, user, name: str, query: str) -> SavedFilter:
    """Keep `query` under `name`; a filter with the same name of this user is overwritten."""
    name = name.strip()
    saved = SavedFilter.objects.filter(user=user, name__iexact=name).first()
    if saved is None:
        return SavedFilter.objects.create(user=user, name=name, query=query)
    saved.name, saved.query = name, query
    saved.save(update_fields=["name", "query"])
    return saved


def saved_filter_delete(*, saved_filter: SavedFilter) -> None:
    saved_filter.delete()
