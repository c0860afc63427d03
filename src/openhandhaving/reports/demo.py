"""Demo data of the reports app: categories, teams, rules, texts and two years of reports.

Runs after areas.demo and team.demo. The reports are planned by pure modules (demo_plan: when,
what, where, in whose words; demo_routing and demo_lifecycle: who gets it, how it is handled)
and stored in chunks of prepared rows (demo_store) — the report services would take hours for a
million reports — in the shape those services write: numbers per year, deadlines from deadlines_for,
wijk, buurt and H3 cell from locate_many, owner and history with reasons. Sizes: small about
2,000 reports, normal about 30,000, large 1,000,000 (with a minimal history per report);
ctx.shared["report_target"], when set, overrides the number (the benchmarks use it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections.abc import Iterable, Iterator
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings

from openhandhaving.areas.demo_streets import MARKET_WEEKDAYS
from openhandhaving.areas.models import Address, Place
from openhandhaving.areas.services import locate_many
from openhandhaving.core.calendar import dutch_calendar
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.reports.deadlines import deadlines_for
from openhandhaving.reports.demo_lifecycle import Outcome, lifecycle
from openhandhaving.reports.demo_places import PlaceInfo, Setting, pools_build
from openhandhaving.reports.demo_plan import DAYS, TARGETS, Draft, drafts
from openhandhaving.reports.demo_routing import CategoryFacts, route
from openhandhaving.reports.demo_setup import catalogue_create
from openhandhaving.reports.demo_staff import message_renderer, rules_for, staff_build
from openhandhaving.reports.demo_store import (
    db_datetime,
    db_json,
    next_report_id,
    plain_indexes_dropped,
    sequences_reset,
    writers,
)
from openhandhaving.reports.models import (
    Report,
    ReporterContact,
    ReportEvent,
    ReportNumber,
    RoutingCorrection,
)

CHUNK = 20_000
RETENTION = dt.timedelta(days=365)  # reporter data is anonymised a year after closing
CAUSES = {
    "school": "Halen en brengen van kinderen",
    "nightlife": "Uitgaanspubliek",
    "market": "Weekmarkt",
    "park": "Hondenbezitters",
}


def generate(ctx: DemoContext) -> None:
    setup = catalogue_create(ctx)
    count = reports_generate(ctx, setup)
    ctx.shared.update(
        report_teams=setup["teams"], report_categories=setup["categories"], report_count=count
    )
    classifier_train_demo()


def classifier_train_demo() -> None:
    """Train the category suggestion on the demo's closed reports, so the resident's form
    suggests a subject right away (the nightly job retrains it from then on)."""
    from openhandhaving.reports.exceptions import ReportRuleError
    from openhandhaving.reports.services.classifier import classifier_train_from_reports

    # Too few closed reports (a very small demo): no suggestion, as without a model.
    with contextlib.suppress(ReportRuleError):
        classifier_train_from_reports(actor=None, origin="demo")


def reports_generate(ctx: DemoContext, setup: dict) -> int:
    """Two years of reports up to ctx.today 08:00 for the stored catalogue; returns the count."""
    tz = ZoneInfo(settings.TIME_ZONE)
    rng = ctx.rng("reports")
    setting, labels = setting_from_database(rng, ctx.shared.get("market_weekdays", MARKET_WEEKDAYS))
    writer = ReportWriter(
        setup=setup,
        setting=setting,
        labels=labels,
        tz=tz,
        today=ctx.today,
        rng=random.Random(rng.getrandbits(64)),
        minimal=ctx.size == "large",
    )
    target = ctx.shared.get("report_target") or TARGETS[ctx.size]
    planned = drafts(setting, rng, today=ctx.today, target=target, tz=tz)
    with plain_indexes_dropped([Report, ReportEvent, ReporterContact]):
        for chunk in chunked(planned, CHUNK):
            writer.write(chunk)
    writer.finish()
    return writer.count


def chunked(items: Iterable[Draft], size: int) -> Iterator[list[Draft]]:
    chunk: list[Draft] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def address_label(street: str, number: int, letter: str, addition: str) -> str:
    """'Merelstraat 12A-2', as the intake form stores an address."""
    return f"{street} {number}{letter}" + (f"-{addition}" if addition else "")


def setting_from_database(
    rng: random.Random, market_weekdays: tuple[int, ...] = MARKET_WEEKDAYS
) -> tuple[Setting, list[str]]:
    """The stored addresses and places as the planner's Setting, with spots near the places."""
    rows = list(
        Address.objects.order_by("id").values_list(
            "lat", "lon", "street", "house_number", "house_letter", "addition"
        )
    )
    places = [
        PlaceInfo(kind=p.kind, name=p.name, lat=p.lat, lon=p.lon, geometry=p.geometry)
        for p in Place.objects.order_by("id")
    ]
    setting = Setting(
        address_lat=np.array([r[0] for r in rows], dtype=float),
        address_lon=np.array([r[1] for r in rows], dtype=float),
        streets=[r[2] for r in rows],
        places=places,
        market_weekdays=tuple(market_weekdays),
    )
    pools_build(setting, rng)
    return setting, [address_label(*r[2:]) for r in rows]


