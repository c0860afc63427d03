"""Use cases across apps: when an officer is reported absent, their open reports move on.

The team app only sends `officer_absence_started` (it may not import reports); the receiver here
enqueues a background task, and the task hands each open report of the absent officer to
whoever is responsible now, with the reason in the history.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db.models import Q
from django.utils import timezone

from openhandhaving.core.caching import recheck_seconds
from openhandhaving.core.models import User
from openhandhaving.reports.choices import OPEN_STATES
from openhandhaving.reports.exceptions import ConcurrentEditError, ReportRuleError
from openhandhaving.reports.labels import user_label
from openhandhaving.reports.models import Report
from openhandhaving.reports.routing import RoutingDecision, route
from openhandhaving.reports.services import report_assign
from openhandhaving.team.models import Absence
from openhandhaving.team.roster_cache import roster_cache_clear

logger = logging.getLogger(__name__)


def absence_started_receiver(sender, absence: Absence, **kwargs) -> None:
    """Enqueue the handover: now, or at the start of an absence that lies ahead (if the task
    backend can defer; otherwise the task runs now and finds the officer not yet absent)."""
    from openhandhaving.reports.tasks import reports_handover_task

    user_id = absence.officer.user_id
    if user_id is None:  # an officer without a login owns no reports
        return
    task = reports_handover_task
    try:
        # Other processes may route by their roster copy for CACHE_RECHECK_SECONDS more (ADR
        # 0007); a handover after that also catches what they gave the absent officer meanwhile.
        run_after = max(absence.start, timezone.now()) + dt.timedelta(seconds=recheck_seconds())
        if run_after > timezone.now() and task.get_backend().supports_defer:
            task = task.using(run_after=run_after)
        task.enqueue(officer_user_id=user_id, at=absence.start.isoformat())
    except Exception:
        # The absence is stored already; a broken task queue must not turn that into an error
        # page. The reports stay with the officer; the coordinators see them in their queues.
        logger.exception("could not enqueue the handover for absence %s", absence.pk)


def _absent_at(user_id: int, moment: dt.datetime) -> bool:
    return (
        Absence.objects.filter(officer__user_id=user_id, start__lte=moment)
        .filter(Q(end__isnull=True) | Q(end__gt=moment))
        .exists()
    )


def _away_from(decision: RoutingDecision, user: User) -> tuple[User | None, object, str]:
    """Routing may name the absent person (a rule for that person): then their team or the queue."""
    if decision.owner is None or decision.owner.pk != user.pk:
        return decision.owner, decision.team, decision.reason
    if decision.team is not None:
        return None, decision.team, f"naar de bak van team {decision.team.name}"
    return None, None, "naar de coördinatoren"


def handover_open_reports(*, officer_user_id: int, at: dt.datetime | None = None) -> int:
    """Hand the open reports of an absent officer to whoever is responsible now; returns how many.

    `at` is the start of the absence. Before it nothing moves (a task backend that cannot defer
    runs the task at once); nor when the officer is no longer absent when the task runs.
    """
    moment = timezone.now()
    if at is not None and at > moment:
        return 0
    roster_cache_clear()  # decide from the roster as it is now, not from this process's copy
    if not _absent_at(officer_user_id, moment):
        return 0
    user = User.objects.filter(pk=officer_user_id).first()
    if user is None:
        return 0
    reports = (
        Report.objects.filter(owner_id=officer_user_id, status__in=OPEN_STATES)
        .select_related("category", "category__parent", "category__responsible_team", "district")
        .order_by("deadline")
    )
    moved = 0
    for report in reports:
        for attempt in (1, 2):
            try:
                decision = route(
                    category=report.category,
                    district=report.district,
                    at=moment,
                    answers=report.answers,
                )
                owner, team, reason = _away_from(decision, user)
                report_assign(
                    report=report,
                    actor=None,
                    owner=owner,
                    team=team,
                    reason=f"overgedragen: {user_label(user)} afwezig — nu {reason}",
                )
                moved += 1
                break
            except ConcurrentEditError:
                # Someone changed it meanwhile: look again; maybe it is no longer theirs.
                report.refresh_from_db()
                if report.owner_id != officer_user_id or report.status not in OPEN_STATES:
                    break
                if attempt == 2:
                    logger.warning("handover of report %s skipped: changed twice", report.pk)
            except ReportRuleError as error:
                logger.info("handover of report %s skipped: %s", report.pk, error.message)
                break
    return moved
