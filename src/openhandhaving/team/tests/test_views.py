"""Team screens: who may do what, Dutch messages next to the field, typed input kept."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.models import Absence, DistrictAssignment, DistrictContact, Officer, Shift
from openhandhaving.team.services import roster_pattern_create
from openhandhaving.team.tests.factories import (
    DistrictFactory,
    OfficerFactory,
    PairFactory,
    assign,
    local,
    make_absence,
    make_shift,
)

pytestmark = pytest.mark.django_db
TUESDAY_10 = local("2026-11-24 10:00")


@pytest.fixture
def town():
    schalkwijk = DistrictFactory(name="Schalkwijk")
    hanna = OfficerFactory(first_name="Hanna", last_name="de Vries")
    piet = OfficerFactory(first_name="Piet", last_name="Jansen")
    assign(schalkwijk, hanna)
    assign(schalkwijk, piet, AssignmentRole.BACKUP)
    make_shift("2026-11-24 08:00", "2026-11-24 17:00", hanna, piet, district=schalkwijk)
    return {"schalkwijk": schalkwijk, "hanna": hanna, "piet": piet}


@pytest.mark.parametrize(
    ("method", "url_name", "args"),
    [
        pytest.param("get", "team:shift_create", [], id="an officer cannot add shifts"),
        pytest.param("post", "team:shift_create", [], id="an officer cannot post a shift"),
        pytest.param(
            "get", "team:assignments", [], id="an officer cannot change the wijk indeling"
        ),
        pytest.param("get", "team:pattern_create", [], id="an officer cannot make roster patterns"),
        pytest.param("get", "team:absence_list", [], id="an officer cannot see absences of others"),
        pytest.param("get", "team:officer_create", [], id="an officer cannot add colleagues"),
        pytest.param("get", "team:pair_create", [], id="an officer cannot form pairs"),
    ],
)
def test_an_officer_cannot_edit_the_roster(client, as_role, method, url_name, args):
    as_role("officer")
    response = getattr(client, method)(reverse(url_name, args=args))
    assert response.status_code == 403
    assert not Shift.objects.exists()


def test_the_roster_week_shows_who_is_where(client, as_role, town):
    as_role("officer")
    response = client.get(reverse("team:roster_week"), {"week": "2026-W48"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hanna de Vries" in html and "08:00–17:00" in html and "Schalkwijk" in html
    assert "Week 48" in html
    assert reverse("team:shift_create") not in html  # no edit buttons for an officer


def test_an_unknown_week_gives_a_dutch_message_and_this_week(client, as_role):
    as_role("team_lead")
    response = client.get(reverse("team:roster_week"), {"week": "2026-W60", "wijk": "abc"})
    assert response.status_code == 200
    assert "Deze week kennen we niet" in response.content.decode()


def test_the_roster_hides_the_kind_of_absence_from_officers(client, as_role, town):
    make_absence(town["hanna"], "2026-11-24 07:00")
    as_role("officer")
    html = client.get(reverse("team:roster_week"), {"week": "2026-W48"}).content.decode()
    assert "Afwezig" in html and "Ziek" not in html
    client.force_login(as_role("team_lead"))
    html = client.get(reverse("team:roster_week"), {"week": "2026-W48"}).content.decode()
    assert "Ziek" in html


def test_a_clashing_shift_is_refused_next_to_the_field_and_the_typed_input_stays(
    client, as_role, town
):
    as_role("team_lead")
    response = client.post(
        reverse("team:shift_create"),
        {
            "day": "2026-11-24",
            "start_time": "16:00",
            "end_time": "23:00",
            "officers": [town["hanna"].pk],
            "note": "avonddienst evenement",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hanna de Vries heeft al een dienst die hiermee overlapt" in html
    assert 'value="avonddienst evenement"' in html and 'value="16:00"' in html
    assert Shift.objects.count() == 1


def test_a_night_shift_is_made_from_a_date_and_two_times(client, as_role, town):
    as_role("team_lead")
    pair = PairFactory()
    response = client.post(
        reverse("team:shift_create"),
        {"day": "2026-11-27", "start_time": "22:00", "end_time": "06:00", "pair": pair.pk},
    )
    assert response.status_code == 302 and "week=2026-W48" in response.url
    shift = Shift.objects.get(pair=pair)
    assert (shift.start, shift.end) == (local("2026-11-27 22:00"), local("2026-11-28 06:00"))


def test_equal_times_are_refused_in_dutch(client, as_role, town):
    as_role("team_lead")
    response = client.post(
        reverse("team:shift_create"),
        {
            "day": "2026-11-27",
            "start_time": "08:00",
            "end_time": "08:00",
            "officers": [town["hanna"].pk],
        },
    )
    assert "Begintijd en eindtijd zijn gelijk" in response.content.decode()


def test_the_assignment_page_warns_about_wijken_without_district_officer(client, as_role, town):
    DistrictFactory(name="Nieuwbouw")
    as_role("team_lead")
    html = client.get(reverse("team:assignments")).content.decode()
    assert "1 wijk heeft geen wijkhandhaver" in html and "Nieuwbouw" in html


def test_one_officer_twice_in_a_wijk_is_refused_and_nothing_is_saved(client, as_role, town):
    other = DistrictFactory(name="Centrum")
    karin = OfficerFactory(first_name="Karin", last_name="Bakker")
    as_role("team_lead")
    s = town["schalkwijk"].pk
    response = client.post(
        reverse("team:assignments"),
        {
            f"officer_{s}": town["piet"].pk,  # a valid change in one wijk...
            f"backup_{s}": town["hanna"].pk,
            f"officer_{other.pk}": karin.pk,  # ...and a broken rule in the other
            f"backup_{other.pk}": karin.pk,
        },
    )
    assert "Karin Bakker kan niet tegelijk wijkhandhaver en vervanger van Centrum zijn." in (
        response.content.decode()
    )
    roles = dict(
        DistrictAssignment.objects.filter(district=town["schalkwijk"]).values_list(
            "role", "officer"
        )
    )
    assert roles[AssignmentRole.DISTRICT_OFFICER] == town["hanna"].pk
    assert not DistrictAssignment.objects.filter(district=other).exists()


def test_swapping_district_officer_and_backup_is_saved(client, as_role, town):
    as_role("team_lead")
    s = town["schalkwijk"].pk
    response = client.post(
        reverse("team:assignments"),
        {f"officer_{s}": town["piet"].pk, f"backup_{s}": town["hanna"].pk},
    )
    assert response.status_code == 302
    roles = dict(DistrictAssignment.objects.values_list("role", "officer"))
    assert roles == {
        AssignmentRole.DISTRICT_OFFICER: town["piet"].pk,
        AssignmentRole.BACKUP: town["hanna"].pk,
    }


@time_machine.travel(TUESDAY_10, tick=False)
def test_reporting_the_district_officer_ill_shows_the_backup_takes_over(client, as_role, town):
    as_role("team_lead")
    response = client.post(
        reverse("team:absence_create"),
        {
            "officer": town["hanna"].pk,
            "kind": "illness",
            "start_date": "2026-11-24",
            "start_time": "09:30",
        },
        follow=True,
    )
    html = response.content.decode()
    absence = Absence.objects.get()
    assert absence.end is None and absence.start == local("2026-11-24 09:30")
    assert "Wie neemt de wijk nu over?" in html
    assert "Toegewezen aan P. Jansen: vervanger Schalkwijk (wijkhandhaver ziek)" in html


def test_an_absence_that_ends_before_it_starts_keeps_the_form(client, as_role, town):
    as_role("coordinator")  # coordinators may record an absence
    response = client.post(
        reverse("team:absence_create"),
        {
            "officer": town["hanna"].pk,
            "kind": "leave",
            "start_date": "2026-12-10",
            "end_date": "2026-12-01",
            "note": "wintersport",
        },
    )
    html = response.content.decode()
    assert "Het einde van de afwezigheid ligt vóór het begin." in html
    assert 'value="wintersport"' in html
    assert not Absence.objects.exists()


def test_a_partial_day_absence_ends_at_the_given_time(client, as_role, town):
    as_role("team_lead")
    client.post(
        reverse("team:absence_create"),
        {
            "officer": town["hanna"].pk,
            "kind": "other",
            "start_date": "2026-11-24",
            "start_time": "10:00",
            "end_time": "12:00",
        },
    )
    absence = Absence.objects.get()
    assert (absence.start, absence.end) == (local("2026-11-24 10:00"), local("2026-11-24 12:00"))


@time_machine.travel(TUESDAY_10, tick=False)
def test_back_at_work_ends_the_absence(client, as_role, town):
    absence = make_absence(town["hanna"], "2026-11-20 08:00")
    as_role("team_lead")
    response = client.post(
        reverse("team:absence_end", args=[absence.pk]),
        {"einde-date": "2026-11-24", "einde-time": "10:00"},
    )
    assert response.status_code == 302
    absence.refresh_from_db()
    assert absence.end == TUESDAY_10


@time_machine.travel(TUESDAY_10, tick=False)
def test_the_responsibility_page_answers_for_now_and_for_a_chosen_moment(client, as_role, town):
    as_role("coordinator")
    html = client.get(reverse("team:responsibility")).content.decode()
    assert "Toegewezen aan H. de Vries: wijkhandhaver Schalkwijk, dienst tot 17:00" in html
    html = client.get(
        reverse("team:responsibility"), {"date": "2026-11-24", "time": "18:00"}
    ).content.decode()
    assert "Naar de coördinatoren: wijkhandhaver niet in dienst" in html
    response = client.get(reverse("team:responsibility"), {"date": "gisteren", "time": "18:00"})
    assert response.status_code == 200 and "Voer een geldige datum in" in response.content.decode()


def test_a_pattern_is_generated_from_its_page(client, as_role, town):
    pair = PairFactory()
    as_role("team_lead")
    response = client.post(
        reverse("team:pattern_create"),
        {
            "pair": pair.pk,
            "district": town["schalkwijk"].pk,
            "weekdays": ["1", "3"],
            "start_time": "08:00",
            "end_time": "16:30",
            "valid_from": "2026-11-30",
            "valid_until": "2026-12-13",
            "every_weeks": "1",
        },
    )
    assert response.status_code == 302
    pattern = pair.patterns.get()
    html = client.post(reverse("team:pattern_generate", args=[pattern.pk])).content.decode()
    assert "4 diensten gemaakt." in html
    html = client.post(reverse("team:pattern_generate", args=[pattern.pk])).content.decode()
    assert "0 diensten gemaakt." in html and "4 diensten stonden er al." in html


def test_a_pattern_with_a_reversed_period_keeps_the_form(client, as_role):
    as_role("team_lead")
    response = client.post(
        reverse("team:pattern_create"),
        {
            "pair": PairFactory().pk,
            "weekdays": ["0"],
            "start_time": "08:00",
            "end_time": "16:00",
            "valid_from": "2026-12-13",
            "valid_until": "2026-11-30",
            "every_weeks": "1",
        },
    )
    html = response.content.decode()
    assert "De laatste dag ligt vóór de eerste dag van het patroon." in html
    assert 'value="2026-12-13"' in html


def test_a_non_image_photo_is_refused_and_the_names_stay(client, as_role, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    as_role("team_lead")
    response = client.post(
        reverse("team:officer_create"),
        {
            "first_name": "Sanne",
            "last_name": "Visser",
            "active": "on",
            "photo": SimpleUploadedFile("foto.jpg", b"geen plaatje", "image/jpeg"),
        },
    )
    html = response.content.decode()
    assert "Dit bestand is geen foto" in html and 'value="Sanne"' in html
    assert not Officer.objects.filter(last_name="Visser").exists()


def test_the_team_page_shows_names_roles_and_faces(client, as_role, town):
    as_role("contact_centre")
    html = client.get(reverse("team:officer_list")).content.decode()
    assert "Hanna de Vries" in html and "Wijkhandhaver Schalkwijk" in html
    assert ">HV<" in html  # initials stand in for a missing photo


def test_an_officer_keeps_wijk_contacts_but_cannot_delete_them(client, as_role, town):
    as_role("officer")
    url = reverse("team:contact_create", args=[town["schalkwijk"].pk])
    response = client.post(url, {"kind": "school", "organisation": "OBS De Linde", "email": "fout"})
    assert "Vul een e-mailadres in" in response.content.decode()
    client.post(url, {"kind": "school", "organisation": "OBS De Linde"})
    contact = DistrictContact.objects.get()
    assert client.post(reverse("team:contact_delete", args=[contact.pk])).status_code == 403
    assert AuditLogEntry.objects.filter(action="contact_create").count() == 1


@time_machine.travel(TUESDAY_10, tick=False)
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        pytest.param(
            "officer",
            "U bent wijkhandhaver van <strong>Schalkwijk</strong>.",
            id="an officer sees his wijk",
        ),
        pytest.param(
            "coordinator",
            "Wie is nu verantwoordelijk?",
            id="a coordinator sees who is responsible now",
        ),
        pytest.param("team_lead", "Bezetting vandaag", id="a team lead sees today's coverage"),
    ],
)
def test_start_page_panels(client, as_role, town, role, expected):
    user = as_role(role)
    if role == "officer":
        town["hanna"].user = user
        town["hanna"].save()
    html = client.get(reverse("core:start")).content.decode()
    assert expected in html
    if role == "officer":
        assert "Uw vervanger is Piet Jansen." in html and "met Piet Jansen" in html


def test_an_officer_without_a_linked_officer_record_is_told_so(client, as_role):
    as_role("officer")
    html = client.get(reverse("core:start")).content.decode()
    assert "nog niet gekoppeld aan een handhaver" in html


def test_every_team_lead_screen_opens(client, as_role, town):
    lead = as_role("team_lead")
    shift = Shift.objects.get()
    absence = make_absence(town["piet"], "2026-12-01 00:00", "2026-12-03 00:00", kind="training")
    pair = PairFactory()
    contact = DistrictContact.objects.create(
        district=town["schalkwijk"], kind="residents", organisation="Wijkraad Schalkwijk"
    )
    pattern = roster_pattern_create(
        actor=lead,
        pair=pair,
        weekdays=[0],
        start_time=dt.time(8),
        end_time=dt.time(16),
        valid_from=dt.date(2026, 11, 30),
        valid_until=dt.date(2026, 12, 31),
    )
    urls = [
        reverse("team:roster_week"),
        reverse("team:shift_update", args=[shift.pk]),
        reverse("team:shift_delete", args=[shift.pk]),
        reverse("team:pattern_list"),
        reverse("team:pattern_update", args=[pattern.pk]),
        reverse("team:pattern_delete", args=[pattern.pk]),
        reverse("team:officer_list"),
        reverse("team:officer_detail", args=[town["hanna"].pk]),
        reverse("team:officer_update", args=[town["hanna"].pk]),
        reverse("team:pair_list"),
        reverse("team:pair_update", args=[pair.pk]),
        reverse("team:absence_list"),
        reverse("team:absence_detail", args=[absence.pk]),
        reverse("team:absence_update", args=[absence.pk]),
        reverse("team:absence_end", args=[absence.pk]),
        reverse("team:absence_delete", args=[absence.pk]),
        reverse("team:assignments"),
        reverse("team:responsibility"),
        reverse("team:contact_overview"),
        reverse("team:contact_list", args=[town["schalkwijk"].pk]),
        reverse("team:contact_update", args=[contact.pk]),
        reverse("team:contact_delete", args=[contact.pk]),
    ]
    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)


def test_editing_an_absence_shows_its_days_and_saves_a_shorter_one(client, as_role, town):
    absence = make_absence(town["piet"], "2026-12-01 00:00", "2026-12-04 00:00", kind="leave")
    as_role("team_lead")
    html = client.get(reverse("team:absence_update", args=[absence.pk])).content.decode()
    assert 'value="2026-12-01"' in html and 'value="2026-12-03"' in html  # last day, inclusive
    client.post(
        reverse("team:absence_update", args=[absence.pk]),
        {"kind": "leave", "start_date": "2026-12-01", "end_date": "2026-12-02"},
    )
    absence.refresh_from_db()
    assert absence.end == local("2026-12-03 00:00")


def test_deleting_a_shift_asks_first_and_then_removes_it(client, as_role, town):
    as_role("team_lead")
    shift = Shift.objects.get()
    url = reverse("team:shift_delete", args=[shift.pk])
    assert "Wilt u de dienst van di 24-11 08:00–17:00 in Schalkwijk verwijderen?" in (
        client.get(url).content.decode()
    )
    assert client.post(url).status_code == 302
    assert not Shift.objects.exists()
