"""Tell the new owner or team that a report is theirs, in the transaction of the change."""

from __future__ import annotations

from openhandhaving.core.models import User
from openhandhaving.reports.models import Report, Team
from openhandhaving.reports.signals import ASSIGNED, announce


def owner_changed(
    *, report: Report, actor: User | None, owner: User | None, team: Team | None
) -> None:
    """Notify (in the app and/or by e-mail, as each person chose), inside the caller's transaction:
    the notice exists exactly when the change does, and e-mails go out after the commit.

    The coordinators' queue notifies nobody: the queue itself is the signal. Connected systems
    hear of every change of owner (reports.signals, after the commit).
    """
    announce(report_id=report.pk, event=ASSIGNED)
    if owner is None and team is None:
        return
    from openhandhaving.reports.services.notifications import notify_assignment

    notify_assignment(report=report, owner=owner, team=team, actor=actor)
