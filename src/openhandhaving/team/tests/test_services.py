"""Team writes: every broken rule gives a Dutch message and stores nothing; changes are audited."""

from __future__ import annotations

import datetime as dt

import pytest

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.team import services
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import Absence, DistrictAssignment, RosterPattern, Shift
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
T = dt.time.fromisoformat
D = dt.date.fromisoformat


@pytest.fixture
def lead(make_user):
    return make_user("team_lead")


@pytest.fixture
def hanna():
    return OfficerFactory(first_name="Hanna", last_name="de Vries")


def refused(call, **kwargs) -> TeamRuleError:
    with pytest.raises(TeamRuleError) as info:
        call(**kwargs)
    return info.value


# Shifts


def test_a_shift_for_a_pair_puts_both_officers_on_duty_and_is_audited(lead):
    pair = PairFactory()
    wijk = DistrictFactory(name="Schalkwijk")
    shift = services.shift_create(
        actor=lead,
        start=local("2026-11-24 08:00"),
        end=local("2026-11-24 16:30"),
        pair=pair,
        district=wijk,
    )
    assert set(shift.officers.all()) == {pair.first, pair.second}
    entry = AuditLogEntry.objects.get(action="shift_create")
    assert (entry.actor, entry.object_id) == (lead, str(shift.pk))


def test_a_night_shift_may_run_past_midnight(lead, hanna):
    shift = services.shift_create(
        actor=lead, start=local("2026-11-27 22:00"), end=local("2026-11-28 06:00"), officers=[hanna]
    )
    assert shift.end - shift.start == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        pytest.param(
            "2026-11-24 16:00",
            "2026-11-24 08:00",
            "moet na het begin liggen",
            id="a shift that ends before it starts is refused",
        ),
        pytest.param(
            "2026-11-24 08:00",
            "2026-11-24 08:00",
            "moet na het begin liggen",
            id="a shift without length is refused",
        ),
        pytest.param(
            "2026-11-24 08:00",
            "2026-11-25 09:00",
            "hoogstens 24 uur",
            id="a shift of more than a day is a typing error",
        ),
    ],
)
def test_a_shift_with_a_wrong_window_is_refused_and_nothing_is_stored(
    lead, hanna, start, end, message
):
    error = refused(
        services.shift_create, actor=lead, start=local(start), end=local(end), officers=[hanna]
    )
    assert message in error.message and error.field == "end_time"
    assert not Shift.objects.exists() and not AuditLogEntry.objects.exists()


def test_an_officer_cannot_be_in_two_shifts_at_once(lead, hanna):
    make_shift(
        "2026-11-24 08:00", "2026-11-24 16:00", hanna, district=DistrictFactory(name="Centrum")
    )
    error = refused(
        services.shift_create,
        actor=lead,
        start=local("2026-11-24 14:00"),
        end=local("2026-11-24 22:00"),
        officers=[OfficerFactory(), hanna],
    )
    assert error.message == (
        "Hanna de Vries heeft al een dienst die hiermee overlapt: di 24-11 08:00–16:00 in Centrum."
    )
    assert error.field == "officers"
    assert Shift.objects.count() == 1 and not AuditLogEntry.objects.exists()


def test_a_shift_may_start_when_the_previous_one_ends(lead, hanna):
    make_shift("2026-11-24 08:00", "2026-11-24 16:00", hanna)
    services.shift_create(
        actor=lead, start=local("2026-11-24 16:00"), end=local("2026-11-24 22:00"), officers=[hanna]
    )
    assert Shift.objects.count() == 2


def test_a_shift_needs_officers_and_active_ones(lead):
    error = refused(
        services.shift_create,
        actor=lead,
        start=local("2026-11-24 08:00"),
        end=local("2026-11-24 16:00"),
    )
    assert "Kies een duo of ten minste één handhaver" in error.message
    gone = OfficerFactory(first_name="Oud", last_name="Gediende", active=False)
    error = refused(
        services.shift_create,
        actor=lead,
        start=local("2026-11-24 08:00"),
        end=local("2026-11-24 16:00"),
        officers=[gone],
    )
    assert error.message == "Oud Gediende is niet actief en kan hier niet worden gekozen."
    assert not Shift.objects.exists()


