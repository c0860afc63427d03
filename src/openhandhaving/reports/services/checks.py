"""Checks of what a report says: text, category, place, contact, answers, moment (Dutch errors)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from openhandhaving.areas.selectors import municipality_name
from openhandhaving.areas.services import locate
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Category
from openhandhaving.reports.questions import applies, options_of, questions_of, stop_message

MAX_TEXT = 5000
FUTURE_MARGIN = dt.timedelta(minutes=10)  # clocks of phones and systems differ a little


def text_clean(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ReportRuleError(_("Beschrijf wat er aan de hand is."), field="text")
    if len(text) > MAX_TEXT:
        raise ReportRuleError(
            _("De omschrijving is te lang: hoogstens %(max)s tekens.") % {"max": MAX_TEXT},
            field="text",
        )
    return text


def category_check(category: Category | None) -> None:
    """Active, and a subcategory or a main category without (active) subcategories."""
    if not isinstance(category, Category) or category.pk is None:
        raise ReportRuleError(_("Kies een categorie."), field="category")
    parent = category.parent if category.parent_id else None
    if not category.active or (parent is not None and not parent.active):
        raise ReportRuleError(
            _("De categorie ‘%(name)s’ is niet meer in gebruik. Kies een andere.")
            % {"name": category},
            field="category",
        )
    if parent is None and Category.objects.filter(parent_id=category.pk, active=True).exists():
        raise ReportRuleError(
            _("Kies een subcategorie van ‘%(name)s’.") % {"name": category.name},
            field="category",
        )


def point_check(lat: Any, lon: Any) -> tuple[float, float]:
    """Numbers that are a real WGS84 latitude and longitude."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise ReportRuleError(
            _("Geef de plek op: kies een punt op de kaart of vul een adres in."), field="location"
        ) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
        raise ReportRuleError(
            _("Deze plek bestaat niet (breedtegraad %(lat)s, lengtegraad %(lon)s).")
            % {"lat": lat, "lon": lon},
            field="location",
        )
    return lat, lon


def located(lat: float, lon: float) -> dict[str, Any]:
    """H3 cell, wijk and buurt of a point inside the municipality."""
    found = locate(lat=lat, lon=lon)
    if found["district"] is None:
        raise ReportRuleError(
            _(
                "Deze plek ligt buiten de gemeente %(name)s. Kies een plek binnen de gemeente, "
                "of neem contact op met de gemeente waar het is."
            )
            % {"name": municipality_name()},
            field="location",
        )
    return found


def contact_clean(contact: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not contact:
        return None
    name = str(contact.get("name") or "").strip()
    email = str(contact.get("email") or "").strip()
    phone = str(contact.get("phone") or "").strip()
    if len(name) > 120:
        raise ReportRuleError(_("De naam is te lang: hoogstens 120 tekens."), field="name")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ReportRuleError(
                _("Dit e-mailadres klopt niet. Een e-mailadres ziet eruit als naam@voorbeeld.nl."),
                field="email",
            ) from None
    if phone:
        digits = [c for c in phone if c.isdigit()]
        if (
            len(phone) > 20
            or not 8 <= len(digits) <= 15
            or any(c not in "0123456789 +-()" for c in phone)
        ):
            raise ReportRuleError(
                _("Dit telefoonnummer klopt niet. Bijvoorbeeld: 06 12345678."), field="phone"
            )
    if not (name or email or phone):
        return None
    return {
        "name": name,
        "email": email,
        "phone": phone,
        "may_contact": bool(contact.get("may_contact")),
    }


def answers_clean(answers: Mapping[str, Any] | None, category: Category) -> dict[str, Any]:
    """Answers to the category's extra questions: required ones given, choices respected,
    answers to questions that do not apply left out, and no "hard stop" answer.

    A question is {"key", "label", "required", "options", "show_if"} (reports/questions.py);
    answers map a key to a text or a list of texts.
    """
    if answers is None:
        answers = {}
    if not isinstance(answers, Mapping):
        raise ReportRuleError(_("De antwoorden op de extra vragen kloppen niet."), field="answers")
    given_all: dict[str, Any] = {}
    for key, value in answers.items():
        if isinstance(value, list | tuple):
            values = [str(v).strip() for v in value if str(v).strip()]
            if values:
                given_all[str(key)] = values
        elif value is not None and str(value).strip():
            given_all[str(key)] = str(value).strip()
    known = {str(q["key"]) for q in questions_of(category)}
    # Answers to keys the category does not ask about are kept as they came (other systems).
    clean = {key: value for key, value in given_all.items() if key not in known}
    for question in questions_of(category):
        key = str(question["key"])
        if not applies(question, clean):
            continue
        label = question.get("label") or key
        given = given_all.get(key)
        if question.get("required") and not given:
            raise ReportRuleError(
                _("Beantwoord de vraag ‘%(question)s’.") % {"question": label},
                field=f"answers.{key}",
            )
        if not given:
            continue
        options = options_of(question)
        if options:
            allowed = {option["value"] for option in options}
            if any(v not in allowed for v in (given if isinstance(given, list) else [given])):
                raise ReportRuleError(
                    _("Kies bij ‘%(question)s’ een van de antwoorden.") % {"question": label},
                    field=f"answers.{key}",
                )
        if stop := stop_message(question, given):
            raise ReportRuleError(stop, field=f"answers.{key}")
        clean[key] = given
    return clean


def moment_clean(reported_at: dt.datetime | None, now: dt.datetime) -> dt.datetime:
    if reported_at is None:
        return now
    if timezone.is_naive(reported_at):
        reported_at = timezone.make_aware(reported_at)
    if reported_at > now + FUTURE_MARGIN:
        raise ReportRuleError(_("Het meldmoment ligt in de toekomst."), field="reported_at")
    return reported_at
