"""Default roles: made once with their permissions; a new version's new defaults are given to
existing roles once, and what the administrator took away stays away."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from openhandhaving.core.choices import RoleCode
from openhandhaving.core.models import AuditLogEntry, Role
from openhandhaving.core.roles import default_permissions, ensure_default_roles

pytestmark = pytest.mark.django_db


def analyst() -> Role:
    return Role.objects.select_related("group").get(code=RoleCode.ANALYST)


def codes(role: Role) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in role.group.permissions.select_related("content_type")
    }


def test_roles_exist_after_migrating_with_their_defaults():
    role = analyst()
    wanted = {f"{a}.{c}" for a, c in default_permissions()[RoleCode.ANALYST]}
    assert "analysis.view_analysisresult" in wanted
    assert codes(role) == wanted
    assert set(role.offered_permissions) == wanted
    assert ensure_default_roles() == []  # nothing to make a second time


def test_a_new_default_reaches_an_existing_role_once_and_a_removal_is_respected():
    role = analyst()
    # As an installation of before the analysis app: it never had these permissions.
    newer = {"analysis.view_analysisresult", "analysis.add_intervention"}
    role.group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="analysis",
            codename__in=[key.split(".")[1] for key in newer],
        )
    )
    role.offered_permissions = sorted(set(role.offered_permissions) - newer)
    role.save()
    # And the administrator took one older permission away on purpose.
    taken = Permission.objects.get(content_type__app_label="areas", codename="view_district")
    role.group.permissions.remove(taken)

    ensure_default_roles()

    role = analyst()
    assert newer <= codes(role)
    assert "areas.view_district" not in codes(role)
    entry = AuditLogEntry.objects.get(action="role_defaults_added")
    assert sorted(entry.details["added"]) == sorted(newer)
    ensure_default_roles()
    assert AuditLogEntry.objects.filter(action="role_defaults_added").count() == 1
