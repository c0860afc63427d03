"""Rate limits of public endpoints (S4), read from the settings when a request comes in."""

from __future__ import annotations

from django.conf import settings
from django_ratelimit.decorators import ratelimit


def setting_rate(name: str):
    """A django-ratelimit rate that follows settings.<name> (so tests and deployments set it)."""

    def rate(group, request) -> str:
        return getattr(settings, name)

    return rate


def client_address(group, request) -> str:
    """The visitor's address: the configured proxy header, else REMOTE_ADDR. A request without
    either (a misconfigured proxy, an in-process call) is counted under one shared key instead of
    failing."""
    header = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = request.META.get(header) or request.META.get("REMOTE_ADDR") or "unknown"
    # X-Forwarded-For: our proxy appends the address it saw; earlier ones the client may forge.
    return value.split(",")[-1].strip()


def limited(name: str, *, key=client_address, method=ratelimit.ALL):
    """Block (429, core.views.rate_limited) above settings.<name> per `key` (default: address)."""
    return ratelimit(key=key, rate=setting_rate(name), method=method, block=True)
