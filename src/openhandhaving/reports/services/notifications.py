"""Notices to staff about reports (assigned to you or your team, an answer came in): in the app
and by e-mail, as each person chose on the page "Notificaties en e-mail"."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.core.models import User
from openhandhaving.reports.models import (
    MessageAudience,
    Notification,
    NotificationKind,
    NotificationPreference,
    Report,
    Team,
)
from openhandhaving.reports.services.messages import (
    date_label,
    message_queue,
    public_url,
    staff_report_url,
)

PREFERENCE_FIELDS = [
    f"{kind}_{channel}"
    for kind in (NotificationKind.ASSIGNED, NotificationKind.TEAM_ASSIGNED, NotificationKind.ANSWER)
    for channel in ("app", "email")
]


def preferences_of(users: Iterable[User]) -> dict[int, NotificationPreference]:
    """Each user's preference; people who never chose get the defaults (an unsaved row).

    Users read with select_related("report_notification_pref") need no query here."""
    users = list(users)
    stored: dict[int, NotificationPreference] = {}
    unknown = []
    cached = User.report_notification_pref  # the descriptor knows what select_related read
    for user in users:
        if not cached.is_cached(user):
            unknown.append(user.pk)
        elif (pref := cached.related.get_cached_value(user)) is not None:
            stored[user.pk] = pref
    if unknown:
        stored.update(
            (pref.user_id, pref) for pref in NotificationPreference.objects.filter(user__in=unknown)
        )
    return {u.pk: stored.get(u.pk) or NotificationPreference(user=u) for u in users}


def _email_text(*, report: Report, headline: str) -> str:
    return _(
        "%(headline)s\n\nCategorie: %(category)s\nPlek: %(address)s\nUiterlijk klaar: "
        "%(deadline)s\n\nBekijk de melding: %(url)s\n\nU krijgt deze e-mail omdat u dat zo hebt "
        "ingesteld. Wijzigen kan op de pagina Notificaties en e-mail: %(settings_url)s"
    ) % {
        "headline": headline,
        "category": report.category,
        "address": report.address or "—",
        "deadline": date_label(report.deadline),
        "url": staff_report_url(report),
        "settings_url": public_url(reverse("reports:notification_settings")),
    }


def notify(
    *, users: Iterable[User], report: Report, kind: str, text: str, actor: User | None = None
) -> list[Notification]:
    """A notice to each of `users` (not to the actor: you know what you did yourself)."""
    recipients = [
        u for u in users if u.is_active and (actor is None or u.pk != getattr(actor, "pk", None))
    ]
    prefs = preferences_of(recipients)
    created = []
    with transaction.atomic():
        for user in recipients:
            pref = prefs[user.pk]
            if pref.wants(kind, "app"):
                created.append(Notification(user=user, report=report, kind=kind, text=text))
            if pref.wants(kind, "email") and user.email:
                message_queue(
                    report=report,
                    actor=None,
                    to=user.email,
                    subject=text,
                    body=_email_text(report=report, headline=text),
                    audience=MessageAudience.STAFF,
                )
        Notification.objects.bulk_create(created)
    return created


def notify_assignment(
    *,
    report: Report,
    owner: User | None = None,
    team: Team | None = None,
    actor: User | None = None,
) -> list[Notification]:
    """Tell the new owner, or else the members of the new team, that a report is theirs.

    The reports services call this on commit after routing or a manual assignment. A report
    that goes to the coordinators' queue notifies nobody: the queue itself is the signal.
    """
    if owner is not None:
        text = _("Melding %(number)s (%(category)s) is aan u toegewezen.") % {
            "number": report.number,
            "category": report.category,
        }
        return notify(
            users=[owner], report=report, kind=NotificationKind.ASSIGNED, text=text, actor=actor
        )
    if team is not None:
        text = _("Melding %(number)s (%(category)s) staat in de bak van %(team)s.") % {
            "number": report.number,
            "category": report.category,
            "team": team,
        }
        return notify(
            users=team.members.filter(is_active=True).select_related("report_notification_pref"),
            report=report,
            kind=NotificationKind.TEAM_ASSIGNED,
            text=text,
            actor=actor,
        )
    return []


def notify_answer(*, report: Report, asked_by: User | None, text: str) -> list[Notification]:
    """An answer came in by link: tell who asked and who owns the report now."""
    users = {u.pk: u for u in (asked_by, report.owner) if u is not None}
    return notify(users=users.values(), report=report, kind=NotificationKind.ANSWER, text=text)


def notification_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notices as read (all unread ones when `ids` is None). Returns how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def notification_preference_save(*, user: User, **choices: bool) -> NotificationPreference:
    """Store what the user wants to hear about; keys are PREFERENCE_FIELDS."""
    unknown = set(choices) - set(PREFERENCE_FIELDS)
    if unknown:
        raise ValueError(f"unknown notification preferences: {sorted(unknown)}")
    pref, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={name: bool(value) for name, value in choices.items()}
    )
    return pref
