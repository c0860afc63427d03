"""Demo data of the areas app: the fictional town Waterdam — wijken, buurten, addresses, places.

The town itself is drawn by the pure modules demo_town.py and demo_streets.py; this module stores
it through the real import service (areas_import) and locates every point with locate_many.

For the demo apps that run after this one, ctx.shared gets:
- "town": the demo_town.Town (RD New metres; streets, river, outline for later generators)
- "municipality", "districts" (by code), "neighbourhoods" (by code)
- "places": the stored Place rows; "place_addresses": {place id: "Straat 1, 1234 AB Waterdam"}
- "market_weekdays": weekdays of the weekly market on the Markt (0 = Monday)
"""

from __future__ import annotations

import numpy as np
from django.core.management.base import CommandError

from openhandhaving.areas.demo_geojson import feature_collections, geojson, latlons, to_wgs84
from openhandhaving.areas.demo_streets import MARKET_WEEKDAYS, generate_town
from openhandhaving.areas.models import Address, District, Municipality, Neighbourhood, Place
from openhandhaving.areas.services import areas_import, locate_many
from openhandhaving.core.demo_context import DemoContext


def generate(ctx: DemoContext) -> None:
    town = generate_town(ctx.rng("areas"), size=ctx.size)
    districts, neighbourhoods = feature_collections(town)
    report = areas_import(
        districts_geojson=districts,
        neighbourhoods_geojson=neighbourhoods,
        municipality_name=town.name,
        origin="demo",
    )
    if not report.ok:
        problems = "\n".join(report.lines())
        raise CommandError(f"De demogemeente kon niet worden ingelezen:\n{problems}")

    points = latlons(np.array([(a.x, a.y) for a in town.addresses]))
    located = locate_many(points.tolist())
    Address.objects.bulk_create(
        [
            Address(
                street=address.street,
                house_number=address.house_number,
                house_letter=address.house_letter,
                addition=address.addition,
                postcode=address.postcode,
                city=town.name,
                lat=lat,
                lon=lon,
                **where,
            )
            for address, (lat, lon), where in zip(
                town.addresses, points.tolist(), located, strict=True
            )
        ],
        batch_size=2000,
    )

    spots = latlons(np.array([(p.point.x, p.point.y) for p in town.places]))
    located = locate_many(spots.tolist())
    places = Place.objects.bulk_create(
        [
            Place(
                kind=place.kind,
                name=place.name,
                geometry=geojson(to_wgs84(place.geometry)) if place.geometry is not None else None,
                lat=lat,
                lon=lon,
                **where,
            )
            for place, (lat, lon), where in zip(town.places, spots.tolist(), located, strict=True)
        ]
    )
    ctx.shared.update(
        town=town,
        municipality=Municipality.objects.get(name=town.name),
        districts={d.code: d for d in District.objects.order_by("code")},
        neighbourhoods={n.code: n for n in Neighbourhood.objects.order_by("code")},
        places=places,
        place_addresses={
            place.pk: spec.address
            for place, spec in zip(places, town.places, strict=True)
            if spec.address
        },
        market_weekdays=MARKET_WEEKDAYS,
    )
