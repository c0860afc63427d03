"""Routing rules: first match wins; every condition narrows."""

from __future__ import annotations

import datetime as dt

import pytest

from openhandhaving.reports.routing_rules import Case, Rule, first_matching_rule, in_window

PARKING, NOISE, WASTE = 10, 20, 30
WRONG_PARKING = 11  # subcategory of PARKING
CENTRUM, HAVEN = 1, 2
MONDAY_9 = dt.datetime(2026, 11, 23, 9, 0)
SATURDAY_23 = dt.datetime(2026, 11, 28, 23, 0)

RULES = [
    Rule(
        id=1,
        name="nachtelijk geluid naar het nachtteam",
        order=1,
        category_ids=frozenset({NOISE}),
        time_from=dt.time(22, 0),
        time_until=dt.time(6, 0),
        target_team_id=7,
    ),
    Rule(
        id=2,
        name="parkeren in de haven naar team parkeren",
        order=2,
        category_ids=frozenset({PARKING}),
        district_ids=frozenset({HAVEN}),
        target_team_id=8,
    ),
    Rule(
        id=3,
        name="grofvuil met asbest naar de milieudienst",
        order=3,
        category_ids=frozenset({WASTE}),
        answers=(("asbest", "ja"),),
        target_team_id=9,
    ),
    Rule(
        id=4,
        name="weekendafval naar de weekendploeg",
        order=4,
        category_ids=frozenset({WASTE}),
        weekdays=frozenset({5, 6}),
        target_user_id=42,
    ),
]


def case(category, parent=None, district=CENTRUM, moment=MONDAY_9, answers=None):
    return Case(
        category_id=category,
        parent_category_id=parent,
        district_id=district,
        moment=moment,
        answers=answers or {},
    )


@pytest.mark.parametrize(
    ("report", "expected"),
    [
        pytest.param(
            case(NOISE, moment=SATURDAY_23), 1, id="noise at 23:00 goes to the night team"
        ),
        pytest.param(case(NOISE), None, id="noise at nine in the morning matches no rule"),
        pytest.param(
            case(NOISE, moment=dt.datetime(2026, 11, 24, 5, 59)),
            1,
            id="the night window runs past midnight",
        ),
        pytest.param(
            case(NOISE, moment=dt.datetime(2026, 11, 24, 6, 0)),
            None,
            id="the window ends at six, exclusive",
        ),
        pytest.param(
            case(WRONG_PARKING, parent=PARKING, district=HAVEN),
            2,
            id="a subcategory is covered by its main category's rule",
        ),
        pytest.param(
            case(WRONG_PARKING, parent=PARKING, district=CENTRUM),
            None,
            id="parking outside the haven matches no rule",
        ),
        pytest.param(case(WASTE, answers={"asbest": "ja"}), 3, id="an answer selects a rule"),
        pytest.param(
            case(WASTE, answers={"asbest": ["ja", "weet niet"]}),
            3,
            id="a multiple-choice answer containing the value matches",
        ),
        pytest.param(
            case(WASTE, answers={"asbest": "nee"}, moment=SATURDAY_23),
            4,
            id="a weekday rule catches weekend waste without asbestos",
        ),
        pytest.param(
            case(WASTE, answers={"asbest": "ja"}, moment=SATURDAY_23),
            3,
            id="first match wins: asbestos beats the weekend rule",
        ),
    ],
)
def test_first_matching_rule(report, expected):
    rule = first_matching_rule(RULES, report)
    assert (rule.id if rule else None) == expected


def test_order_decides_not_the_list_position():
    late, early = Rule(id=1, name="a", order=5), Rule(id=2, name="b", order=1)
    assert first_matching_rule([late, early], case(NOISE)).id == 2


def test_open_window_bounds():
    assert in_window(dt.time(3, 0), None, dt.time(6, 0))
    assert not in_window(dt.time(7, 0), None, dt.time(6, 0))
    assert in_window(dt.time(23, 59), dt.time(22, 0), None)
