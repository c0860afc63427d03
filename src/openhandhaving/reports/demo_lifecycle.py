"""How a demo report is handled, pure: who picks it up, its statuses, its history, when it closes.

Most reports are done within their deadline, some late, a few more than three times late, a few
are cancelled and a couple lie forgotten for weeks. The path through the statuses follows the
transition table (choices.TRANSITIONS); each step is a history event with actor and text, in the
shape the report services write them. Events after `now` have not happened yet, so the reports
of the last weeks are still open. `minimal` keeps the history short (for a million reports): the
creation, the owner changes and one status change, from new to done or cancelled.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from openhandhaving.reports.demo_routing import (
    CategoryFacts,
    Person,
    Routing,
    Staff,
    correction_count,
    owner_label,
)

CHANNEL_WORDS = {
    "web": "de website",
    "phone": "de telefoon (KCC)",
    "desk": "de balie",
    "email": "e-mail",
    "app": "de app (Open311)",
    "social": "sociale media",
    "own_observation": "eigen waarneming",
}
CLOSING = {
    "parkeren": [
        "Ter plaatse geweest, bestuurder aangesproken.",
        "Gecontroleerd, de auto stond er niet meer.",
        "Bekeuring uitgeschreven.",
        "Waarschuwing onder de ruitenwisser gelegd.",
        "Gecontroleerd bij het brengen en halen, ouders aangesproken.",
    ],
    "overlast": [
        "Langs geweest, veroorzakers aangesproken.",
        "Ter plaatse niets meer gehoord of gezien.",
        "Bewoners aangesproken, afspraken gemaakt.",
        "Meegenomen in de avondronde, rustig aangetroffen.",
        "Hondenbezitters aangesproken tijdens de ochtendcontrole.",
    ],
    "afval": [
        "Afval opgeruimd.",
        "Opgehaald door de buitendienst.",
        "Container geleegd.",
        "Afval doorzocht, adres gevonden, bewoner aangeschreven.",
    ],
    "openbare-ruimte": ["Hersteld.", "Reparatie uitgevoerd.", "Aannemer heeft het opgelost."],
    "groen-en-water": ["Opgeruimd.", "Gesnoeid.", "Gemaaid.", "Nesten laten verwijderen."],
    "overig": ["Uitgezocht en opgelost.", "Doorgegeven aan de juiste afdeling."],
}
CANCELLING = [
    "Dubbele melding, zie de eerdere melding op dezelfde plek.",
    "Niets aangetroffen ter plaatse.",
    "Geen taak van de gemeente, melder doorverwezen.",
    "Melder trekt de melding in.",
]
PARTIES = ["de politie", "woningcorporatie Waterdam Wonen", "de netbeheerder", "de dierenambulance"]


@dataclass(frozen=True)
class Event:
    time: dt.datetime
    kind: str  # choices.EventKind value
    actor_id: int | None
    old: str = ""
    new: str = ""
    text: str = ""
    internal: bool = True


@dataclass
class Outcome:
    status: str
    owner: Person | None
    team_id: int | None
    closed_at: dt.datetime | None
    events: list[Event] = field(default_factory=list)
    corrections: list[tuple[int | None, int | None, dt.datetime]] = field(default_factory=list)


def _duration_ratio(rng: random.Random) -> tuple[str, float]:
    """How long handling takes, as a share of the promised term."""
    roll = rng.random()
    if roll < 0.04:
        return "cancelled", rng.uniform(0.02, 0.6)
    if roll < 0.74:
        return "done", max(0.01, rng.random() ** 1.7)
    if roll < 0.9:
        return "done", rng.uniform(1.0, 3.0)
    if roll < 0.97:
        return "done", rng.uniform(3.0, 6.0)
    return "done", rng.uniform(6.0, 60.0)  # forgotten


def _office(rng: random.Random, moment: dt.datetime, night_team: bool) -> dt.datetime:
    """Staff act in working hours (07:30–23:00), the night team also at night."""
    if night_team or 7 <= moment.hour < 23:
        return moment
    day = moment.date() if moment.hour < 7 else moment.date() + dt.timedelta(days=1)
    start = dt.datetime.combine(day, dt.time(7, 30), tzinfo=moment.tzinfo)
    return start + dt.timedelta(minutes=rng.randrange(0, 120))


@dataclass
class _Story:
    """The events of one report as they are written, never two at the same moment."""

    events: list[Event] = field(default_factory=list)
    status: str = "new"
    last: dt.datetime | None = None

    def add(self, time: dt.datetime, kind: str, actor: Person | None, **values) -> dt.datetime:
        if self.last is not None and time <= self.last:
            time = self.last + dt.timedelta(seconds=30)
        self.last = time
        self.events.append(Event(time, kind, actor.user_id if actor else None, **values))
        return time

    def status_to(self, time, actor: Person | None, status: str, text: str = "") -> dt.datetime:
        old, self.status = self.status, status
        return self.add(time, "status", actor, old=old, new=status, text=text, internal=False)


@dataclass
class _Placement:
    """Where the report is, and was: a person and/or a team (both None: the coordinators)."""

    owner: Person | None
    team_id: int | None
    staff: Staff
    history: list[tuple[dt.datetime, Person | None, int | None]] = field(default_factory=list)
    corrections: list[tuple[int | None, int | None, dt.datetime]] = field(default_factory=list)

    def label(self) -> str:
        return owner_label(self.owner, self.team_id, self.staff)

    def keeps_team(self, person: Person) -> int | None:
        """A person of the report's team keeps it in that team (as report_assign does)."""
        members = self.staff.team_members.get(self.team_id, []) if self.team_id else []
        return self.team_id if any(m.user_id == person.user_id for m in members) else None

    def move(self, story: _Story, time, actor: Person, owner, team_id, text="") -> dt.datetime:
        """An owner change by a person; a coordinator's move away from routing is counted."""
        owner_events = [event for event in story.events if event.kind == "owner"]
        routed = owner_events[-1].actor_id is None
        other_team = team_id is None or team_id != self.team_id
        correction = actor == self.staff.coordinator and routed and (owner or team_id)
        old = self.label()
        self.owner, self.team_id = owner, team_id
        text = text or f"handmatig toegewezen door {actor.label}"
        time = story.add(time, "owner", actor, old=old, new=self.label(), text=text)
        if correction and other_team:
            self.corrections.append((team_id, owner.user_id if owner else None, time))
        self.history.append((time, owner, team_id))
        return time


