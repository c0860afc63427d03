"""Who is responsible for a wijk at a moment: the order, told as sentences of the team."""

from __future__ import annotations

import datetime as dt
import itertools
from zoneinfo import ZoneInfo

import pytest

from openhandhaving.team.responsibility import (
    Reason,
    RosterAbsence,
    RosterOfficer,
    RosterShift,
    Wijk,
    responsibility_at,
)

AMS = ZoneInfo("Europe/Amsterdam")
SCHALKWIJK, CENTRUM, MUNICIPALITY = 10, 20, None
DE_VRIES, JANSEN, BAKKER, SMIT, OUD = 1, 2, 3, 4, 5  # wijkhandhaver, vervanger, colleagues
OFFICERS = [
    RosterOfficer(DE_VRIES, "J. de Vries"),
    RosterOfficer(JANSEN, "P. Jansen"),
    RosterOfficer(BAKKER, "K. Bakker"),
    RosterOfficer(SMIT, "L. Smit"),
    RosterOfficer(OUD, "O. Oud", active=False),
]
NAMES = {SCHALKWIJK: "Schalkwijk", CENTRUM: "Centrum", MUNICIPALITY: ""}
WIJK = Wijk(id=SCHALKWIJK, name="Schalkwijk", district_officer_id=DE_VRIES, backup_id=JANSEN)
TUESDAY = "2026-11-24"
SATURDAY = "2026-11-28"


