"""Reads of the core app: the audit log search and the user's roles."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from openhandhaving.core.models import AuditLogEntry, Role, User


def audit_log_search(
    *,
    text: str = "",
    action: str = "",
    result: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditLogEntry]:
    entries = AuditLogEntry.objects.all()
    if text:
        entries = entries.filter(
            Q(actor_name__icontains=text)
            | Q(object_repr__icontains=text)
            | Q(origin__icontains=text)
            | Q(object_id=text)
        )
    if action:
        entries = entries.filter(action=action)
    if result:
        entries = entries.filter(result=result)
    if date_from:
        entries = entries.filter(time__date__gte=date_from)
    if date_to:
        entries = entries.filter(time__date__lte=date_to)
    return entries


def audit_log_actions() -> list[str]:
    return list(
        AuditLogEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    )


def user_primary_role(*, user: User) -> Role | None:
    """The first of the user's roles in the roles' order; it decides the start page."""
    return Role.objects.filter(group__user=user).order_by("order").first()
