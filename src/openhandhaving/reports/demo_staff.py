"""The people and rules the reports demo routes with, read from the rows demo_setup stored.

Turns users, wijk assignments and teams into the plain Staff of demo_routing, the stored routing
rules into the pure Rule objects of routing_rules, and the standard texts into a renderer for
the messages that reporters receive when their report is accepted or closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from openhandhaving.areas.models import District
from openhandhaving.reports.choices import Status
from openhandhaving.reports.demo_routing import Person, Staff
from openhandhaving.reports.labels import user_label
from openhandhaving.reports.message_templates import template_fill
from openhandhaving.reports.models import Category, RoutingRule, StandardText
from openhandhaving.reports.routing import rule_from_row
from openhandhaving.reports.routing_rules import Rule
from openhandhaving.reports.services.messages import public_url
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.models import DistrictAssignment, Pair

FLEX_PAIRS_FROM = 8  # the team demo's pairs 8-14 work evenings, nights and the whole town
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


def person(user) -> Person:
    return Person(user_id=user.pk, label=user_label(user))


def staff_build(setup: dict) -> Staff:
    users = setup["users"]
    teams = setup["teams"]
    officers: dict[int, Person] = {}
    backups: dict[int, Person] = {}
    assignments = DistrictAssignment.objects.select_related("officer__user").order_by("id")
    for assignment in assignments:
        user = assignment.officer.user
        if user is None:
            continue
        role = officers if assignment.role == AssignmentRole.DISTRICT_OFFICER else backups
        role[assignment.district_id] = person(user)
    pairs = Pair.objects.select_related("first__user", "second__user").order_by("id")
    on_call = [
        person(o.user)
        for pair in list(pairs)[FLEX_PAIRS_FROM:]
        for o in (pair.first, pair.second)
        if o.user_id
    ]
    return Staff(
        wijk_names=dict(District.objects.order_by("id").values_list("id", "name")),
        district_officers=officers,
        backups=backups,
        on_call=on_call or list(officers.values()),
        team_names={t.pk: t.name for t in teams.values()},
        team_members={t.pk: [person(u) for u in t.members.order_by("id")] for t in teams.values()},
        routes_to_officer={t.pk: t.routes_to_district_officer for t in teams.values()},
        users={u.pk: person(u) for u in users.values()},
        coordinator=person(users["coordinator"]),
        kcc=person(users["kcc"]),
        reroutes=setup["reroutes"],
    )


def rules_for() -> list[Rule]:
    """The active routing rules as reports.routing evaluates them."""
    rows = list(RoutingRule.objects.filter(active=True).order_by("order", "id"))
    categories: dict[int, list[int]] = {row.pk: [] for row in rows}
    districts: dict[int, list[int]] = {row.pk: [] for row in rows}
    for rule_id, category_id in RoutingRule.categories.through.objects.values_list(
        "routingrule_id", "category_id"
    ):
        categories.setdefault(rule_id, []).append(category_id)
    for rule_id, district_id in RoutingRule.districts.through.objects.values_list(
        "routingrule_id", "district_id"
    ):
        districts.setdefault(rule_id, []).append(district_id)
    return [rule_from_row(row, categories[row.pk], districts[row.pk]) for row in rows]


def date_label(moment: dt.datetime) -> str:
    """'12 maart 2026'."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def message_renderer(
    texts: list[StandardText], categories: dict[str, Category]
) -> Callable[..., str | None]:
    """render(status, slug, number, address, wijk, due) → subject and body, or None."""
    by_key = {(t.status, t.category_id): t for t in texts}
    # The follow link carries a signed token with a timestamp; the history shows it shortened,
    # which also keeps the demo the same for the same seed.
    follow_link = public_url("/melding/volgen/") + "…/"
    labels = {status: str(Status(status).label).lower() for status in Status.values}

    def render(status, slug, number, address, wijk, due) -> str | None:
        category = categories[slug]
        text = by_key.get((status, category.pk)) or by_key.get((status, None))
        if text is None:
            return None
        values = {
            "nummer": number,
            "categorie": (category.public_name or category.name).lower(),
            "adres": address,
            "wijk": wijk or "onbekende wijk",
            "termijn": date_label(due),
            "status": labels[status],
            "link": follow_link,
        }
        return f"{template_fill(text.subject, values)}\n\n{template_fill(text.body, values)}"

    return render
