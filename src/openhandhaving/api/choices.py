"""What a connected system may do with its key."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    OPEN311 = "open311", _("Open311: meldingen insturen en opvragen")
    REPORTS_READ = "reports:read", _("Meldingen lezen")
    REPORTS_WRITE = "reports:write", _("Meldingen aanmaken, status en notities")
    PERSONAL_DATA = "reports:personal", _("Contactgegevens van melders lezen")
