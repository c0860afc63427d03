"""Start page panel of the messages part: my unread notifications, and failed e-mails if I may
re-send them (see core.views.start_panels)."""

from __future__ import annotations

from django.http import HttpRequest

from openhandhaving.reports.selectors_messages import (
    failed_count,
    notification_unread_count,
    notifications_for,
)


def notifications_panel(request: HttpRequest) -> tuple[str, dict]:
    user = request.user
    return "reports/messages/panel_start.html", {
        "count": notification_unread_count(user=user),
        "unread": list(notifications_for(user=user, unread_only=True)[:5]),
        "failed": failed_count() if user.has_perm("reports.resend_outgoingmessage") else 0,
    }
