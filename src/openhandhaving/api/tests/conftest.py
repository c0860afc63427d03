"""Fixtures for the api tests: the reports' `town` (two wijken, officers on duty, teams)."""

from openhandhaving.reports.tests.town import town  # noqa: F401