def t(text: str) -> dt.datetime:
    """Local Amsterdam time, like the team reads it."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=AMS)


def shift(ident, start, end, *officers, wijk=SCHALKWIJK) -> RosterShift:
    # Stored as UTC, the way the database hands them over.
    return RosterShift(
        id=ident,
        start=t(start).astimezone(dt.UTC),
        end=t(end).astimezone(dt.UTC),
        officer_ids=tuple(officers),
        district_id=wijk,
        district_name=NAMES[wijk],
    )


def absent(officer, kind, start, end=None) -> RosterAbsence:
    return RosterAbsence(officer, kind, t(start), t(end) if end else None)


DAY_DE_VRIES = shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", DE_VRIES, SMIT)
DAY_JANSEN = shift(2, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", JANSEN, BAKKER, wijk=CENTRUM)
EVENING_BAKKER = shift(3, f"{TUESDAY} 14:00", f"{TUESDAY} 22:00", BAKKER)
NIGHT_DE_VRIES = shift(4, "2026-11-23 22:00", f"{TUESDAY} 06:00", DE_VRIES, SMIT)

CASES = [
    pytest.param(
        [DAY_DE_VRIES],
        [],
        f"{TUESDAY} 10:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        "toegewezen aan J. de Vries: wijkhandhaver Schalkwijk, dienst tot 17:00",
        id="the district officer on duty in his wijk gets it, until his shift ends",
    ),
    pytest.param(
        [shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", DE_VRIES, wijk=CENTRUM)],
        [],
        f"{TUESDAY} 10:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        "toegewezen aan J. de Vries: wijkhandhaver Schalkwijk, dienst in Centrum tot 17:00",
        id="the district officer working in another wijk still gets it, and the text says where",
    ),
    pytest.param(
        [shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", DE_VRIES, wijk=MUNICIPALITY)],
        [],
        f"{TUESDAY} 10:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        "toegewezen aan J. de Vries: wijkhandhaver Schalkwijk, "
        "dienst voor de hele gemeente tot 17:00",
        id="a municipality-wide shift counts as on duty for the district officer",
    ),
    pytest.param(
        [DAY_DE_VRIES, DAY_JANSEN],
        [],
        f"{TUESDAY} 10:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        None,
        id="with district officer and backup both on duty the district officer gets it",
    ),
    pytest.param(
        [DAY_DE_VRIES, DAY_JANSEN],
        [absent(DE_VRIES, "illness", f"{TUESDAY} 07:00")],
        f"{TUESDAY} 10:00",
        JANSEN,
        Reason.BACKUP,
        "toegewezen aan P. Jansen: vervanger Schalkwijk (wijkhandhaver ziek), "
        "dienst in Centrum tot 17:00",
        id="the district officer reported ill: the backup on duty gets it",
    ),
    pytest.param(
        [DAY_DE_VRIES, EVENING_BAKKER],
        [absent(DE_VRIES, "leave", "2026-11-23 00:00", "2026-11-30 00:00")],
        f"{TUESDAY} 15:00",
        BAKKER,
        Reason.ON_DUTY_IN_WIJK,
        "toegewezen aan K. Bakker: collega in dienst in Schalkwijk "
        "(wijkhandhaver met verlof, vervanger niet in dienst), dienst tot 22:00",
        id="district officer on leave and backup off: of two colleagues in the wijk the one "
        "who stays longest gets it",
    ),
    pytest.param(
        [DAY_DE_VRIES],
        [
            absent(DE_VRIES, "illness", f"{TUESDAY} 07:00"),
            absent(SMIT, "training", f"{TUESDAY} 09:00", f"{TUESDAY} 17:00"),
        ],
        f"{TUESDAY} 10:00",
        None,
        Reason.COORDINATORS,
        "naar de coördinatoren: wijkhandhaver ziek, vervanger niet in dienst, "
        "niemand anders in dienst in Schalkwijk",
        id="district officer ill, backup off and his partner at a training: the coordinators",
    ),
    pytest.param(
        [],
        [],
        f"{SATURDAY} 14:00",
        None,
        Reason.COORDINATORS,
        "naar de coördinatoren: wijkhandhaver niet in dienst, vervanger niet in dienst, "
        "niemand anders in dienst in Schalkwijk",
        id="a weekend without shifts goes to the coordinators",
    ),
    pytest.param(
        [],
        [],
        f"{TUESDAY} 10:00",
        None,
        Reason.COORDINATORS,
        None,
        id="an empty roster sends everything to the coordinators",
    ),
    pytest.param(
        [NIGHT_DE_VRIES],
        [],
        f"{TUESDAY} 03:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        "toegewezen aan J. de Vries: wijkhandhaver Schalkwijk, dienst tot 06:00",
        id="a night shift that began yesterday evening covers three in the morning",
    ),
    pytest.param(
        [NIGHT_DE_VRIES],
        [],
        "2026-11-23 23:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        "toegewezen aan J. de Vries: wijkhandhaver Schalkwijk, dienst tot morgen 06:00",
        id="before midnight the night shift says it runs until tomorrow morning",
    ),
    pytest.param(
        [NIGHT_DE_VRIES],
        [],
        f"{TUESDAY} 06:00",
        None,
        Reason.COORDINATORS,
        None,
        id="at six sharp the night shift that ends at six no longer covers",
    ),
    pytest.param(
        [DAY_DE_VRIES],
        [],
        f"{TUESDAY} 08:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        None,
        id="at eight sharp the shift that starts at eight covers",
    ),
    pytest.param(
        [
            shift(1, "2026-12-15 08:00", "2026-12-15 17:00", DE_VRIES),
            shift(2, "2026-12-15 08:00", "2026-12-15 17:00", JANSEN),
        ],
        [absent(DE_VRIES, "illness", "2026-11-02 08:00")],
        "2026-12-15 10:00",
        JANSEN,
        Reason.BACKUP,
        None,
        id="an illness without end still reroutes six weeks later",
    ),
    pytest.param(
        [DAY_DE_VRIES],
        [absent(DE_VRIES, "illness", "2026-11-20 08:00", f"{TUESDAY} 09:00")],
        f"{TUESDAY} 09:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        None,
        id="the district officer who is better from nine gets it again at nine",
    ),
    pytest.param(
        [DAY_DE_VRIES, DAY_JANSEN],
        [absent(DE_VRIES, "other", f"{TUESDAY} 10:00", f"{TUESDAY} 12:00")],
        f"{TUESDAY} 11:00",
        JANSEN,
        Reason.BACKUP,
        "toegewezen aan P. Jansen: vervanger Schalkwijk (wijkhandhaver afwezig), "
        "dienst in Centrum tot 17:00",
        id="during a two-hour absence the backup covers",
    ),
    pytest.param(
        [DAY_DE_VRIES, DAY_JANSEN],
        [absent(DE_VRIES, "other", f"{TUESDAY} 10:00", f"{TUESDAY} 12:00")],
        f"{TUESDAY} 12:00",
        DE_VRIES,
        Reason.DISTRICT_OFFICER,
        None,
        id="after a two-hour absence the district officer is back",
    ),
    pytest.param(
        [DAY_JANSEN, EVENING_BAKKER],
        [],
        f"{TUESDAY} 15:00",
        JANSEN,
        Reason.BACKUP,
        "toegewezen aan P. Jansen: vervanger Schalkwijk (wijkhandhaver niet in dienst), "
        "dienst in Centrum tot 17:00",
        id="the district officer has a day off: the backup working elsewhere gets it",
    ),
    pytest.param(
        [shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", OUD, JANSEN)],
        [],
        f"{TUESDAY} 10:00",
        JANSEN,
        Reason.BACKUP,
        None,
        id="a colleague who is no longer active is never chosen, not even on a shift",
    ),
    pytest.param(
        [shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", BAKKER, wijk=CENTRUM)],
        [],
        f"{TUESDAY} 10:00",
        None,
        Reason.COORDINATORS,
        None,
        id="a colleague on duty in another wijk does not take this wijk",
    ),
    pytest.param(
        [shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", BAKKER, wijk=MUNICIPALITY)],
        [],
        f"{TUESDAY} 10:00",
        BAKKER,
        Reason.ON_DUTY_IN_WIJK,
        "toegewezen aan K. Bakker: collega in dienst voor de hele gemeente "
        "(wijkhandhaver niet in dienst, vervanger niet in dienst), dienst tot 17:00",
        id="a colleague on a municipality-wide shift covers a wijk where nobody else works",
    ),
    pytest.param(
        [
            shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 22:00", BAKKER, wijk=MUNICIPALITY),
            shift(2, f"{TUESDAY} 08:00", f"{TUESDAY} 12:00", SMIT),
        ],
        [],
        f"{TUESDAY} 10:00",
        SMIT,
        Reason.ON_DUTY_IN_WIJK,
        None,
        id="a colleague in the wijk goes before a colleague for the whole municipality",
    ),
    pytest.param(
        [
            shift(2, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", SMIT),
            shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", BAKKER),
        ],
        [],
        f"{TUESDAY} 10:00",
        BAKKER,
        Reason.ON_DUTY_IN_WIJK,
        None,
        id="of two colleagues with equal shifts the first entered shift wins, every time",
    ),
]


@pytest.mark.parametrize(("shifts", "absences", "at", "officer", "reason", "text"), CASES)
def test_who_is_responsible(shifts, absences, at, officer, reason, text):
    answer = responsibility_at(
        wijk=WIJK, at=t(at), officers=OFFICERS, shifts=shifts, absences=absences
    )
    assert (answer.officer_id, answer.reason) == (officer, reason)
    if text is not None:
        assert answer.explanation == text


WIJK_CASES = [
    pytest.param(
        Wijk(SCHALKWIJK, "Schalkwijk"),
        [DAY_DE_VRIES],
        DE_VRIES,
        Reason.ON_DUTY_IN_WIJK,
        "toegewezen aan J. de Vries: collega in dienst in Schalkwijk "
        "(geen wijkhandhaver, geen vervanger), dienst tot 17:00",
        id="a wijk without district officer or backup goes to whoever is on duty there",
    ),
    pytest.param(
        Wijk(SCHALKWIJK, "Schalkwijk"),
        [],
        None,
        Reason.COORDINATORS,
        "naar de coördinatoren: geen wijkhandhaver, geen vervanger, "
        "niemand anders in dienst in Schalkwijk",
        id="a wijk without anybody goes to the coordinators",
    ),
    pytest.param(
        Wijk(SCHALKWIJK, "Schalkwijk", district_officer_id=OUD, backup_id=JANSEN),
        [shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", OUD, JANSEN)],
        JANSEN,
        Reason.BACKUP,
        "toegewezen aan P. Jansen: vervanger Schalkwijk (wijkhandhaver niet actief), "
        "dienst tot 17:00",
        id="a district officer who left the team is skipped for the backup",
    ),
    pytest.param(
        Wijk(SCHALKWIJK, "Schalkwijk", district_officer_id=99, backup_id=None),
        [],
        None,
        Reason.COORDINATORS,
        "naar de coördinatoren: geen wijkhandhaver, geen vervanger, "
        "niemand anders in dienst in Schalkwijk",
        id="a district officer the roster does not know counts as none",
    ),
]


@pytest.mark.parametrize(("wijk", "shifts", "officer", "reason", "text"), WIJK_CASES)
def test_who_is_responsible_in_a_wijk_with_gaps(wijk, shifts, officer, reason, text):
    answer = responsibility_at(
        wijk=wijk, at=t(f"{TUESDAY} 10:00"), officers=OFFICERS, shifts=shifts, absences=[]
    )
    assert (answer.officer_id, answer.reason, answer.explanation) == (officer, reason, text)


def test_the_answer_carries_the_end_of_the_covering_shift():
    answer = responsibility_at(
        wijk=WIJK, at=t(f"{TUESDAY} 10:00"), officers=OFFICERS, shifts=[DAY_DE_VRIES], absences=[]
    )
    assert answer.until == t(f"{TUESDAY} 17:00")
    assert answer.officer_name == "J. de Vries"
    assert answer.shift_id == DAY_DE_VRIES.id


def test_a_night_shift_over_the_autumn_clock_change_covers_until_six_local_time():
    # 25 October 2026 the clocks go back from 03:00 to 02:00: this night lasts nine hours.
    night = shift(7, "2026-10-24 22:00", "2026-10-25 06:00", DE_VRIES)
    assert night.end - night.start == dt.timedelta(hours=9)
    answer = responsibility_at(
        wijk=WIJK, at=t("2026-10-25 05:30"), officers=OFFICERS, shifts=[night], absences=[]
    )
    assert answer.officer_id == DE_VRIES
    assert answer.explanation.endswith("dienst tot 06:00")


def test_the_order_of_the_roster_rows_does_not_change_the_answer():
    shifts = [
        shift(1, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", SMIT),
        shift(2, f"{TUESDAY} 08:00", f"{TUESDAY} 17:00", BAKKER),
        shift(3, f"{TUESDAY} 09:00", f"{TUESDAY} 17:00", OUD),
    ]
    answers = {
        responsibility_at(
            wijk=WIJK, at=t(f"{TUESDAY} 10:00"), officers=officers, shifts=order, absences=[]
        )
        for order in itertools.permutations(shifts)
        for officers in (OFFICERS, list(reversed(OFFICERS)))
    }
    assert len(answers) == 1
    assert next(iter(answers)).officer_id == SMIT  # the lower shift id of two equal shifts


def test_a_moment_without_time_zone_is_refused():
    with pytest.raises(ValueError):
        responsibility_at(
            wijk=WIJK, at=dt.datetime(2026, 11, 24, 10), officers=OFFICERS, shifts=[], absences=[]
        )
