"""Default roles and their permissions, created once; afterwards they are the administrator's data.

Each app declares which of its permissions a role gets by default in its AppConfig attribute
`default_role_permissions` ({role code: [codename, ...]}); this module gathers them. A new
version that adds a default (a new page for analysts, say) gives it to the existing role once;
a permission the administrator took away is not given back (Role.offered_permissions).
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from openhandhaving.core.choices import RoleCode

ROLE_DESCRIPTIONS = {
    RoleCode.CONTACT_CENTRE: "Neemt meldingen aan via telefoon en balie en corrigeert ze.",
    RoleCode.COORDINATOR: "Ziet alle meldingen, verdeelt wat niet verdeeld is, bewaakt termijnen.",
    RoleCode.OFFICER: "Is eigenaar van de meldingen in de eigen wijk en werkt op straat.",
    RoleCode.ANALYST: "Zoekt uit waar en wanneer overlast speelt en voedt de briefing.",
    RoleCode.TEAM_LEAD: "Maakt het rooster, wijst wijken toe en volgt de resultaten.",
    RoleCode.COMMUNICATIONS: "Vertelt de resultaten, beheert sociale media en crisiscommunicatie.",
    RoleCode.ADMINISTRATOR: (
        "Beheert categorieën, termijnen, routering, teksten, gebruikers en rollen."
    ),
    RoleCode.PARTNER: "Partnerorganisatie met beperkte toegang tot gedeelde informatie.",
}


def default_permissions() -> dict[str, set[tuple[str, str]]]:
    """{role code: {(app_label, codename)}} gathered from every installed app."""
    result: dict[str, set[tuple[str, str]]] = {code: set() for code in RoleCode.values}
    for config in apps.get_app_configs():
        for role, codenames in getattr(config, "default_role_permissions", {}).items():
            for codename in codenames:
                # "codename" is this app's permission; "app_label.codename" another app's.
                app_label, _, name = codename.rpartition(".")
                result[str(role)].add((app_label or config.label, name))
    return result


def _key(perm: Permission) -> str:
    return f"{perm.content_type.app_label}.{perm.codename}"


def _permissions(keys) -> list[Permission]:
    found = []
    for key in sorted(keys):
        app_label, codename = key.split(".", 1)
        perm = (
            Permission.objects.select_related("content_type")
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if perm is not None:
            found.append(perm)
    return found


@transaction.atomic
def ensure_default_roles() -> list[str]:
    """Create missing roles with their default permissions, and give existing roles the
    defaults they were never offered; permissions the administrator removed stay removed.

    Returns the codes of the roles created.
    """
    from openhandhaving.core.models import Role
    from openhandhaving.core.services import audit_log_record

    created = []
    wanted = {
        code: {f"{app_label}.{codename}" for app_label, codename in pairs}
        for code, pairs in default_permissions().items()
    }
    for order, code in enumerate(RoleCode.values):
        role = Role.objects.select_related("group").filter(code=code).first()
        if role is None:
            group, _ = Group.objects.get_or_create(name=str(RoleCode(code).label))
            perms = _permissions(wanted[code])
            group.permissions.set(perms)
            Role.objects.create(
                code=code,
                group=group,
                order=order,
                description=ROLE_DESCRIPTIONS[RoleCode(code)],
                offered_permissions=sorted(_key(p) for p in perms),
            )
            created.append(code)
            continue
        new = _permissions(wanted[code] - set(role.offered_permissions or []))
        if not new:
            continue
        role.group.permissions.add(*new)
        added = [_key(p) for p in new]
        role.offered_permissions = sorted({*(role.offered_permissions or []), *added})
        role.save(update_fields=["offered_permissions"])
        audit_log_record(
            actor=None, action="role_defaults_added", obj=role, details={"added": added}
        )
    return created
