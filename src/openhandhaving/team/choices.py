"""Choices of the team app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AssignmentRole(models.TextChoices):
    DISTRICT_OFFICER = "district_officer", _("Wijkhandhaver")
    BACKUP = "backup", _("Vervanger")


class AbsenceKind(models.TextChoices):
    ILLNESS = "illness", _("Ziek")
    LEAVE = "leave", _("Verlof")
    TRAINING = "training", _("Opleiding")
    OTHER = "other", _("Anders afwezig")


class ContactKind(models.TextChoices):
    RESIDENTS = "residents", _("Wijkraad / bewonersorganisatie")
    SCHOOL = "school", _("School")
    BUSINESS = "business", _("Ondernemer / winkeliersvereniging")
    PARTNER = "partner", _("Partner (politie, corporatie, welzijn, afval)")
    OTHER = "other", _("Overig")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")
