"""Short Dutch labels of people, teams and queues, as the history and routing reasons use them."""

from __future__ import annotations

COORDINATORS_LABEL = "coördinatoren"


def user_label(user) -> str:
    """'J. de Vries' for a user with a name, else the username (as in routing explanations)."""
    if user is None:
        return ""
    first, last = (user.first_name or "").strip(), (user.last_name or "").strip()
    if last:
        return f"{first[:1]}. {last}" if first else last
    return first or user.get_username()


def owner_label(owner, team) -> str:
    """Who has the report, for the history: a person, a team's queue or the coordinators."""
    if owner is not None:
        return user_label(owner)
    if team is not None:
        return f"team {team.name}"
    return COORDINATORS_LABEL
