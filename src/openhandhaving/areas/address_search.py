"""Address search behind the address fields: the local index or PDOK Locatieserver.

`address_search()` gives the adapter the settings ask for:

- "local" (default): the municipality's own address list (areas.Address, filled by the demo or
  by `openhandhaving import_addresses`); works without internet.
- "pdok": PDOK Locatieserver v3.1 (free, BAG addresses of the whole country, filtered to the
  municipality's gemeentecode). When PDOK does not answer in time or answers with an error, the
  local index answers instead, so an address field always works.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from django.conf import settings
from django.db.models import Case, Count, IntegerField, Max, Q, QuerySet, Value, When

from openhandhaving.areas.address_query import (
    AddressQuery,
    address_label,
    address_queries,
    fold,
    number_prefix_ranges,
    street_rank,
)
from openhandhaving.areas.models import Address, Municipality
from openhandhaving.core.caching import Fresh

logger = logging.getLogger(__name__)

LOCAL = "local"
PDOK = "pdok"
DEFAULT_PDOK_URL = "https://api.pdok.nl/bzk/locatieserver/search/v3_1"
# At most this many matching streets are searched for one text ("de" matches hundreds).
MAX_STREETS = 100


@dataclass(frozen=True)
class AddressHit:
    """One address found. `id` is unique across sources: "local-123" or PDOK's "adr-…"."""

    id: str
    label: str
    street: str
    house_number: int | None
    postcode: str
    city: str
    lat: float | None
    lon: float | None
    house_letter: str = ""
    addition: str = ""
    source: str = LOCAL
    address_id: int | None = None  # the areas.Address row, for hits of the local index


class AddressSearchUnavailable(Exception):
    """The address service did not answer usefully (timeout, connection, HTTP error, bad JSON)."""


class AddressSearch(Protocol):
    def suggest(self, text: str, limit: int = 10) -> list[AddressHit]: ...

    def lookup(self, id: str) -> AddressHit | None: ...


# --- The local index ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Names:
    streets: list[tuple[str, str]]  # (folded, as stored)
    cities: list[tuple[str, str]]


def _names_version() -> tuple:
    return tuple(Address.objects.aggregate(n=Count("id"), last=Max("id")).values())


def _names_load(_version) -> _Names:
    streets = Address.objects.order_by().values_list("street", flat=True).distinct()
    cities = Address.objects.order_by().values_list("city", flat=True).distinct()
    return _Names(
        streets=sorted((fold(s), s) for s in streets), cities=[(fold(c), c) for c in cities]
    )


# Street and place names of the stored addresses, folded once per process (core.caching).
_names: Fresh[_Names] = Fresh(version=_names_version, load=_names_load)


def address_names_clear() -> None:
    _names.clear()


def _local_hit(address: Address) -> AddressHit:
    return AddressHit(
        id=f"local-{address.pk}",
        label=address_label(
            street=address.street,
            house_number=address.house_number,
            letter=address.house_letter,
            addition=address.addition,
            postcode=address.postcode,
            city=address.city,
        ),
        street=address.street,
        house_number=address.house_number,
        house_letter=address.house_letter,
        addition=address.addition,
        postcode=address.postcode,
        city=address.city,
        lat=address.lat,
        lon=address.lon,
        source=LOCAL,
        address_id=address.pk,
    )


