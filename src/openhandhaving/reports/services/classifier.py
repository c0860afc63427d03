"""Category suggestion in the app: train on the municipality's closed reports; suggest one.

The model lives in VAR_DIR/classifier/categories.joblib (the one before it beside it, as
categories.previous.joblib). Each process keeps the loaded model and loads it again when the
file changes (core.caching.Fresh). Below REPORTS_CLASSIFIER_THRESHOLD no category is
suggested: the report goes to a coordinator to categorise. See docs/classifier.md.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from openhandhaving.core.caching import Fresh
from openhandhaving.core.services import audit_log_record
from openhandhaving.reports.choices import END_STATES
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Category, Report

logger = logging.getLogger(__name__)

LANGUAGE = "nl"
MAX_REPORTS = 300_000  # the most recent closed reports; training stays under a minute


def model_path() -> Path:
    return Path(settings.VAR_DIR) / "classifier" / "categories.joblib"


def previous_model_path() -> Path:
    return model_path().with_name("categories.previous.joblib")


@dataclass(frozen=True)
class Suggestion:
    """`category` is None when the model is not sure enough (or there is no model yet);
    `alternatives` are the most likely categories with their probability, best first."""

    category: Category | None
    confidence: float
    alternatives: list[tuple[Category, float]] = field(default_factory=list)


def _model_version() -> tuple[str, int, int] | None:
    path = model_path()
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _model_load(version):
    if version is None:
        return None
    from openhandhaving.reports.classifier import ClassifierError, Model

    try:
        return Model.load(version[0])
    except ClassifierError as error:
        logger.warning("Category suggestion off: %s", error.message)
        return None


_model: Fresh = Fresh(version=_model_version, load=_model_load)


def category_suggest(text: str, *, threshold: float | None = None) -> Suggestion:
    """The category the text most likely belongs to, if the model is at least `threshold`
    (default REPORTS_CLASSIFIER_THRESHOLD) sure and the category is still in use."""
    if threshold is None:
        threshold = settings.REPORTS_CLASSIFIER_THRESHOLD
    model = _model.get()
    if model is None or not text.strip():
        return Suggestion(category=None, confidence=0.0)
    ranked = model.predict_top([text], k=3)[0]
    active = Category.objects.filter(slug__in=[slug for slug, _ in ranked], active=True)
    by_slug = {category.slug: category for category in active}
    alternatives = [(by_slug[slug], p) for slug, p in ranked if slug in by_slug]
    best_slug, confidence = ranked[0]
    chosen = by_slug.get(best_slug) if confidence >= threshold else None
    return Suggestion(category=chosen, confidence=confidence, alternatives=alternatives)


def classifier_train_from_reports(
    *, actor=None, min_per_category: int = 10, origin: str = "systeem"
) -> dict:
    """Train the model on the closed reports of categories in use (text → category code),
    leaving out categories with fewer than `min_per_category` of them; store it, keep the one
    before, and record it in the audit log. Raises ReportRuleError when there is too little."""
    from collections import Counter

    from openhandhaving.reports.classifier import train

    closed = (
        Report.objects.filter(status__in=[str(s) for s in END_STATES], category__active=True)
        .exclude(text="")
        .order_by("-closed_at", "-pk")
        .values_list("text", "category__slug")[:MAX_REPORTS]
    )
    rows = list(closed)
    counts = Counter(slug for _text, slug in rows)
    enough = {slug for slug, n in counts.items() if n >= max(min_per_category, 2)}
    rows = [(text, slug) for text, slug in rows if slug in enough]
    if len(enough) < 2:
        raise ReportRuleError(
            _(
                "Te weinig gesloten meldingen om van te leren: %(n)s categorieën hebben er "
                "minstens %(min)s; er zijn er minstens 2 nodig."
            )
            % {"n": len(enough), "min": min_per_category}
        )
    model = train([t for t, _s in rows], [s for _t, s in rows], LANGUAGE)
    path = model_path()
    if path.exists():
        # Copy, then rename: the current model stays in place until the new one replaces it.
        spare = path.with_name(".previous.tmp")
        shutil.copy2(path, spare)
        os.replace(spare, previous_model_path())
    model.save(path)
    _model.clear()
    details = {
        "n": model.meta["n"],
        "categories": len(model.labels),
        "left_out": sorted(set(counts) - enough),
        "seconds": model.meta["seconds"],
        "model": str(path),
    }
    audit_log_record(actor=actor, action="classifier_train", origin=origin, details=details)
    logger.info("Category suggestion trained: %s", details)
    return details
