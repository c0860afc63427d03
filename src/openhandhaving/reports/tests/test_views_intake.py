"""The KCC intake form: Dutch messages beside the field, nothing typed lost, routed on success."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from openhandhaving.areas.models import Address
from openhandhaving.areas.services import located_fill
from openhandhaving.reports.models import Attachment, Report, ReporterContact
from openhandhaving.reports.tests.town import IN_WEST, at, town  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def kcc(client, make_user):
    user = make_user("contact_centre", username="kim")
    client.force_login(user)
    return user


@pytest.fixture
def dorpsstraat(town):  # noqa: F811
    addresses = []
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
        addresses.append(address)
    return addresses


def form_data(**overrides) -> dict:
    data = {
        "text": "Elke ochtend staat er een busje op de stoep",
        "category": "",
        "channel": "phone",
        "priority": "normal",
        "address": "",
        "address_id": "",
        "lat": "",
        "lon": "",
        "contact_name": "Els Bakker",
        "contact_email": "els@example.nl",
        "contact_phone": "",
    }
    data.update(overrides)
    return data


def png(name: str = "busje.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    "role", ["officer", "analyst", "communications"], ids=lambda r: f"{r} has no intake form"
)
def test_only_the_kcc_and_staff_with_the_permission_open_the_form(client, make_user, role):
    client.force_login(make_user(role))
    if role == "officer":
        # Officers may record their own observations as a report.
        assert client.get(reverse("reports:create")).status_code == 200
    else:
        assert client.get(reverse("reports:create")).status_code == 403


def test_the_form_explains_privacy_and_asks_for_the_channel(client, kcc, town):  # noqa: F811
    html = client.get(reverse("reports:create")).content.decode()
    assert "Gegevens van de melder" in html
    assert "Zonder naam en contactgegevens kan de melding ook." in html
    assert 'name="channel"' in html and "Eigen waarneming" in html
    assert "Website" not in html  # the website sends its own reports


def test_missing_fields_get_dutch_messages_and_everything_typed_stays(
    client,
    kcc,
    town,  # noqa: F811
):
    response = client.post(
        reverse("reports:create"),
        form_data(channel="", contact_email="els@", contact_phone="06-123"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een categorie." in html
    assert "Kies hoe de melding binnenkwam." in html
    assert "Geef de plek op: zoek een adres of klik op de kaart." in html
    assert "Vul een geldig e-mailadres in" in html
    assert "Vul een telefoonnummer in met alleen cijfers" in html
    assert "Elke ochtend staat er een busje op de stoep" in html
    assert 'value="Els Bakker"' in html
    assert not Report.objects.exists()


def test_an_address_that_fits_several_asks_which_one(client, kcc, town, dorpsstraat):  # noqa: F811
    response = client.post(
        reverse("reports:create"),
        form_data(category=town.overlast.pk, address="Dorpsstraat"),
    )
    html = response.content.decode()
    assert "Er zijn meer adressen die hierop lijken. Kies er één." in html
    assert f'value="{dorpsstraat[0].pk}"' in html and f'value="{dorpsstraat[1].pk}"' in html


def test_a_photo_that_is_not_an_image_is_refused_without_losing_the_text(
    client,
    kcc,
    town,  # noqa: F811
    dorpsstraat,
):
    fake = SimpleUploadedFile("foto.jpg", b"geen foto", content_type="image/jpeg")
    response = client.post(
        reverse("reports:create"),
        {
            **form_data(category=town.overlast.pk, address_id=dorpsstraat[0].pk),
            "photos": [fake],
        },
    )
    html = response.content.decode()
    assert "foto.jpg:" in html and "kies de bestanden opnieuw" in html
    assert "Elke ochtend staat er een busje op de stoep" in html
    assert not Report.objects.exists()


def test_a_main_category_with_subcategories_is_not_offered_for_a_report(
    client,
    kcc,
    town,  # noqa: F811
):
    html = client.get(reverse("reports:create")).content.decode()
    assert '<optgroup label="Overlast">' in html
    assert f'value="{town.geluid.pk}"' in html
    assert f'value="{town.overlast.pk}"' not in html


def test_extra_questions_of_the_category_are_asked_and_required(client, kcc, town):  # noqa: F811
    town.afval.questions = [
        {"key": "kenteken", "label": "Kenteken", "type": "text", "required": True},
        {"key": "vaker", "label": "Gebeurt het vaker?", "type": "choice", "options": ["ja", "nee"]},
    ]
    town.afval.save()
    fragment = client.get(reverse("reports:intake_questions"), {"category": town.afval.pk})
    assert "Kenteken" in fragment.content.decode()
    assert "Gebeurt het vaker?" in fragment.content.decode()
    response = client.post(reverse("reports:create"), form_data(category=town.afval.pk))
    assert "Beantwoord deze vraag." in response.content.decode()


def test_address_suggestions_match_street_and_number(client, kcc, dorpsstraat):
    html = client.get(reverse("reports:address_suggestions"), {"address": "dorpsstr 14"}).content
    assert b"Dorpsstraat 14, Utrecht" in html
    assert b"Dorpsstraat 12" not in html
    found = client.get(
        reverse("reports:address_suggestions"), {"address": "3511 AB", "format": "json"}
    ).json()
    assert [r["label"] for r in found["results"]] == [
        "Dorpsstraat 12, Utrecht",
        "Dorpsstraat 14, Utrecht",
    ]


def test_a_report_for_an_address_lands_with_the_district_officer_on_duty(
    client,
    kcc,
    town,  # noqa: F811
    dorpsstraat,
):
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        response = client.post(
            reverse("reports:create"),
            {
                **form_data(category=town.geluid.pk, address="Dorpsstraat 12"),
                "photos": [png()],
                "may_contact": "on",
            },
        )
    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("reports:detail", args=[report.number])
    assert (report.owner, report.district, report.address) == (
        town.hanna,
        town.west,
        "Dorpsstraat 12, Utrecht",
    )
    assert report.channel == "phone" and report.created_by == kcc
    assert ReporterContact.objects.get(report=report).email == "els@example.nl"
    assert Attachment.objects.filter(report=report).count() == 1
    page = client.get(response.url).content.decode()
    assert f"Melding {report.number} is aangemaakt en staat bij Hanna de Vries." in page
    assert "wijkhandhaver" in page  # the routing reason, in the message and the history


def test_a_map_click_without_an_address_is_enough(client, kcc, town):  # noqa: F811
    with time_machine.travel(at("2026-11-24 10:00"), tick=False):
        client.post(
            reverse("reports:create"),
            form_data(category=town.afval.pk, lat=str(IN_WEST[0]), lon=str(IN_WEST[1])),
        )
    report = Report.objects.get()
    assert (report.lat, report.lon, report.district) == (IN_WEST[0], IN_WEST[1], town.west)