def _pick(rng: random.Random, people: list[Person]) -> Person:
    return people[rng.randrange(len(people))]


def _later(rng: random.Random, moment: dt.datetime, low: float, high: float, night=False):
    """Some minutes later, in working hours."""
    return _office(rng, moment + dt.timedelta(minutes=rng.uniform(low, high)), night)


def _handling_start(
    rng: random.Random,
    story: _Story,
    place: _Placement,
    *,
    reported_at: dt.datetime,
    category: CategoryFacts,
    district_id: int | None,
    night: bool,
) -> tuple[Person, dt.datetime]:
    """The owner changes before the work starts: who handles the report, from when."""
    staff = place.staff
    coordinator = staff.coordinator
    reroute = staff.reroutes.get((category.slug, district_id))
    # Until routing has learned it, the coordinator sends these to the team that handles them.
    if place.owner and reroute and place.team_id != reroute and rng.random() < 0.6:
        place.move(story, _later(rng, reported_at, 20, 600), coordinator, None, reroute)
    if place.owner == coordinator and district_id in staff.district_officers:
        officer = staff.district_officers[district_id]
        when = _later(rng, reported_at, 20, 300)
        return officer, place.move(story, when, coordinator, officer, place.keeps_team(officer))
    if place.owner is not None:
        return place.owner, reported_at
    team_id = place.team_id
    if team_id is not None and not staff.routes_to_officer[team_id]:
        handler = _pick(rng, staff.team_members.get(team_id) or [coordinator])
        when = _later(rng, story.last or reported_at, 10, 600, night)
        text = f"opgepakt uit de bak van team {staff.team_names[team_id]}"
        return handler, place.move(story, when, handler, handler, team_id, text)
    handler = staff.district_officers.get(district_id) or coordinator
    when = _later(rng, reported_at, 20, 1500)
    return handler, place.move(story, when, coordinator, handler, place.keeps_team(handler))


