"""Enqueueing background tasks as a side effect of a transaction."""

from __future__ import annotations

from django.db import router, transaction


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """Enqueue `task` so that it runs only if, and after, the current transaction commits.

    With the database task backend on the same database the task row is written inside the
    transaction: the worker sees it exactly when the data is committed and never without it, and
    it costs no commit of its own (ADR 0007). Other backends (RQ on Redis, immediate) are called
    on commit.
    """
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    connection = transaction.get_connection()
    same_database = router.db_for_write(DBTaskResult) == connection.alias
    if (
        connection.in_atomic_block
        and same_database
        and isinstance(task.get_backend(), DatabaseBackend)
    ):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
