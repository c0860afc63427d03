"""Open311 POST requests: the form fields of the specification into the reports intake service."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.http import QueryDict

from openhandhaving.api.models import ApiClient
from openhandhaving.api.selectors import reportable_category
from openhandhaving.reports.choices import Channel
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Report
from openhandhaving.reports.selectors_lookup import address_search
from openhandhaving.reports.services import report_create


@dataclass
class Open311Error(Exception):
    status: int
    description: str


def attributes_of(data: QueryDict) -> dict[str, str | list[str]]:
    """attribute[code]=value and attribute[code][]=value (multivaluelist) as answers."""
    answers: dict[str, str | list[str]] = {}
    for name in data:
        if not (name.startswith("attribute[") and "]" in name):
            continue
        code = name[len("attribute[") : name.index("]")]
        if name.endswith("[]"):
            answers[code] = data.getlist(name)
        else:
            answers[code] = data.get(name, "")
    return answers


def _point(data: Mapping[str, str]) -> tuple[object, object, str]:
    lat, lon = data.get("lat"), data.get("long")
    address = (data.get("address_string") or "").strip()
    if lat not in (None, "") or lon not in (None, ""):
        return lat, lon, address
    if address:
        hits = address_search(text=address, limit=1)
        if hits:
            return hits[0].lat, hits[0].lon, address
        raise Open311Error(400, f"address_string: adres niet gevonden: {address}")
    raise Open311Error(400, "lat/long of address_string is verplicht")


def request_create(*, client: ApiClient, data: QueryDict) -> Report:
    """A report from an Open311 POST; errors as Open311Error (status, description)."""
    code = (data.get("service_code") or "").strip()
    if not code:
        raise Open311Error(400, "service_code is verplicht")
    category = reportable_category(code)
    if category is None:
        raise Open311Error(404, f"service_code {code} not found")
    lat, lon, address = _point(data)
    name = " ".join(
        part
        for part in ((data.get("first_name") or "").strip(), (data.get("last_name") or "").strip())
        if part
    )
    contact = {
        "name": name,
        "email": data.get("email") or "",
        "phone": data.get("phone") or "",
        "may_contact": bool(data.get("email") or data.get("phone")),
    }
    try:
        return report_create(
            text=data.get("description") or "",
            category=category,
            lat=lat,
            lon=lon,
            address=address,
            channel=Channel.APP,
            answers=attributes_of(data),
            contact=contact,
        )
    except ReportRuleError as error:
        field = {"location": "lat/long", "text": "description"}.get(error.field or "", error.field)
        raise Open311Error(400, f"{field}: {error.message}" if field else error.message) from None
