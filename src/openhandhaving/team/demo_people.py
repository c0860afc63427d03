"""The demo team's people and wijk contacts, pure: names, initials, portraits, role mailboxes.

All fictional: names are common Dutch names, phone numbers use a subscriber number starting with
0 (never handed out in the Netherlands), e-mail domains end in .example (reserved, RFC 2606).
"""

from __future__ import annotations

import io
import random
import unicodedata

from PIL import Image, ImageDraw, ImageFont

# The officer who logs in as `handhaver` (core/demo.py) comes first.
FIRST_OFFICER = ("Hanna", "de Vries")
OFFICER_NAMES = [
    ("Daan", "Bakker"), ("Fatima", "El Amrani"), ("Kevin", "Visser"), ("Esra", "Yılmaz"),
    ("Jermaine", "Kartosen"), ("Lotte", "Hendriks"), ("Bram", "van Leeuwen"), ("Naima", "Bouzid"),
    ("Stefan", "Mulder"), ("Priscilla", "Martina"), ("Mehmet", "Öztürk"), ("Anouk", "de Groot"),
    ("Ricardo", "Pinas"), ("Sevda", "Aydın"), ("Tim", "Koster"), ("Iris", "Willems"),
    ("Rachid", "Benali"), ("Joyce", "Brouwer"), ("Agnieszka", "Kowalska"), ("Wesley", "Sno"),
    ("Marieke", "Postma"), ("Bilal", "Chaouch"), ("Dewi", "Wijaya"), ("Jeroen", "Verhoeven"),
    ("Shirley", "Doest"), ("Sander", "Kok"), ("Nadia", "Haddou"), ("Roy", "Prins"),
    ("Ilse", "Hoekstra"), ("Gökhan", "Demir"), ("Yvonne", "van den Berg"), ("Tomasz", "Nowak"),
    ("Kim", "Smit"), ("Mohamed", "Azzouz"), ("Chantal", "Bos"), ("Rutger", "Dekker"),
]  # fmt: skip

PORTRAIT_COLOURS = [
    "#154273",
    "#01689b",
    "#275937",
    "#42145f",
    "#a90061",
    "#94710a",
    "#673327",
    "#39870c",
    "#ca005d",
    "#007bc7",
    "#53565a",
    "#d52b1e",
]  # fmt: skip — Rijkshuisstijl colours; white text on each meets WCAG AA
PARTICLES = {"de", "van", "der", "den", "het", "ter", "te", "el", "la", "le"}

CONTACT_NOTE_SCHOOL = (
    "Afspraak: bij het brengen en halen (8.15–8.45 en 14.00–14.30 uur) af en toe samen met de "
    "verkeersouders bij de ingang staan."
)


def ascii_slug(text: str) -> str:
    """'Öztürk' → 'ozturk', 'van den Berg' → 'vandenberg'."""
    plain = unicodedata.normalize("NFKD", text.replace("ı", "i")).encode("ascii", "ignore")
    return "".join(ch for ch in plain.decode().lower() if ch.isalnum())


def initials(first: str, last: str) -> str:
    """'Hanna', 'de Vries' → 'HV' (the particles de/van/el do not count)."""
    words = [w for w in last.split() if w.lower() not in PARTICLES] or last.split()
    return (first[:1] + words[0][:1]).upper()


def fictional_phone(rng: random.Random) -> str:
    """A number in Flevoland's area code that cannot exist: no subscriber number starts with 0."""
    return f"0320-0{rng.randrange(10_000, 99_999)}"


def officer_email(first: str, last: str) -> str:
    return f"{ascii_slug(first[:1])}.{ascii_slug(last)}@demo.openhandhaving.nl"


def portrait_png(text: str, colour: str, size: int = 256) -> bytes:
    """A square PNG: white initials on a coloured background (a stand-in for a photo)."""
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=size * 0.42)
    draw.text((size / 2, size / 2), text, fill="white", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def wijk_contacts(
    rng: random.Random, *, wijk: str, town: str, shops: list[str], nightlife: bool
) -> list[dict[str, str]]:
    """The organisations a wijk team knows (schools are added from the places)."""
    slug = ascii_slug(wijk)
    town_slug = ascii_slug(town)
    contacts = [
        {
            "kind": "residents",
            "organisation": f"Wijkraad {wijk}",
            "contact_person": "secretaris",
            "email": f"secretariaat@wijkraad-{slug}.example",
            "notes": "Wijkoverleg elke eerste dinsdag van de maand, 19.30 uur, in het wijkcentrum.",
        },
        {
            "kind": "partner",
            "organisation": f"Politie basisteam {town} – wijkagent {wijk}",
            "contact_person": "wijkagent",
            "email": f"wijkagent.{slug}@politie-{town_slug}.example",
            "notes": "Wekelijks kort overleg op maandagochtend; gezamenlijke avonddiensten.",
        },
        {
            "kind": "partner",
            "organisation": "Woonstichting De Vaart",
            "contact_person": "wijkbeheerder",
            "email": f"wijkbeheer.{slug}@woonstichting-devaart.example",
            "notes": "Meldt overlast rond de flats; samen op huisbezoek bij aanhoudende overlast.",
        },
        {
            "kind": "partner",
            "organisation": f"Welzijn {town} – opbouwwerk",
            "contact_person": "opbouwwerker",
            "email": f"opbouwwerk.{slug}@welzijn-{town_slug}.example",
            "notes": "Jongerenwerk en buurtbemiddeling; doorverwijzen bij burenruzies.",
        },
        {
            "kind": "partner",
            "organisation": f"Reinigingsbedrijf {town}",
            "contact_person": "wijkteam reiniging",
            "email": f"meldingen@reiniging-{town_slug}.example",
            "notes": "Ophalen van bijgeplaatst afval binnen twee werkdagen na een melding.",
        },
    ]
    for shop in shops:
        contacts.append(
            {
                "kind": "business",
                "organisation": f"Winkeliersvereniging {shop}",
                "contact_person": "voorzitter",
                "email": f"bestuur@{ascii_slug(shop)}-winkeliers.example",
                "notes": "Overleg over fietsparkeren, venters en winkeldiefstal.",
            }
        )
    if nightlife:
        contacts += [
            {
                "kind": "business",
                "organisation": f"Horecaoverleg Binnenstad {town}",
                "contact_person": "secretaris",
                "email": f"info@horeca-{town_slug}.example",
                "notes": "Afspraken over sluitingstijden, terrassen en geluid in het weekend.",
            },
            {
                "kind": "business",
                "organisation": "Marktcommissie weekmarkt",
                "contact_person": "marktmeester",
                "email": f"markt@{town_slug}.example",
                "notes": "Zaterdagmarkt: na afloop samen controleren of de Markt schoon is.",
            },
        ]
    for contact in contacts:
        contact["phone"] = fictional_phone(rng)
    return contacts
