"""Default roles and their permissions, created once; afterwards they are the administrator's data.

Each app declares which of its permissions a role gets by default in its AppConfig attribute
`default_role_permissions` ({role code: [codename, ...]}); this module gathers them.
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


@transaction.atomic
def ensure_default_roles() -> list[str]:
    """Create missing roles with their default permissions; existing roles are left as edited.

    Returns the codes of the roles created.
    """
    from openhandhaving.core.models import Role

    created = []
    wanted = default_permissions()
    for order, code in enumerate(RoleCode.values):
        if Role.objects.filter(code=code).exists():
            continue
        group, _ = Group.objects.get_or_create(name=str(RoleCode(code).label))
        perms = [
            perm
            for app_label, codename in sorted(wanted[code])
            if (
                perm := Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).first()
            )
        ]
        group.permissions.set(perms)
        Role.objects.create(
            code=code, group=group, order=order, description=ROLE_DESCRIPTIONS[RoleCode(code)]
        )
        created.append(code)
    return created
