"""Signals of the team app, so apps further down (reports) can react without team importing them."""

from __future__ import annotations

from django.dispatch import Signal

# Sent on commit of a new absence, with `absence` (team.models.Absence). Reports hands the
# absent officer's open reports to whoever is responsible now.
officer_absence_started = Signal()
