"""Queue screens: who may see what, the officer's first view, search, map data, saved filters."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from openhandhaving.reports.choices import Status
from openhandhaving.reports.models import SavedFilter
from openhandhaving.reports.tests.factories import CategoryFactory, ReportFactory
from openhandhaving.team.tests.factories import DistrictFactory, OfficerFactory, assign

pytestmark = pytest.mark.django_db
NOW = timezone.now()
LATE = {"deadline": NOW - dt.timedelta(days=1), "deadline_3x": NOW + dt.timedelta(days=9)}
LATE_3X = {"deadline": NOW - dt.timedelta(days=9), "deadline_3x": NOW - dt.timedelta(days=1)}


def shown(response) -> set[str]:
    """Report numbers in the list (each row carries data-number, in table and cards)."""
    return set(re.findall(r'data-number="([^"]+)"', response.content.decode()))


@pytest.mark.parametrize(
    ("role", "method", "url_name", "status"),
    [
        pytest.param("analyst", "get", "reports:queue", 200, id="an analyst may read the lists"),
        pytest.param(
            "analyst", "get", "reports:dashboard", 403, id="an analyst has no coordinator dashboard"
        ),
        pytest.param(
            "officer", "get", "reports:dashboard", 403, id="an officer has no coordinator dashboard"
        ),
        pytest.param("coordinator", "get", "reports:dashboard", 200, id="a coordinator has it"),
        pytest.param("team_lead", "get", "reports:dashboard", 200, id="a team lead has it"),
        pytest.param(
            "communications", "get", "reports:queue", 403, id="communications has no reports"
        ),
        pytest.param(
            "analyst", "post", "reports:filter_save", 403, id="an analyst cannot save filters"
        ),
        pytest.param("officer", "get", "reports:filter_save", 405, id="saving needs a POST"),
    ],
)
def test_who_may_open_which_list(client, as_role, role, method, url_name, status):
    as_role(role)
    response = getattr(client, method)(reverse(url_name))
    assert response.status_code == status
    if status == 403:
        assert "Hier hebt u geen toegang toe" in response.content.decode()


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(client):
    response = client.get(reverse("reports:queue"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_an_officer_first_sees_mijn_werkvoorraad_with_late_badges(client, as_role, make_user):
    hanna = as_role("officer")
    late = ReportFactory(owner=hanna, address="Dorpsstraat 1", **LATE)
    very_late = ReportFactory(owner=hanna, **LATE_3X)
    ReportFactory(owner=make_user("officer"))
    ReportFactory(owner=hanna, status=Status.DONE)
    response = client.get(reverse("reports:queue"))
    html = response.content.decode()
    assert '<h1 class="utrecht-heading-1">Mijn werkvoorraad</h1>' in html
    assert shown(response) == {late.number, very_late.number}
    assert 'data-late="1x"' in html and 'data-late="3x"' in html
    assert "Dorpsstraat 1" in html


def test_a_coordinator_first_sees_the_coordinators_queue(client, as_role, make_user):
    as_role("coordinator")
    unrouted = ReportFactory(owner=None)
    ReportFactory(owner=make_user("officer"))
    response = client.get(reverse("reports:queue"))
    assert "Grote bak (coördinatoren)" in response.content.decode()
    assert shown(response) == {unrouted.number}


def test_the_wijk_tab_shows_only_for_officers_with_a_wijk(client, as_role):
    hanna = as_role("officer")
    assert 'data-queue="wijk"' not in client.get(reverse("reports:queue")).content.decode()
    wijk = DistrictFactory(name="Schalkwijk")
    assign(wijk, OfficerFactory(user=hanna))
    in_wijk = ReportFactory(district=wijk)
    response = client.get(reverse("reports:queue"), {"queue": "wijk"})
    assert 'data-queue="wijk"' in response.content.decode()
    assert shown(response) == {in_wijk.number}


def test_a_number_search_finds_a_closed_report_of_someone_else(client, as_role, make_user):
    as_role("officer")
    closed = ReportFactory(owner=make_user("officer"), status=Status.DONE)
    response = client.get(
        reverse("reports:queue"), {"queue": "mijn", "number": closed.number, "late": "te_laat"}
    )
    assert shown(response) == {closed.number}


def test_filters_combine_and_a_wrong_period_is_explained(client, as_role):
    as_role("coordinator")
    overlast = CategoryFactory(name="Overlast")
    match = ReportFactory(category=overlast, address="Kerkweg 3", **LATE)
    ReportFactory(category=overlast, address="Kerkweg 5")
    ReportFactory(address="Kerkweg 7", **LATE)
    params = {"queue": "alle", "address": "kerkweg", "category": overlast.pk, "late": "te_laat"}
    assert shown(client.get(reverse("reports:queue"), params)) == {match.number}
    response = client.get(
        reverse("reports:queue"), {"date_from": "2026-03-10", "date_to": "2026-03-01"}
    )
    assert response.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in response.content.decode()


def test_the_list_pages_by_25(client, as_role):
    hanna = as_role("officer")
    ReportFactory.create_batch(26, owner=hanna)
    first = client.get(reverse("reports:queue"))
    assert len(shown(first)) == 25
    assert "pagina=2" in first.content.decode()
    assert len(shown(client.get(reverse("reports:queue"), {"pagina": "2"}))) == 1


def test_the_map_view_gets_geojson_with_the_same_filters(client, as_role):
    as_role("coordinator")
    overlast = CategoryFactory(name="Overlast")
    match = ReportFactory(category=overlast, lat=52.36, lon=4.65, **LATE_3X)
    ReportFactory()
    page = client.get(reverse("reports:queue"), {"category": overlast.pk, "weergave": "kaart"})
    assert "data-points-url" in page.content.decode()
    response = client.get(reverse("reports:map_data"), {"queue": "alle", "category": overlast.pk})
    assert response["Content-Type"] == "application/geo+json"
    features = response.json()["features"]
    assert [f["properties"]["number"] for f in features] == [match.number]
    assert features[0]["geometry"]["coordinates"] == [4.65, 52.36]
    assert features[0]["properties"]["late"] == 3
    assert features[0]["properties"]["url"] == reverse("reports:detail", args=[match.number])


def test_a_saved_filter_is_listed_opened_and_deleted(client, as_role):
    user = as_role("officer")
    query = "queue=alle&address=kerkweg&late=te_laat"
    response = client.post(reverse("reports:filter_save"), {"name": "Kerkweg", "query": query})
    assert response.status_code == 302
    assert response.url == f"{reverse('reports:queue')}?{query}"
    saved = SavedFilter.objects.get(user=user)
    html = client.get(reverse("reports:queue")).content.decode()
    assert f'href="{reverse("reports:queue")}?{query.replace("&", "&amp;")}"' in html
    client.post(reverse("reports:filter_save"), {"name": "kerkweg", "query": "queue=mijn"})
    assert SavedFilter.objects.get(user=user).query == "queue=mijn"  # same name: replaced
    client.post(reverse("reports:filter_delete", args=[saved.pk]))
    assert not SavedFilter.objects.filter(user=user).exists()


def test_a_filter_without_a_name_gets_a_message_and_the_search_stays(client, as_role):
    as_role("officer")
    response = client.post(
        reverse("reports:filter_save"), {"name": "", "query": "queue=alle&address=kerkweg"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geef het filter een naam." in html
    assert 'value="kerkweg"' in html
    assert not SavedFilter.objects.exists()


def test_nobody_deletes_someone_elses_filter(client, as_role, make_user):
    theirs = SavedFilter.objects.create(user=make_user("officer"), name="Van Piet", query="a=1")
    as_role("officer")
    assert client.post(reverse("reports:filter_delete", args=[theirs.pk])).status_code == 404
    assert SavedFilter.objects.filter(pk=theirs.pk).exists()


def test_the_dashboard_counts_late_reports_per_wijk_and_links_into_the_list(
    client, as_role, make_user
):
    as_role("coordinator")
    noord = DistrictFactory(name="Noord")
    hanna = make_user("officer")
    ReportFactory(district=noord, owner=None, **LATE)
    ReportFactory(district=noord, owner=hanna, **LATE_3X)
    ReportFactory(district=noord, owner=hanna)
    response = client.get(reverse("reports:dashboard"))
    html = response.content.decode()
    row = response.context["wijken"][0]
    assert (row.name, row.open, row.late, row.late_3x) == ("Noord", 3, 2, 1)
    assert f"district={noord.pk}&amp;late=3x_te_laat" in html
    assert response.context["coordinators_count"] == 1
    linked = client.get(row.links["late_3x"])
    assert len(shown(linked)) == 1


def test_the_officer_start_page_shows_mijn_werkvoorraad(client, as_role):
    hanna = as_role("officer")
    report = ReportFactory(owner=hanna, **LATE)
    html = client.get(reverse("core:start")).content.decode()
    assert 'data-panel="werkvoorraad"' in html
    assert "U hebt 1 open melding." in html
    assert report.number in html


def test_the_search_form_keeps_the_chosen_options_and_escapes_names(client, as_role):
    as_role("coordinator")
    main = CategoryFactory(name="Afval & <b>vuil</b>")
    sub = CategoryFactory(name="Zwerfvuil", parent=main)
    html = client.get(reverse("reports:queue"), {"category": sub.pk, "late": "te_laat"}).content
    html = html.decode()
    assert '<optgroup label="Afval &amp; &lt;b&gt;vuil&lt;/b&gt;">' in html
    assert f'<option value="{sub.pk}" selected>Zwerfvuil</option>' in html
    assert '<option value="te_laat" selected>Te laat</option>' in html
    assert "<b>vuil</b>" not in html
