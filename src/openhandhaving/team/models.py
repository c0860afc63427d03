"""Officers, their pairs, wijk assignments, the roster (shifts and repeat patterns) and absences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.models import District
from openhandhaving.team.choices import AbsenceKind, AssignmentRole, ContactKind, Weekday


class Officer(models.Model):
    """A boa / handhaver: a name and a face, optionally linked to a login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officer",
    )
    first_name = models.CharField(_("voornaam"), max_length=60)
    last_name = models.CharField(_("achternaam"), max_length=80)
    badge_number = models.CharField(_("boa-nummer"), max_length=20, blank=True)
    photo = models.ImageField(_("foto"), upload_to="officers/", blank=True)
    phone = models.CharField(_("telefoon (werk)"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail (werk)"), blank=True)
    active = models.BooleanField(_("in dienst"), default=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)  # routing cache version

    class Meta:
        verbose_name = _("handhaver")
        verbose_name_plural = _("handhavers")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def initials(self) -> str:
        """'HV' for Hanna de Vries: shown in place of a missing photo."""
        last = self.last_name.split()[-1] if self.last_name.split() else ""
        return f"{self.first_name[:1]}{last[:1]}".upper()

    @property
    def short_name(self) -> str:
        """'J. de Vries', as used in routing explanations."""
        return f"{self.first_name[:1]}. {self.last_name}"


class Pair(models.Model):
    """A duo: officers go out in pairs for safety."""

    name = models.CharField(_("naam"), max_length=60)
    first = models.ForeignKey(
        Officer, verbose_name=_("handhaver 1"), on_delete=models.PROTECT, related_name="+"
    )
    second = models.ForeignKey(
        Officer, verbose_name=_("handhaver 2"), on_delete=models.PROTECT, related_name="+"
    )
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("duo")
        verbose_name_plural = _("duo's")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(first=F("second")), name="pair_of_two_officers")
        ]

    def __str__(self) -> str:
        return self.name


class DistrictAssignment(models.Model):
    """The district officer or the backup of a wijk (one of each per wijk)."""

    district = models.ForeignKey(
        District, verbose_name=_("wijk"), on_delete=models.CASCADE, related_name="assignments"
    )
    officer = models.ForeignKey(
        Officer, verbose_name=_("handhaver"), on_delete=models.CASCADE, related_name="assignments"
    )
    role = models.CharField(_("rol"), max_length=20, choices=AssignmentRole.choices)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)  # routing cache version

    class Meta:
        verbose_name = _("wijktoewijzing")
        verbose_name_plural = _("wijktoewijzingen")
        constraints = [
            models.UniqueConstraint(fields=["district", "role"], name="one_officer_per_wijk_role"),
            models.UniqueConstraint(
                fields=["district", "officer"], name="one_role_per_wijk_officer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.district}: {self.get_role_display()} {self.officer}"


class RosterPattern(models.Model):
    """A repeating piece of roster: this pair, these weekdays, this time, in this wijk."""

    pair = models.ForeignKey(
        Pair, verbose_name=_("duo"), on_delete=models.CASCADE, related_name="patterns"
    )
    district = models.ForeignKey(
        District,
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leeg: de hele gemeente."),
    )
    weekdays = models.JSONField(_("dagen"), help_text=_("0 = maandag … 6 = zondag"))
    start_time = models.TimeField(_("begintijd"))
    end_time = models.TimeField(
        _("eindtijd"), help_text=_("Vóór de begintijd: de dienst loopt door na middernacht.")
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"))
    every_weeks = models.PositiveSmallIntegerField(_("elke hoeveel weken"), default=1)

    class Meta:
        verbose_name = _("roosterpatroon")
        verbose_name_plural = _("roosterpatronen")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="pattern_period_forward"
            ),
            models.CheckConstraint(condition=Q(every_weeks__gte=1), name="pattern_every_weeks_1"),
        ]

    def __str__(self) -> str:
        return f"{self.pair} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def days_label(self) -> str:
        """'dinsdag, donderdag'."""
        return ", ".join(str(Weekday(day).label) for day in sorted(self.weekdays))


class Shift(models.Model):
    """A pair (or any group of officers) on duty in a wijk during a time window."""

    start = models.DateTimeField(_("begin"), db_index=True)
    end = models.DateTimeField(_("einde"), db_index=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shifts",
        help_text=_("Leeg: de hele gemeente."),
    )
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("duo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shifts",
    )
    officers = models.ManyToManyField(Officer, verbose_name=_("handhavers"), related_name="shifts")
    pattern = models.ForeignKey(
        RosterPattern, null=True, blank=True, on_delete=models.SET_NULL, related_name="shifts"
    )
    note = models.CharField(_("opmerking"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)  # routing cache version

    class Meta:
        verbose_name = _("dienst")
        verbose_name_plural = _("diensten")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="shift_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M} {self.district or ''}".strip()


class Absence(models.Model):
    """Illness, leave or training: the officer is not on duty, whatever the roster says."""

    officer = models.ForeignKey(
        Officer, verbose_name=_("handhaver"), on_delete=models.CASCADE, related_name="absences"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=AbsenceKind.choices)
    start = models.DateTimeField(_("vanaf"))
    end = models.DateTimeField(_("tot"), null=True, blank=True, help_text=_("Leeg: nog onbekend."))
    note = models.CharField(_("opmerking"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)  # routing cache version

    class Meta:
        verbose_name = _("afwezigheid")
        verbose_name_plural = _("afwezigheden")
        ordering = ["-start"]
        indexes = [models.Index(fields=["officer", "start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=F("start")),
                name="absence_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.officer} {self.get_kind_display()}"


class DistrictContact(models.Model):
    """Who the team knows in the wijk: wijkraad, schools, businesses, partners."""

    district = models.ForeignKey(
        District, verbose_name=_("wijk"), on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ContactKind.choices)
    organisation = models.CharField(_("organisatie"), max_length=120)
    contact_person = models.CharField(_("contactpersoon"), max_length=120, blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("adres"), max_length=160, blank=True)
    notes = models.TextField(_("afspraken en aantekeningen"), blank=True)

    class Meta:
        verbose_name = _("wijkcontact")
        verbose_name_plural = _("wijkcontacten")
        ordering = ["kind", "organisation"]

    def __str__(self) -> str:
        return self.organisation
