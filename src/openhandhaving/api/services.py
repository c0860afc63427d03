"""API keys: made once and shown once, stored as a hash, checked in constant time."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.api.choices import Scope
from openhandhaving.api.models import ApiClient
from openhandhaving.core.services import audit_log_record

KEY_START = "oh_"
PREFIX_LENGTH = 8
LAST_USED_EVERY = dt.timedelta(minutes=5)  # no write on every request


class ApiKeyError(ValueError):
    """A key or client that cannot be made; `message` is Dutch."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _key_parts(key: str) -> tuple[str, str] | None:
    if not key.startswith(KEY_START):
        return None
    prefix, _sep, secret = key[len(KEY_START) :].partition("_")
    if len(prefix) != PREFIX_LENGTH or not secret:
        return None
    return prefix, secret


def key_new() -> tuple[str, str, str]:
    """A fresh key with the prefix and hash to store: (key, prefix, hash)."""
    key = f"{KEY_START}{secrets.token_hex(PREFIX_LENGTH // 2)}_{secrets.token_urlsafe(32)}"
    return key, _key_parts(key)[0], key_hash(key)


def api_client_create(
    *, name: str, scopes: list[str], actor=None, description: str = "", key: str | None = None
) -> tuple[ApiClient, str]:
    """A new system with a new key; returns (client, key). The key is not stored anywhere."""
    name = (name or "").strip()
    if not name:
        raise ApiKeyError(_("Geef het systeem een naam."))
    unknown = sorted(set(scopes) - set(Scope.values))
    if unknown:
        raise ApiKeyError(_("Onbekende rechten: %(scopes)s.") % {"scopes": ", ".join(unknown)})
    if ApiClient.objects.filter(name=name).exists():
        raise ApiKeyError(_("Er is al een systeem met de naam %(name)s.") % {"name": name})
    key = key or key_new()[0]
    parts = _key_parts(key)
    if parts is None:
        raise ApiKeyError(_("Deze sleutel heeft niet de vorm oh_, acht tekens, _ en het geheim."))
    with transaction.atomic():
        client = ApiClient.objects.create(
            name=name,
            description=description,
            key_prefix=parts[0],
            key_hash=key_hash(key),
            scopes=sorted(set(scopes)),
        )
        audit_log_record(
            actor=actor, action="api_client_create", obj=client, details={"scopes": client.scopes}
        )
    return client, key


def api_client_rotate(*, client: ApiClient, actor=None) -> str:
    """A new key for the system; the old one stops working at once."""
    key, prefix, hashed = key_new()
    with transaction.atomic():
        client.key_prefix, client.key_hash = prefix, hashed
        client.save(update_fields=["key_prefix", "key_hash"])
        audit_log_record(actor=actor, action="api_client_rotate", obj=client)
    return key


def api_client_for_key(key: str | None) -> ApiClient | None:
    """The active system this key belongs to, or None. Timing does not reveal near misses."""
    parts = _key_parts((key or "").strip())
    if parts is None:
        return None
    client = ApiClient.objects.filter(key_prefix=parts[0], active=True).first()
    expected = client.key_hash if client is not None else key_hash("")
    if not hmac.compare_digest(expected, key_hash(key.strip())) or client is None:
        return None
    now = timezone.now()
    if client.last_used_at is None or now - client.last_used_at > LAST_USED_EVERY:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        client.last_used_at = now
    return client


# --- the demo's example client ---------------------------------------------------------------

DEMO_CLIENT_NAME = "Voorbeeld-app (Open311)"


def demo_key() -> str:
    """The demo client's key, derived from the secret key: the same every time the demo is made,
    and printable later by `openhandhaving open311 demo-key` although only its hash is stored."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), b"openhandhaving-demo-open311-client", hashlib.sha256
    ).hexdigest()
    return f"{KEY_START}{digest[:PREFIX_LENGTH]}_{digest[PREFIX_LENGTH:48]}"
