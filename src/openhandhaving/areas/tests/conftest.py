"""Fixtures for the areas tests."""

from __future__ import annotations

import pytest

from openhandhaving.areas import index_cache
from openhandhaving.areas.services import areas_import
from openhandhaving.areas.tests import geo


@pytest.fixture
def squares(db):
    """The square test wijken (West, Oost) and buurten of tests/geo.py, imported and indexed."""
    index_cache.area_index_clear()
    report = areas_import(
        districts_geojson=geo.cbs_wijken(), neighbourhoods_geojson=geo.cbs_buurten()
    )
    assert report.ok, report.errors
    yield
    index_cache.area_index_clear()
