"""Officer photos: images only, re-encoded without EXIF/GPS, size-capped; the old file goes."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from openhandhaving.team import services
from openhandhaving.team.exceptions import TeamRuleError
from openhandhaving.team.models import Officer
from openhandhaving.team.tests.factories import OfficerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def camera_photo(size=(3000, 2000), fmt="JPEG", mode="RGB") -> SimpleUploadedFile:
    """A photo as a phone makes it: large, with the place it was taken in its EXIF."""
    image = Image.new(mode, size, "red" if mode == "RGB" else (255, 0, 0, 0))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 22.0, 30.0), 3: "E", 4: (4.0, 38.0, 10.0)}  # GPS
    out = io.BytesIO()
    if fmt == "JPEG":
        image.save(out, format=fmt, exif=exif)
    else:
        image.save(out, format=fmt)
    return SimpleUploadedFile(f"photo.{fmt.lower()}", out.getvalue(), f"image/{fmt.lower()}")


def test_a_photo_is_stored_as_a_small_jpeg_without_exif(make_user, media):
    officer = services.officer_create(
        actor=make_user("team_lead"), first_name="Hanna", last_name="de Vries", photo=camera_photo()
    )
    with Image.open(officer.photo.path) as stored:
        assert stored.format == "JPEG"
        assert max(stored.size) == 800
        assert dict(stored.getexif()) == {}
    assert "photo" not in officer.photo.name  # the uploaded name tells nothing


def test_a_transparent_png_becomes_a_jpeg_on_white(make_user):
    officer = services.officer_create(
        actor=make_user("team_lead"),
        first_name="Hanna",
        last_name="de Vries",
        photo=camera_photo(size=(100, 100), fmt="PNG", mode="RGBA"),
    )
    with Image.open(officer.photo.path) as stored:
        assert stored.getpixel((50, 50)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        pytest.param(
            SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not a picture", "application/pdf"),
            "geen foto",
            id="a PDF is not a photo",
        ),
        pytest.param(
            SimpleUploadedFile("fake.jpg", b"\xff\xd8\xff\xe0 broken", "image/jpeg"),
            "geen foto",
            id="a broken file with a photo name is not a photo",
        ),
        pytest.param(
            SimpleUploadedFile("huge.jpg", b"x" * (5 * 1024 * 1024 + 1), "image/jpeg"),
            "hoogstens 5 MB",
            id="a file over 5 MB is too large",
        ),
    ],
)
def test_a_wrong_upload_is_refused_and_nothing_is_stored(make_user, media, upload, message):
    with pytest.raises(TeamRuleError) as info:
        services.officer_create(
            actor=make_user("team_lead"), first_name="Hanna", last_name="de Vries", photo=upload
        )
    assert message in info.value.message and info.value.field == "photo"
    assert not Officer.objects.exists()
    assert not any(media.rglob("*.*"))


def test_a_new_photo_replaces_the_old_file(make_user, media, django_capture_on_commit_callbacks):
    lead = make_user("team_lead")
    officer = OfficerFactory()
    fields = {"first_name": officer.first_name, "last_name": officer.last_name}
    with django_capture_on_commit_callbacks(execute=True):
        services.officer_update(actor=lead, officer=officer, photo=camera_photo(), **fields)
    first = officer.photo.path
    with django_capture_on_commit_callbacks(execute=True):
        services.officer_update(actor=lead, officer=officer, photo=camera_photo(), **fields)
    assert officer.photo.path != first
    assert [p.name for p in media.rglob("*.jpg")] == [officer.photo.name.split("/")[-1]]
    with django_capture_on_commit_callbacks(execute=True):
        services.officer_update(actor=lead, officer=officer, remove_photo=True, **fields)
    assert not officer.photo and not any(media.rglob("*.jpg"))


def test_an_account_belongs_to_one_officer(make_user):
    lead = make_user("team_lead")
    account = make_user("officer")
    OfficerFactory(first_name="Hanna", last_name="de Vries", user=account)
    with pytest.raises(TeamRuleError) as info:
        services.officer_create(actor=lead, first_name="Piet", last_name="Jansen", user=account)
    assert info.value.message == "Dit account hoort al bij Hanna de Vries."
    assert Officer.objects.count() == 1
