"""Open311 GeoReport v2 discovery and services, checked against the specification's field tables."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

from openhandhaving.reports.models import Category

pytestmark = pytest.mark.django_db

SERVICE_FIELDS = {
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
}
ATTRIBUTE_FIELDS = {
    "variable",
    "code",
    "datatype",
    "required",
    "datatype_description",
    "order",
    "description",
}
DATATYPES = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"}


@pytest.fixture
def catalogue(db):
    overlast = Category.objects.create(slug="overlast", name="Overlast")
    honden = Category.objects.create(
        slug="hondenpoep",
        name="Hondenpoep",
        public_name="Hondenpoep op straat",
        parent=overlast,
        questions=[
            {"key": "waar", "label": "Waar precies?", "required": True},
            {
                "key": "vaker",
                "label": "Gebeurt het vaker?",
                "options": [{"value": "ja", "label": "Ja"}, {"value": "nee", "label": "Nee"}],
            },
        ],
    )
    Category.objects.create(slug="oud", name="Oud", parent=overlast, active=False)
    Category.objects.create(slug="afval", name="Afval")  # a main category without subcategories
    return honden


def get(client, path: str):
    return client.get(f"/open311/v2/{path}")


def test_services_lists_the_reportable_categories_with_the_specified_fields(client, catalogue):
    response = get(client, "services.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    services = {s["service_code"]: s for s in json.loads(response.content)}
    assert set(services) == {"hondenpoep", "afval"}  # not the inactive one, not "overlast"
    honden = services["hondenpoep"]
    assert set(honden) == SERVICE_FIELDS
    assert honden["service_name"] == "Hondenpoep op straat"
    assert honden["group"] == "Overlast"
    assert honden["metadata"] is True and services["afval"]["metadata"] is False
    assert honden["type"] in {"realtime", "batch", "blackbox"}


def test_services_in_xml_has_one_service_element_per_category(client, catalogue):
    response = get(client, "services.xml?jurisdiction_id=waterdam.nl")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)
    assert root.tag == "services"
    codes = {s.findtext("service_code") for s in root.findall("service")}
    assert codes == {"hondenpoep", "afval"}
    honden = next(s for s in root if s.findtext("service_code") == "hondenpoep")
    assert {child.tag for child in honden} == SERVICE_FIELDS
    assert honden.findtext("metadata") == "true"


def test_a_service_definition_gives_the_extra_questions_as_attributes(client, catalogue):
    definition = json.loads(get(client, "services/hondenpoep.json").content)
    assert definition["service_code"] == "hondenpoep"
    waar, vaker = definition["attributes"]
    assert set(waar) >= ATTRIBUTE_FIELDS and set(vaker) >= ATTRIBUTE_FIELDS
    assert (waar["code"], waar["required"], waar["datatype"]) == ("waar", True, "text")
    assert vaker["datatype"] == "singlevaluelist" and vaker["datatype"] in DATATYPES
    assert vaker["values"] == [{"key": "ja", "name": "Ja"}, {"key": "nee", "name": "Nee"}]
    assert [waar["order"], vaker["order"]] == [1, 2]

    root = ET.fromstring(get(client, "services/hondenpoep.xml").content)
    assert root.tag == "service_definition"
    attributes = root.find("attributes").findall("attribute")
    assert [a.findtext("code") for a in attributes] == ["waar", "vaker"]
    values = attributes[1].find("values").findall("value")
    assert [(v.findtext("key"), v.findtext("name")) for v in values] == [
        ("ja", "Ja"),
        ("nee", "Nee"),
    ]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_service_code_is_a_404_with_an_error_list(client, catalogue, fmt):
    response = get(client, f"services/bestaat-niet.{fmt}")
    assert response.status_code == 404
    if fmt == "json":
        assert json.loads(response.content) == [
            {"code": 404, "description": "service_code bestaat-niet not found"}
        ]
    else:
        root = ET.fromstring(response.content)
        assert root.tag == "errors"
        assert root.find("error").findtext("code") == "404"


def test_discovery_names_the_specification_and_both_formats(client, catalogue):
    document = json.loads(get(client, "discovery.json").content)
    (endpoint,) = document["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].endswith("/open311/v2/")
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}
    root = ET.fromstring(get(client, "discovery.xml").content)
    formats = root.find("endpoints").find("endpoint").find("formats").findall("format")
    assert {f.text for f in formats} == {"text/xml", "application/json"}


def test_only_reportable_categories_are_found_by_code(db):
    from openhandhaving.api.selectors import reportable_categories, reportable_category
    from openhandhaving.reports.models import Category

    main = Category.objects.create(slug="hoofd", name="Hoofd")
    leaf = Category.objects.create(slug="blad", name="Blad", parent=main)
    Category.objects.create(slug="uit", name="Uit", parent=main, active=False)
    alone = Category.objects.create(slug="los", name="Los")
    closed = Category.objects.create(slug="dicht", name="Dicht", active=False)
    shut = Category.objects.create(slug="onder-dicht", name="Onder", parent=closed)
    found = {c.slug for c in reportable_categories()}
    for category in (main, leaf, alone, closed, shut):
        by_code = reportable_category(category.slug)
        assert (by_code is not None) == (category.slug in found), category.slug
    assert found == {"blad", "los"}
    assert reportable_category("bestaat-niet") is None