def located_inside(chunk: list[Draft], setting: Setting) -> list[dict]:
    """Wijk, buurt and H3 cell of each draft; a spot just outside the municipality (report_create
    refuses those) moves to the draft's address, which always lies inside."""
    located = locate_many([(d.lat, d.lon) for d in chunk])
    outside = [i for i, where in enumerate(located) if where["district"] is None]
    for i in outside:
        draft = chunk[i]
        draft.lat = float(setting.address_lat[draft.address_index])
        draft.lon = float(setting.address_lon[draft.address_index])
    again = locate_many([(chunk[i].lat, chunk[i].lon) for i in outside])
    for i, where in zip(outside, again, strict=True):
        located[i] = where
    return located


class ReportWriter:
    """Turns drafts into stored reports with owner, history and contact, chunk by chunk."""

    def __init__(
        self, *, setup: dict, setting: Setting, labels: list[str], tz, today, rng, minimal
    ):
        self.setup, self.labels, self.tz, self.rng, self.minimal = setup, labels, tz, rng, minimal
        self.setting = setting
        self.now = dt.datetime.combine(today, dt.time(8, 0), tzinfo=tz)
        self.categories = setup["categories"]
        self.facts = {
            slug: CategoryFacts(
                id=c.pk,
                parent_id=c.parent_id,
                slug=slug,
                main_slug=self.categories_by_id(c.parent_id).slug if c.parent_id else slug,
                name=c.name,
                team_id=c.responsible_team_id,
            )
            for slug, c in self.categories.items()
        }
        self.staff = staff_build(setup)
        self.rules = rules_for()
        self.render = message_renderer(setup["texts"], self.categories)
        first = today - dt.timedelta(days=DAYS)
        self.calendar = dutch_calendar(first.year - 1, today.year + 3)
        self.deadline_cache: dict[tuple[dt.date, int, str], tuple[bool, dt.date, dt.date]] = {}
        self.serials: dict[int, int] = {}
        self.corrections: dict[tuple, list] = {}
        self.count = 0
        self.tables = writers()
        self.when, self.json = db_datetime(), db_json()
        self.next_id = next_report_id()

    def categories_by_id(self, pk: int):
        return next(c for c in self.categories.values() if c.pk == pk)

    def deadlines(self, local: dt.datetime, amount: int, unit: str) -> tuple[dt.datetime, ...]:
        """deadlines_for, computed once per day, amount and unit (it counts working days)."""
        key = (local.date(), amount, unit)
        hit = self.deadline_cache.get(key)
        if hit is None:
            noon = dt.datetime.combine(local.date(), dt.time(12, 0), tzinfo=self.tz)
            found = deadlines_for(
                reported_at=noon, amount=amount, unit=unit, calendar=self.calendar
            )
            shifted = unit == "working_days" and not self.calendar.is_working_day(local.date())
            hit = self.deadline_cache[key] = (shifted, found.due.date(), found.due_3x.date())
        shifted, due, due_3x = hit
        clock = dt.time(0, 0) if shifted else local.time()
        return (
            dt.datetime.combine(due, clock, tzinfo=self.tz),
            dt.datetime.combine(due_3x, clock, tzinfo=self.tz),
        )

    def number(self, local: dt.datetime) -> str:
        serial = self.serials.get(local.year, 0) + 1
        self.serials[local.year] = serial
        return f"{local.year}-{serial:06d}"

    def write(self, chunk: list[Draft]) -> None:
        located = located_inside(chunk, self.setting)
        reports, events, contacts = [], [], []
        when = self.when
        for draft, where in zip(chunk, located, strict=True):
            report_id = self.next_id
            self.next_id += 1
            row, outcome = self.report_row(report_id, draft, where)
            reports.append(row)
            events += [
                (report_id, when(e.time), e.actor_id, e.kind, e.old, e.new, e.text, e.internal)
                for e in outcome.events
            ]
            if draft.contact:
                contacts.append(self.contact_row(report_id, draft.contact, outcome.closed_at))
            for to_team, to_user, time in outcome.corrections:
                key = (self.categories[draft.slug].pk, row[4], to_team, to_user)
                seen = self.corrections.setdefault(key, [0, time])
                seen[0] += 1
                seen[1] = max(seen[1], time)
        self.tables["reports"].write(reports)
        self.tables["events"].write(events)
        self.tables["contacts"].write(contacts)
        self.count += len(reports)

    def report_row(self, report_id: int, draft: Draft, where: dict) -> tuple[tuple, Outcome]:
        local = draft.moment
        category = self.categories[draft.slug]
        due, due_3x = self.deadlines(local, category.deadline_amount, category.deadline_unit)
        district = where["district"]
        district_id = district.pk if district else None
        neighbourhood = where["neighbourhood"]
        number = self.number(local)
        address = self.labels[draft.address_index]
        staff = self.staff
        created_by = None
        if draft.channel in ("phone", "desk"):
            created_by = staff.kcc
        elif draft.channel == "own_observation":
            created_by = staff.district_officers.get(district_id) or staff.on_call[0]
        facts = self.facts[draft.slug]
        routing = route(
            self.rng,
            category=facts,
            district_id=district_id,
            moment=local,
            answers=draft.answers,
            rules=self.rules,
            staff=staff,
        )
        wijk = staff.wijk_names.get(district_id, "")
        outcome = lifecycle(
            self.rng,
            reported_at=local,
            due=due,
            channel=draft.channel,
            created_by=created_by,
            routing=routing,
            category=facts,
            district_id=district_id,
            contact=draft.contact,
            staff=staff,
            now=self.now,
            message_for=lambda status: self.render(status, draft.slug, number, address, wijk, due),
            minimal=self.minimal,
        )
        when = self.when
        row = (
            report_id,
            draft.lat,
            draft.lon,
            where["h3_cell"],
            district_id,
            neighbourhood.pk if neighbourhood else None,
            number,
            draft.text,
            category.pk,
            outcome.status,
            outcome.owner.user_id if outcome.owner else None,
            outcome.team_id,
            address,
            draft.channel,
            draft.priority,
            CAUSES.get(draft.pattern or "", "") if outcome.status == "done" else "",
            self.json(draft.answers),
            when(local),
            when(due),
            when(due_3x),
            when(outcome.closed_at),
            None,
            None,
            created_by.user_id if created_by else None,
            "",
            len(outcome.events),
            when(self.anonymised_at(outcome.closed_at)),
        )
        return row, outcome

    def anonymised_at(self, closed_at: dt.datetime | None) -> dt.datetime | None:
        """When the retention job would have removed the reporter's data (a year after closing)."""
        if closed_at is not None and closed_at + RETENTION < self.now:
            return closed_at + RETENTION
        return None

    def contact_row(self, report_id: int, contact: dict, closed_at) -> tuple:
        """The reporter's data; anonymised when the report closed more than a year ago."""
        if (anonymised_at := self.anonymised_at(closed_at)) is not None:
            return (report_id, "", "", "", False, self.when(anonymised_at))
        return (
            report_id,
            contact["name"],
            contact["email"],
            contact["phone"],
            contact["may_contact"],
            None,
        )

    def finish(self) -> None:
        sequences_reset()
        ReportNumber.objects.bulk_create(
            ReportNumber(year=year, last=last) for year, last in sorted(self.serials.items())
        )
        RoutingCorrection.objects.bulk_create(
            RoutingCorrection(
                category_id=category_id,
                district_id=district_id,
                to_team_id=to_team,
                to_user_id=to_user,
                count=count,
                last_at=last_at,
            )
            for (category_id, district_id, to_team, to_user), (count, last_at) in sorted(
                self.corrections.items(), key=lambda item: tuple(str(k) for k in item[0])
            )
        )
