"""report_create: numbered, placed, routed and recorded; bad input refused with nothing stored."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from openhandhaving.core.models import AuditLogEntry
from openhandhaving.reports.choices import Channel, EventKind, Status
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import (
    Attachment,
    Category,
    Notification,
    OutgoingMessage,
    Report,
    ReporterContact,
    ReportEvent,
    ReportNumber,
    StandardText,
)
from openhandhaving.reports.services import report_create
from openhandhaving.reports.tests.town import IN_OOST, IN_WEST, OUTSIDE, at
from openhandhaving.team.tests.factories import local

pytestmark = pytest.mark.django_db


@pytest.fixture
def tuesday():
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        yield


def create(town, **overrides):
    values = {
        "text": "Vuilniszakken naast de container",
        "category": town.afval,
        "lat": IN_WEST[0],
        "lon": IN_WEST[1],
        "channel": Channel.PHONE,
        "address": "Dorpsstraat 1",
    }
    values.update(overrides)
    return report_create(**values)


def test_a_report_is_numbered_placed_timed_routed_and_recorded(town, tuesday):
    report = create(
        town,
        contact={"name": "Els Bakker", "email": "els@example.nl", "phone": "06 12345678"},
        created_by=town.coordinator,
    )
    report.refresh_from_db()
    assert report.number == "2026-000001"
    assert (report.district, report.neighbourhood.name) == (town.west, "Noord")
    assert report.h3_cell
    assert report.status == Status.NEW
    assert report.deadline == local("2026-11-27 10:00")  # three calendar days
    assert report.deadline_3x == local("2026-12-03 10:00")
    assert (report.owner, report.owner_team) == (town.hanna, None)
    assert report.version == 1
    events = list(
        report.events.exclude(kind=EventKind.MESSAGE).values_list(
            "kind", "new_value", "text", "actor_id"
        )
    )
    assert events == [
        (
            EventKind.CREATED,
            Status.NEW,
            "Melding ontvangen via de telefoon (KCC)",
            town.coordinator.pk,
        ),
        (
            EventKind.OWNER,
            "H. de Vries",
            "toegewezen aan H. de Vries: wijkhandhaver West, dienst tot 17:00",
            None,
        ),
    ]
    contact = report.contact
    assert (contact.name, contact.email, contact.phone) == (
        "Els Bakker",
        "els@example.nl",
        "06 12345678",
    )
    audit = AuditLogEntry.objects.get(action="report_create")
    assert (audit.object_id, audit.actor) == (str(report.pk), town.coordinator)


def test_numbers_follow_each_other(town, tuesday):
    numbers = [create(town).number for _ in range(3)]
    assert numbers == ["2026-000001", "2026-000002", "2026-000003"]


def test_numbering_starts_again_each_year(town):
    with time_machine.travel(local("2026-12-31 23:30"), tick=False):
        assert create(town).number == "2026-000001"
    with time_machine.travel(local("2027-01-01 00:10"), tick=False):
        assert create(town).number == "2027-000001"
        assert create(town).number == "2027-000002"
        late = create(town, reported_at=local("2026-12-31 23:50"))
    assert late.number == "2026-000002"  # the year of the moment of reporting
    assert dict(ReportNumber.objects.values_list("year", "last")) == {2026: 2, 2027: 2}


def test_the_same_external_id_gives_back_the_first_report(town, tuesday):
    first = create(town, channel=Channel.APP, external_id="open311-77")
    again = create(town, channel=Channel.APP, external_id="open311-77", text="Nog een keer")
    assert again.pk == first.pk
    assert Report.objects.count() == 1
    assert ReportNumber.objects.get(year=2026).last == 1  # no number used up
    other_channel = create(town, channel=Channel.EMAIL, external_id="open311-77")
    assert other_channel.pk != first.pk


def test_a_resend_that_races_the_first_gives_back_the_first(town, tuesday, monkeypatch):
    """Two systems' resends arrive together: both pass the first look-up; the database's unique
    (channel, external_id) lets one in and the other gets that report back, not an error."""
    from openhandhaving.reports.services import intake

    take = intake.report_number_next
    first = {}

    def racing(*, year):
        if not first:  # the other request commits between our look-up and our write
            monkeypatch.setattr(intake, "report_number_next", take)
            first["report"] = create(town, channel=Channel.APP, external_id="open311-88")
        return take(year=year)

    monkeypatch.setattr(intake, "report_number_next", racing)
    again = create(town, channel=Channel.APP, external_id="open311-88", text="Tegelijk")
    assert again.pk == first["report"].pk
    assert Report.objects.count() == 1


def test_the_number_is_taken_in_its_own_short_transaction(town, tuesday):
    """A report that fails after taking its number leaves a gap; numbers never repeat."""
    from openhandhaving.reports.services.intake import report_number_next

    assert report_number_next(year=2026) == "2026-000001"  # say this report then failed
    assert create(town).number == "2026-000002"


def test_working_days_skip_the_weekend_and_christmas(town):
    with time_machine.travel(local("2026-12-23 15:00"), tick=False):
        report = create(town, category=town.geluid)  # five working days
    # Thu 24, Mon 28, Tue 29, Wed 30, Thu 31: 25 and 26 December are holidays.
    assert report.deadline == local("2026-12-31 15:00")


def test_the_new_owner_is_notified_after_the_commit(
    town, tuesday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = create(town)
    assert Notification.objects.filter(user=town.hanna, report=report).exists()


def test_a_reporter_with_an_e_mail_address_gets_a_confirmation(town, tuesday):
    report = create(town, contact={"email": "els@example.nl"})
    message = OutgoingMessage.objects.get(report=report)
    assert (message.to, message.subject) == (
        "els@example.nl",
        "Uw melding 2026-000001 is ontvangen",
    )
    assert report.events.filter(kind=EventKind.MESSAGE, internal=False).exists()
    create(town, contact={"name": "Anoniem genoeg", "phone": "0612345678"})
    assert OutgoingMessage.objects.count() == 1  # no address, no e-mail


def test_the_confirmation_uses_the_standard_text_for_new(town, tuesday):
    StandardText.objects.create(
        title="Ontvangen",
        status=Status.NEW,
        subject="Melding {nummer} ontvangen",
        body="We kijken naar {adres}.",
    )
    report = create(town, contact={"email": "els@example.nl"})
    message = OutgoingMessage.objects.get(report=report)
    assert message.subject == "Melding 2026-000001 ontvangen"
    assert "We kijken naar Dorpsstraat 1." in message.body


def test_a_report_on_a_team_queue_has_no_personal_owner(town, tuesday):
    report = create(town, category=town.parkeer, lat=IN_OOST[0], lon=IN_OOST[1])
    assert (report.owner, report.owner_team, report.district) == (None, town.parkeren, town.oost)
    assert report.events.get(kind=EventKind.OWNER).new_value == "team Parkeren"


def jpeg_with_gps() -> SimpleUploadedFile:
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (52.0, 5.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("IMG_0001.jpg", out.getvalue(), content_type="image/jpeg")


def test_photos_of_the_reporter_are_kept_without_exif(town, tuesday, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    report = create(town, photos=[jpeg_with_gps()])
    attachment = Attachment.objects.get(report=report)
    assert (attachment.public, attachment.content_type, attachment.original_name) == (
        True,
        "image/jpeg",
        "IMG_0001.jpg",
    )
    with Image.open(attachment.file.path) as stored:
        assert stored.size == (40, 30)
        assert not stored.getexif()


def not_a_photo():
    return SimpleUploadedFile(
        "foto.jpg", b"MZ\x90\x00 this is a program", content_type="image/jpeg"
    )


BAD_INPUT = [
    # (what is wrong, changes, field, part of the Dutch message)
    ("an empty text", {"text": "   "}, "text", "Beschrijf wat er aan de hand is."),
    ("a text of a book", {"text": "x" * 5001}, "text", "te lang"),
    ("no category", {"category": None}, "category", "Kies een categorie."),
    (
        "a main category that has subcategories",
        {"category": "overlast"},
        "category",
        "Kies een subcategorie van ‘Overlast’.",
    ),
    ("a category no longer used", {"category": "old"}, "category", "niet meer in gebruik"),
    ("a latitude that is no number", {"lat": "noord"}, "location", "Geef de plek op"),
    ("a latitude beyond the pole", {"lat": 91.0}, "location", "Deze plek bestaat niet"),
    ("a longitude that is not a number", {"lon": float("nan")}, "location", "bestaat niet"),
    (
        "a place outside the municipality",
        {"lat": OUTSIDE[0], "lon": OUTSIDE[1]},
        "location",
        "Deze plek ligt buiten de gemeente Utrecht.",
    ),
    ("an unknown channel", {"channel": "pigeon"}, "channel", "Kies hoe de melding binnenkwam."),
    ("an unknown priority", {"priority": "urgent!"}, "priority", "Kies een prioriteit."),
    (
        "a wrong e-mail address",
        {"contact": {"name": "Els", "email": "els@"}},
        "email",
        "Dit e-mailadres klopt niet.",
    ),
    (
        "a wrong phone number",
        {"contact": {"phone": "bel me maar"}},
        "phone",
        "Dit telefoonnummer klopt niet.",
    ),
    (
        "a moment in the future",
        {"reported_at": local("2026-11-25 10:00")},
        "reported_at",
        "in de toekomst",
    ),
    ("a file that is not a photo", {"photos": "bad"}, "photos", "geen foto"),
]


@pytest.mark.parametrize(
    ("changes", "field", "message"), [pytest.param(*row[1:], id=row[0]) for row in BAD_INPUT]
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    town,
    tuesday,
    changes,
    field,
    message,
):
    changes = {"contact": {"name": "Els"}, **changes}
    if changes.get("category") == "overlast":
        changes["category"] = town.overlast
    if changes.get("category") == "old":
        changes["category"] = Category.objects.create(slug="oud", name="Oud", active=False)
    if changes.get("photos") == "bad":
        changes["photos"] = [not_a_photo()]
    with pytest.raises(ReportRuleError) as refused:
        create(town, **changes)
    assert refused.value.field == field
    assert message in refused.value.message
    assert not Report.objects.exists()
    assert not ReporterContact.objects.exists()
    assert not ReportEvent.objects.exists()
    assert not ReportNumber.objects.filter(last__gt=0).exists()
    assert not AuditLogEntry.objects.filter(action="report_create").exists()


def test_required_questions_and_their_choices_are_checked(town, tuesday):
    town.afval.questions = [
        {"key": "asbest", "label": "Zit er asbest bij?", "required": True, "options": ["ja", "nee"]}
    ]
    town.afval.save()
    with pytest.raises(ReportRuleError, match="Beantwoord de vraag ‘Zit er asbest bij\\?’"):
        create(town)
    with pytest.raises(ReportRuleError, match="Kies bij ‘Zit er asbest bij\\?’ een van"):
        create(town, answers={"asbest": "misschien"})
    report = create(town, answers={"asbest": "ja"})
    assert report.answers == {"asbest": "ja"}


def test_a_deadline_in_working_days_counts_from_the_moment_of_reporting(town):
    with time_machine.travel(local("2026-11-28 11:00"), tick=False):  # a Saturday
        report = create(town, category=town.geluid)
    # From Monday 00:00, five working days: Monday 7 December 00:00.
    assert report.deadline == local("2026-12-07 00:00")


def test_the_reporter_gets_dutch_also_when_the_colleague_works_in_english(town, tuesday):
    from django.utils import translation

    with translation.override("en"):
        report = create(town, contact={"email": "els@example.nl"}, created_by=town.coordinator)
    message = OutgoingMessage.objects.get(report=report)
    assert message.subject.startswith("Uw melding")
    assert "Dit bericht gaat over melding" in message.body
