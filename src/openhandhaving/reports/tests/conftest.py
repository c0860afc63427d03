"""Fixtures for the reports tests: `town` (two wijken, officers on duty, teams; see town.py)."""

from openhandhaving.reports.tests.town import town  # noqa: F401
