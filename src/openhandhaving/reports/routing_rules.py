"""Routing rules as data, evaluated by one pure function: the first active rule that matches wins.

A rule matches a report when every condition it sets holds (an empty condition matches anything):
category (a rule for a main category covers its subcategories), wijk, weekday, a local time
window (which may run past midnight) and answers to the category's extra questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    id: int
    name: str
    order: int = 0
    category_ids: frozenset[int] = frozenset()
    district_ids: frozenset[int] = frozenset()
    weekdays: frozenset[int] = frozenset()  # 0 = monday
    time_from: dt.time | None = None
    time_until: dt.time | None = None
    answers: tuple[tuple[str, str], ...] = ()  # (question key, answer); all must be given
    target_team_id: int | None = None
    target_user_id: int | None = None


@dataclass(frozen=True)
class Case:
    category_id: int
    parent_category_id: int | None
    district_id: int | None
    moment: dt.datetime  # local time
    answers: Mapping[str, str | list[str]] = field(default_factory=dict)


def in_window(moment: dt.time, start: dt.time | None, end: dt.time | None) -> bool:
    """[start, end) in local time; a window whose end is before its start runs past midnight."""
    if start is None and end is None:
        return True
    start = start or dt.time(0, 0)
    end = end or dt.time(23, 59, 59, 999999)
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


def _answered(answers: Mapping[str, str | list[str]], key: str, wanted: str) -> bool:
    given = answers.get(key)
    if isinstance(given, list):
        return wanted in given
    return given == wanted


def rule_matches(rule: Rule, case: Case) -> bool:
    if rule.category_ids and not (
        case.category_id in rule.category_ids or case.parent_category_id in rule.category_ids
    ):
        return False
    if rule.district_ids and case.district_id not in rule.district_ids:
        return False
    if rule.weekdays and case.moment.weekday() not in rule.weekdays:
        return False
    if not in_window(case.moment.time(), rule.time_from, rule.time_until):
        return False
    return all(_answered(case.answers, key, wanted) for key, wanted in rule.answers)


def first_matching_rule(rules: Iterable[Rule], case: Case) -> Rule | None:
    """The matching rule with the lowest order (then lowest id), or None."""
    for rule in sorted(rules, key=lambda r: (r.order, r.id)):
        if rule_matches(rule, case):
            return rule
    return None
