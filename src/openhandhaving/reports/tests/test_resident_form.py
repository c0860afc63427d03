"""The resident's report form at /melding/: step by step, nothing lost, routed, kind refusals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from openhandhaving.areas.models import Address
from openhandhaving.areas.services import located_fill
from openhandhaving.reports.choices import EventKind, Status
from openhandhaving.reports.classifier import train
from openhandhaving.reports.exceptions import ReportRuleError
from openhandhaving.reports.models import Attachment, Category, OutgoingMessage, Report
from openhandhaving.reports.services import report_create
from openhandhaving.reports.services.classifier import model_path
from openhandhaving.reports.tests.factories import ReportFactory, offset_point
from openhandhaving.reports.tests.town import IN_WEST, OUTSIDE, at, town  # noqa: F401

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"key": "nog_bezig", "label": "Is het nu nog bezig?", "type": "choice", "required": True,
     "options": ["Ja", "Nee"]},
    {"key": "sinds", "label": "Sinds wanneer?", "type": "text", "required": True,
     "show_if": {"key": "nog_bezig", "value": ["Ja"]}},
    {"key": "gewond", "label": "Is er iemand gewond?", "type": "choice", "required": False,
     "options": ["Nee", {"value": "Ja", "label": "Ja", "stop": "Bel direct 112."}]},
]  # fmt: skip


def url(name: str) -> str:
    return reverse(f"reports_public:{name}")


def photo(name: str = "foto.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def resident(client, town, settings, tmp_path):  # noqa: F811
    settings.REPORTS_PUBLIC_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with time_machine.travel(at(), tick=True):
        yield client


def walk(client, *, text="Er ligt al dagen afval naast de container", category=None,
         point=IN_WEST, answers=None, contact=None, photos=()):  # fmt: skip
    """Fill in the steps up to the summary; returns the last response."""
    response = client.post(url("new"), {"text": text, "website": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(url("category"), {"choice": "other", "other": category})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(url("place"), {"lat": point[0], "lon": point[1], "address": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    data = {f"q_{k}": v for k, v in (answers or {}).items()}
    if photos:
        data["photos"] = list(photos)
    response = client.post(url("details"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post(url("contact"), contact or {})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(url("check"))


def test_a_resident_reports_without_an_account_and_gets_number_and_promise(resident, town):  # noqa: F811
    town.afval.service_promise = "Binnen drie dagen ruimen we het op."
    town.afval.save()
    summary = walk(
        resident,
        category=town.afval.pk,
        contact={"email": "bewoner@example.org", "consent": "on"},
        photos=[photo()],
    )
    page = summary.content.decode()
    assert "Er ligt al dagen afval naast de container" in page
    assert "bewoner@example.org" in page
    response = resident.post(url("check"), {"verstuur": "1"})
    assert response.status_code == 302 and response["Location"] == url("done")
    report = Report.objects.get()
    done = resident.get(url("done")).content.decode()
    assert report.number in done
    assert "Binnen drie dagen ruimen we het op." in done
    assert "/melding/volgen/" in done
    assert report.channel == "web"
    assert report.category == town.afval
    assert report.district == town.west
    assert report.contact.email == "bewoner@example.org"
    assert report.contact.may_contact is True
    assert Attachment.objects.get(report=report).public is True
    note = report.events.get(kind=EventKind.CATEGORY).text
    assert "De melder koos zelf" in note
    assert OutgoingMessage.objects.get(report=report).to == "bewoner@example.org"
    # The draft is gone: the form starts afresh.
    assert resident.get(url("check"))["Location"] == url("new")


def test_nothing_typed_is_lost_going_back(resident, town):  # noqa: F811
    walk(resident, category=town.afval.pk)
    assert "Er ligt al dagen afval naast de container" in resident.get(url("new")).content.decode()
    # Changing the text from the summary's edit link goes straight back to the summary.
    response = resident.post(
        url("new"), {"text": "Afval naast de container, nu nog meer", "terug": "controleren"}
    )
    assert response["Location"] == url("check")


def test_steps_cannot_be_skipped(resident):
    assert resident.get(url("check"))["Location"] == url("new")
    resident.post(url("new"), {"text": "Een fiets ligt al weken op de stoep"})
    assert resident.get(url("place"))["Location"] == url("category")


def test_too_short_a_text_and_the_honeypot_are_explained(resident):
    response = resident.post(url("new"), {"text": "afval"})
    assert "minstens 10 tekens" in response.content.decode()
    response = resident.post(url("new"), {"text": "Afval naast de container", "website": "x"})
    assert response.status_code == 200
    assert "Laat dit veld leeg" in response.content.decode()
    assert "Afval naast de container" in response.content.decode()


def test_a_place_outside_the_municipality_is_refused_kindly(resident, town):  # noqa: F811
    resident.post(url("new"), {"text": "Afval naast de container bij het station"})
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    response = resident.post(url("place"), {"lat": OUTSIDE[0], "lon": OUTSIDE[1]})
    assert response.status_code == 422
    page = response.content.decode()
    assert "buiten de gemeente" in page and "overheid.nl" in page
    assert resident.get(url("details"))["Location"] == url("place")


def test_address_search_with_suggestions(resident, town):  # noqa: F811
    for number in (12, 14):
        address = Address(
            street="Dorpsstraat",
            house_number=number,
            postcode="3511AB",
            city="Utrecht",
            lat=IN_WEST[0],
            lon=IN_WEST[1] + number * 0.00001,
        )
        located_fill(obj=address)
        address.save()
    suggestions = resident.get(url("addresses"), {"address": "dorpsstr"}).content.decode()
    assert "Dorpsstraat 12" in suggestions and "Dorpsstraat 14" in suggestions
    resident.post(url("new"), {"text": "Afval naast de container op de hoek"})
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    response = resident.post(url("place"), {"address": "Dorpsstraat"})
    assert "meer adressen" in response.content.decode()
    response = resident.post(url("place"), {"address": "Dorpsstraat 14"})
    assert response.status_code == 302
    resident.post(url("details"), {})
    resident.post(url("contact"), {})
    resident.post(url("check"), {"verstuur": "1"})
    assert Report.objects.get().address.startswith("Dorpsstraat 14")


def test_conditional_questions_and_a_hard_stop(resident, town):  # noqa: F811
    town.geluid.questions = QUESTIONS
    town.geluid.save()
    resident.post(url("new"), {"text": "Harde muziek bij de buren, elke nacht"})
    resident.post(url("category"), {"choice": "other", "other": town.geluid.pk})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    # "Sinds wanneer?" applies only when it is still going on.
    response = resident.post(url("details"), {"q_nog_bezig": "Ja"})
    assert response.status_code == 200
    assert "Beantwoord deze vraag." in response.content.decode()
    response = resident.post(url("details"), {"q_nog_bezig": "Nee", "q_sinds": "gisteren"})
    assert response.status_code == 302
    # A hard stop: the message, and no way on with that answer.
    response = resident.post(url("details"), {"q_nog_bezig": "Nee", "q_gewond": "Ja"})
    assert response.status_code == 200
    assert "Bel direct 112." in response.content.decode()
    resident.post(url("details"), {"q_nog_bezig": "Nee", "q_gewond": "Nee"})
    resident.post(url("contact"), {})
    resident.post(url("check"), {"verstuur": "1"})
    report = Report.objects.get()
    # The answer to a question that did not apply is not kept.
    assert report.answers == {"nog_bezig": "Nee", "gewond": "Nee"}


def test_other_channels_respect_the_same_rules(town):  # noqa: F811
    town.geluid.questions = QUESTIONS
    town.geluid.save()
    common = {"text": "Muziek", "category": town.geluid, "lat": IN_WEST[0], "lon": IN_WEST[1]}
    with pytest.raises(ReportRuleError, match=r"Bel direct 112\."):
        report_create(channel="app", answers={"nog_bezig": "Nee", "gewond": "Ja"}, **common)
    with pytest.raises(ReportRuleError, match="Sinds wanneer"):
        report_create(channel="app", answers={"nog_bezig": "Ja"}, **common)
    report = report_create(channel="app", answers={"nog_bezig": "Ja", "sinds": "22:00"}, **common)
    assert report.answers == {"nog_bezig": "Ja", "sinds": "22:00"}


def test_contact_needs_consent_and_anonymous_is_fine(resident, town):  # noqa: F811
    resident.post(url("new"), {"text": "Afval naast de container bij de school"})
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    resident.post(url("details"), {})
    response = resident.post(url("contact"), {"email": "a@example.org"})
    assert response.status_code == 200
    assert "Geef toestemming" in response.content.decode()
    assert "a@example.org" in response.content.decode()
    response = resident.post(url("contact"), {"email": "geen-adres"})
    assert "geldig e-mailadres" in response.content.decode()
    assert resident.post(url("contact"), {})["Location"] == url("check")
    resident.post(url("check"), {"verstuur": "1"})
    report = Report.objects.get()
    assert not hasattr(report, "contact") or report.contact is None
    done = resident.get(url("done")).content.decode()
    assert "Bewaar deze link" in done


def test_photos_are_checked_and_can_be_removed(resident, town):  # noqa: F811
    resident.post(url("new"), {"text": "Afval naast de container bij de kerk"})
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    fake = SimpleUploadedFile("foto.jpg", b"no image at all", content_type="image/jpeg")
    response = resident.post(url("details"), {"photos": [fake]})
    assert "geen foto" in response.content.decode()
    response = resident.post(url("details"), {"photos": [photo(f"{i}.png") for i in range(6)]})
    assert "hoogstens 5" in response.content.decode()
    resident.post(url("details"), {"photos": [photo("a.png"), photo("b.png")]})
    preview = resident.get(reverse("reports_public:draft_photo", args=[1]))
    assert preview.status_code == 200
    resident.post(url("details"), {"verwijder": "0"})
    assert resident.get(reverse("reports_public:draft_photo", args=[1])).status_code == 404
    resident.post(url("details"), {})
    resident.post(url("contact"), {})
    resident.post(url("check"), {"verstuur": "1"})
    assert Attachment.objects.filter(report=Report.objects.get()).count() == 1


def test_too_fast_is_asked_to_check_again(resident, town, settings):  # noqa: F811
    walk(resident, category=town.afval.pk)
    settings.REPORTS_PUBLIC_MIN_SECONDS = 3600
    response = resident.post(url("check"), {"verstuur": "1"})
    assert response.status_code == 400
    assert "erg snel" in response.content.decode()
    assert not Report.objects.exists()
    assert resident.post(url("check"), {"verstuur": "1"}).status_code == 302
    assert Report.objects.count() == 1


def test_follow_a_nearby_open_report_instead_of_a_duplicate(resident, town):  # noqa: F811
    def earlier(number: str, status: str, metres: float) -> Report:
        # Numbers of last year: this year's are taken by the form.
        return ReportFactory(
            number=number, category=town.afval, status=status, **_point(north_m=metres)
        )

    existing = earlier("2025-000901", Status.ACCEPTED, 20)
    far = earlier("2025-000902", Status.ACCEPTED, 400)
    closed = earlier("2025-000903", Status.DONE, 10)
    page = walk(resident, category=town.afval.pk).content.decode()
    assert existing.number in page
    assert far.number not in page and closed.number not in page
    assert existing.text not in page  # another resident's words are not shown
    response = resident.post(url("check"), {"volg": existing.number})
    assert response["Location"] == url("done")
    mine = Report.objects.exclude(pk__in=[existing.pk, far.pk, closed.pk]).get()
    assert mine.duplicate_of == existing
    assert mine.status == Status.DONE
    assert f"U volgt melding {existing.number}" in resident.get(url("done")).content.decode()


def _point(**offset) -> dict:
    lat, lon = offset_point(*IN_WEST, **offset)
    report = Report(lat=lat, lon=lon)
    located_fill(obj=report)
    return {"lat": lat, "lon": lon, "h3_cell": report.h3_cell, "district": report.district}


def test_sensitive_subjects_do_not_show_nearby_reports(resident, town):  # noqa: F811
    town.geluid.is_sensitive = True
    town.geluid.save()
    other = ReportFactory(
        number="2025-000901", category=town.geluid, status=Status.ACCEPTED, **_point(north_m=5)
    )
    page = walk(resident, text="Harde muziek bij de buren", category=town.geluid.pk)
    assert other.number not in page.content.decode()


@pytest.fixture
def model(town, settings, tmp_path):  # noqa: F811
    settings.VAR_DIR = tmp_path
    words = {
        town.geluid.slug: ["harde muziek", "geluid van de buren", "lawaai 's nachts", "bas dreunt"],
        town.afval.slug: ["afval naast container", "vuilniszakken", "zwerfvuil", "grofvuil"],
        town.parkeer.slug: ["auto op de stoep", "fout geparkeerd", "busje in de weg", "kenteken"],
    }
    texts, labels = [], []
    for slug, phrases in words.items():
        for i in range(15):
            texts.append(f"{phrases[i % 4]} {phrases[(i + 1) % 4]} al {i} dagen")
            labels.append(slug)
    train(texts, labels, "nl").save(model_path())
    settings.REPORTS_CLASSIFIER_THRESHOLD = 0.5


def test_the_category_is_suggested_from_the_text_and_can_be_confirmed(resident, town, model):  # noqa: F811
    resident.post(url("new"), {"text": "Vuilniszakken en grofvuil naast de container"})
    page = resident.get(url("category")).content.decode()
    assert "data-suggested" in page
    assert f'value="{town.afval.pk}"' in page and "checked" in page
    resident.post(url("category"), {"choice": town.afval.pk})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    resident.post(url("details"), {})
    resident.post(url("contact"), {})
    resident.post(url("check"), {"verstuur": "1"})
    report = Report.objects.get()
    assert report.category == town.afval
    assert "bevestigde het voorstel" in report.events.get(kind=EventKind.CATEGORY).text


def test_dont_know_goes_to_the_coordinators(resident, town, model, settings):  # noqa: F811
    settings.REPORTS_CLASSIFIER_THRESHOLD = 1.01  # never sure
    Category.objects.create(slug="overig-overig", name="Overig")
    resident.post(url("new"), {"text": "Er staat iets raars op het plein"})
    page = resident.get(url("category")).content.decode()
    assert "data-suggested" not in page
    resident.post(url("category"), {"choice": "weet-niet"})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    resident.post(url("details"), {})
    resident.post(url("contact"), {})
    resident.post(url("check"), {"verstuur": "1"})
    report = Report.objects.get()
    assert report.owner is None and report.owner_team is None  # the coordinators' queue
    assert "de melder wist het onderwerp niet" in report.events.get(kind=EventKind.OWNER).text
    assert "wist het onderwerp niet" in report.events.get(kind=EventKind.CATEGORY).text


def test_photos_of_abandoned_forms_are_removed_after_a_day(resident, town):  # noqa: F811
    from django.core.files.storage import default_storage

    from openhandhaving.reports.services.drafts import drafts_remove_stale

    resident.post(url("new"), {"text": "Afval naast de container bij de bieb"})
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    resident.post(url("details"), {"photos": [photo()]})
    path = resident.session["oh_melding"]["photos"][0]["path"]
    assert default_storage.exists(path)
    saved = default_storage.get_modified_time(path)
    assert drafts_remove_stale(now=saved + dt.timedelta(hours=23)) == 0  # still being filled in
    assert drafts_remove_stale(now=saved + dt.timedelta(hours=25)) == 1
    assert not default_storage.exists(path)


def test_an_edit_link_on_the_summary_comes_back_to_the_summary(resident, town):  # noqa: F811
    page = walk(resident, category=town.afval.pk).content.decode()
    edit = url("place") + "?terug=controleren"
    assert edit in page
    response = resident.post(edit, {"lat": IN_WEST[0], "lon": IN_WEST[1] + 0.001})
    assert response["Location"] == url("check")


def test_the_form_speaks_english_after_the_switch(resident, town):  # noqa: F811
    resident.post(reverse("set_language"), {"language": "en", "next": url("new")})
    page = resident.get(url("new")).content.decode()
    assert "What would you like to report?" in page and "Next step" in page
    response = resident.post(url("new"), {"text": "short"})
    assert "at least 10 characters" in response.content.decode()


def test_junk_in_any_step_is_a_dutch_message_not_a_500(resident, town):  # noqa: F811
    resident.post(url("new"), {"text": "Afval naast de container bij de markt"})
    response = resident.post(url("category"), {"choice": "other", "other": "abc"})
    assert response.status_code == 200 and "Kies een onderwerp" in response.content.decode()
    response = resident.post(url("category"), {"choice": "999999"})
    assert response.status_code == 200
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    for junk in ({"lat": "abc", "lon": "5"}, {"lat": "91", "lon": "5"}, {"address_id": "x"}):
        response = resident.post(url("place"), junk)
        assert response.status_code == 200, junk
        assert "plek" in response.content.decode()
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    big = SimpleUploadedFile("groot.jpg", b"\xff" * (11 * 1024 * 1024), content_type="image/jpeg")
    response = resident.post(url("details"), {"photos": [big]})
    assert "te groot" in response.content.decode()
    assert resident.get(reverse("reports_public:draft_photo", args=[0])).status_code == 404
    assert not Report.objects.exists()


def test_photos_removed_as_abandoned_are_explained_not_a_500(resident, town):  # noqa: F811
    from django.core.files.storage import default_storage

    resident.post(url("new"), {"text": "Afval naast de container bij de haven"})
    resident.post(url("category"), {"choice": "other", "other": town.afval.pk})
    resident.post(url("place"), {"lat": IN_WEST[0], "lon": IN_WEST[1]})
    resident.post(url("details"), {"photos": [photo()]})
    resident.post(url("contact"), {})
    default_storage.delete(resident.session["oh_melding"]["photos"][0]["path"])
    assert resident.get(reverse("reports_public:draft_photo", args=[0])).status_code == 404
    response = resident.post(url("check"), {"verstuur": "1"})
    assert response.status_code == 400
    assert "niet meer bewaard" in response.content.decode()
    assert not Report.objects.exists()
    assert resident.post(url("check"), {"verstuur": "1"}).status_code == 302  # without photo
    assert not Attachment.objects.exists()
