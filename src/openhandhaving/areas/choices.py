"""Choices of the areas app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    SCHOOL = "school", _("School")
    SHOPPING_STREET = "shopping_street", _("Winkelstraat")
    PARK = "park", _("Park")
    NIGHTLIFE = "nightlife", _("Uitgaansgebied")
    MARKET = "market", _("Markt")
    STATION = "station", _("Station")
    SPORTS = "sports", _("Sportpark")
    OTHER = "other", _("Overig")
