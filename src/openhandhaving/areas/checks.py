"""Checks across the features of wijken/buurten files: duplicates, overlaps, buurt → wijk.

Pure (no database). files_check() is what services.areas_import() runs before it writes anything.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from django.utils.translation import gettext as _

from openhandhaving.areas.geojson import (
    DISTRICT,
    NEIGHBOURHOOD,
    AreaFeature,
    Checked,
    feature_label,
    features_read,
    level_word,
)
from openhandhaving.areas.geometry import Projector, dutch_number, exceeds_tolerance
from openhandhaving.areas.lookup import OUTSIDE, parent_indices

CBS_NEIGHBOURHOOD_CODE = re.compile(r"BU\d{8}")


def duplicate_errors(features: list[AreaFeature], level: str) -> list[str]:
    """Each code once per level; for files without codes that means each name once."""
    by_code: dict[str, list[AreaFeature]] = defaultdict(list)
    for feature in features:
        by_code[feature.code].append(feature)
    errors = []
    for code, same in by_code.items():
        if len(same) < 2:
            continue
        labels = ", ".join(feature_label(level, f.index, f.name, capital=False) for f in same)
        if all(f.code_generated for f in same):
            message = _(
                "De naam %(name)s komt meer dan eens voor: %(labels)s. Zonder eigen code moet elke "
                '%(area)s een andere naam hebben; geef ze anders een code (eigenschap "code").'
            )
            values = {"name": same[0].name, "labels": labels}
        else:
            message = _(
                "De code %(code)s komt meer dan eens voor: %(labels)s. Elke %(area)s heeft een "
                "eigen code nodig."
            )
            values = {"code": code, "labels": labels}
        errors.append(message % {**values, "area": level_word(level, capital=False)})
    return errors


def shared_areas(metric: list, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Area in m² shared by each pair of (valid, projected) polygons."""
    a = np.asarray(metric, dtype=object)
    try:
        return shapely.area(shapely.intersection(a[first], a[second]))
    except shapely.errors.GEOSException:
        # A topology hiccup on one pair must not stop the check: retry pair by pair, snapped.
        result = []
        for i, j in zip(first, second, strict=True):
            try:
                result.append(a[i].intersection(a[j]).area)
            except shapely.errors.GEOSException:
                result.append(
                    shapely.set_precision(a[i], 0.01)
                    .intersection(shapely.set_precision(a[j], 0.01))
                    .area
                )
        return np.asarray(result, dtype=float)


def overlap_check(
    features: list[AreaFeature], level: str, projector: Projector
) -> tuple[list[str], list[str]]:
    """(errors, notes): areas of one level must not lie on top of each other (see TOLERANCE_*)."""
    if len(features) < 2:
        return [], []
    metric = [projector.metres(f.geometry) for f in features]
    first, second = shapely.STRtree(metric).query(metric, predicate="intersects")
    pairs = first < second
    first, second = first[pairs], second[pairs]
    shared = shared_areas(metric, first, second)
    errors, tolerated, tolerated_m2 = [], 0, 0.0
    for i, j, m2 in zip(first.tolist(), second.tolist(), shared.tolist(), strict=True):
        if m2 <= 0:
            continue
        smaller = min(features[i].area_m2, features[j].area_m2)
        if not exceeds_tolerance(m2, smaller):
            tolerated, tolerated_m2 = tolerated + 1, tolerated_m2 + m2
            continue
        message = _(
            "%(first)s en %(second)s overlappen elkaar: %(m2)s m², %(share)s %% van de kleinste. "
            "Gebieden van hetzelfde niveau mogen niet over elkaar heen liggen."
        )
        errors.append(
            message
            % {
                "first": feature_label(level, features[i].index, features[i].name),
                "second": feature_label(level, features[j].index, features[j].name, capital=False),
                "m2": dutch_number(m2),
                "share": dutch_number(100 * m2 / smaller) if smaller else "100",
            }
        )
    notes = []
    if tolerated:
        message = _(
            "%(count)s kleine overlappingen tussen %(areas)s langs de grenzen (samen %(m2)s m²) "
            "vallen binnen de marge en zijn toegestaan."
        )
        notes.append(
            message
            % {
                "count": tolerated,
                "areas": level_word(level, plural=True, capital=False),
                "m2": dutch_number(tolerated_m2),
            }
        )
    return errors, notes


