"""The demo's teams, category tree and routing rules, pure data for the administrator's tables.

The tree is inspired by the Signalen taxonomy that Dutch municipalities use (Afval, Overlast,
Openbare ruimte, Groen en water ...), narrowed to what a handhaving team and its neighbours in the
municipality handle. Deadlines are in working days ("werkdagen") unless the promise is urgent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

WD = "working_days"
CD = "calendar_days"


@dataclass(frozen=True)
class TeamSpec:
    slug: str
    name: str
    email: str
    routes_to_district_officer: bool = False


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: str
    public_name: str = ""
    icon: str = ""
    description: str = ""
    deadline: tuple[int, str] = (5, WD)
    team: str | None = None  # TeamSpec.slug
    is_public: bool = True
    is_sensitive: bool = False
    questions: tuple[dict, ...] = ()
    children: tuple[CategorySpec, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RuleSpec:
    name: str
    order: int
    categories: tuple[str, ...] = ()
    districts: tuple[str, ...] = ()  # wijk names
    weekdays: tuple[int, ...] = ()
    time_from: dt.time | None = None
    time_until: dt.time | None = None
    answers: tuple[tuple[str, str], ...] = ()
    team: str | None = None
    user: str | None = None  # username


TEAMS = (
    TeamSpec("handhaving", "Handhaving", "handhaving@demo.openhandhaving.nl", True),
    TeamSpec("nachtdienst", "Handhaving nachtdienst", "nachtdienst@demo.openhandhaving.nl"),
    TeamSpec("parkeren", "Team Parkeren", "parkeren@demo.openhandhaving.nl"),
    TeamSpec("stadsbeheer", "Stadsbeheer", "stadsbeheer@demo.openhandhaving.nl"),
    TeamSpec("groen", "Groen en water", "groen@demo.openhandhaving.nl"),
)


def promise(days: int, unit: str = WD) -> str:
    """The service promise shown to the resident after sending a report."""
    if unit == CD and days <= 3:
        return (
            f"We pakken uw melding zo snel mogelijk op, uiterlijk binnen {days} "
            f"{'dag' if days == 1 else 'dagen'}. Is het nu aan de gang en onveilig? "
            "Bel dan 112 of de politie via 0900-8844."
        )
    word = "werkdag" if days == 1 else "werkdagen"
    if unit == CD:
        word = "dag" if days == 1 else "dagen"
    return (
        f"We doen ons best om uw melding binnen {days} {word} op te pakken. "
        "Duurt het langer, dan hoort u van ons."
    )


def _choice(key: str, label: str, options: list, required: bool = False) -> dict:
    return {"key": key, "label": label, "type": "choice", "options": options, "required": required}


def _text(key: str, label: str, required: bool = False) -> dict:
    return {"key": key, "label": label, "type": "text", "options": [], "required": required}


def _multiple(key: str, label: str, options: list[str]) -> dict:
    return {"key": key, "label": label, "type": "multiple", "options": options, "required": False}


NOISE_SOURCES = ["Buren", "Horeca", "Feest of evenement", "Jongeren op straat", "Verkeer", "Anders"]
STILL_GOING = _choice("nog_bezig", "Is het nu nog aan de gang?", ["Ja", "Nee"], True)
HOW_OFTEN = _choice("hoe_vaak", "Hoe vaak gebeurt dit?", ["Eén keer", "Vaker", "Elke dag"])


def _c(slug, name, public_name, icon, deadline, **kwargs) -> CategorySpec:
    return CategorySpec(slug, name, public_name, icon, deadline=deadline, **kwargs)


CATEGORIES = (
    CategorySpec(
        "parkeren",
        "Parkeren",
        "Parkeren en voertuigen",
        "auto",
        "Fout geparkeerde auto's, fietsen en wrakken.",
        team="handhaving",
        children=(
            _c(
                "fout-parkeren",
                "Fout parkeren",
                "Auto fout geparkeerd",
                "auto",
                (2, WD),
                questions=(_text("kenteken", "Kenteken (als u dat weet)"), HOW_OFTEN),
            ),
            _c(
                "parkeren-op-de-stoep",
                "Parkeren op de stoep",
                "Auto op de stoep",
                "stoep",
                (2, WD),
                questions=(HOW_OFTEN,),
            ),
            _c(
                "invalidenparkeerplaats",
                "Invalidenparkeerplaats",
                "Auto op een invalidenplek",
                "invalide",
                (1, WD),
                team="parkeren",
            ),
            _c(
                "fietswrak",
                "Fietswrak / weesfiets",
                "Fietswrak of verlaten fiets",
                "fiets",
                (10, WD),
                team="parkeren",
                questions=(_text("waar_precies", "Waar staat de fiets precies?"),),
            ),
            _c(
                "fietsen-fout-gestald",
                "Fietsen fout gestald",
                "Fietsen in de weg",
                "fiets",
                (5, WD),
                team="parkeren",
            ),
            _c(
                "aanhanger-camper",
                "Aanhanger, camper of caravan",
                "Aanhanger of camper",
                "aanhanger",
                (10, WD),
            ),
            _c("autowrak", "Autowrak", "Autowrak of auto zonder kenteken", "wrak", (10, WD)),
        ),
    ),
    CategorySpec(
        "overlast",
        "Overlast",
        "Overlast van personen of dieren",
        "overlast",
        "Overlast die handhaving oppakt: geluid, jongeren, honden, drugs.",
        team="handhaving",
        children=(
            _c(
                "geluidsoverlast",
                "Geluidsoverlast",
                "Geluidsoverlast",
                "geluid",
                (3, CD),
                questions=(
                    _choice("bron", "Waar komt het geluid vandaan?", NOISE_SOURCES, True),
                    STILL_GOING,
                    {
                        **_text("sinds", "Sinds hoe laat is het aan de gang?"),
                        "show_if": {"key": "nog_bezig", "value": ["Ja"]},
                    },
                ),
            ),
            _c(
                "overlast-jongeren",
                "Overlast van jongeren",
                "Overlast van jongeren",
                "jongeren",
                (3, CD),
                questions=(
                    STILL_GOING,
                    _choice(
                        "aantal", "Om hoeveel jongeren gaat het?", ["1-5", "5-10", "Meer dan 10"]
                    ),
                ),
            ),
            _c(
                "overlast-horeca",
                "Overlast horeca",
                "Overlast van een café of restaurant",
                "horeca",
                (5, WD),
            ),
            _c("hondenpoep", "Hondenpoep", "Hondenpoep", "hond", (5, WD), questions=(HOW_OFTEN,)),
            _c(
                "loslopende-hond",
                "Loslopende hond",
                "Hond los waar dat niet mag",
                "hond",
                (3, WD),
                questions=(
                    _choice(
                        "aangevallen",
                        "Heeft de hond iemand gebeten of aangevallen?",
                        [
                            "Nee",
                            {
                                "value": "Ja",
                                "label": "Ja",
                                "stop": "Is iemand gebeten of aangevallen? Bel 112 bij "
                                "direct gevaar, anders de politie via 0900-8844. Zij komen "
                                "meteen; via dit formulier duurt het te lang.",
                            },
                        ],
                        True,
                    ),
                ),
            ),
            _c(
                "drugsoverlast",
                "Drugsoverlast",
                "Drugsoverlast",
                "drugs",
                (5, WD),
                is_public=False,
                is_sensitive=True,
            ),
            _c(
                "overlast-personen",
                "Overlast door personen",
                "Overlast door een persoon",
                "persoon",
                (3, WD),
                is_sensitive=True,
            ),
            _c("vuurwerkoverlast", "Vuurwerkoverlast", "Vuurwerk", "vuurwerk", (2, CD)),
            _c(
                "overlast-scooters",
                "Scooters en brommers",
                "Overlast van scooters",
                "scooter",
                (5, WD),
            ),
            _c("stookoverlast", "Stookoverlast", "Rook of stank van houtstook", "rook", (5, WD)),
        ),
    ),
    CategorySpec(
        "afval",
        "Afval",
        "Afval op straat",
        "afval",
        "Zwerfafval, volle containers, afval ernaast en dumpingen.",
        team="stadsbeheer",
        children=(
            _c("zwerfafval", "Zwerfafval", "Zwerfafval", "afval", (3, WD)),
            _c(
                "afval-naast-container",
                "Afval naast container",
                "Grofvuil of zakken naast de container",
                "container",
                (2, WD),
            ),
            _c(
                "afvaldumping",
                "Afvaldumping",
                "Gedumpt afval",
                "dumping",
                (2, WD),
                questions=(
                    _multiple(
                        "soort",
                        "Wat voor afval is het?",
                        ["Vuilniszakken", "Huisraad", "Bouwafval", "Tuinafval", "Anders"],
                    ),
                ),
            ),
            _c(
                "container-vol",
                "Container vol of kapot",
                "Container vol of kapot",
                "container",
                (1, WD),
            ),
            _c("afvalbak", "Afvalbak", "Afvalbak vol of kapot", "afvalbak", (2, WD)),
        ),
    ),
    CategorySpec(
        "openbare-ruimte",
        "Openbare ruimte",
        "Straat, stoep en verlichting",
        "straat",
        "Kapotte lantaarnpalen, losse tegels, borden, speeltoestellen, graffiti.",
        team="stadsbeheer",
        children=(
            _c(
                "straatverlichting",
                "Straatverlichting",
                "Kapotte lantaarnpaal",
                "lamp",
                (10, WD),
                questions=(_text("paalnummer", "Nummer op de paal (als u dat ziet)"),),
            ),
            _c("bestrating", "Bestrating", "Losse tegel of gat in de weg", "tegel", (10, WD)),
            _c("graffiti", "Graffiti", "Graffiti of bekladding", "graffiti", (5, WD)),
            _c("verkeersbord", "Verkeersbord", "Verkeersbord kapot of weg", "bord", (5, WD)),
            _c("speelvoorziening", "Speelvoorziening", "Kapot speeltoestel", "speeltuin", (3, WD)),
            _c("gladheid", "Gladheid", "Gladde weg of stoep", "sneeuw", (1, CD)),
        ),
    ),
    CategorySpec(
        "groen-en-water",
        "Groen en water",
        "Bomen, gras en water",
        "boom",
        "Bomen, bladeren, onkruid, maaien, dode dieren en de eikenprocessierups.",
        team="groen",
        children=(
            _c("bladeren", "Bladeren", "Bladeren op straat", "blad", (10, WD)),
            _c("boom", "Boom of tak", "Boom of tak (gevallen of gevaarlijk)", "boom", (5, WD)),
            _c("onkruid", "Onkruid", "Onkruid", "onkruid", (15, WD)),
            _c(
                "maaien-snoeien",
                "Maaien en snoeien",
                "Gras maaien of struiken snoeien",
                "schaar",
                (15, WD),
            ),
            _c("eikenprocessierups", "Eikenprocessierups", "Eikenprocessierups", "rups", (3, WD)),
            _c("dood-dier", "Dood dier", "Dood dier", "dier", (1, WD)),
        ),
    ),
    CategorySpec(
        "overig",
        "Overig",
        "Iets anders",
        "vraag",
        "Past het nergens bij? De coördinatoren kijken ernaar.",
        children=(_c("overig-overig", "Overig", "Iets anders", "vraag", (5, WD)),),
    ),
)

RULES = (
    RuleSpec(
        "Geluid 's nachts naar de nachtdienst",
        10,
        categories=("geluidsoverlast", "overlast-horeca"),
        time_from=dt.time(22, 0),
        time_until=dt.time(7, 0),
        team="nachtdienst",
    ),
    RuleSpec(
        "Horeca op vrijdag- en zaterdagavond naar de nachtdienst",
        20,
        categories=("geluidsoverlast",),
        weekdays=(4, 5),
        time_from=dt.time(18, 0),
        time_until=dt.time(22, 0),
        answers=(("bron", "Horeca"),),
        team="nachtdienst",
    ),
    RuleSpec(
        "Fietswrakken en fietsen naar Team Parkeren",
        30,
        categories=("fietswrak", "fietsen-fout-gestald"),
        team="parkeren",
    ),
    RuleSpec(
        "Invalidenparkeerplaats naar Team Parkeren",
        40,
        categories=("invalidenparkeerplaats",),
        team="parkeren",
    ),
    RuleSpec(
        "Drugsoverlast naar de coördinator", 50, categories=("drugsoverlast",), user="coordinator"
    ),
    RuleSpec(
        "Afvaldumping in het Centrum naar de wijkhandhaver",
        60,
        categories=("afvaldumping",),
        districts=("Centrum",),
        team="handhaving",
    ),
)

# What coordinators keep moving by hand (category slug, wijk name, team slug): parking in the
# centre is work for Team Parkeren. Routing learns it from their corrections (reports.routing).
REROUTES = (
    ("fout-parkeren", "Centrum", "parkeren"),
    ("parkeren-op-de-stoep", "Centrum", "parkeren"),
)


def subcategories() -> list[tuple[CategorySpec, CategorySpec]]:
    """(main, sub) for every subcategory, in the order of the tree."""
    return [(main, sub) for main in CATEGORIES for sub in main.children]


def responsible_team(main: CategorySpec, sub: CategorySpec) -> str | None:
    return sub.team or main.team