class LocalAddressSearch:
    """Search in the stored addresses: "Dorpsstr", "dorpsstraat 12a", "3511 AB 12", "3511ab12".

    Names match case- and diacritics-insensitively from their start (or the start of a later
    word); the street that equals the text comes first, and the exact house number before
    numbers that only start with it.
    """

    def suggest(self, text: str, limit: int = 10) -> list[AddressHit]:
        return [_local_hit(a) for a in self.addresses(text, limit=limit, number_prefix=True)]

    def lookup(self, id: str) -> AddressHit | None:
        pk = id.removeprefix("local-")
        if not pk.isdigit():
            return None
        address = Address.objects.filter(pk=int(pk)).first()
        return _local_hit(address) if address else None

    def addresses(
        self, text: str, *, limit: int = 10, number_prefix: bool = False
    ) -> list[Address]:
        """The Address rows for `text`, best first. Without `number_prefix` a number must match
        exactly ("12" does not find 120): a form that needs one clear match uses that."""
        if limit <= 0:
            return []
        for query in address_queries(text[:200]):
            found = self._for_query(query, limit=limit, number_prefix=number_prefix)
            if found:
                return found
        return []

    def _for_query(self, query: AddressQuery, *, limit: int, number_prefix: bool) -> list[Address]:
        names = _names.get()
        addresses = Address.objects.all()
        if query.postcode:
            if query.postcode_complete:
                addresses = addresses.filter(postcode=query.postcode)
            else:
                addresses = addresses.filter(postcode__startswith=query.postcode)
            order: list[Any] = ["postcode", "street"]
        else:
            ranked = sorted(
                (rank, folded, stored)
                for folded, stored in names.streets
                if (rank := street_rank(folded, query.street)) is not None
            )[:MAX_STREETS]
            if not ranked:
                return []
            addresses = addresses.filter(street__in=[stored for _r, _f, stored in ranked])
            rank_of = Case(
                *(When(street=stored, then=Value(i)) for i, (_r, _f, stored) in enumerate(ranked)),
                output_field=IntegerField(),
            )
            addresses = addresses.annotate(street_rank=rank_of)
            order = ["street_rank"]
        if query.rest:
            cities = [stored for folded, stored in names.cities if folded.startswith(query.rest)]
            if cities:
                addresses = addresses.filter(city__in=cities)
            elif query.number is not None:
                addresses = _addition_preferred(addresses, query.rest)
        if query.letter:
            addresses = addresses.filter(house_letter__iexact=query.letter)
        order += ["city", "house_number", "house_letter", "addition"]
        if query.number is None:
            return list(addresses.order_by(*order)[:limit])
        found = list(addresses.filter(house_number=query.number).order_by(*order)[:limit])
        if number_prefix and len(found) < limit:
            starts = Q()
            for low, high in number_prefix_ranges(query.number):
                starts |= Q(house_number__gte=low, house_number__lt=high)
            found += list(addresses.filter(starts).order_by(*order)[: limit - len(found)])
        return found


def _addition_preferred(addresses: QuerySet[Address], addition: str) -> QuerySet[Address]:
    """Only the addresses with this toevoeging, if there are any ("12 2" → 12-2)."""
    wanted = addition.replace(" ", "")
    with_it = addresses.filter(addition__iexact=wanted)
    return with_it if with_it.exists() else addresses


# --- PDOK Locatieserver ------------------------------------------------------------------------

_PDOK_FIELDS = (
    "id,weergavenaam,straatnaam,huisnummer,huisletter,huisnummertoevoeging,postcode,"
    "woonplaatsnaam,gemeentecode,centroide_ll"
)


_POINT = re.compile(r"^\s*POINT\s*\(\s*(\S+)\s+(\S+)\s*\)\s*$", re.IGNORECASE)


def parse_point(text: Any) -> tuple[float, float] | tuple[None, None]:
    """PDOK's 'POINT(5.1214 52.0907)' (lon lat) → (lat, lon); (None, None) when not a point."""
    match = _POINT.match(text) if isinstance(text, str) else None
    if not match:
        return None, None
    try:
        lon, lat = float(match[1]), float(match[2])
    except ValueError:
        return None, None
    return lat, lon


def _number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def pdok_hit(doc: dict[str, Any]) -> AddressHit | None:
    """An AddressHit from one document of a suggest or lookup answer (None without an id)."""
    if not isinstance(doc, dict) or not doc.get("id"):
        return None
    lat, lon = parse_point(doc.get("centroide_ll"))
    street = str(doc.get("straatnaam") or "")
    number = _number(doc.get("huisnummer"))
    postcode = str(doc.get("postcode") or "").replace(" ", "").upper()
    city = str(doc.get("woonplaatsnaam") or "")
    letter = str(doc.get("huisletter") or "")
    addition = str(doc.get("huisnummertoevoeging") or "")
    label = (
        address_label(
            street=street,
            house_number=number,
            letter=letter,
            addition=addition,
            postcode=postcode,
            city=city,
        )
        if street
        else str(doc.get("weergavenaam") or "")
    )
    return AddressHit(
        id=str(doc["id"]),
        label=label,
        street=street,
        house_number=number,
        house_letter=letter,
        addition=addition,
        postcode=postcode,
        city=city,
        lat=lat,
        lon=lon,
        source=PDOK,
    )


