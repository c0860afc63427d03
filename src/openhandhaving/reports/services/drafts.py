"""Photos of reports that residents are still filling in: cleaned at once, kept in the storage
under concept/<draft>/ until the report is sent, removed when the draft is abandoned."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import PurePath

from django.core.files.storage import default_storage
from django.utils import timezone

from openhandhaving.reports.services.attachments import upload_clean

DRAFT_DIR = "concept"
KEEP = dt.timedelta(hours=24)  # a form left alone this long is not coming back


def draft_photo_keep(*, draft_id: str, upload) -> dict:
    """Clean the photo (type sniffed, size, pixels, location data removed) and keep it.
    Raises ReportRuleError (Dutch) when it is not a usable photo."""
    clean = upload_clean(upload, allow_pdf=False)
    suffix = PurePath(clean.content.name or "").suffix or ".jpg"
    name = f"{DRAFT_DIR}/{draft_id}/{secrets.token_hex(6)}{suffix}"
    return {
        "path": default_storage.save(name, clean.content),
        "name": clean.original_name,
        "content_type": clean.content_type,
    }


def draft_photos_gone(photos: list[dict]) -> list[dict]:
    """The draft's photos that are no longer in the storage (removed as abandoned)."""
    return [photo for photo in photos if not default_storage.exists(photo["path"])]


def draft_photo_drop(path: str) -> None:
    if path.startswith(f"{DRAFT_DIR}/"):
        default_storage.delete(path)


def drafts_remove_stale(*, now: dt.datetime | None = None) -> int:
    """Remove the photos of drafts older than KEEP; returns how many files were removed."""
    limit = (now or timezone.now()) - KEEP
    removed = 0
    try:
        folders, _files = default_storage.listdir(DRAFT_DIR)
    except FileNotFoundError:
        return 0
    for folder in folders:
        _sub, files = default_storage.listdir(f"{DRAFT_DIR}/{folder}")
        for name in files:
            path = f"{DRAFT_DIR}/{folder}/{name}"
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                removed += 1
    return removed