def test_moving_a_shift_onto_another_is_refused_and_the_shift_stays(lead, hanna):
    morning = make_shift("2026-11-24 08:00", "2026-11-24 12:00", hanna)
    evening = make_shift("2026-11-24 18:00", "2026-11-24 22:00", hanna)
    refused(
        services.shift_update,
        actor=lead,
        shift=evening,
        start=local("2026-11-24 11:00"),
        end=local("2026-11-24 15:00"),
        officers=[hanna],
    )
    evening.refresh_from_db()
    assert evening.start == local("2026-11-24 18:00")
    # Lengthening a shift does not clash with itself.
    services.shift_update(
        actor=lead,
        shift=morning,
        start=local("2026-11-24 07:00"),
        end=local("2026-11-24 13:00"),
        officers=[hanna],
    )
    morning.refresh_from_db()
    assert morning.start == local("2026-11-24 07:00")
    assert AuditLogEntry.objects.filter(action="shift_update").count() == 1


def test_deleting_a_shift_is_audited(lead, hanna):
    shift = make_shift("2026-11-24 08:00", "2026-11-24 12:00", hanna)
    services.shift_delete(actor=lead, shift=shift)
    assert not Shift.objects.exists()
    assert AuditLogEntry.objects.get(action="shift_delete").details == {"officers": [hanna.pk]}


# Absences


def test_an_open_ended_illness_is_recorded(lead, hanna):
    absence = services.absence_create(
        actor=lead, officer=hanna, kind="illness", start=local("2026-11-24 07:00")
    )
    assert absence.end is None
    assert AuditLogEntry.objects.filter(action="absence_create").count() == 1


def test_an_absence_that_ends_before_it_starts_is_refused(lead, hanna):
    error = refused(
        services.absence_create,
        actor=lead,
        officer=hanna,
        kind="leave",
        start=local("2026-11-24 00:00"),
        end=local("2026-11-20 00:00"),
    )
    assert error.message == "Het einde van de afwezigheid ligt vóór het begin."
    assert error.field == "end_date"
    assert not Absence.objects.exists() and not AuditLogEntry.objects.exists()


def test_an_officer_cannot_be_absent_twice_at_once(lead, hanna):
    make_absence(hanna, "2026-11-20 08:00")  # ill, end unknown
    error = refused(
        services.absence_create,
        actor=lead,
        officer=hanna,
        kind="leave",
        start=local("2026-12-01 00:00"),
        end=local("2026-12-05 00:00"),
    )
    assert error.message == (
        "Hanna de Vries is in die periode al afwezig: ziek van vr 20-11 08:00 tot onbekend."
    )
    assert Absence.objects.count() == 1


def test_an_absence_may_start_when_the_previous_one_ends(lead, hanna):
    make_absence(hanna, "2026-11-20 08:00", "2026-11-23 00:00")
    services.absence_create(
        actor=lead, officer=hanna, kind="leave", start=local("2026-11-23 00:00")
    )
    assert Absence.objects.count() == 2


def test_ending_an_absence_says_the_officer_is_back(lead, hanna):
    absence = make_absence(hanna, "2026-11-20 08:00")
    services.absence_end(actor=lead, absence=absence, end=local("2026-11-24 12:00"))
    absence.refresh_from_db()
    assert absence.end == local("2026-11-24 12:00")
    error = refused(
        services.absence_end, actor=lead, absence=absence, end=local("2026-11-19 12:00")
    )
    assert "vóór het begin" in error.message
    absence.refresh_from_db()
    assert absence.end == local("2026-11-24 12:00")


# Wijk assignments


