"""Statuses of a report and the transition table between them; channels, priorities."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    ACCEPTED = "accepted", _("In behandeling genomen")
    IN_PROGRESS = "in_progress", _("Bezig")
    PLANNED = "planned", _("Ingepland")
    WAITING_FOR_REPORTER = "waiting_for_reporter", _("Wacht op melder")
    FORWARDED = "forwarded", _("Doorgezet naar externe partij")
    DONE = "done", _("Afgehandeld")
    CANCELLED = "cancelled", _("Geannuleerd")
    REOPENED = "reopened", _("Heropend")
    REOPEN_REQUESTED = "reopen_requested", _("Verzoek tot heropenen")


S = Status
# From each status, the statuses a person may move a report to. Read a row as a sentence:
# "a new report can be accepted, started, planned, ... or cancelled".
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.NEW: frozenset(
        {
            S.ACCEPTED,
            S.IN_PROGRESS,
            S.PLANNED,
            S.WAITING_FOR_REPORTER,
            S.FORWARDED,
            S.DONE,
            S.CANCELLED,
        }
    ),
    S.ACCEPTED: frozenset(
        {S.IN_PROGRESS, S.PLANNED, S.WAITING_FOR_REPORTER, S.FORWARDED, S.DONE, S.CANCELLED}
    ),
    S.IN_PROGRESS: frozenset({S.PLANNED, S.WAITING_FOR_REPORTER, S.FORWARDED, S.DONE, S.CANCELLED}),
    S.PLANNED: frozenset({S.IN_PROGRESS, S.WAITING_FOR_REPORTER, S.FORWARDED, S.DONE, S.CANCELLED}),
    S.WAITING_FOR_REPORTER: frozenset({S.IN_PROGRESS, S.PLANNED, S.DONE, S.CANCELLED}),
    S.FORWARDED: frozenset({S.IN_PROGRESS, S.PLANNED, S.DONE, S.CANCELLED}),
    S.REOPENED: frozenset(
        {
            S.ACCEPTED,
            S.IN_PROGRESS,
            S.PLANNED,
            S.WAITING_FOR_REPORTER,
            S.FORWARDED,
            S.DONE,
            S.CANCELLED,
        }
    ),
    S.REOPEN_REQUESTED: frozenset({S.REOPENED, S.DONE}),
    # End states: only reopening leads out of them.
    S.DONE: frozenset({S.REOPENED, S.REOPEN_REQUESTED}),
    S.CANCELLED: frozenset({S.REOPENED}),
}
END_STATES = frozenset({S.DONE, S.CANCELLED})
OPEN_STATES = frozenset(set(Status) - END_STATES)
# Moving to these needs an explanation that the reporter and colleagues can read.
TEXT_REQUIRED = frozenset({S.DONE, S.CANCELLED, S.REOPENED})


def can_transition(current: Status | str, target: Status | str) -> bool:
    return Status(target) in TRANSITIONS[Status(current)]


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    PHONE = "phone", _("Telefoon (KCC)")
    DESK = "desk", _("Balie")
    EMAIL = "email", _("E-mail")
    APP = "app", _("App / Open311")
    SOCIAL = "social", _("Sociale media")
    OWN_OBSERVATION = "own_observation", _("Eigen waarneming")


class Priority(models.TextChoices):
    LOW = "low", _("Laag")
    NORMAL = "normal", _("Normaal")
    HIGH = "high", _("Hoog")


class DeadlineUnit(models.TextChoices):
    CALENDAR_DAYS = "calendar_days", _("kalenderdagen")
    WORKING_DAYS = "working_days", _("werkdagen")


class EventKind(models.TextChoices):
    CREATED = "created", _("Aangemaakt")
    STATUS = "status", _("Status")
    OWNER = "owner", _("Eigenaar")
    CATEGORY = "category", _("Categorie")
    LOCATION = "location", _("Locatie")
    PRIORITY = "priority", _("Prioriteit")
    NOTE = "note", _("Notitie")
    ATTACHMENT = "attachment", _("Bijlage")
    MESSAGE = "message", _("Bericht aan melder")
    LINK = "link", _("Koppeling")
    DEADLINE = "deadline", _("Termijn")


class MessageState(models.TextChoices):
    QUEUED = "queued", _("In de wachtrij")
    SENT = "sent", _("Verzonden")
    FAILED = "failed", _("Mislukt")


class LinkPurpose(models.TextChoices):
    ASK_REPORTER = "ask_reporter", _("Vraag aan melder")
    EXTERNAL = "external", _("Externe partij")
    FOLLOW = "follow", _("Melding volgen")
