"""Roles and audit choices."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleCode(models.TextChoices):
    """The roles of DESIGN.md. Residents (reporters) have no account, so no role here."""

    CONTACT_CENTRE = "contact_centre", _("KCC-medewerker")
    COORDINATOR = "coordinator", _("Coördinator")
    OFFICER = "officer", _("Wijkhandhaver / boa")
    ANALYST = "analyst", _("Analist")
    TEAM_LEAD = "team_lead", _("Teamleider")
    COMMUNICATIONS = "communications", _("Communicatieadviseur")
    ADMINISTRATOR = "administrator", _("Functioneel beheerder")
    PARTNER = "partner", _("Partner")


class AuditResult(models.TextChoices):
    SUCCESS = "success", _("Gelukt")
    DENIED = "denied", _("Geweigerd")
    FAILED = "failed", _("Mislukt")
