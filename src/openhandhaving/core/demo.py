"""Demo data of the core app: one account per role, printed by `openhandhaving demo`."""

from __future__ import annotations

from django.contrib.auth.models import Group

from openhandhaving.core.choices import RoleCode
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.core.models import Role, User

DEMO_PASSWORD = "demo"

# username, first name, last name, role
DEMO_ACCOUNTS = [
    ("kcc", "Karin", "Claassen", RoleCode.CONTACT_CENTRE),
    ("coordinator", "Cor", "Dijkstra", RoleCode.COORDINATOR),
    ("handhaver", "Hanna", "de Vries", RoleCode.OFFICER),
    ("analist", "Ali", "Nasser", RoleCode.ANALYST),
    ("teamleider", "Tineke", "Leenders", RoleCode.TEAM_LEAD),
    ("communicatie", "Camiel", "Mulder", RoleCode.COMMUNICATIONS),
    ("beheerder", "Bas", "Heerkens", RoleCode.ADMINISTRATOR),
    ("partner", "Priya", "Ramdin", RoleCode.PARTNER),
]


def role_group(code: str) -> Group:
    return Role.objects.select_related("group").get(code=code).group


def generate(ctx: DemoContext) -> None:
    for username, first, last, role in DEMO_ACCOUNTS:
        user = User.objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            email=f"{username}@demo.openhandhaving.nl",
            is_staff=role == RoleCode.ADMINISTRATOR,
        )
        user.groups.add(role_group(role))
        ctx.accounts.append((username, DEMO_PASSWORD, str(role.label)))
