"""Fixtures shared by every test: users with a role."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from openhandhaving.core.caching import clear_all
from openhandhaving.core.choices import RoleCode
from openhandhaving.core.models import Role, User


@pytest.fixture(autouse=True)
def fresh_caches(settings):
    """Each test reads areas, rules and roster from its own database, on every use, and starts
    with an empty cache (rate-limit counters included)."""
    settings.CACHE_RECHECK_SECONDS = 0
    clear_all()
    cache.clear()
    yield
    clear_all()


@pytest.fixture
def make_user(db):
    """make_user("officer", username="jan") → an active user holding that role."""

    def make(role: str | None = None, *, username: str | None = None, **fields) -> User:
        username = username or f"{role or 'user'}{User.objects.count() + 1}"
        user = User.objects.create_user(username=username, password="geheim-wachtwoord", **fields)
        if role:
            user.groups.add(Role.objects.get(code=RoleCode(role)).group)
        return user

    return make


@pytest.fixture
def as_role(client, make_user):
    """as_role("coordinator") → log the test client in as a new user of that role."""

    def login(role: str, **fields) -> User:
        user = make_user(role, **fields)
        client.force_login(user)
        return user

    return login
