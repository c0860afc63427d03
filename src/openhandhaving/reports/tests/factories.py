"""Factories for reports tests: teams, categories and report rows written directly.

ReportFactory writes a row as the services would leave it (number, H3 cell, deadlines) without
routing or history, so read-side tests do not depend on the write side. Use the services
(report_create ...) where the behaviour of a write is what the test is about.
"""

from __future__ import annotations

import datetime as dt
import math

import factory
import h3
from django.conf import settings
from django.utils import timezone

from openhandhaving.reports.choices import Channel, EventKind, Status
from openhandhaving.reports.models import Category, Report, ReporterContact, ReportEvent, Team

# A point in Haarlem-Schalkwijk; tests that need a wijk pass district= explicitly.
LAT, LON = 52.3601, 4.6532


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.Sequence(lambda n: f"team-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    slug = factory.Sequence(lambda n: f"categorie-{n}")
    name = factory.Sequence(lambda n: f"Categorie {n}")
    deadline_amount = 5


class ReportFactory(factory.django.DjangoModelFactory):
    """A report row. `reported_at` defaults to now; deadlines follow as 5 and 15 days later."""

    class Meta:
        model = Report

    number = factory.Sequence(lambda n: f"2026-{n + 1:06d}")
    text = factory.Sequence(lambda n: f"Fout geparkeerde auto op de stoep, melding {n}")
    category = factory.SubFactory(CategoryFactory)
    status = Status.NEW
    address = "Dorpsstraat 1, Waterdam"
    channel = Channel.PHONE
    lat = LAT
    lon = LON
    h3_cell = factory.LazyAttribute(
        lambda o: h3.latlng_to_cell(o.lat, o.lon, settings.H3_RESOLUTION)
    )
    reported_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyAttribute(lambda o: o.reported_at + dt.timedelta(days=5))
    deadline_3x = factory.LazyAttribute(lambda o: o.reported_at + dt.timedelta(days=15))


def offset_point(lat: float, lon: float, *, north_m: float = 0, east_m: float = 0):
    """The point `north_m` metres north and `east_m` metres east of (lat, lon)."""
    return (
        lat + north_m / 111_320,
        lon + east_m / (111_320 * math.cos(math.radians(lat))),
    )


def add_contact(report: Report, **fields) -> ReporterContact:
    values = {"name": "Els Bakker", "email": "els@example.nl", "phone": "0612345678"}
    values.update(fields)
    return ReporterContact.objects.create(report=report, **values)


def add_event(report: Report, kind: str = EventKind.NOTE, **fields) -> ReportEvent:
    fields.setdefault("time", timezone.now())
    return ReportEvent.objects.create(report=report, kind=kind, **fields)
