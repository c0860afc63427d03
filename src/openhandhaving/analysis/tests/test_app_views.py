"""Analyst pages over real HTTP: who may see them, empty states, results, interventions."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from openhandhaving.analysis.choices import ResultKind
from openhandhaving.analysis.models import AnalysisResult, Intervention
from openhandhaving.analysis.services import analysis_nightly
from openhandhaving.analysis.tests.app_data import NIGHT, TODAY, plant

pytestmark = pytest.mark.django_db

PAGES = ["overview", "hotspots", "forecast", "trends", "interventions"]
LATER = NIGHT + dt.timedelta(hours=8)


@pytest.mark.parametrize("name", PAGES)
def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(client, name):
    response = client.get(reverse(f"analysis:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", PAGES)
def test_an_officer_may_not_open_the_analysis(client, as_role, name):
    as_role("officer")
    assert client.get(reverse(f"analysis:{name}")).status_code == 403


def test_an_officer_cannot_start_the_computation(client, as_role):
    as_role("officer")
    assert client.post(reverse("analysis:run_now")).status_code == 403
    assert AnalysisResult.objects.count() == 0


@pytest.mark.parametrize("name", PAGES)
def test_before_the_first_run_the_pages_say_so_and_offer_to_compute(client, as_role, name):
    as_role("analyst")
    response = client.get(reverse(f"analysis:{name}"))
    assert response.status_code == 200
    if name != "interventions":
        assert "Er is nog niets berekend" in response.text
        assert "Nu berekenen" in response.text


def test_a_coordinator_reads_the_analysis_but_cannot_start_it(client, as_role):
    as_role("coordinator")
    response = client.get(reverse("analysis:hotspots"))
    assert response.status_code == 200
    assert "Nu berekenen" not in response.text
    assert 'href="/analyse/"' in client.get("/").text  # the menu entry


@time_machine.travel(LATER, tick=False)
def test_the_analyst_computes_and_sees_the_school_hotspot_its_hours_and_the_forecast(
    client, as_role, town
):
    plant(town)
    as_role("analyst")
    response = client.post(reverse("analysis:run_now"), {"next": "/analyse/hotspots/"})
    assert response.status_code == 302 and response.url == "/analyse/hotspots/"
    assert AnalysisResult.objects.filter(kind=ResultKind.HOTSPOTS, category="parkeren").exists()

    page = client.get(reverse("analysis:hotspots"), {"categorie": "parkeren"})
    assert page.status_code == 200
    assert "Hotspots: Parkeren" in page.text
    assert "data-hotspot-table" in page.text and "data-layers=" in page.text
    assert "ma–vr 08:" in page.text

    result = AnalysisResult.objects.filter(kind=ResultKind.HOTSPOTS, category="parkeren").first()
    detail = client.get(reverse("analysis:hotspot_detail", args=[result.pk, 1]))
    assert detail.status_code == 200
    assert "data-heat-grid" in detail.text and "maandag" in detail.text
    assert 'class="oh-heat__c5"' in detail.text  # the busiest hour is the darkest cell
    assert client.get(reverse("analysis:hotspot_detail", args=[result.pk, 99])).status_code == 404

    forecast = client.get(reverse("analysis:forecast"), {"categorie": "parkeren"})
    assert forecast.status_code == 200
    assert "data-forecast-table" in forecast.text
    assert f"{TODAY + dt.timedelta(days=6):%-d}" in forecast.text

    overview = client.get(reverse("analysis:overview"))
    assert "Laatst berekend" in overview.text
    assert "Parkeren: <a" in overview.text  # the strongest hotspot per category

    trends = client.get(reverse("analysis:trends"))
    assert "Oost: Geluid — gestegen" in trends.text
    assert "32 meldingen in 4 weken" in trends.text


def test_an_unknown_category_shows_all_categories(client, as_role, town):
    plant(town)
    analysis_nightly(now=NIGHT)
    as_role("analyst")
    response = client.get(reverse("analysis:hotspots"), {"categorie": "bestaat-niet"})
    assert response.status_code == 200
    assert "data-hotspot-table" in response.text


def test_an_incomplete_intervention_gets_dutch_messages_and_keeps_what_was_typed(
    client, as_role, town
):
    as_role("analyst")
    response = client.post(
        reverse("analysis:interventions"),
        {"name": "Extra toezicht bij de scholen", "start": "2026-10-01", "end": "2026-09-01"},
    )
    assert response.status_code == 400
    assert "Kies de wijk waar de interventie plaatsvindt." in response.text
    assert "De einddatum ligt vóór de startdatum." in response.text
    assert 'value="Extra toezicht bij de scholen"' in response.text
    assert not Intervention.objects.exists()
    bad_date = client.post(
        reverse("analysis:interventions"),
        {"name": "X", "district": town.west.pk, "start": "31-02-2026"},
    )
    assert "Vul de startdatum in als dag-maand-jaar" in bad_date.text


def test_a_coordinator_sees_interventions_but_cannot_record_one(client, as_role, town):
    as_role("coordinator")
    assert "data-intervention-form" not in client.get(reverse("analysis:interventions")).text
    response = client.post(
        reverse("analysis:interventions"),
        {"name": "X", "district": town.west.pk, "start": "2026-10-01"},
    )
    assert response.status_code == 403


@time_machine.travel(LATER, tick=False)
def test_a_recorded_intervention_shows_its_measured_effect(client, as_role, town):
    plant(town)
    as_role("analyst")
    start = TODAY - dt.timedelta(weeks=8)
    response = client.post(
        reverse("analysis:interventions"),
        {
            "name": "Extra toezicht bij de scholen",
            "district": town.west.pk,
            "category": town.afval.pk,
            "start": f"{start:%Y-%m-%d}",
            "description": "Twee handhavers bij het brengen en halen.",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("analysis:interventions"))
    assert "In de 8 weken na de start" in page.text
    assert "vergeleken met vergelijkbare wijken" in page.text
    assert "95 %-interval" in page.text
    assert "Vergelijkbare wijken (Oost)" in page.text


@time_machine.travel(LATER, tick=False)
def test_an_intervention_that_has_not_started_has_nothing_to_measure(client, as_role, town):
    Intervention.objects.create(
        name="Later", district=town.west, start=TODAY + dt.timedelta(days=10)
    )
    as_role("analyst")
    page = client.get(reverse("analysis:interventions"))
    assert "De interventie is nog niet begonnen" in page.text


def test_an_analyst_changes_an_intervention_and_mistakes_are_explained(client, as_role, town):
    from openhandhaving.core.models import AuditLogEntry

    item = Intervention.objects.create(name="Toezicht", district=town.west, start=TODAY)
    url = reverse("analysis:intervention_edit", args=[item.pk])
    as_role("analyst")
    assert url in client.get(reverse("analysis:interventions")).text
    response = client.post(
        url, {"name": "Toezicht scholen", "district": town.west.pk, "start": "2026-11-24",
              "end": "2026-11-01"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in response.text
    assert "Toezicht scholen" in response.text  # what was typed stays
    response = client.post(
        url, {"name": "Toezicht scholen", "district": town.west.pk, "start": "2026-11-24",
              "end": "2026-12-31"},
    )  # fmt: skip
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.name, item.end) == ("Toezicht scholen", dt.date(2026, 12, 31))
    assert AuditLogEntry.objects.filter(action="analysis.intervention_change").exists()


def test_a_coordinator_cannot_change_an_intervention(client, as_role, town):
    item = Intervention.objects.create(name="Toezicht", district=town.west, start=TODAY)
    as_role("coordinator")
    url = reverse("analysis:intervention_edit", args=[item.pk])
    assert url not in client.get(reverse("analysis:interventions")).text
    assert client.get(url).status_code == 403
