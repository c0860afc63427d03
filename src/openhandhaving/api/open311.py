"""Open311 GeoReport v2: the documents of the specification as plain data, written as JSON or XML.

Field names and element names follow http://wiki.open311.org/GeoReport_v2. In XML a list is an
element named after the document (``services``, ``errors``) holding one element per item
(``service``, ``error``); nested lists (``attributes``, ``values``, ``formats``) do the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any
from xml.etree import ElementTree as ET

from openhandhaving.reports.models import Category

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
FORMATS = {"json": "application/json", "xml": "text/xml"}
# The item element of each list in the XML form.
ITEM_NAMES = {
    "services": "service",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
    "service_requests": "request",
    "keywords": "keyword",
}
QUESTION_DATATYPES = {
    "text": "text",
    "string": "string",
    "number": "number",
    "choice": "singlevaluelist",
    "multiple": "multivaluelist",
    "multiple_choice": "multivaluelist",
}


def service_code(category: Category) -> str:
    return category.slug


def service(category: Category) -> dict[str, Any]:
    """One entry of GET services: a category that residents may report (a subcategory)."""
    main = category.parent.public_name or category.parent.name if category.parent_id else ""
    return {
        "service_code": service_code(category),
        "service_name": category.public_name or category.name,
        "description": category.description or "",
        "metadata": bool(_questions(category)),
        "type": "realtime",  # the request id comes back at once (no token needed)
        "keywords": "",
        "group": main,
    }


def _questions(category: Category) -> list[dict]:
    questions = category.questions if isinstance(category.questions, list) else []
    return [q for q in questions if isinstance(q, dict) and q.get("key")]


def _options(question: Mapping) -> list[dict[str, str]]:
    values = []
    for option in question.get("options") or question.get("choices") or []:
        if isinstance(option, Mapping):
            key = str(option.get("value", ""))
            values.append({"key": key, "name": str(option.get("label") or key)})
        else:
            values.append({"key": str(option), "name": str(option)})
    return values


def service_definition(category: Category) -> dict[str, Any]:
    """GET services/{service_code}: the category's extra questions as attributes."""
    attributes = []
    for order, question in enumerate(_questions(category), start=1):
        values = _options(question)
        kind = str(question.get("type") or ("choice" if values else "text"))
        attribute = {
            "variable": True,
            "code": str(question["key"]),
            "datatype": QUESTION_DATATYPES.get(kind, "string"),
            "required": bool(question.get("required")),
            "datatype_description": str(question.get("help") or ""),
            "order": order,
            "description": str(question.get("label") or question["key"]),
        }
        if values:
            attribute["values"] = values
        attributes.append(attribute)
    return {"service_code": service_code(category), "attributes": attributes}


def discovery(*, base_url: str, contact: str) -> dict[str, Any]:
    return {
        "changeset": "2026-11-23T00:00:00Z",
        "contact": contact,
        "key_service": "Vraag een API-sleutel aan bij de functioneel beheerder van de gemeente.",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url,
                "changeset": "2026-11-23T00:00:00Z",
                "type": "production",
                "formats": list(FORMATS.values()),
            }
        ],
    }


def errors(*items: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"code": code, "description": description} for code, description in items]


# --- writing ---------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, Mapping):
        for key, inner in value.items():
            _fill(ET.SubElement(element, key), inner)
    elif isinstance(value, list | tuple):
        item_name = ITEM_NAMES.get(element.tag, "item")
        for inner in value:
            _fill(ET.SubElement(element, item_name), inner)
    else:
        element.text = _text(value)


def to_xml(root: str, document: Any) -> bytes:
    """`document` (a dict or a list) as an XML document with root element `root`."""
    element = ET.Element(root)
    _fill(element, document)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def to_json(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def render(fmt: str, root: str, document: Any) -> tuple[bytes, str]:
    """(body, content type) of a document in the asked format ('json' or 'xml')."""
    if fmt == "json":
        return to_json(document), "application/json; charset=utf-8"
    return to_xml(root, document), "text/xml; charset=utf-8"


def services_list(categories: Iterable[Category]) -> list[dict[str, Any]]:
    return [service(category) for category in categories]


# --- service requests --------------------------------------------------------------------------

OPEN_STATUSES = "open"
PUBLIC_STATUS_NOTES = {
    "new": "Ontvangen",
    "accepted": "In behandeling genomen",
    "in_progress": "Bezig",
    "planned": "Ingepland",
    "waiting_for_reporter": "Wacht op de melder",
    "forwarded": "Doorgezet naar een andere organisatie",
    "done": "Afgehandeld",
    "cancelled": "Geannuleerd",
    "reopened": "Heropend",
    "reopen_requested": "Verzoek tot heropenen",
}


def _iso(moment) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def service_request(
    report, *, point: tuple[float, float], agency: str, with_text: bool = False
) -> dict[str, Any]:
    """A report as GET requests shows it: no personal data; `point` may be generalised.

    The resident's own words may name people, so `description` stays empty unless the caller's
    key may read reports (`with_text`)."""
    from openhandhaving.reports.choices import END_STATES

    category = report.category
    closed = report.status in {s.value for s in END_STATES}
    return {
        "service_request_id": report.number,
        "status": "closed" if closed else OPEN_STATUSES,
        "status_notes": PUBLIC_STATUS_NOTES.get(report.status, ""),
        "service_name": category.public_name or category.name,
        "service_code": category.slug,
        "description": report.text if with_text else "",
        "agency_responsible": agency,
        "service_notice": category.service_promise or "",
        "requested_datetime": _iso(report.reported_at),
        "updated_datetime": _iso(report.closed_at or report.reported_at),
        "expected_datetime": _iso(report.deadline),
        "address": report.address if not category.is_sensitive else "",
        "address_id": "",
        "zipcode": "",
        "lat": point[0],
        "long": point[1],
        "media_url": "",
    }
