"""Routing of the demo reports, pure: the same order and reasons as reports.routing.route().

Rules first (reports.routing_rules), then what coordinators taught routing by their corrections,
then the category's team: a team that routes to district officers hands the report to the wijk's
officer on duty, else it lands in the team's queue. Who is on duty is not looked up in a roster
(the demo roster covers one year, the reports two): it is drawn with the chances of the demo
team's week — the district officer on weekdays, colleagues in the evening, the coordinators at
night. The reasons read like the ones the real routing writes into the history.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

from openhandhaving.reports.routing_rules import Case, Rule, first_matching_rule

LEARN_THRESHOLD = 3
LEARN_SHARE = 0.6


@dataclass(frozen=True)
class Person:
    user_id: int
    label: str  # 'H. de Vries'


@dataclass(frozen=True)
class CategoryFacts:
    id: int
    parent_id: int | None
    slug: str
    main_slug: str
    name: str
    team_id: int | None  # the category's team, or its main category's


@dataclass
class Staff:
    """Who works where, by id: wijken, district officers, backups, teams and the coordinator."""

    wijk_names: dict[int, str]
    district_officers: dict[int, Person]
    backups: dict[int, Person]
    on_call: list[Person]  # the flexible pairs: evenings, nights, the whole town
    team_names: dict[int, str]
    team_members: dict[int, list[Person]]
    routes_to_officer: dict[int, bool]
    users: dict[int, Person]
    coordinator: Person
    kcc: Person
    # (category slug, district id) → team id: what coordinators move to another team by hand.
    reroutes: dict[tuple[str, int], int] = field(default_factory=dict)
    # (category id, district id) → {(to_team_id, to_user_id): count}: what routing learned.
    corrections: dict[tuple[int, int | None], dict[tuple[int | None, int | None], int]] = field(
        default_factory=dict
    )


@dataclass(frozen=True)
class Routing:
    owner: Person | None
    team_id: int | None
    reason: str


def owner_label(owner: Person | None, team_id: int | None, staff: Staff) -> str:
    """As reports.labels.owner_label: a person, a team's queue or the coordinators."""
    if owner is not None:
        return owner.label
    if team_id is not None:
        return f"team {staff.team_names[team_id]}"
    return "coördinatoren"


def _slot(moment: dt.datetime) -> str:
    minutes = moment.hour * 60 + moment.minute
    if moment.weekday() < 5 and 7 * 60 + 30 <= minutes < 17 * 60 + 30:
        return "day"
    if 15 * 60 <= minutes < 23 * 60 + 30:
        return "evening"
    return "night"


# Chances per slot: district officer, backup, a colleague on duty; the rest: coordinators.
ON_DUTY = {"day": (0.55, 0.15, 0.15), "evening": (0.15, 0.1, 0.45), "night": (0.02, 0.03, 0.3)}
SHIFT_ENDS = {"day": ("16:00", "17:30"), "evening": ("23:30",), "night": ("06:00",)}


def responsible(
    rng: random.Random, *, district_id: int | None, moment: dt.datetime, staff: Staff, prefix: str
) -> tuple[Person | None, str]:
    """The officer on duty for the wijk (drawn), or None for the coordinators, with the reason."""
    if district_id is None:
        return None, f"{prefix}naar de coördinatoren: de plek ligt niet in een wijk"
    wijk = staff.wijk_names[district_id]
    slot = _slot(moment)
    ends = SHIFT_ENDS[slot]
    until = ends[rng.randrange(len(ends))]
    p_officer, p_backup, p_colleague = ON_DUTY[slot]
    roll = rng.random()
    officer = staff.district_officers.get(district_id)
    if officer and roll < p_officer:
        return (
            officer,
            f"{prefix}toegewezen aan {officer.label}: wijkhandhaver {wijk}, dienst tot {until}",
        )
    why = "wijkhandhaver afwezig" if rng.random() < 0.3 else "wijkhandhaver niet in dienst"
    backup = staff.backups.get(district_id)
    if backup and roll < p_officer + p_backup:
        return backup, (
            f"{prefix}toegewezen aan {backup.label}: vervanger {wijk} ({why}), dienst tot {until}"
        )
    if staff.on_call and roll < p_officer + p_backup + p_colleague:
        colleague = staff.on_call[rng.randrange(len(staff.on_call))]
        return colleague, (
            f"{prefix}toegewezen aan {colleague.label}: collega in dienst voor de hele gemeente "
            f"({why}, vervanger niet in dienst), dienst tot {until}"
        )
    return None, (
        f"{prefix}naar de coördinatoren: {why}, vervanger niet in dienst, "
        f"niemand anders in dienst in {wijk}"
    )


