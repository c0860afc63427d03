"""Background jobs of the reports app: load ids, call a service, nothing more."""

from __future__ import annotations

import datetime as dt

from django_tasks import task


@task()
def message_deliver_task(message_id: int) -> str:
    """Send one queued e-mail (reporter, external party or staff) and record sent or failed."""
    from openhandhaving.reports.services.messages import message_deliver

    return message_deliver(message_id=message_id)


@task()
def reports_handover_task(officer_user_id: int, at: str) -> int:
    """An officer was reported absent: hand their open reports to whoever is responsible now."""
    from openhandhaving.reports.flows import handover_open_reports

    return handover_open_reports(officer_user_id=officer_user_id, at=dt.datetime.fromisoformat(at))


@task()
def retention_task() -> dict:
    """Nightly (ScheduledJob "reports.retention"): delete expired reports, anonymise reporters."""
    from openhandhaving.reports.services.retention import retention_run

    return retention_run()


@task()
def drafts_cleanup_task() -> int:
    """Hourly (ScheduledJob "reports.drafts"): remove photos of abandoned report forms."""
    from openhandhaving.reports.services.drafts import drafts_remove_stale

    return drafts_remove_stale()


@task()
def classifier_train_task() -> dict | str:
    """Nightly (ScheduledJob "reports.classifier"): retrain the category suggestion."""
    from openhandhaving.reports.exceptions import ReportRuleError
    from openhandhaving.reports.services.classifier import classifier_train_from_reports

    try:
        return classifier_train_from_reports()
    except ReportRuleError as error:
        return error.message
