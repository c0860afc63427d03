"""Officer photos: accept images only, re-encode them as JPEG without EXIF/GPS, cap the size."""

from __future__ import annotations

import io
import uuid
import warnings

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from openhandhaving.team.exceptions import TeamRuleError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a 40-megapixel camera; larger is a decompression bomb, not a portrait
MAX_SIDE = 800  # a face on a team page needs no more
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def photo_reencode(upload) -> ContentFile:
    """A clean JPEG of the uploaded image, or TeamRuleError(field="photo") in Dutch."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise TeamRuleError(
            _("De foto is te groot. Kies een foto van hoogstens 5 MB."), field="photo"
        )
    not_an_image = TeamRuleError(
        _("Dit bestand is geen foto. Kies een JPG-, PNG- of WebP-bestand."), field="photo"
    )
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            if image.format not in ACCEPTED_FORMATS:
                raise not_an_image
            if image.width * image.height > MAX_PIXELS:
                raise TeamRuleError(
                    _("De foto heeft te veel pixels. Kies een kleinere foto."), field="photo"
                )
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise not_an_image from error
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise TeamRuleError(
            _("De foto heeft te veel pixels. Kies een kleinere foto."), field="photo"
        ) from error
    # Turn the picture upright as the camera meant it, then drop every bit of metadata.
    image = ImageOps.exif_transpose(image).convert("RGBA")
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    clean = Image.new("RGB", image.size, "white")
    clean.paste(image, mask=image.getchannel("A"))
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