class PdokAddressSearch:
    """PDOK Locatieserver v3.1: `suggest` while typing, `lookup` for one chosen id.

    Raises AddressSearchUnavailable when PDOK does not answer usefully; FallbackAddressSearch
    turns that into an answer from the local index.
    """

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_PDOK_URL,
        municipality_code: str = "",
        timeout: float = 2.0,
        client: httpx.Client | None = None,
    ):
        self.base_url = base_url.rstrip("/")
        self.municipality_code = municipality_code
        self.timeout = timeout
        self.client = client or httpx.Client()

    def _filters(self) -> list[str]:
        filters = ["type:adres"]
        if self.municipality_code:
            filters.append(f"gemeentecode:{self.municipality_code}")
        return filters

    def _get(self, endpoint: str, params: dict[str, Any]) -> list[Any]:
        try:
            response = self.client.get(
                f"{self.base_url}/{endpoint}", params=params, timeout=self.timeout
            )
            response.raise_for_status()
            docs = response.json()["response"]["docs"]
        except httpx.HTTPError as error:
            raise AddressSearchUnavailable(f"PDOK {endpoint}: {error}") from error
        except (ValueError, KeyError, TypeError) as error:
            raise AddressSearchUnavailable(f"PDOK {endpoint}: unexpected answer") from error
        if not isinstance(docs, list):
            raise AddressSearchUnavailable(f"PDOK {endpoint}: unexpected answer")
        return docs

    def suggest(self, text: str, limit: int = 10) -> list[AddressHit]:
        text = " ".join(text.split())[:200]
        if len(text) < 2 or limit <= 0:
            return []
        docs = self._get(
            "suggest", {"q": text, "fq": self._filters(), "rows": limit, "fl": _PDOK_FIELDS}
        )
        return [hit for doc in docs if (hit := pdok_hit(doc))][:limit]

    def lookup(self, id: str) -> AddressHit | None:
        if not id or id.startswith("local-"):
            return None
        docs = self._get("lookup", {"id": id, "fl": _PDOK_FIELDS})
        return next((hit for doc in docs if (hit := pdok_hit(doc))), None)


class FallbackAddressSearch:
    """Ask `primary`; when it is unavailable, ask `fallback`. Logs one warning per failure burst
    (the first failure after a success), not one per keystroke."""

    def __init__(self, primary: AddressSearch, fallback: AddressSearch):
        self.primary = primary
        self.fallback = fallback
        self._failing = False
        self._lock = threading.Lock()

    def _failed(self, error: Exception) -> None:
        with self._lock:
            first, self._failing = not self._failing, True
        if first:
            logger.warning("Adreszoeker onbereikbaar, lokale adreslijst gebruikt: %s", error)

    def _succeeded(self) -> None:
        if self._failing:
            with self._lock:
                self._failing = False
            logger.info("Adreszoeker antwoordt weer.")

    def suggest(self, text: str, limit: int = 10) -> list[AddressHit]:
        try:
            hits = self.primary.suggest(text, limit)
        except AddressSearchUnavailable as error:
            self._failed(error)
            return self.fallback.suggest(text, limit)
        self._succeeded()
        return hits

    def lookup(self, id: str) -> AddressHit | None:
        if id.startswith("local-"):
            return self.fallback.lookup(id)
        try:
            hit = self.primary.lookup(id)
        except AddressSearchUnavailable as error:
            self._failed(error)
            return None
        self._succeeded()
        return hit


# --- Choosing one ------------------------------------------------------------------------------


def pdok_municipality_code(code: str) -> str:
    """The CBS code as PDOK's gemeentecode field has it: 'GM0344' → '0344'."""
    code = code.strip().upper().removeprefix("GM")
    return code.zfill(4) if code.isdigit() else ""


def _configured() -> tuple:
    municipality = Municipality.objects.order_by("id").values_list("code", flat=True).first()
    return (
        str(getattr(settings, "ADDRESS_SEARCH", LOCAL)).strip().lower() or LOCAL,
        getattr(settings, "PDOK_LOCATIESERVER_URL", DEFAULT_PDOK_URL) or DEFAULT_PDOK_URL,
        float(getattr(settings, "PDOK_TIMEOUT_SECONDS", 2.0)),
        pdok_municipality_code(getattr(settings, "PDOK_GEMEENTECODE", "") or municipality or ""),
    )


_adapters: dict[tuple, AddressSearch] = {}


def address_search() -> AddressSearch:
    """The adapter the settings choose (ADDRESS_SEARCH = "local" or "pdok"), one per process so
    PDOK connections are reused and failure bursts are counted across requests."""
    key = _configured()
    adapter = _adapters.get(key)
    if adapter is None:
        kind, url, timeout, gemeentecode = key
        if kind == PDOK:
            adapter = FallbackAddressSearch(
                PdokAddressSearch(base_url=url, municipality_code=gemeentecode, timeout=timeout),
                LocalAddressSearch(),
            )
        else:
            adapter = LocalAddressSearch()
        _adapters[key] = adapter
    return adapter
