"""The administrator's side of the reports demo: accounts, teams, categories, rules, texts.

Runs before the reports are generated. Every officer of the demo team gets a login (a report's
owner is a user), linked through the team app's own service; Stadsbeheer and Groen en water
get one colleague each. The category tree, routing rules and standard texts come from the pure
modules demo_catalogue and demo_standard_texts.
"""

from __future__ import annotations

from django.contrib.auth.hashers import make_password

from openhandhaving.areas.models import District
from openhandhaving.core.choices import RoleCode
from openhandhaving.core.demo import DEMO_PASSWORD, role_group
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.core.models import User
from openhandhaving.reports.demo_catalogue import (
    CATEGORIES,
    REROUTES,
    RULES,
    TEAMS,
    promise,
    responsible_team,
)
from openhandhaving.reports.demo_staff import FLEX_PAIRS_FROM
from openhandhaving.reports.demo_standard_texts import standard_texts
from openhandhaving.reports.models import Category, RoutingRule, StandardText, Team
from openhandhaving.team.demo_people import ascii_slug
from openhandhaving.team.models import Officer, Pair
from openhandhaving.team.services import officer_update

# Colleagues outside handhaving who work the queues of their team: username, names, team.
TEAM_STAFF = [
    ("stadsbeheer", "Sanne", "Bakker", "stadsbeheer", "Stadsbeheer"),
    ("groen", "Gerrit", "Hoekstra", "groen", "Groen en water"),
]

PARKING_PAIRS = (12, 13)


def officer_logins(password_hash: str) -> list[Officer]:
    """A login for every officer that has none: initial + surname, the demo password."""
    taken = set(User.objects.values_list("username", flat=True))
    group = role_group(RoleCode.OFFICER)
    officers = list(Officer.objects.select_related("user").order_by("id"))
    for officer in officers:
        if officer.user_id:
            continue
        base = ascii_slug(officer.first_name[:1]) + ascii_slug(officer.last_name)
        username, n = base, 1
        while username in taken:
            n += 1
            username = f"{base}{n}"
        taken.add(username)
        user = User.objects.create(
            username=username,
            password=password_hash,
            first_name=officer.first_name,
            last_name=officer.last_name,
            email=officer.email,
        )
        user.groups.add(group)
        officer_update(
            actor=None,
            officer=officer,
            first_name=officer.first_name,
            last_name=officer.last_name,
            badge_number=officer.badge_number,
            phone=officer.phone,
            email=officer.email,
            user=user,
            active=officer.active,
            origin="demo",
        )
    return officers


def team_staff(ctx: DemoContext, password_hash: str) -> dict[str, User]:
    group = role_group(RoleCode.OFFICER)
    users = {}
    for username, first, last, team, label in TEAM_STAFF:
        user = User.objects.create(
            username=username,
            password=password_hash,
            first_name=first,
            last_name=last,
            email=f"{username}@demo.openhandhaving.nl",
        )
        user.groups.add(group)
        users[team] = user
        ctx.accounts.append((username, DEMO_PASSWORD, f"{label} (team)"))
    return users


def teams_create(officers: list[Officer], staff: dict[str, User]) -> dict[str, Team]:
    teams = {spec.slug: Team.objects.create(**spec.__dict__) for spec in TEAMS}
    users = [o.user for o in officers if o.user_id]
    teams["handhaving"].members.set(users)
    pairs = list(Pair.objects.select_related("first__user", "second__user").order_by("id"))
    flex = [o.user for p in pairs[FLEX_PAIRS_FROM:] for o in (p.first, p.second) if o.user_id]
    teams["nachtdienst"].members.set(flex)
    parking = [
        o.user
        for i in PARKING_PAIRS
        if i < len(pairs)
        for o in (pairs[i].first, pairs[i].second)
        if o.user_id
    ]
    teams["parkeren"].members.set(parking)
    for slug, user in staff.items():
        teams[slug].members.add(user)
    return teams


