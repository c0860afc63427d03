"""Template tags for the reporter's follow page data on staff pages."""

from __future__ import annotations

from django import template

from openhandhaving.reports.models import Feedback, Report
from openhandhaving.reports.selectors_follow import feedback_for_staff

register = template.Library()


@register.simple_tag
def report_feedback_rows(report: Report) -> list[Feedback]:
    """The reporter's verdicts on this report and on the duplicates merged into it."""
    return feedback_for_staff(report=report)
