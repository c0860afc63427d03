"""Factories for team tests: wijken, officers, pairs, shifts (in local time) and absences."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import factory

from openhandhaving.areas.models import District
from openhandhaving.team.choices import AbsenceKind, AssignmentRole
from openhandhaving.team.models import Absence, DistrictAssignment, Officer, Pair, Shift

AMS = ZoneInfo("Europe/Amsterdam")
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[4.6, 52.35], [4.7, 52.35], [4.7, 52.4], [4.6, 52.4], [4.6, 52.35]]],
}


def local(text: str) -> dt.datetime:
    """'2026-11-24 08:00' → that moment in Amsterdam."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=AMS)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    code = factory.Sequence(lambda n: f"WK{n:04d}")
    name = factory.Sequence(lambda n: f"Wijk {n}")
    geometry = SQUARE
    centroid_lat = 52.375
    centroid_lon = 4.65


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    first_name = factory.Sequence(lambda n: f"Jan{n}")
    last_name = factory.Sequence(lambda n: f"de Vries{n}")


class PairFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pair

    name = factory.Sequence(lambda n: f"Duo {n}")
    first = factory.SubFactory(OfficerFactory)
    second = factory.SubFactory(OfficerFactory)


def assign(district: District, officer: Officer, role: str = AssignmentRole.DISTRICT_OFFICER):
    return DistrictAssignment.objects.create(district=district, officer=officer, role=role)


def make_shift(start: str, end: str, *officers: Officer, district=None, pair=None) -> Shift:
    shift = Shift.objects.create(start=local(start), end=local(end), district=district, pair=pair)
    shift.officers.set(officers)
    return shift


def make_absence(
    officer: Officer, start: str, end: str | None = None, kind: str = AbsenceKind.ILLNESS
) -> Absence:
    return Absence.objects.create(
        officer=officer, kind=kind, start=local(start), end=local(end) if end else None
    )
