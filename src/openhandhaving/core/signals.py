"""Audit of logins and logouts, and the default roles after migrate."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from openhandhaving.core.choices import AuditResult
from openhandhaving.core.services import audit_log_record, origin_of


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs) -> None:
    audit_log_record(actor=user, action="login", obj=user, origin=origin_of(request))


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        audit_log_record(actor=user, action="logout", obj=user, origin=origin_of(request))


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    audit_log_record(
        actor=None,
        action="login",
        result=AuditResult.FAILED,
        origin=origin_of(request),
        details={"username": str(credentials.get("username", ""))[:150]},
    )


@receiver(post_migrate)
def _default_roles(sender, **kwargs) -> None:
    # After the last app: only then do all permissions exist that roles get by default.
    if sender.name == list(apps.get_app_configs())[-1].name:
        from openhandhaving.core.roles import ensure_default_roles

        ensure_default_roles()
