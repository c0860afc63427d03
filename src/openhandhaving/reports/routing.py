"""Who gets a report, and why: routing rules, learned corrections, the responsible team, the wijk.

Order (ADR 0004): the first matching routing rule → a team that coordinators keep correcting
to (learned) → the category's responsible team → the responsibility function of the team app
(district officer on duty → backup → colleague on duty → coordinators). A team that "routes to
district officers" hands over to that responsibility function; any other team gets the report in
its own queue. Every decision carries a Dutch sentence for the history.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone

from openhandhaving.areas.models import District
from openhandhaving.core.caching import Fresh
from openhandhaving.core.models import User
from openhandhaving.reports.labels import user_label
from openhandhaving.reports.models import Category, RoutingCorrection, RoutingRule, Team
from openhandhaving.reports.routing_rules import Case, Rule, first_matching_rule
from openhandhaving.team.roster_cache import responsibility_cached

DEFAULT_LEARN_THRESHOLD = 3
LEARN_SHARE = 0.6  # the learned target must hold at least this share of the corrections


@dataclass(frozen=True)
class RoutingDecision:
    """The owner (a person, else None) and team of a report, the rule that decided, and why."""

    owner: User | None
    team: Team | None
    rule: RoutingRule | None
    reason: str
    learned: bool = False  # the team came from coordinators' corrections
    suggestion: str = ""  # a learned person, shown but not applied

    @property
    def to_coordinators(self) -> bool:
        return self.owner is None and self.team is None


# --- the rules and the corrections, cached per process (core.caching) ------------------------


@dataclass(frozen=True)
class _CachedRules:
    rules: tuple[Rule, ...]
    rows: dict[int, RoutingRule]  # with target team and person, for the decision's reason


def rule_from_row(
    row: RoutingRule, category_ids: Iterable[int], district_ids: Iterable[int]
) -> Rule:
    answers = row.answers if isinstance(row.answers, dict) else {}
    return Rule(
        id=row.pk,
        name=row.name,
        order=row.order,
        category_ids=frozenset(category_ids),
        district_ids=frozenset(district_ids),
        weekdays=frozenset(int(day) for day in (row.weekdays or [])),
        time_from=row.time_from,
        time_until=row.time_until,
        answers=tuple(sorted((str(k), str(v)) for k, v in answers.items())),
        target_team_id=row.target_team_id,
        target_user_id=row.target_user_id,
    )


def _rules_load(_version) -> _CachedRules:
    rows = list(
        RoutingRule.objects.filter(active=True).select_related("target_team", "target_user")
    )
    ids = [row.pk for row in rows]
    categories: dict[int, list[int]] = {pk: [] for pk in ids}
    districts: dict[int, list[int]] = {pk: [] for pk in ids}
    through = RoutingRule.categories.through.objects.filter(routingrule_id__in=ids)
    for rule_id, category_id in through.values_list("routingrule_id", "category_id"):
        categories[rule_id].append(category_id)
    through = RoutingRule.districts.through.objects.filter(routingrule_id__in=ids)
    for rule_id, district_id in through.values_list("routingrule_id", "district_id"):
        districts[rule_id].append(district_id)
    rules = tuple(rule_from_row(r, categories[r.pk], districts[r.pk]) for r in rows)
    return _CachedRules(rules=rules, rows={row.pk: row for row in rows})


# Plain SQL for the version reads: building these tiny queries through the ORM costs more than
# running them (bench/reports_intake.py).


def _rules_version() -> tuple:
    """Any save of a rule (the admin saves the rule with its categories and wijken) moves its
    updated_at, a deletion moves the count."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), MAX({quote('id')}), MAX({quote('updated_at')}) "
            f"FROM {quote(RoutingRule._meta.db_table)}"
        )
        return tuple(cursor.fetchone())


