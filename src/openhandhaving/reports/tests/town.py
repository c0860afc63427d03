"""A small town for routing and service tests: two wijken, three officers with logins, teams.

Wijk West (Noord + Zuid) has district officer Hanna de Vries and backup Piet Jansen, both on a
shift in West on Tuesday 24 November 2026 08:00–17:00; wijk Oost has Karin Bakker, on duty
12:00–22:00. Team Handhaving hands reports to the district officer on duty; team Parkeren works
from its own queue.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from openhandhaving.areas import index_cache
from openhandhaving.areas.models import District
from openhandhaving.areas.services import areas_import
from openhandhaving.areas.tests import geo
from openhandhaving.reports.models import Category, Team
from openhandhaving.reports.routing import rules_cache_clear
from openhandhaving.team.choices import AssignmentRole
from openhandhaving.team.tests.factories import OfficerFactory, assign, local, make_shift

IN_WEST = (52.098, 5.105)
IN_OOST = (52.092, 5.118)
OUTSIDE = (52.5, 6.0)
TUESDAY_10 = "2026-11-24 10:00"


def build_town(make_user) -> SimpleNamespace:
    index_cache.area_index_clear()
    rules_cache_clear()
    found = areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=geo.cbs_buurten()
    )
    assert found.ok, found.errors
    west = District.objects.get(name="West")
    oost = District.objects.get(name="Oost")
    users = {
        name: make_user("officer", username=name, first_name=first, last_name=last)
        for name, first, last in (
            ("hanna", "Hanna", "de Vries"),
            ("piet", "Piet", "Jansen"),
            ("karin", "Karin", "Bakker"),
        )
    }
    officers = {
        name: OfficerFactory(user=user, first_name=user.first_name, last_name=user.last_name)
        for name, user in users.items()
    }
    assign(west, officers["hanna"])
    assign(west, officers["piet"], AssignmentRole.BACKUP)
    assign(oost, officers["karin"])
    make_shift(
        "2026-11-24 08:00",
        "2026-11-24 17:00",
        officers["hanna"],
        officers["piet"],
        district=west,
    )
    make_shift("2026-11-24 12:00", "2026-11-24 22:00", officers["karin"], district=oost)
    handhaving = Team.objects.create(
        name="Handhaving", slug="handhaving", routes_to_district_officer=True
    )
    parkeren = Team.objects.create(name="Parkeren", slug="parkeren")
    overlast = Category.objects.create(
        slug="overlast", name="Overlast", responsible_team=handhaving, deadline_amount=5
    )
    geluid = Category.objects.create(slug="geluid", name="Geluid", parent=overlast)
    afval = Category.objects.create(
        slug="afval", name="Afval", deadline_amount=3, deadline_unit="calendar_days"
    )
    parkeer = Category.objects.create(slug="parkeren", name="Parkeren", responsible_team=parkeren)
    return SimpleNamespace(
        west=west,
        oost=oost,
        handhaving=handhaving,
        parkeren=parkeren,
        overlast=overlast,
        geluid=geluid,
        afval=afval,
        parkeer=parkeer,
        coordinator=make_user("coordinator", username="coco", first_name="Co", last_name="Ordi"),
        **users,
        officers=officers,
    )


@pytest.fixture
def town(make_user, settings):
    # Five logins: the real password hasher would make each test take seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield build_town(make_user)
    index_cache.area_index_clear()
    rules_cache_clear()


def at(text: str = TUESDAY_10):
    return local(text)