def _statuses(
    rng: random.Random,
    story: _Story,
    *,
    start: dt.datetime,
    end: dt.datetime,
    kind: str,
    handler: Person,
    category: CategoryFacts,
    contact: dict | None,
    message_for: Callable[[str], str | None],
    minimal: bool,
) -> None:
    """The status path from `start` to `end` (done or cancelled), maybe reopened afterwards."""
    span = end - start
    reachable = bool(contact and contact.get("email") and contact.get("may_contact"))

    def message(time: dt.datetime, status: str) -> None:
        body = message_for(status) if reachable and not minimal else None
        if body:
            story.add(time, "message", handler, new="Melder", text=body, internal=False)

    def at(share: float) -> dt.datetime:
        return _office(rng, start + span * share, False)

    if minimal:  # one step: from new to done or cancelled
        text = _closing(rng, category) if kind == "done" else CANCELLING[0]
        story.status_to(end, handler, kind, text)
        return
    if kind == "cancelled":
        if rng.random() < 0.5:
            story.status_to(at(0.2), handler, "accepted")
        story.status_to(end, handler, "cancelled", CANCELLING[rng.randrange(len(CANCELLING))])
        message(end, "cancelled")
        return
    accepted = story.status_to(at(rng.uniform(0.02, 0.15)), handler, "accepted")
    if rng.random() < 0.3:
        message(accepted, "accepted")
    roll = rng.random()
    if roll < 0.15:
        story.status_to(at(rng.uniform(0.2, 0.4)), handler, "planned")
    if roll < 0.05 and reachable:
        story.status_to(
            at(0.45), handler, "waiting_for_reporter", "Vraag aan de melder: waar is het precies?"
        )
        story.status_to(at(0.6), handler, "in_progress", "De melder heeft geantwoord.")
    elif roll < 0.09:
        party = PARTIES[rng.randrange(len(PARTIES))]
        story.status_to(at(0.5), handler, "forwarded", f"Doorgezet naar {party}.")
    elif roll < 0.45:
        story.status_to(at(rng.uniform(0.5, 0.8)), handler, "in_progress")
    done = story.status_to(end, handler, "done", _closing(rng, category))
    message(done, "done")
    if reachable and rng.random() < 0.03:
        asked = done + dt.timedelta(days=rng.uniform(1, 6))
        story.status_to(asked, None, "reopen_requested", "Melder: het probleem is er nog steeds.")
        again = _office(rng, asked + dt.timedelta(hours=rng.uniform(2, 30)), False)
        story.status_to(again, handler, "reopened", "Nog eens gaan kijken na reactie melder.")
        story.status_to(again + dt.timedelta(hours=2), handler, "in_progress")
        later = _office(rng, again + dt.timedelta(days=rng.uniform(1, 5)), False)
        story.status_to(later, handler, "done", _closing(rng, category))
        message(later, "done")


def _closing(rng: random.Random, category: CategoryFacts) -> str:
    texts = CLOSING.get(category.main_slug, CLOSING["overig"])
    return texts[rng.randrange(len(texts))]


def lifecycle(
    rng: random.Random,
    *,
    reported_at: dt.datetime,
    due: dt.datetime,
    channel: str,
    created_by: Person | None,
    routing: Routing,
    category: CategoryFacts,
    district_id: int | None,
    contact: dict | None,
    staff: Staff,
    now: dt.datetime,
    message_for: Callable[[str], str | None],
    minimal: bool = False,
) -> Outcome:
    """The whole handling of one report, cut off at `now`."""
    story = _Story()
    story.add(
        reported_at,
        "created",
        created_by,
        new="new",
        text=f"Melding ontvangen via {CHANNEL_WORDS[channel]}",
        internal=False,
    )
    place = _Placement(routing.owner, routing.team_id, staff)
    story.add(
        reported_at + dt.timedelta(seconds=1), "owner", None, new=place.label(), text=routing.reason
    )
    if contact and contact.get("email") and not minimal:
        body = message_for("new")  # the confirmation report_create queues
        if body:
            moment = reported_at + dt.timedelta(seconds=2)
            story.add(moment, "message", created_by, new="Melder", text=body, internal=False)
    night = place.team_id is not None and staff.team_names[place.team_id].endswith("nachtdienst")
    kind, ratio = _duration_ratio(rng)
    handler, start = _handling_start(
        rng,
        story,
        place,
        reported_at=reported_at,
        category=category,
        district_id=district_id,
        night=night,
    )
    end = reported_at + (due - reported_at) * ratio
    end = _office(rng, max(end, start + dt.timedelta(minutes=rng.uniform(10, 90))), night)
    _statuses(
        rng,
        story,
        start=start,
        end=end,
        kind=kind,
        handler=handler,
        category=category,
        contact=contact,
        message_for=message_for,
        minimal=minimal,
    )
    owner, team_id = routing.owner, routing.team_id
    for time, new_owner, new_team in place.history:
        if time <= now:
            owner, team_id = new_owner, new_team
    corrections = [c for c in place.corrections if c[2] <= now]
    for to_team, to_user, _time in corrections:
        correction_count(staff, category.id, district_id, to_team, to_user)
    events = [e for e in story.events if e.time <= now]
    status, closed_at = "new", None
    for event in events:
        if event.kind == "status":
            status = event.new
            closed_at = event.time if status in ("done", "cancelled") else None
    return Outcome(status, owner, team_id, closed_at, events, corrections)