def _to_team(
    rng: random.Random, *, team_id: int, district_id, moment, staff: Staff, prefix: str
) -> Routing:
    if not staff.routes_to_officer[team_id]:
        return Routing(None, team_id, f"{prefix}naar de bak van team {staff.team_names[team_id]}")
    owner, reason = responsible(
        rng, district_id=district_id, moment=moment, staff=staff, prefix=prefix
    )
    return Routing(owner, team_id, reason)


def learned_team(staff: Staff, category_id: int, district_id: int | None) -> tuple[int, int] | None:
    """(team id, count) once coordinators moved these reports to one team often enough."""
    counts = staff.corrections.get((category_id, district_id), {})
    total = sum(counts.values())
    teams: dict[int, int] = {}
    for (team_id, _user_id), count in counts.items():
        if team_id is not None:
            teams[team_id] = teams.get(team_id, 0) + count
    if not teams:
        return None
    team_id, count = min(teams.items(), key=lambda item: (-item[1], item[0]))
    if count >= LEARN_THRESHOLD and count >= LEARN_SHARE * total:
        return team_id, count
    return None


def route(
    rng: random.Random,
    *,
    category: CategoryFacts,
    district_id: int | None,
    moment: dt.datetime,
    answers: Mapping,
    rules: list[Rule],
    staff: Staff,
) -> Routing:
    case = Case(category.id, category.parent_id, district_id, moment, answers)
    rule = first_matching_rule(rules, case)
    if rule is not None:
        prefix = f"regel '{rule.name}': "
        if rule.target_user_id is not None:
            person = staff.users[rule.target_user_id]
            return Routing(person, rule.target_team_id, f"{prefix}toegewezen aan {person.label}")
        if rule.target_team_id is None:
            owner, reason = responsible(
                rng, district_id=district_id, moment=moment, staff=staff, prefix=prefix
            )
            return Routing(owner, None, reason)
        return _to_team(
            rng,
            team_id=rule.target_team_id,
            district_id=district_id,
            moment=moment,
            staff=staff,
            prefix=prefix,
        )
    learned = learned_team(staff, category.id, district_id)
    if learned is not None:
        team_id, count = learned
        routing = _to_team(
            rng, team_id=team_id, district_id=district_id, moment=moment, staff=staff, prefix=""
        )
        because = f"op basis van {count} eerdere correcties door coördinatoren"
        if staff.routes_to_officer[team_id]:
            reason = f"team {staff.team_names[team_id]} {because}: {routing.reason}"
        else:
            reason = f"{routing.reason} {because}"
        return Routing(routing.owner, routing.team_id, reason)
    if category.team_id is not None:
        prefix = "" if staff.routes_to_officer[category.team_id] else f"categorie {category.name}: "
        return _to_team(
            rng,
            team_id=category.team_id,
            district_id=district_id,
            moment=moment,
            staff=staff,
            prefix=prefix,
        )
    owner, reason = responsible(rng, district_id=district_id, moment=moment, staff=staff, prefix="")
    return Routing(owner, None, reason)


def correction_count(
    staff: Staff, category_id: int, district_id: int | None, team_id, user_id
) -> None:
    """A coordinator moved a report away from where routing put it: routing learns from it."""
    counts = staff.corrections.setdefault((category_id, district_id), {})
    counts[(team_id, user_id)] = counts.get((team_id, user_id), 0) + 1