def test_assigning_district_officer_and_backup(lead, hanna):
    wijk = DistrictFactory()
    piet = OfficerFactory()
    assert services.assignment_set(actor=lead, district=wijk, district_officer=hanna, backup=piet)
    roles = dict(DistrictAssignment.objects.values_list("role", "officer_id"))
    assert roles == {AssignmentRole.DISTRICT_OFFICER: hanna.pk, AssignmentRole.BACKUP: piet.pk}
    # Swapping the two works, and saving the same again changes (and logs) nothing.
    services.assignment_set(actor=lead, district=wijk, district_officer=piet, backup=hanna)
    assert not services.assignment_set(
        actor=lead, district=wijk, district_officer=piet, backup=hanna
    )
    roles = dict(DistrictAssignment.objects.values_list("role", "officer_id"))
    assert roles == {AssignmentRole.DISTRICT_OFFICER: piet.pk, AssignmentRole.BACKUP: hanna.pk}
    assert AuditLogEntry.objects.filter(action="assignment_set").count() == 2


def test_one_officer_cannot_be_district_officer_and_backup_of_one_wijk(lead, hanna):
    wijk = DistrictFactory(name="Schalkwijk")
    error = refused(
        services.assignment_set, actor=lead, district=wijk, district_officer=hanna, backup=hanna
    )
    assert error.message == (
        "Hanna de Vries kan niet tegelijk wijkhandhaver en vervanger van Schalkwijk zijn."
    )
    assert error.field == "backup"
    assert not DistrictAssignment.objects.exists()


def test_an_officer_who_left_stays_until_replaced_but_cannot_be_newly_chosen(lead, hanna):
    wijk = DistrictFactory()
    assign(wijk, hanna)
    hanna.active = False
    hanna.save()
    piet = OfficerFactory()
    services.assignment_set(actor=lead, district=wijk, district_officer=hanna, backup=piet)
    other = DistrictFactory()
    error = refused(
        services.assignment_set, actor=lead, district=other, district_officer=hanna, backup=None
    )
    assert "niet actief" in error.message and error.field == "district_officer"
    assert not DistrictAssignment.objects.filter(district=other).exists()


# Pairs


def test_a_pair_is_two_different_officers(lead, hanna):
    error = refused(services.pair_create, actor=lead, name="Duo A", first=hanna, second=hanna)
    assert error.message == "Een duo bestaat uit twee verschillende handhavers."
    pair = services.pair_create(actor=lead, name=" Duo A ", first=hanna, second=OfficerFactory())
    assert pair.name == "Duo A"


# Wijk contacts


def test_wijk_contacts_are_kept_per_wijk(lead):
    wijk = DistrictFactory()
    contact = services.contact_create(
        actor=lead,
        district=wijk,
        kind="school",
        organisation="  OBS De Linde ",
        phone="023-1234567",
    )
    assert contact.organisation == "OBS De Linde"
    services.contact_update(actor=lead, contact=contact, kind="school", organisation="OBS De Eik")
    contact.refresh_from_db()
    assert contact.organisation == "OBS De Eik" and contact.phone == ""
    error = refused(
        services.contact_update, actor=lead, contact=contact, kind="school", organisation=" "
    )
    assert error.field == "organisation"
    contact.refresh_from_db()
    assert contact.organisation == "OBS De Eik"
    services.contact_delete(actor=lead, contact=contact)
    assert not wijk.contacts.exists()
    actions = list(AuditLogEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["contact_create", "contact_update", "contact_delete"]


# Roster patterns


def pattern_kwargs(pair, **changes):
    kwargs = {
        "pair": pair,
        "weekdays": [1, 3],
        "start_time": T("08:00"),
        "end_time": T("16:30"),
        "valid_from": D("2026-11-23"),
        "valid_until": D("2026-12-06"),
        "every_weeks": 1,
    }
    return kwargs | changes


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"weekdays": []}, "weekdays", "Kies ten minste één dag", id="a pattern needs a day"
        ),
        pytest.param(
            {"weekdays": [7]}, "weekdays", "maandag tot en met zondag", id="day 7 does not exist"
        ),
        pytest.param(
            {"end_time": T("08:00")},
            "end_time",
            "Begintijd en eindtijd zijn gelijk",
            id="equal times make no shift",
        ),
        pytest.param(
            {"valid_until": D("2026-11-01")},
            "valid_until",
            "ligt vóór de eerste dag",
            id="a period that ends before it starts",
        ),
        pytest.param(
            {"valid_until": D("2036-11-01")},
            "valid_until",
            "hoogstens drie jaar",
            id="ten years is a typing error",
        ),
        pytest.param(
            {"every_weeks": 0},
            "every_weeks",
            "van 1 tot en met 52",
            id="every zero weeks is not a rhythm",
        ),
    ],
)
def test_a_wrong_pattern_is_refused_and_nothing_is_stored(lead, changes, field, message):
    error = refused(
        services.roster_pattern_create, actor=lead, **pattern_kwargs(PairFactory(), **changes)
    )
    assert message in error.message and error.field == field
    assert not RosterPattern.objects.exists() and not AuditLogEntry.objects.exists()


