"""Routing against the database: rules, teams, the district officer on duty, and learning."""

from __future__ import annotations

import datetime as dt

import pytest

from openhandhaving.reports.models import RoutingCorrection, RoutingRule
from openhandhaving.reports.routing import learned_target, route, rules_current
from openhandhaving.reports.tests.town import at
from openhandhaving.team.tests.factories import make_absence

pytestmark = pytest.mark.django_db


def hanna_ill(t):
    make_absence(t.officers["hanna"], "2026-11-24 09:00")


def hanna_and_piet_ill(t):
    hanna_ill(t)
    make_absence(t.officers["piet"], "2026-11-24 09:30", kind="leave")


def karin_without_login(t):
    officer = t.officers["karin"]
    officer.user = None
    officer.save()


def rule_parking_in_oost_to_handhaving(t):
    rule = RoutingRule.objects.create(
        name="Parkeren Oost → handhaving", order=1, target_team=t.handhaving
    )
    rule.categories.set([t.parkeer])
    rule.districts.set([t.oost])


def rule_night_noise_to_karin(t):
    rule = RoutingRule.objects.create(
        name="Nachtelijk geluid",
        order=1,
        time_from=dt.time(22, 0),
        time_until=dt.time(6, 0),
        target_user=t.karin,
    )
    rule.categories.set([t.overlast])  # a main category's rule covers its subcategories


def two_rules_first_wins(t):
    first = RoutingRule.objects.create(name="Afval eerst", order=1, target_team=t.parkeren)
    first.categories.set([t.afval])
    second = RoutingRule.objects.create(name="Afval daarna", order=2, target_user=t.karin)
    second.categories.set([t.afval])


def inactive_rule(t):
    rule = RoutingRule.objects.create(
        name="Uitgezet", order=1, active=False, target_team=t.parkeren
    )
    rule.categories.set([t.afval])


def nothing(t):
    pass


ROUTING = [
    # (what happens, set-up, category, wijk, moment, owner, team, reason)
    (
        "waste in West goes to the district officer on duty",
        nothing,
        "afval",
        "west",
        "2026-11-24 10:00",
        "hanna",
        None,
        "toegewezen aan H. de Vries: wijkhandhaver West, dienst tot 17:00",
    ),
    (
        "with the district officer ill the backup gets it, without naming the illness",
        hanna_ill,
        "afval",
        "west",
        "2026-11-24 10:00",
        "piet",
        None,
        "toegewezen aan P. Jansen: vervanger West (wijkhandhaver afwezig), dienst tot 17:00",
    ),
    (
        "with both away nobody else is on duty in West: the coordinators",
        hanna_and_piet_ill,
        "afval",
        "west",
        "2026-11-24 10:00",
        None,
        None,
        "naar de coördinatoren: wijkhandhaver afwezig, vervanger afwezig, "
        "niemand anders in dienst in West",
    ),
    (
        "in the evening nobody is on duty in West: the coordinators",
        nothing,
        "afval",
        "west",
        "2026-11-24 20:00",
        None,
        None,
        "naar de coördinatoren: wijkhandhaver niet in dienst",
    ),
    (
        "Oost in the afternoon goes to Karin",
        nothing,
        "afval",
        "oost",
        "2026-11-24 13:00",
        "karin",
        None,
        "toegewezen aan K. Bakker: wijkhandhaver Oost, dienst tot 22:00",
    ),
    (
        "an officer without a login cannot own reports: the coordinators",
        karin_without_login,
        "afval",
        "oost",
        "2026-11-24 13:00",
        None,
        None,
        "maar K. Bakker heeft geen (actief) account, dus naar de coördinatoren",
    ),
    (
        "a subcategory uses its main category's team, which works via the district officer",
        nothing,
        "geluid",
        "west",
        "2026-11-24 10:00",
        "hanna",
        "handhaving",
        "toegewezen aan H. de Vries: wijkhandhaver West",
    ),
    (
        "a district officer team with nobody on duty leaves it to the coordinators, not its queue",
        nothing,
        "geluid",
        "west",
        "2026-11-24 20:00",
        None,
        None,
        "naar de coördinatoren: wijkhandhaver niet in dienst",
    ),
    (
        "parking goes to the queue of team Parkeren",
        nothing,
        "parkeer",
        "west",
        "2026-11-24 10:00",
        None,
        "parkeren",
        "categorie Parkeren: naar de bak van team Parkeren",
    ),
    (
        "a rule sends parking in Oost to team Handhaving, which uses the district officer",
        rule_parking_in_oost_to_handhaving,
        "parkeer",
        "oost",
        "2026-11-24 13:00",
        "karin",
        "handhaving",
        "regel 'Parkeren Oost → handhaving': toegewezen aan K. Bakker: wijkhandhaver Oost",
    ),
    (
        "the same rule does not touch parking in West",
        rule_parking_in_oost_to_handhaving,
        "parkeer",
        "west",
        "2026-11-24 10:00",
        None,
        "parkeren",
        "categorie Parkeren",
    ),
    (
        "a night rule sends noise to a person, also in another wijk",
        rule_night_noise_to_karin,
        "geluid",
        "west",
        "2026-11-24 23:00",
        "karin",
        None,
        "regel 'Nachtelijk geluid': toegewezen aan K. Bakker",
    ),
    (
        "by day the night rule does not match",
        rule_night_noise_to_karin,
        "geluid",
        "west",
        "2026-11-24 10:00",
        "hanna",
        "handhaving",
        "wijkhandhaver West",
    ),
    (
        "of two matching rules the first in order wins",
        two_rules_first_wins,
        "afval",
        "west",
        "2026-11-24 10:00",
        None,
        "parkeren",
        "regel 'Afval eerst': naar de bak van team Parkeren",
    ),
    (
        "an inactive rule is ignored",
        inactive_rule,
        "afval",
        "west",
        "2026-11-24 10:00",
        "hanna",
        None,
        "wijkhandhaver West",
    ),
]