def parents_assign(
    neighbourhoods: list[AreaFeature], districts: list[AreaFeature]
) -> tuple[list[str], list[str]]:
    """Give every buurt its wijk code: from the file, from its CBS code, else by its location."""
    codes = {d.code for d in districts}
    errors, by_location = [], []
    for feature in neighbourhoods:
        label = feature_label(NEIGHBOURHOOD, feature.index, feature.name)
        if feature.parent_code:
            if feature.parent_code not in codes:
                message = _(
                    "%(label)s hoort volgens het bestand bij wijkcode %(code)s, maar die wijk "
                    "staat niet in het wijkenbestand."
                )
                errors.append(message % {"label": label, "code": feature.parent_code})
            continue
        if CBS_NEIGHBOURHOOD_CODE.fullmatch(feature.code):
            cbs_parent = "WK" + feature.code[2:8]
            if cbs_parent in codes:
                feature.parent_code = cbs_parent
                continue
        by_location.append(feature)
    if not by_location:
        return errors, []
    found = parent_indices([f.geometry for f in by_location], [d.geometry for d in districts])
    for feature, position in zip(by_location, found.tolist(), strict=True):
        if position == OUTSIDE:
            message = _(
                "%(label)s ligt in geen enkele wijk. Kijk na of het buurtenbestand bij het "
                "wijkenbestand hoort."
            )
            errors.append(
                message % {"label": feature_label(NEIGHBOURHOOD, feature.index, feature.name)}
            )
        else:
            feature.parent_code = districts[position].code
    message = _(
        "%(count)s buurten zijn op hun ligging aan een wijk gekoppeld, omdat het buurtenbestand "
        "geen wijkcode noemt."
    )
    return errors, [message % {"count": len(by_location)}]


@dataclass
class FilesChecked:
    """Both files checked together; nothing may be stored while `errors` is not empty."""

    districts: list[AreaFeature] = field(default_factory=list)
    neighbourhoods: list[AreaFeature] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    municipality_name: str = ""
    municipality_code: str = ""

    def absorb(self, checked: Checked) -> None:
        self.errors.extend(checked.errors)
        self.warnings.extend(checked.warnings)
        self.notes.extend(checked.notes)


def files_check(
    *,
    districts_geojson: Any,
    neighbourhoods_geojson: Any | None,
    municipality_name: str | None = None,
) -> FilesChecked:
    """Run every check on the wijken file and (optionally) the buurten file."""
    result = FilesChecked()
    projector = Projector()
    districts = features_read(
        districts_geojson, level=DISTRICT, projector=projector, municipality=municipality_name
    )
    result.absorb(districts)
    result.districts = districts.features
    result.errors.extend(duplicate_errors(districts.features, DISTRICT))
    errors, notes = overlap_check(districts.features, DISTRICT, projector)
    result.errors.extend(errors)
    result.notes.extend(notes)
    if neighbourhoods_geojson is not None:
        neighbourhoods = features_read(
            neighbourhoods_geojson,
            level=NEIGHBOURHOOD,
            projector=projector,
            municipality=municipality_name,
        )
        result.absorb(neighbourhoods)
        result.neighbourhoods = neighbourhoods.features
        result.errors.extend(duplicate_errors(neighbourhoods.features, NEIGHBOURHOOD))
        errors, notes = overlap_check(neighbourhoods.features, NEIGHBOURHOOD, projector)
        result.errors.extend(errors)
        result.notes.extend(notes)
        if not result.errors:
            errors, notes = parents_assign(result.neighbourhoods, result.districts)
            result.errors.extend(errors)
            result.notes.extend(notes)
    names = {f.municipality_name for f in result.districts} - {""}
    codes = {f.municipality_code for f in result.districts} - {""}
    result.municipality_name = (municipality_name or "").strip() or (
        names.pop() if len(names) == 1 else ""
    )
    result.municipality_code = codes.pop() if len(codes) == 1 else ""
    return result