def categories_create(teams: dict[str, Team]) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for order, main in enumerate(CATEGORIES):
        fields = {
            "slug": main.slug,
            "name": main.name,
            "public_name": main.public_name,
            "icon": main.icon,
            "description": main.description,
            "deadline_amount": main.deadline[0],
            "deadline_unit": main.deadline[1],
            "service_promise": "",
            "responsible_team": teams.get(main.team) if main.team else None,
            "is_public": main.is_public,
            "is_sensitive": main.is_sensitive,
            "order": order * 10,
        }
        parent = categories[main.slug] = Category.objects.create(**fields)
        subs = []
        for sub_order, sub in enumerate(main.children):
            team = responsible_team(main, sub)
            amount, unit = sub.deadline
            subs.append(
                Category(
                    parent=parent,
                    slug=sub.slug,
                    name=sub.name,
                    public_name=sub.public_name,
                    icon=sub.icon,
                    description=sub.description,
                    deadline_amount=amount,
                    deadline_unit=unit,
                    service_promise=promise(amount, unit),
                    responsible_team=teams[team] if team else None,
                    is_public=sub.is_public and main.is_public,
                    is_sensitive=sub.is_sensitive,
                    questions=[dict(q) for q in sub.questions],
                    order=sub_order * 10,
                )
            )
        for category in Category.objects.bulk_create(subs):
            categories[category.slug] = category
    return categories


def rules_create(
    teams: dict[str, Team], categories: dict[str, Category], users: dict[str, User]
) -> None:
    districts = {d.name: d for d in District.objects.order_by("id")}
    for spec in RULES:
        rule = RoutingRule.objects.create(
            name=spec.name,
            order=spec.order,
            weekdays=list(spec.weekdays),
            time_from=spec.time_from,
            time_until=spec.time_until,
            answers=dict(spec.answers),
            target_team=teams[spec.team] if spec.team else None,
            target_user=users.get(spec.user) if spec.user else None,
        )
        rule.categories.set([categories[slug] for slug in spec.categories])
        rule.districts.set([districts[name] for name in spec.districts if name in districts])


def texts_create(categories: dict[str, Category]) -> list[StandardText]:
    return StandardText.objects.bulk_create(
        StandardText(
            status=status,
            category=categories[slug] if slug else None,
            title=title,
            subject=subject,
            body=body,
        )
        for status, slug, title, subject, body in standard_texts()
    )


def reroutes_for(categories, teams) -> dict[tuple[str, int], int]:
    """(category slug, wijk id) → team id that coordinators move such reports to by hand."""
    districts = {d.name: d.pk for d in District.objects.order_by("id")}
    return {
        (slug, districts[wijk]): teams[team].pk
        for slug, wijk, team in REROUTES
        if wijk in districts and slug in categories
    }


def catalogue_create(ctx: DemoContext) -> dict:
    """Accounts, teams, categories, rules and texts; returns what the report generator needs."""
    password_hash = make_password(DEMO_PASSWORD)  # one hash for all: hashing is slow on purpose
    officers = officer_logins(password_hash)
    staff = team_staff(ctx, password_hash)
    teams = teams_create(officers, staff)
    categories = categories_create(teams)
    users = {u.username: u for u in User.objects.order_by("id")}
    rules_create(teams, categories, users)
    texts = texts_create(categories)
    return {
        "officers": officers,
        "teams": teams,
        "categories": categories,
        "users": users,
        "texts": texts,
        "reroutes": reroutes_for(categories, teams),
    }


def catalogue_load() -> dict:
    """What catalogue_create returned, read back from the database (to generate reports again)."""
    categories = {c.slug: c for c in Category.objects.order_by("id")}
    teams = {t.slug: t for t in Team.objects.order_by("id")}
    return {
        "officers": list(Officer.objects.select_related("user").order_by("id")),
        "teams": teams,
        "categories": categories,
        "users": {u.username: u for u in User.objects.order_by("id")},
        "texts": list(StandardText.objects.order_by("id")),
        "reroutes": reroutes_for(categories, teams),
    }
