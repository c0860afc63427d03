"""Users, roles (groups with permissions, as data) and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.core.choices import AuditResult, RoleCode


class User(AbstractUser):
    """A staff member. Deactivate (is_active=False) instead of deleting: history keeps the name."""

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_codes(self) -> list[str]:
        return [role.code for role in Role.objects.filter(group__user=self).order_by("order")]


class Role(models.Model):
    """A role of DESIGN.md bound to an auth Group; the group's permissions are editable data."""

    code = models.CharField(_("code"), max_length=40, choices=RoleCode.choices, unique=True)
    group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="role")
    description = models.TextField(_("omschrijving"), blank=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    # The default permissions this role has been given so far ("app_label.codename"): a new
    # version's new defaults are added once; one the administrator took away stays away.
    offered_permissions = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.get_code_display()


class AuditLogEntry(models.Model):
    """Who did what to which object, with what result, from where, when. Never edited."""

    time = models.DateTimeField(_("tijd"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("naam actor"), max_length=150, blank=True)
    action = models.CharField(_("actie"), max_length=80, db_index=True)
    object_type = models.CharField(_("soort object"), max_length=80, blank=True, db_index=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    result = models.CharField(
        _("resultaat"), max_length=10, choices=AuditResult.choices, default=AuditResult.SUCCESS
    )
    origin = models.CharField(_("herkomst"), max_length=100, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboek")
        ordering = ["-time", "-id"]

    def __str__(self) -> str:
        return f"{self.time:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_repr}"


class ScheduledRun(models.Model):
    """One slot of a scheduled job that a scheduler enqueued (core.scheduler, ADR 0006).

    The unique (job, slot) pair is the lock: the scheduler that inserts it enqueues the task;
    another one running at the same time gets an IntegrityError and leaves it.
    """

    job = models.CharField(_("taak"), max_length=100)
    slot = models.CharField(_("moment"), max_length=40)
    enqueued_at = models.DateTimeField(_("in de wachtrij gezet"), db_index=True)
    task_result_id = models.CharField(_("kenmerk van de taak"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("geplande taak")
        verbose_name_plural = _("geplande taken")
        ordering = ["-enqueued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="scheduled_run_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}"
