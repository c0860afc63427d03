"""Background jobs of the api app: load ids, call a service, nothing more."""

from __future__ import annotations

from django_tasks import task


@task()
def webhook_deliver_task(delivery_id: int) -> str:
    """One attempt to deliver a webhook (retries schedule themselves)."""
    from openhandhaving.api.webhooks import webhook_deliver

    return webhook_deliver(delivery_id=delivery_id)