@pytest.mark.parametrize(
    ("setup", "category", "wijk", "moment", "owner", "team", "reason"),
    [pytest.param(*row[1:], id=row[0]) for row in ROUTING],
)
def test_routing(town, setup, category, wijk, moment, owner, team, reason):
    setup(town)
    decision = route(category=getattr(town, category), district=getattr(town, wijk), at=at(moment))
    assert (decision.owner.username if decision.owner else None) == owner
    assert (decision.team.slug if decision.team else None) == team
    assert reason in decision.reason


def test_a_rule_change_is_seen_without_restarting(town):
    assert route(category=town.afval, district=town.west, at=at()).owner == town.hanna
    rule = RoutingRule.objects.create(name="Afval naar Parkeren", target_team=town.parkeren)
    rule.categories.set([town.afval])
    assert route(category=town.afval, district=town.west, at=at()).team == town.parkeren
    rule.active = False
    rule.save()
    assert route(category=town.afval, district=town.west, at=at()).owner == town.hanna


def test_the_rules_are_read_once_while_they_do_not_change(town, django_assert_num_queries):
    rule = RoutingRule.objects.create(name="Afval", target_team=town.parkeren)
    rule.categories.set([town.afval])
    rules_current()
    with django_assert_num_queries(1):  # only the version
        assert [r.name for r in rules_current()] == ["Afval"]


# --- learning from corrections --------------------------------------------------------------

TEAM_A, TEAM_B, USER_X, USER_Y = 1, 2, 10, 11


@pytest.mark.parametrize(
    ("corrections", "expected"),
    [
        pytest.param([], None, id="no corrections: nothing learned"),
        pytest.param([(TEAM_A, None, 2)], None, id="two corrections are below the threshold"),
        pytest.param(
            [(TEAM_A, None, 3)], (TEAM_A, None, 3, 3), id="three to one team: the team is learned"
        ),
        pytest.param(
            [(TEAM_A, None, 3), (TEAM_B, None, 3)],
            None,
            id="split evenly over two teams: no 60 % majority",
        ),
        pytest.param(
            [(TEAM_A, None, 6), (TEAM_B, None, 4)],
            (TEAM_A, None, 6, 10),
            id="six of ten is exactly 60 %: learned",
        ),
        pytest.param(
            [(TEAM_A, None, 5), (TEAM_B, None, 4)],
            None,
            id="five of nine is below 60 %",
        ),
        pytest.param(
            [(TEAM_A, USER_X, 2), (TEAM_A, USER_Y, 2)],
            (TEAM_A, None, 4, 4),
            id="moves to two people of one team count for that team",
        ),
        pytest.param(
            [(None, USER_X, 4)],
            (None, USER_X, 4, 4),
            id="a person without a team is learned as a person",
        ),
        pytest.param(
            [(None, USER_X, 4), (TEAM_A, None, 1)],
            (None, USER_X, 4, 5),
            id="a team with too few loses to a person with enough",
        ),
    ],
)
def test_learned_target(corrections, expected):
    found = learned_target(corrections, threshold=3)
    got = (found.team_id, found.user_id, found.count, found.total) if found else None
    assert got == expected


def correct(town, times, *, team=None, user=None, category=None, district=None):
    RoutingCorrection.objects.create(
        category=category or town.afval,
        district=district or town.west,
        to_team=team,
        to_user=user,
        count=times,
        last_at=at(),
    )


def test_enough_corrections_to_a_team_route_there(town):
    correct(town, 3, team=town.parkeren)
    decision = route(category=town.afval, district=town.west, at=at())
    assert (decision.owner, decision.team, decision.learned) == (None, town.parkeren, True)
    assert decision.reason == (
        "naar de bak van team Parkeren op basis van 3 eerdere correcties door coördinatoren"
    )


def test_below_the_threshold_routing_is_unchanged(town, settings):
    settings.REPORTS_ROUTING_LEARN_THRESHOLD = 5
    correct(town, 4, team=town.parkeren)
    assert route(category=town.afval, district=town.west, at=at()).owner == town.hanna


def test_corrections_count_per_wijk(town):
    correct(town, 5, team=town.parkeren, district=town.oost)
    assert route(category=town.afval, district=town.west, at=at()).owner == town.hanna


def test_a_learned_person_is_only_suggested(town):
    correct(town, 4, user=town.karin)
    decision = route(category=town.afval, district=town.west, at=at())
    assert decision.owner == town.hanna
    assert (
        decision.suggestion == "suggestie: coördinatoren gaven deze meldingen 4 keer aan K. Bakker"
    )
    assert decision.reason.endswith(f"({decision.suggestion})")


def test_a_rule_still_wins_over_what_was_learned(town):
    correct(town, 9, team=town.parkeren)
    rule = RoutingRule.objects.create(name="Afval naar Handhaving", target_team=town.handhaving)
    rule.categories.set([town.afval])
    decision = route(category=town.afval, district=town.west, at=at())
    assert (decision.owner, decision.rule) == (town.hanna, rule)
