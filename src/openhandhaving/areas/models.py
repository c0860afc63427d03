"""The municipality, its wijken and buurten as GeoJSON polygons; addresses and places as points.

No PostGIS: polygons are GeoJSON geometries, points are lat/lon with their H3 cell, and the
point → wijk/buurt lookup runs in shapely (see lookup.py).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.choices import PlaceKind


class Municipality(models.Model):
    """The one municipality this deployment serves."""

    name = models.CharField(_("naam"), max_length=100)
    code = models.CharField(_("CBS-code"), max_length=10, blank=True, help_text=_("Bijv. GM0363"))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A wijk: the unit of wijkgericht werken, with its own district officer."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    geometry = models.JSONField(_("vorm (GeoJSON)"))
    centroid_lat = models.FloatField(_("middelpunt breedtegraad"))
    centroid_lon = models.FloatField(_("middelpunt lengtegraad"))
    description = models.TextField(_("omschrijving"), blank=True)
    # Part of the version key of the cached lookup index (services.area_index_current).
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Neighbourhood(models.Model):
    """A buurt, part of one wijk."""

    district = models.ForeignKey(
        District, verbose_name=_("wijk"), on_delete=models.CASCADE, related_name="neighbourhoods"
    )
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("naam"), max_length=100)
    geometry = models.JSONField(_("vorm (GeoJSON)"))
    centroid_lat = models.FloatField(_("middelpunt breedtegraad"))
    centroid_lon = models.FloatField(_("middelpunt lengtegraad"))
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    class Meta:
        verbose_name = _("buurt")
        verbose_name_plural = _("buurten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Located(models.Model):
    """A point with its H3 cell, wijk and buurt, filled by areas.services.locate()."""

    lat = models.FloatField(_("breedtegraad"))
    lon = models.FloatField(_("lengtegraad"))
    h3_cell = models.CharField(_("H3-cel"), max_length=16, db_index=True)
    district = models.ForeignKey(
        District,
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("buurt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True


class Address(Located):
    """An address of the municipality (BAG-like): the local address index and the demo's streets."""

    street = models.CharField(_("straat"), max_length=120)
    house_number = models.PositiveIntegerField(_("huisnummer"))
    house_letter = models.CharField(_("huisletter"), max_length=1, blank=True)
    addition = models.CharField(_("toevoeging"), max_length=4, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True, db_index=True)
    city = models.CharField(_("woonplaats"), max_length=80)

    class Meta:
        verbose_name = _("adres")
        verbose_name_plural = _("adressen")
        ordering = ["street", "house_number", "house_letter", "addition"]
        indexes = [models.Index(fields=["street", "house_number"])]

    def __str__(self) -> str:
        number = f"{self.house_number}{self.house_letter}"
        if self.addition:
            number += f"-{self.addition}"
        return f"{self.street} {number}, {self.city}"


class Place(Located):
    """A place that matters for the work: a school, shopping street, park, nightlife area..."""

    kind = models.CharField(_("soort"), max_length=20, choices=PlaceKind.choices)
    name = models.CharField(_("naam"), max_length=120)
    geometry = models.JSONField(_("vorm (GeoJSON)"), null=True, blank=True)

    class Meta:
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
