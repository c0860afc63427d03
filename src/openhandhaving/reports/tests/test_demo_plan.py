"""The pure parts of the reports demo: school calendar, texts, routing and handling of a report."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

from openhandhaving.reports.choices import END_STATES, TEXT_REQUIRED, can_transition
from openhandhaving.reports.demo_calendar import (
    holiday_dip,
    is_school_day,
    school_holiday,
)
from openhandhaving.reports.demo_catalogue import CATEGORIES, RULES, TEAMS, subcategories
from openhandhaving.reports.demo_lifecycle import lifecycle
from openhandhaving.reports.demo_routing import CategoryFacts, Person, Staff, route
from openhandhaving.reports.demo_texts import report_text, reporter, with_article
from openhandhaving.reports.routing_rules import Rule

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("day", "holiday"),
    [
        (dt.date(2025, 2, 17), "voorjaarsvakantie"),  # Monday of week 8
        (dt.date(2025, 2, 14), None),  # the Friday before
        (dt.date(2025, 4, 28), "meivakantie"),
        (dt.date(2025, 7, 14), "zomervakantie"),  # region Midden: 12 July - 24 August 2025
        (dt.date(2025, 8, 25), None),  # school starts again
        (dt.date(2026, 8, 28), "zomervakantie"),  # 2026 starts a week later: 18 July - 30 Aug
        (dt.date(2025, 10, 20), "herfstvakantie"),
        (dt.date(2025, 12, 20), "kerstvakantie"),  # the Saturday before Christmas
        (dt.date(2026, 1, 4), "kerstvakantie"),  # the last Sunday
        (dt.date(2026, 1, 5), None),
    ],
)
def test_school_holidays_of_region_midden(day, holiday):
    assert school_holiday(day) == holiday


@pytest.mark.parametrize(
    ("day", "school"),
    [
        (dt.date(2026, 3, 2), True),  # an ordinary Monday
        (dt.date(2026, 3, 7), False),  # Saturday
        (dt.date(2026, 4, 27), False),  # Koningsdag, in the May holiday anyway
        (dt.date(2026, 5, 14), False),  # Ascension Day
        (dt.date(2026, 5, 15), False),  # and the Friday after it
        (dt.date(2026, 5, 25), False),  # Whit Monday
        (dt.date(2026, 5, 26), True),
    ],
)
def test_school_days(day, school):
    assert is_school_day(day) is school


def test_christmas_is_quieter_than_an_ordinary_day():
    assert holiday_dip(dt.date(2025, 12, 25)) < holiday_dip(dt.date(2025, 12, 29)) < 1
    assert holiday_dip(dt.date(2025, 11, 12)) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Merelstraat", "de Merelstraat"),
        ("Maïsveld", "het Maïsveld"),
        ("Werfpad", "het Werfpad"),
        ("Het Reigersbos", "het Reigersbos"),
        ("Stadspark", "het Stadspark"),
        ("Station Waterdam", "het Station Waterdam"),
        ("Markt (weekmarkt)", "de Markt"),
    ],
)
def test_streets_and_places_get_the_right_article(name, expected):
    assert with_article(name) == expected


def test_the_category_tree_has_two_levels_with_unique_codes_and_valid_questions():
    slugs = [main.slug for main in CATEGORIES] + [sub.slug for _, sub in subcategories()]
    assert len(slugs) == len(set(slugs))
    team_slugs = {team.slug for team in TEAMS}
    for main, sub in subcategories():
        assert not sub.children
        assert (sub.team or main.team) in team_slugs | {None}
        for question in sub.questions:
            assert question["type"] in ("text", "choice", "multiple")
            assert bool(question["options"]) == (question["type"] != "text")
    for rule in RULES:
        assert set(rule.categories) <= set(slugs)
        assert rule.team in team_slugs | {None}


@pytest.mark.parametrize("channel", ["web", "app", "email", "phone", "own_observation"])
def test_report_texts_are_dutch_sentences_about_the_street(channel):
    rng = random.Random(7)
    texts = [
        report_text(
            rng, slug=sub.slug, pattern=None, channel=channel, street="Merelstraat", place=""
        )
        for _, sub in subcategories()
        for _ in range(3)
    ]
    assert all(len(text) >= 15 for text in texts)
    assert not any("{" in text or "}" in text for text in texts)
    assert sum("Merelstraat" in text for text in texts) > 0.8 * len(texts)


def test_reporters_are_fictional_or_anonymous():
    rng = random.Random(3)
    people = [reporter(rng, channel="web") for _ in range(300)]
    anonymous = [p for p in people if p is None]
    assert 0.1 < len(anonymous) / len(people) < 0.4
    assert all(p["email"].endswith("@example.org") for p in people if p and p["email"])
    assert reporter(rng, channel="own_observation") is None


def staff() -> Staff:
    officer, backup = Person(11, "H. de Vries"), Person(12, "P. Jansen")
    return Staff(
        wijk_names={1: "Centrum"},
        district_officers={1: officer},
        backups={1: backup},
        on_call=[Person(13, "K. Smit")],
        team_names={100: "Handhaving", 101: "Handhaving nachtdienst", 102: "Stadsbeheer"},
        team_members={
            100: [officer, backup],
            101: [Person(13, "K. Smit")],
            102: [Person(14, "S. Bakker")],
        },
        routes_to_officer={100: True, 101: False, 102: False},
        users={1: Person(1, "C. Dijkstra")},
        coordinator=Person(1, "C. Dijkstra"),
        kcc=Person(2, "K. Claassen"),
    )


NOISE = CategoryFacts(5, 4, "geluidsoverlast", "overlast", "Geluidsoverlast", 100)
LITTER = CategoryFacts(7, 6, "zwerfafval", "afval", "Zwerfafval", 102)
NIGHT_RULE = Rule(
    id=1,
    name="Geluid 's nachts naar de nachtdienst",
    category_ids=frozenset({5}),
    time_from=dt.time(22),
    time_until=dt.time(7),
    target_team_id=101,
)


@pytest.mark.parametrize(
    ("category", "moment", "owner", "team", "reason_start"),
    [
        (NOISE, dt.datetime(2026, 3, 7, 1, 30), None, 101, "regel 'Geluid 's nachts"),
        (LITTER, dt.datetime(2026, 3, 4, 10), None, 102, "categorie Zwerfafval: naar de bak"),
    ],
)
def test_routing_follows_rules_then_the_category_team(category, moment, owner, team, reason_start):
    decision = route(
        random.Random(1),
        category=category,
        district_id=1,
        moment=moment.replace(tzinfo=AMS),
        answers={},
        rules=[NIGHT_RULE],
        staff=staff(),
    )
    assert (decision.owner, decision.team_id) == (owner, team)
    assert decision.reason.startswith(reason_start)


def test_handhaving_reports_go_to_an_officer_on_duty_or_the_coordinators_with_a_reason():
    rng = random.Random(5)
    seen = set()
    for _ in range(200):
        decision = route(
            rng,
            category=NOISE,
            district_id=1,
            moment=dt.datetime(2026, 3, 4, 10, tzinfo=AMS),
            answers={},
            rules=[NIGHT_RULE],
            staff=staff(),
        )
        seen.add(decision.owner.label if decision.owner else "coördinatoren")
        assert decision.team_id == 100
        assert decision.reason.startswith(("toegewezen aan", "naar de coördinatoren"))
    assert seen == {"H. de Vries", "P. Jansen", "K. Smit", "coördinatoren"}


NOW = dt.datetime(2026, 2, 12, 8, tzinfo=AMS)  # 900 hours after the first report below


def _story(seed: int, minimal: bool = False):
    rng = random.Random(seed)
    reported = dt.datetime(2026, 1, 5, 9, 0, tzinfo=AMS) + dt.timedelta(hours=seed % 900)
    decision = route(
        rng, category=NOISE, district_id=1, moment=reported, answers={}, rules=[], staff=staff()
    )
    contact = {"name": "A", "email": "a@example.org", "phone": "", "may_contact": True}
    return lifecycle(
        rng,
        reported_at=reported,
        due=reported + dt.timedelta(days=3),
        channel="web",
        created_by=None,
        routing=decision,
        category=NOISE,
        district_id=1,
        contact=contact,
        staff=staff(),
        now=NOW,
        message_for=lambda status: f"Uw melding is {status}",
        minimal=minimal,
    )


@pytest.mark.parametrize("minimal", [False, True])
def test_every_handling_story_follows_the_transition_table(minimal):
    statuses = set()
    for seed in range(400):
        outcome = _story(seed, minimal)
        times = [e.time for e in outcome.events]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert outcome.events[0].kind == "created"
        status = "new"
        for event in outcome.events:
            if event.kind == "status":
                assert event.old == status and can_transition(status, event.new)
                assert event.text or event.new not in TEXT_REQUIRED
                status = event.new
        assert status == outcome.status
        assert (outcome.closed_at is not None) == (status in END_STATES)
        statuses.add(status)
    assert {"done", "cancelled"} <= statuses


def test_reports_of_the_last_days_are_still_open_and_old_ones_mostly_closed():
    outcomes = [_story(seed) for seed in range(900)]
    recent, old = outcomes[-60:], outcomes[:400]  # made in the last 3 days; 3 weeks ago or more
    assert sum(o.status not in END_STATES for o in recent) > len(recent) / 2
    assert sum(o.status not in END_STATES for o in old) < len(old) / 10


DIGEST_SCRIPT = """
import datetime as dt, hashlib, random
from openhandhaving.reports.tests.test_demo_plan import _story
h = hashlib.sha256()
for seed in range(60):
    o = _story(seed)
    h.update(repr([(e.time.isoformat(), e.kind, e.actor_id, e.old, e.new, e.text)
                   for e in o.events]).encode())
print(h.hexdigest())
"""


def test_handling_is_the_same_whatever_the_hash_seed_of_the_process():
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        result = subprocess.run(
            [sys.executable, "-c", DIGEST_SCRIPT],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        digests.add(result.stdout.strip())
    assert len(digests) == 1
    assert len(digests.pop()) == 64


def test_demo_answers_pass_the_same_checks_as_a_real_report():
    """Every category's demo answers are valid options, never a hard stop (report_create's
    answers_clean accepts them), whatever the draw."""
    from openhandhaving.reports.demo_plan import _answers
    from openhandhaving.reports.models import Category
    from openhandhaving.reports.services.checks import answers_clean

    rng = random.Random(3)
    moments = [
        dt.datetime(2026, 3, 2, hour, tzinfo=ZoneInfo("Europe/Amsterdam")) for hour in (2, 9)
    ]
    for _main, sub in subcategories():
        if not sub.questions:
            continue
        category = Category(slug=sub.slug, name=sub.name, questions=list(sub.questions))
        for i in range(40):
            answers = _answers(rng, sub.slug, None, moments[i % 2])
            answers_clean(answers, category)  # raises ReportRuleError if not
