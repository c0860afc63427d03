"""`openhandhaving routing explain`: one JSON line, or a Dutch message and exit code 2."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from openhandhaving.reports.models import RoutingRule
from openhandhaving.reports.tests.town import IN_OOST, IN_WEST, at
from openhandhaving.team.tests.factories import make_absence

pytestmark = pytest.mark.django_db


def explain(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("routing", *args, stdout=out, stderr=err)
    except SystemExit as stopped:
        return stopped.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def where(point, category="afval", moment="2026-11-24T10:00"):
    return [
        "explain",
        f"--lat={point[0]}",
        f"--lon={point[1]}",
        f"--category={category}",
        f"--at={moment}",
    ]


def test_the_district_officer_on_duty(town):
    code, out, err = explain(*where(IN_WEST))
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    answer = json.loads(out)
    assert answer["owner"] == "hanna"
    assert answer["wijk"] == "West"
    assert answer["rule"] is None
    assert answer["team"] is None
    assert answer["reason"] == "toegewezen aan H. de Vries: wijkhandhaver West, dienst tot 17:00"


def test_the_backup_when_the_district_officer_is_ill(town):
    make_absence(town.officers["hanna"], "2026-11-24 08:00")
    answer = json.loads(explain(*where(IN_WEST))[1])
    assert answer["owner"] == "piet"
    assert "vervanger West (wijkhandhaver afwezig)" in answer["reason"]


def test_nobody_on_duty_means_the_coordinators(town):
    answer = json.loads(explain(*where(IN_WEST, moment="2026-11-24T23:00"))[1])
    assert (answer["owner"], answer["team"]) == ("coordinators", None)
    assert answer["reason"].startswith("naar de coördinatoren")


def test_a_rule_and_a_team_queue(town):
    rule = RoutingRule.objects.create(name="Parkeren Oost", target_team=town.parkeren)
    rule.categories.set([town.parkeer])
    answer = json.loads(explain(*where(IN_OOST, category="parkeren"))[1])
    assert answer["owner"] == "coordinators"  # nobody in person: the team's queue
    assert (answer["team"], answer["wijk"], answer["rule"]) == ("parkeren", "Oost", "Parkeren Oost")
    assert answer["reason"] == "regel 'Parkeren Oost': naar de bak van team Parkeren"


def test_a_moment_with_an_offset_is_understood(town):
    answer = json.loads(explain(*where(IN_WEST, moment="2026-11-24T09:00+00:00"))[1])
    assert answer["at"] == at("2026-11-24 10:00").isoformat()
    assert answer["owner"] == "hanna"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["explain", "--lat=52.098", "--category=afval"], "Geef ook --lon op.", id="no lon"
        ),
        pytest.param(
            where(("noord", 5.105)), "Geef de plek op", id="a latitude that is not a number"
        ),
        pytest.param(where((52.5, 6.0)), "buiten de gemeente Utrecht", id="outside the town"),
        pytest.param(
            where(IN_WEST, category="vuurwerk"),
            "Categorie 'vuurwerk' bestaat niet",
            id="unknown category",
        ),
        pytest.param(
            where(IN_WEST, moment="morgen"), "'morgen' is geen datum en tijd", id="bad moment"
        ),
        pytest.param(["uitleggen"], "alleen 'explain' bestaat", id="unknown action"),
        pytest.param([*where(IN_WEST), "--wijk=West"], "Onjuiste aanroep", id="unknown option"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_exit_code_2(town, args, message, capsys):
    code, out, err = explain(*args)
    err += capsys.readouterr().err  # argparse complains before call_command hands over stderr
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err
