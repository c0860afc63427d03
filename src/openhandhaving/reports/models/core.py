"""Meldingen: categories, reports with their owner, history, reporter contact and messages.

A report always has exactly one owner: `owner` (a person) or, when that is empty, the
coordinators' queue. `owner_team` records the team whose queue it is in. The history
(ReportEvent) is append-only; the reporter's personal data lives apart in ReporterContact.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.models import District, Located
from openhandhaving.reports.choices import (
    OPEN_STATES,
    Channel,
    DeadlineUnit,
    EventKind,
    Priority,
    Status,
)

OPEN_STATUS_VALUES = sorted(str(status.value) for status in OPEN_STATES)


class Team(models.Model):
    """A team that handles reports: handhaving, parkeren, stadsbeheer (groen, afval)..."""

    name = models.CharField(_("naam"), max_length=100)
    slug = models.SlugField(_("code"), unique=True)
    email = models.EmailField(_("e-mail van het team"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("leden"), blank=True, related_name="report_teams"
    )
    routes_to_district_officer = models.BooleanField(
        _("verdelen over de wijkhandhavers"),
        default=False,
        help_text=_("Meldingen gaan naar de wijkhandhaver die dienst heeft, niet naar de teambak."),
    )

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """A main category or a subcategory (two levels), managed by the administrator."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoofdcategorie"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField(_("code"), unique=True, max_length=80)
    name = models.CharField(_("naam"), max_length=100)
    public_name = models.CharField(_("naam voor bewoners"), max_length=100, blank=True)
    icon = models.CharField(_("pictogram"), max_length=40, blank=True)
    description = models.TextField(_("uitleg"), blank=True)
    deadline_amount = models.PositiveSmallIntegerField(_("afhandeltermijn"), default=5)
    deadline_unit = models.CharField(
        _("eenheid"),
        max_length=20,
        choices=DeadlineUnit.choices,
        default=DeadlineUnit.WORKING_DAYS,
    )
    service_promise = models.TextField(_("servicebelofte"), blank=True)
    responsible_team = models.ForeignKey(
        Team,
        verbose_name=_("verantwoordelijk team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="categories",
    )
    is_public = models.BooleanField(_("tonen op de openbare kaart"), default=True)
    is_sensitive = models.BooleanField(
        _("gevoelig"),
        default=False,
        help_text=_("De plek wordt openbaar alleen op buurtniveau getoond."),
    )
    questions = models.JSONField(_("extra vragen"), default=list, blank=True)
    active = models.BooleanField(_("in gebruik"), default=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


class Report(Located):
    """A melding from a resident, a colleague or another system."""

    number = models.CharField(_("nummer"), max_length=20, unique=True)
    text = models.TextField(_("omschrijving"))
    category = models.ForeignKey(
        Category, verbose_name=_("categorie"), on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.NEW, db_index=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_reports",
        help_text=_("Leeg: de bak van de coördinatoren."),
    )
    owner_team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
    )
    address = models.CharField(_("adres"), max_length=200, blank=True)
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    priority = models.CharField(
        _("prioriteit"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    cause = models.CharField(_("oorzaak"), max_length=200, blank=True)
    answers = models.JSONField(_("antwoorden op extra vragen"), default=dict, blank=True)
    reported_at = models.DateTimeField(_("gemeld op"), db_index=True)
    deadline = models.DateTimeField(_("uiterlijk klaar"), db_index=True)
    deadline_3x = models.DateTimeField(_("3× termijn"))
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("hoofdmelding (deelmelding)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("dubbel van"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_id = models.CharField(
        _("kenmerk van het bronsysteem"),
        max_length=100,
        blank=True,
        help_text=_("Voorkomt dubbele invoer als een systeem dezelfde melding opnieuw stuurt."),
    )
    version = models.PositiveIntegerField(_("versie"), default=1)
    # Set by the retention job (services/retention.py) when the reporter's data was removed.
    anonymised_at = models.DateTimeField(_("melder geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-reported_at"]
        indexes = [
            models.Index(fields=["owner", "status", "deadline"]),
            models.Index(fields=["district", "status", "deadline"]),
            models.Index(fields=["owner_team", "status", "deadline"]),
            # Covering for the dashboard's counts of open, late and 3x late reports.
            models.Index(fields=["status", "deadline", "district", "category", "deadline_3x"]),
            # The few open reports among a million, by deadline. SQLite uses a partial index
            # only when the query repeats this condition literally: reports.selectors.open_only.
            models.Index(
                fields=[
                    "deadline",
                    "district",
                    "category",
                    "deadline_3x",
                    "status",
                    "owner",
                    "owner_team",
                ],
                condition=models.Q(status__in=OPEN_STATUS_VALUES),
                name="report_open_by_deadline",
            ),
            models.Index(fields=["category", "h3_cell"]),
            # Retention: closed reports past their term. Anonymised ones leave the first index,
            # deleted ones the second, so each night's run reads only what is new.
            models.Index(
                fields=["closed_at"],
                condition=models.Q(anonymised_at__isnull=True),
                name="report_to_anonymise",
            ),
            models.Index(fields=["closed_at"], name="report_closed_at"),
        ]
        permissions = [
            ("export_reports", _("Meldingen exporteren (CSV)")),
            ("route_reports", _("Meldingen handmatig verdelen")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"],
                condition=~models.Q(external_id=""),
                name="report_external_id_once_per_channel",
            )
        ]

    def __str__(self) -> str:
        return self.number


class ReporterContact(models.Model):
    """Who reported: kept apart, shown only to roles with `reports.view_reportercontact`."""

    report = models.OneToOneField(Report, on_delete=models.CASCADE, related_name="contact")
    name = models.CharField(_("naam"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=20, blank=True)
    may_contact = models.BooleanField(_("mag contact opnemen"), default=False)
    anonymised_at = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("contactgegevens melder")
        verbose_name_plural = _("contactgegevens melders")

    def __str__(self) -> str:
        return f"{self.report}: {self.name or self.email or '—'}"


class ReportEvent(models.Model):
    """One line of a report's history. Append-only: never updated, never deleted alone."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    time = models.DateTimeField(_("tijd"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    old_value = models.CharField(_("was"), max_length=200, blank=True)
    new_value = models.CharField(_("wordt"), max_length=200, blank=True)
    text = models.TextField(_("toelichting"), blank=True)
    internal = models.BooleanField(_("alleen intern"), default=True)

    class Meta:
        verbose_name = _("historieregel")
        verbose_name_plural = _("historie")
        ordering = ["time", "id"]

    def __str__(self) -> str:
        return f"{self.report} {self.get_kind_display()} {self.time:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("bestand"), upload_to="reports/%Y/%m/")
    content_type = models.CharField(_("soort bestand"), max_length=80)
    original_name = models.CharField(_("oorspronkelijke naam"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True)
    public = models.BooleanField(_("van de melder"), default=False)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name or self.file.name


class RoutingRule(models.Model):
    """A routing rule as data; `reports.routing_rules` evaluates them (first match wins)."""

    name = models.CharField(_("naam"), max_length=120)
    order = models.PositiveIntegerField(_("volgorde"), default=100)
    active = models.BooleanField(_("actief"), default=True)
    categories = models.ManyToManyField(Category, verbose_name=_("categorieën"), blank=True)
    districts = models.ManyToManyField(District, verbose_name=_("wijken"), blank=True)
    weekdays = models.JSONField(_("dagen"), default=list, blank=True)
    time_from = models.TimeField(_("vanaf"), null=True, blank=True)
    time_until = models.TimeField(_("tot"), null=True, blank=True)
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    target_team = models.ForeignKey(
        Team,
        verbose_name=_("naar team"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("naar persoon"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    # Part of the version key of the per-process rule cache (reports.routing.rules_current).
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("routeringsregel")
        verbose_name_plural = _("routeringsregels")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class RoutingCorrection(models.Model):
    """Counts how often coordinators moved reports of a category in a wijk to a team or person.

    Routing suggests the most frequent correction once it passes a threshold: the system learns
    from the coordinators without changing the rules behind their back.
    """

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="+")
    district = models.ForeignKey(
        District, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    count = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField()

    class Meta:
        verbose_name = _("routeringscorrectie")
        verbose_name_plural = _("routeringscorrecties")
        indexes = [models.Index(fields=["category", "district"])]

    def __str__(self) -> str:
        return f"{self.category} → {self.to_user or self.to_team}: {self.count}×"


class ReportNumber(models.Model):
    """The last number given out per year (2026-000123), taken under a row lock."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}-{self.last:06d}"


class SavedFilter(models.Model):
    """A named search of the back office, saved by one user."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_report_filters"
    )
    name = models.CharField(_("naam"), max_length=80)
    query = models.CharField(_("zoekopdracht"), max_length=1000)

    class Meta:
        verbose_name = _("opgeslagen filter")
        verbose_name_plural = _("opgeslagen filters")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
