"""Demo data of the team app: 30 officers in 15 pairs, wijk assignments, a year of roster, absences
and wijk contacts. The plans are pure (demo_roster.py, demo_people.py); this module stores them.

Runs after areas.demo. Adds to ctx.shared: "officers" (list, the `handhaver` officer first),
"pairs" (list), "district_officers" and "backups" ({wijk code: Officer}), "roster_first" and
"roster_last" (dates).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import CommandError

from openhandhaving.areas.choices import PlaceKind
from openhandhaving.areas.models import District, Place
from openhandhaving.core.demo_context import DemoContext
from openhandhaving.core.models import User
from openhandhaving.team import demo_people as people
from openhandhaving.team.demo_roster import (
    HERE,
    NIGHTLIFE,
    WIJK_PAIRS,
    plan_absences,
    roster_patterns,
)
from openhandhaving.team.models import Absence, DistrictContact, Officer, Shift
from openhandhaving.team.roster import local_datetime, pattern_occurrences, week_monday
from openhandhaving.team.services import assignment_set, pair_create, roster_pattern_create

OFFICER_COUNT = 30
OFFICER_USERNAME = "handhaver"
ORIGIN = "demo"


def generate(ctx: DemoContext) -> None:
    rng = ctx.rng("team")
    districts = list(District.objects.order_by("code"))
    if len(districts) < WIJK_PAIRS:
        raise CommandError("De demo van het team heeft de wijken van de demogemeente nodig.")
    officers = officers_create(ctx, rng)
    pairs = [
        pair_create(
            actor=None,
            name=f"{first.first_name} & {second.first_name}",
            first=first,
            second=second,
            origin=ORIGIN,
        )
        for first, second in zip(officers[0::2], officers[1::2], strict=True)
    ]
    # The district officer of wijk i is the first of pair i; the backup is the partner of the
    # neighbouring wijk's district officer, so the two are never on the same shift by design.
    wijk_of_pair = {}
    for i, district in enumerate(districts[:WIJK_PAIRS]):
        backup = pairs[(i + 1) % WIJK_PAIRS].second
        assignment_set(
            actor=None,
            district=district,
            district_officer=pairs[i].first,
            backup=backup,
            origin=ORIGIN,
        )
        wijk_of_pair[i] = district
    first = week_monday(ctx.today - dt.timedelta(weeks=26))
    last = week_monday(ctx.today + dt.timedelta(weeks=26)) + dt.timedelta(days=6)
    nightlife = nightlife_district(districts)
    roster_create(pairs, wijk_of_pair, nightlife, first, last)
    absences_create(ctx, rng, officers, first, last)
    contacts_create(ctx, rng, districts)
    ctx.shared.update(
        officers=officers,
        pairs=pairs,
        district_officers={d.code: pairs[i].first for i, d in wijk_of_pair.items()},
        backups={d.code: pairs[(i + 1) % WIJK_PAIRS].second for i, d in wijk_of_pair.items()},
        roster_first=first,
        roster_last=last,
    )


def officers_create(ctx: DemoContext, rng) -> list[Officer]:
    """Thirty officers with badge number, work phone, e-mail and a portrait; `handhaver` first."""
    names = [people.FIRST_OFFICER, *rng.sample(people.OFFICER_NAMES, OFFICER_COUNT - 1)]
    user = User.objects.filter(username=OFFICER_USERNAME).first()
    badge_start = rng.randrange(100, 700)
    colours = rng.sample(people.PORTRAIT_COLOURS, len(people.PORTRAIT_COLOURS))
    storage = Officer._meta.get_field("photo").storage
    if storage.exists("officers"):  # portraits of an earlier demo (maybe another seed)
        for stale in storage.listdir("officers")[1]:
            if stale.startswith("demo-"):
                storage.delete(f"officers/{stale}")
    officers = []
    for i, (first_name, last_name) in enumerate(names):
        badge = f"WD-{badge_start + i * 7:04d}"
        officer = Officer(
            first_name=first_name,
            last_name=last_name,
            badge_number=badge,
            phone=people.fictional_phone(rng),
            email=people.officer_email(first_name, last_name),
            user=user if i == 0 else None,
        )
        png = people.portrait_png(people.initials(first_name, last_name), colours[i % len(colours)])
        # A fixed file name (the old ones are gone): the same seed gives the same files.
        officer.photo.save(f"demo-{badge.lower()}.png", ContentFile(png), save=False)
        officers.append(officer)
    return Officer.objects.bulk_create(officers)


def nightlife_district(districts: list[District]) -> District:
    place = Place.objects.filter(kind=PlaceKind.NIGHTLIFE, district__isnull=False).first()
    return place.district if place else districts[0]


def roster_create(pairs, wijk_of_pair, nightlife, first: dt.date, last: dt.date) -> None:
    """RosterPattern rows through the team service; their shifts in bulk.

    roster_pattern_generate would check every new shift against every other (seconds for a
    year of fifteen pairs); the demo plan is free of clashes by construction, which
    test_demo_roster.py proves on the same occurrences.
    """
    tz = ZoneInfo(settings.TIME_ZONE)
    shifts = []
    for plan in roster_patterns(len(pairs)):
        district = None
        if plan.where == HERE:
            district = wijk_of_pair[plan.pair]
        elif plan.where == NIGHTLIFE:
            district = nightlife
        pattern = roster_pattern_create(
            actor=None,
            pair=pairs[plan.pair],
            weekdays=list(plan.weekdays),
            start_time=plan.start,
            end_time=plan.end,
            valid_from=first + dt.timedelta(weeks=plan.week_offset),
            valid_until=last,
            district=district,
            every_weeks=plan.every_weeks,
            origin=ORIGIN,
        )
        shifts += [
            Shift(
                start=occurrence.start,
                end=occurrence.end,
                district=district,
                pair=pattern.pair,
                pattern=pattern,
            )
            for occurrence in pattern_occurrences(
                weekdays=pattern.weekdays,
                start_time=pattern.start_time,
                end_time=pattern.end_time,
                valid_from=pattern.valid_from,
                valid_until=pattern.valid_until,
                every_weeks=pattern.every_weeks,
                tz=tz,
            )
        ]
    shifts = Shift.objects.bulk_create(shifts, batch_size=1000)
    Shift.officers.through.objects.bulk_create(
        [
            Shift.officers.through(shift_id=shift.pk, officer_id=officer_id)
            for shift in shifts
            for officer_id in (shift.pair.first_id, shift.pair.second_id)
        ],
        batch_size=2000,
    )


def absences_create(ctx: DemoContext, rng, officers, first: dt.date, last: dt.date) -> None:
    tz = ZoneInfo(settings.TIME_ZONE)
    plans = plan_absences(
        rng, officers=len(officers), first=first, last=last, today=ctx.today, protected=(0,)
    )
    rows = []
    for plan in plans:
        if plan.hours:
            start = local_datetime(plan.first_day, plan.hours[0], tz)
            end = local_datetime(plan.first_day, plan.hours[1], tz)
        else:
            start = local_datetime(plan.first_day, dt.time(0), tz)
            end = None
            if plan.last_day is not None:
                end = local_datetime(plan.last_day + dt.timedelta(days=1), dt.time(0), tz)
        rows.append(
            Absence(
                officer=officers[plan.officer], kind=plan.kind, start=start, end=end, note=plan.note
            )
        )
    Absence.objects.bulk_create(rows)


def contacts_create(ctx: DemoContext, rng, districts: list[District]) -> None:
    """Per wijk: wijkraad, partners, shopkeepers and horeca where they are, and its schools."""
    town = ctx.shared.get("municipality")
    town_name = town.name if town else "Waterdam"
    places = list(Place.objects.filter(district__isnull=False).order_by("kind", "name"))
    addresses = ctx.shared.get("place_addresses", {})
    rows = []
    for district in districts:
        here = [p for p in places if p.district_id == district.pk]
        shops = [p.name for p in here if p.kind == PlaceKind.SHOPPING_STREET]
        nightlife = any(p.kind == PlaceKind.NIGHTLIFE for p in here)
        for contact in people.wijk_contacts(
            rng, wijk=district.name, town=town_name, shops=shops, nightlife=nightlife
        ):
            rows.append(DistrictContact(district=district, **contact))
        for school in (p for p in here if p.kind == PlaceKind.SCHOOL):
            rows.append(
                DistrictContact(
                    district=district,
                    kind="school",
                    organisation=school.name,
                    contact_person="directie",
                    email=f"directie@{people.ascii_slug(school.name)}.example",
                    phone=people.fictional_phone(rng),
                    address=addresses.get(school.pk, ""),
                    notes=people.CONTACT_NOTE_SCHOOL,
                )
            )
    DistrictContact.objects.bulk_create(rows)
