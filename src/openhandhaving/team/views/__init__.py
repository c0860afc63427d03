"""Views of the team app: roster, people (officers, pairs, absences) and wijken."""