def test_generating_a_pattern_makes_its_shifts_in_local_time_once(lead):
    pair = PairFactory()
    wijk = DistrictFactory()
    pattern = services.roster_pattern_create(actor=lead, district=wijk, **pattern_kwargs(pair))
    result = services.roster_pattern_generate(actor=lead, pattern=pattern)
    assert (result.created, result.existing, result.skipped) == (4, 0, [])
    shifts = list(Shift.objects.order_by("start"))
    assert [s.start for s in shifts] == [
        local("2026-11-24 08:00"),
        local("2026-11-26 08:00"),
        local("2026-12-01 08:00"),
        local("2026-12-03 08:00"),
    ]
    assert all(set(s.officers.all()) == {pair.first, pair.second} for s in shifts)
    assert all(s.district == wijk and s.pattern == pattern and s.pair == pair for s in shifts)
    again = services.roster_pattern_generate(actor=lead, pattern=pattern)
    assert (again.created, again.existing, again.skipped) == (0, 4, [])
    assert Shift.objects.count() == 4


def test_generating_skips_and_reports_days_on_which_the_pair_already_works(lead):
    pair = PairFactory()
    make_shift(
        "2026-11-26 12:00",
        "2026-11-26 20:00",
        pair.second,
        district=DistrictFactory(name="Centrum"),
    )
    pattern = services.roster_pattern_create(actor=lead, **pattern_kwargs(pair))
    result = services.roster_pattern_generate(actor=lead, pattern=pattern)
    assert result.created == 3
    assert [(s.day, s.reason) for s in result.skipped] == [
        (D("2026-11-26"), "er is al een dienst: do 26-11 12:00–20:00 in Centrum")
    ]
    assert AuditLogEntry.objects.get(action="roster_pattern_generate").details["skipped"] == [
        "2026-11-26"
    ]


def test_a_night_pattern_over_the_clock_change_ends_at_six_local_time(lead):
    pattern = services.roster_pattern_create(
        actor=lead,
        **pattern_kwargs(
            PairFactory(),
            weekdays=[5],
            start_time=T("22:00"),
            end_time=T("06:00"),
            valid_from=D("2026-10-19"),
            valid_until=D("2026-10-25"),
        ),
    )
    services.roster_pattern_generate(actor=lead, pattern=pattern)
    shift = Shift.objects.get()
    assert shift.end == local("2026-10-25 06:00")
    assert shift.end - shift.start == dt.timedelta(hours=9)


def test_an_inactive_pair_generates_nothing(lead):
    pair = PairFactory()
    pattern = services.roster_pattern_create(actor=lead, **pattern_kwargs(pair))
    pair.active = False
    pair.save()
    error = refused(services.roster_pattern_generate, actor=lead, pattern=pattern)
    assert error.message == "Dit duo is niet actief."
    assert not Shift.objects.exists()
