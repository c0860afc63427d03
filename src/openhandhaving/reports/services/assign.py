"""Who has a report: manual assignment, back to the coordinators, and learning from corrections."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import END_STATES, EventKind
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Report, ReportEvent, RoutingCorrection, Team
from openhandhaving.reports.routing import rules_cache_clear
from openhandhaving.reports.services.common import event_add, owner_label, report_write, user_label
from openhandhaving.reports.services.notify import owner_changed

ROUTE_PERMISSION = "reports.route_reports"


def _placed_by_routing(report: Report) -> bool:
    """Is the report still where routing put it (its last owner change was not a person's)?"""
    last = (
        ReportEvent.objects.filter(report=report, kind=EventKind.OWNER)
        .order_by("-time", "-id")
        .values_list("actor_id", flat=True)
        .first()
    )
    return last is None


def routing_correction_record(
    *, report: Report, owner: User | None, team: Team | None, at=None
) -> RoutingCorrection:
    """Count one coordinator's correction of routing for this category and wijk."""
    at = at or timezone.now()
    key = {
        "category_id": report.category_id,
        "district_id": report.district_id,
        "to_team": team,
        "to_user": owner,
    }
    updated = RoutingCorrection.objects.filter(**key).update(count=F("count") + 1, last_at=at)
    transaction.on_commit(rules_cache_clear)  # the next report in this process learns at once
    if not updated:
        return RoutingCorrection.objects.create(**key, count=1, last_at=at)
    return RoutingCorrection.objects.filter(**key).first()


def _is_correction(report: Report, actor: User | None, owner: User | None, team: Team | None):
    """A coordinator moves a report away from where routing put it (not within the same team)."""
    if actor is None or not actor.has_perm(ROUTE_PERMISSION):
        return False
    if owner is None and team is None:  # back to the queue is not a better destination
        return False
    if team is not None and team.pk == report.owner_team_id:  # dispatching within the team
        return False
    return _placed_by_routing(report)


def _team_for(report: Report, owner: User | None, team: Team | None) -> Team | None:
    """The team of the new placement: the given one, else the current one if the person is in it."""
    if team is not None or owner is None or report.owner_team_id is None:
        return team
    if report.owner_team.members.filter(pk=owner.pk).exists():
        return report.owner_team
    return None


def report_assign(
    *,
    report: Report,
    actor: User | None,
    owner: User | None = None,
    team: Team | None = None,
    reason: str = "",
    expected_version: int | None = None,
) -> Report:
    """Give the report to a person, a team's queue, or (both None) the coordinators' queue.

    `actor` None is the system (routing, handover). A coordinator's move away from where routing
    put it is counted in RoutingCorrection, from which routing learns (ADR 0004).
    """
    if report.status in END_STATES:
        raise ReportRuleError(
            _("Deze melding is afgesloten. Heropen de melding eerst als er nog iets moet gebeuren.")
        )
    if owner is not None and not owner.is_active:
        raise ReportRuleError(
            _("%(name)s heeft geen actief account en kan geen meldingen krijgen.")
            % {"name": user_label(owner)},
            field="owner",
        )
    team = _team_for(report, owner, team)
    if (getattr(owner, "pk", None), getattr(team, "pk", None)) == (
        report.owner_id,
        report.owner_team_id,
    ):
        raise ReportRuleError(
            _("De melding ligt al bij %(who)s.") % {"who": owner_label(owner, team)},
            field="owner",
        )
    old = owner_label(report.owner, report.owner_team)
    new = owner_label(owner, team)
    text = reason.strip() or (
        f"handmatig toegewezen door {user_label(actor)}" if actor else "toegewezen door het systeem"
    )
    with transaction.atomic():
        correction = _is_correction(report, actor, owner, team)
        report_write(
            report=report,
            fields={"owner": owner, "owner_team": team},
            expected_version=expected_version,
        )
        if correction:
            routing_correction_record(report=report, owner=owner, team=team)
        event_add(report=report, kind=EventKind.OWNER, actor=actor, old=old, new=new, text=text)
        audit_log_record(
            actor=actor, action="report_assign", obj=report, details={"from": old, "to": new}
        )
        owner_changed(report=report, actor=actor, owner=owner, team=team)
    return report


def report_return_to_queue(*, report: Report, actor: User | None, reason: str = "") -> Report:
    """'Terug naar de grote bak': the report goes back to the coordinators' queue."""
    if report.owner_id is None and report.owner_team_id is None:
        raise ReportRuleError(_("De melding ligt al bij de coördinatoren."))
    reason = reason.strip()
    text = "terug naar de grote bak" + (f": {reason}" if reason else "")
    return report_assign(report=report, actor=actor, owner=None, team=None, reason=text)
