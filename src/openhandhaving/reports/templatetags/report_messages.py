"""Template tags for messages: the message panel on a report's page."""

from __future__ import annotations

from django import template

from openhandhaving.reports.models import Report

register = template.Library()


@register.inclusion_tag("reports/messages/panel.html", takes_context=True)
def message_panel(context, report: Report) -> dict:
    """Everything the panel needs, from the page's request: texts, the form, sent e-mails."""
    from openhandhaving.reports.views_messages import compose_context

    request = context["request"]
    panel = compose_context(request, report)
    panel.update(
        request=request,
        user=request.user,
        csrf_token=context.get("csrf_token"),
        next=request.get_full_path(),
        can_send=request.user.has_perm("reports.add_outgoingmessage"),
    )
    return panel
