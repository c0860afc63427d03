"""Forms of the areas app: uploading wijken/buurten GeoJSON for import."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from openhandhaving.areas.geojson import DISTRICT, NEIGHBOURHOOD, GeoJSONFileError, geojson_load
from openhandhaving.core.forms import StyledForm

MAX_UPLOAD_MB = 50
GEOJSON_ACCEPT = ".geojson,.json,application/geo+json,application/json"


def upload_load(upload: UploadedFile, level: str) -> Any:
    """The parsed JSON of an uploaded file, or a ValidationError with the Dutch reason."""
    if upload.size > MAX_UPLOAD_MB * 1024 * 1024:
        raise forms.ValidationError(
            _("Dit bestand is groter dan %(mb)s MB. Lees het in met het commando import_areas."),
            params={"mb": MAX_UPLOAD_MB},
        )
    try:
        return geojson_load(upload.read(), level=level)
    except GeoJSONFileError as error:
        raise forms.ValidationError(str(error)) from None


class AreasImportForm(StyledForm):
    districts_file = forms.FileField(
        label=_("Wijken (GeoJSON)"),
        help_text=_(
            "Een GeoJSON-bestand in WGS84, zoals de CBS wijk- en buurtkaart of een eigen bestand "
            "met per wijk een naam."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": GEOJSON_ACCEPT}),
    )
    neighbourhoods_file = forms.FileField(
        label=_("Buurten (GeoJSON)"),
        required=False,
        help_text=_(
            "Noemt het bestand geen wijkcode, dan zoeken we de wijk op aan de hand van de ligging."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": GEOJSON_ACCEPT}),
    )
    municipality_name = forms.CharField(
        label=_("Naam van de gemeente"),
        required=False,
        max_length=100,
        help_text=_(
            "Komt in de kop van elke pagina. Bevat het bestand meer gemeenten (zoals de landelijke "
            "CBS-kaart), dan lezen we alleen de wijken en buurten van deze gemeente in."
        ),
    )
    replace = forms.BooleanField(
        label=_("Bestaande wijken en buurten vervangen"),
        required=False,
        help_text=_(
            "Wijken en buurten met dezelfde code worden bijgewerkt; wat niet meer in de bestanden "
            "staat, wordt verwijderd."
        ),
    )

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_districts_file(self) -> Any:
        return upload_load(self.cleaned_data["districts_file"], DISTRICT)

    def clean_neighbourhoods_file(self) -> Any:
        upload = self.cleaned_data.get("neighbourhoods_file")
        return upload_load(upload, NEIGHBOURHOOD) if upload else None

    def clean_replace(self) -> bool:
        replace = self.cleaned_data.get("replace", False)
        if replace and self.user is not None:
            allowed = self.user.has_perms(["areas.change_district", "areas.delete_district"])
            if not allowed:
                raise forms.ValidationError(
                    _("U mag geen wijken wijzigen of verwijderen. Vraag de functioneel beheerder.")
                )
        return replace