def _corrections_version() -> tuple:
    """Every recorded correction adds a row or raises a count and moves last_at."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*), SUM({quote('count')}), MAX({quote('last_at')}) "
            f"FROM {quote(RoutingCorrection._meta.db_table)}"
        )
        return tuple(cursor.fetchone())


def _corrections_load(_version) -> dict[tuple[int, int | None], list[tuple]]:
    found: dict[tuple[int, int | None], list[tuple]] = {}
    rows = RoutingCorrection.objects.values_list(
        "category_id", "district_id", "to_team_id", "to_user_id", "count"
    )
    for category_id, district_id, team_id, user_id, count in rows:
        found.setdefault((category_id, district_id), []).append((team_id, user_id, count))
    return found


_rules: Fresh[_CachedRules] = Fresh(version=_rules_version, load=_rules_load)
_corrections_cache: Fresh[dict] = Fresh(version=_corrections_version, load=_corrections_load)


def rules_current() -> tuple[Rule, ...]:
    """The active rules as pure Rule objects (other processes' changes show within seconds)."""
    return _rules.get().rules


def _corrections(category_id: int, district_id: int | None) -> list[tuple]:
    return _corrections_cache.get().get((category_id, district_id), [])


def rules_cache_clear() -> None:
    """Forget the cached rules and corrections (after a change in this process)."""
    _rules.clear()
    _corrections_cache.clear()


# --- learning from coordinators' corrections -------------------------------------------------


@dataclass(frozen=True)
class Learned:
    team_id: int | None
    user_id: int | None
    count: int
    total: int


def learned_target(
    corrections: Iterable[tuple[int | None, int | None, int]],
    *,
    threshold: int,
    share: float = LEARN_SHARE,
) -> Learned | None:
    """The team (else the person) that coordinators moved these reports to often enough.

    `corrections` are (to_team_id, to_user_id, count) rows of one category and wijk. A team wins
    when its count reaches `threshold` and at least `share` of all corrections; a move to a person
    of a team counts for that team too. Only when no team wins is a person considered.
    """
    rows = list(corrections)
    total = sum(count for _team, _user, count in rows)
    if total == 0:
        return None
    teams: Counter[int] = Counter()
    users: Counter[int] = Counter()
    for team_id, user_id, count in rows:
        if team_id is not None:
            teams[team_id] += count
        if user_id is not None:
            users[user_id] += count
    for counts, as_team in ((teams, True), (users, False)):
        if not counts:
            continue
        # Highest count first; the lowest id breaks a tie, so the answer never flickers.
        target, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if count >= threshold and count >= share * total:
            return Learned(
                team_id=target if as_team else None,
                user_id=None if as_team else target,
                count=count,
                total=total,
            )
    return None


def learn_threshold() -> int:
    return int(getattr(settings, "REPORTS_ROUTING_LEARN_THRESHOLD", DEFAULT_LEARN_THRESHOLD))


def learned_for(*, category: Category, district: District | None) -> Learned | None:
    rows = _corrections(category.pk, district.pk if district else None)
    return learned_target(rows, threshold=learn_threshold())


# --- the decision ----------------------------------------------------------------------------


def _to_responsible(
    *, district: District | None, at: dt.datetime, prefix: str, reveal_absence_kind: bool
) -> tuple[User | None, str]:
    """The officer responsible for the wijk now (or nobody), with the explanation."""
    if district is None:
        return None, f"{prefix}naar de coördinatoren: de plek ligt niet in een wijk"
    answer, user = responsibility_cached(
        district_id=district.pk,
        district_name=district.name,
        at=at,
        reveal_absence_kind=reveal_absence_kind,
    )
    if answer.officer_id is None:
        return None, prefix + answer.explanation
    if user is None:
        return None, (
            f"{prefix}{answer.explanation}; maar {answer.officer_name} heeft geen (actief) "
            "account, dus naar de coördinatoren"
        )
    return user, prefix + answer.explanation


def _to_team(
    *,
    team: Team,
    district: District | None,
    at: dt.datetime,
    prefix: str,
    reveal_absence_kind: bool,
) -> tuple[User | None, Team | None, str]:
    if not team.routes_to_district_officer:
        return None, team, f"{prefix}naar de bak van team {team.name}"
    owner, reason = _to_responsible(
        district=district, at=at, prefix=prefix, reveal_absence_kind=reveal_absence_kind
    )
    # Nobody on duty: the coordinators' queue, not a team queue that nobody works from.
    return owner, team if owner is not None else None, reason


def _responsible_team(category: Category) -> Team | None:
    """The category's team; a subcategory without one uses its main category's team."""
    if category.responsible_team_id is not None:
        return category.responsible_team
    if category.parent_id is not None:
        return category.parent.responsible_team
    return None


def route(
    *,
    category: Category,
    district: District | None,
    at: dt.datetime | None = None,
    answers: Mapping[str, str | list[str]] | None = None,
    reveal_absence_kind: bool = False,
) -> RoutingDecision:
    """Decide who gets a report of `category` in `district` at `at` (default now), and why.

    `reveal_absence_kind` names illness or leave in the reason; off by default, because the
    reason is stored in the history that every colleague reads (ADR 0003).
    """
    at = timezone.localtime(at or timezone.now())
    case = Case(
        category_id=category.pk,
        parent_category_id=category.parent_id,
        district_id=district.pk if district else None,
        moment=at,
        answers=answers or {},
    )
    rule = first_matching_rule(rules_current(), case)
    if rule is not None:
        row = _rules.get().rows[rule.id]
        prefix = f"regel '{row.name}': "
        user = row.target_user
        if user is not None and user.is_active:
            return RoutingDecision(
                owner=user,
                team=row.target_team,
                rule=row,
                reason=f"{prefix}toegewezen aan {user_label(user)}",
            )
        if user is not None:
            return RoutingDecision(
                owner=None,
                team=None,
                rule=row,
                reason=f"{prefix}{user_label(user)} heeft geen actief account, "
                "dus naar de coördinatoren",
            )
        if row.target_team is None:  # a rule without a target: the wijk decides
            owner, reason = _to_responsible(
                district=district, at=at, prefix=prefix, reveal_absence_kind=reveal_absence_kind
            )
            return RoutingDecision(owner=owner, team=None, rule=row, reason=reason)
        owner, team, reason = _to_team(
            team=row.target_team,
            district=district,
            at=at,
            prefix=prefix,
            reveal_absence_kind=reveal_absence_kind,
        )
        return RoutingDecision(owner=owner, team=team, rule=row, reason=reason)

    learned = learned_for(category=category, district=district)
    suggestion = ""
    if learned is not None and learned.team_id is not None:
        learned_team = Team.objects.get(pk=learned.team_id)
        owner, team, reason = _to_team(
            team=learned_team,
            district=district,
            at=at,
            prefix="",
            reveal_absence_kind=reveal_absence_kind,
        )
        because = f"op basis van {learned.count} eerdere correcties door coördinatoren"
        return RoutingDecision(
            owner=owner,
            team=team,
            rule=None,
            reason=f"team {learned_team.name} {because}: {reason}"
            if learned_team.routes_to_district_officer
            else f"{reason} {because}",
            learned=True,
        )
    if learned is not None and learned.user_id is not None:
        person = User.objects.filter(pk=learned.user_id).first()
        if person is not None:
            suggestion = (
                f"suggestie: coördinatoren gaven deze meldingen {learned.count} keer aan "
                f"{user_label(person)}"
            )

    responsible = _responsible_team(category)
    team = None
    if responsible is not None:
        owner, team, reason = _to_team(
            team=responsible,
            district=district,
            at=at,
            prefix="" if responsible.routes_to_district_officer else f"categorie {category.name}: ",
            reveal_absence_kind=reveal_absence_kind,
        )
    else:
        owner, reason = _to_responsible(
            district=district, at=at, prefix="", reveal_absence_kind=reveal_absence_kind
        )
    if suggestion:
        reason = f"{reason} ({suggestion})"
    return RoutingDecision(owner=owner, team=team, rule=None, reason=reason, suggestion=suggestion)
