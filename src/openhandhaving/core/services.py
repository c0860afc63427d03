"""Writes of the core app: the audit log."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from openhandhaving.core.choices import AuditResult
from openhandhaving.core.models import AuditLogEntry, User


def origin_of(request: HttpRequest | None) -> str:
    """Where an action came from: the client address for web requests."""
    if request is None:
        return "systeem"
    return str(request.META.get("REMOTE_ADDR", ""))[:100]


def audit_log_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    result: str = AuditResult.SUCCESS,
    origin: str = "systeem",
    details: dict[str, Any] | None = None,
) -> AuditLogEntry:
    """Append one line to the audit log. Call it inside the transaction of the change it records."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditLogEntry.objects.create(
        actor=actor,
        actor_name=(str(actor) if actor else "")[:150],
        action=action[:80],
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        result=result,
        origin=origin[:100],
        details=details or {},
    )
