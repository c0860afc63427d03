"""Fixtures for the analysis app tests: `town` (two wijken, officers, categories; reports tests)."""

from openhandhaving.reports.tests.town import town  # noqa: F401
