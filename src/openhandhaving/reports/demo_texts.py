"""Texts of the demo reports, pure: residents' words per category, with variation and typos.

A text is a template for the category (or for a pattern, such as parking at a school) filled in
with the street or place, then made to sound like a person: a greeting or not, a short app note
or a long e-mail, an extra sentence, and sometimes a spelling mistake.
"""

from __future__ import annotations

import random

VEHICLES = [
    "een grijze Volkswagen",
    "een witte bestelbus",
    "een zwarte SUV",
    "een rode Peugeot",
    "een blauwe Toyota",
    "een busje van een bouwbedrijf",
    "dezelfde zilveren auto",
    "een camper",
]
PERIODS = ["weken", "maanden", "een paar dagen", "een jaar", "de hele zomer", "sinds de vakantie"]
MOMENTS = ["vanochtend", "gisteravond", "vannacht", "net", "vanmiddag", "gisteren"]

# Per subcategory: what residents write. {straat} and {plek} are filled in.
TEMPLATES: dict[str, list[str]] = {
    "fout-parkeren": [
        "Er staat {voertuig} half op de hoek van {de_straat}, je kunt er niet langs met de auto.",
        "Al {periode} wordt er geparkeerd in de bocht bij {de_straat}. Levensgevaarlijk als je de "
        "weg over wilt steken.",
        "Auto's staan voor mijn uitrit aan {de_straat}, ik kan er niet uit.",
        "Elke avond staan er auto's op de groenstrook aan {de_straat}. Het gras is kapot.",
        "{voertuig} staat al {periode} fout geparkeerd aan {de_straat}, graag handhaven.",
    ],
    "parkeren-op-de-stoep": [
        "Al {periode} staat er een auto op de stoep aan {de_straat}. Met de kinderwagen moet ik de "
        "weg op.",
        "Stoep aan {de_straat} is weer helemaal vol geparkeerd. Mijn moeder met rollator kan er "
        "niet langs.",
        "Er staat {voertuig} met twee wielen op de stoep bij {de_straat}.",
        "Waarom mag hier gewoon op de stoep geparkeerd worden? {straat}, elke dag hetzelfde.",
    ],
    "invalidenparkeerplaats": [
        "Op de invalidenparkeerplaats aan {de_straat} staat {voertuig} zonder kaart.",
        "Mijn vader kan niet parkeren op zijn eigen gehandicaptenplek aan {de_straat}, er staat "
        "steeds een andere auto.",
    ],
    "fietswrak": [
        "Bij {de_plek} staat al {periode} een fiets zonder zadel en met een lekke band.",
        "Fietswrak aan het hek bij {de_straat}, helemaal verroest en half uit elkaar.",
        "Er staat een weesfiets tegen de lantaarnpaal aan {de_straat}. Al {periode} niet gebruikt.",
        "Verroeste fiets met slot om de boom bij {de_plek}. Wordt nooit opgehaald.",
    ],
    "fietsen-fout-gestald": [
        "De fietsen bij {de_plek} staan overal, je kunt niet meer over de stoep lopen.",
        "Voor de winkels aan {de_straat} staan fietsen kriskras over de stoep.",
    ],
    "aanhanger-camper": [
        "Er staat al {periode} een aanhanger op de parkeerplaats aan {de_straat}.",
        "Camper staat al {periode} op dezelfde plek aan {de_straat} en neemt drie plekken in.",
        "Caravan aan {de_straat} staat hier de hele zomer al, mag dat zomaar?",
    ],
    "autowrak": [
        "Aan {de_straat} staat een auto zonder kenteken met een kapotte ruit.",
        "Autowrak op de parkeerplaats bij {de_straat}, lekt olie en er wordt rommel in gegooid.",
    ],
    "geluidsoverlast": [
        "Harde muziek bij de buren aan {de_straat}, ik kan niet slapen.",
        "Al {periode} elke nacht harde bassen uit een woning aan {de_straat}.",
        "Feest in de tuin aan {de_straat}, het is nu half 1 en de muziek staat nog keihard aan.",
        "Er wordt geschreeuwd op straat bij {de_straat}, al een uur lang.",
        "Iemand aan {de_straat} is {moment} weer aan het klussen met een boormachine tot laat.",
    ],
    "overlast-jongeren": [
        "Groep jongeren hangt elke avond bij het bankje aan {de_straat}. Harde muziek en ze "
        "laten troep achter.",
        "Jongeren op scooters rijden rondjes over het plein bij {de_straat}, ook na 23 uur.",
        "Bij de speeltuin aan {de_straat} zitten jongeren te blowen, er spelen daar kleine "
        "kinderen.",
        "Jongeren bij {de_plek} gooien met stenen naar de lantaarnpalen.",
    ],
    "overlast-horeca": [
        "Het terras bij {de_plek} is na sluitingstijd nog vol en heel luidruchtig.",
        "Bezoekers van het café aan {de_straat} staan buiten te roken en te schreeuwen tot 3 uur.",
        "De muziek van de kroeg aan {de_straat} staat met open deuren keihard.",
    ],
    "hondenpoep": [
        "Overal hondenpoep op het grasveld aan {de_straat}, mijn kinderen kunnen er niet spelen.",
        "Elke ochtend laat dezelfde meneer zijn hond poepen op de stoep aan {de_straat} en ruimt "
        "het niet op.",
        "Het pad langs {de_straat} ligt vol met hondenpoep.",
    ],
    "loslopende-hond": [
        "Grote hond loopt los aan {de_straat}, de eigenaar doet niks als je er iets van zegt.",
        "In {de_plek} lopen honden los terwijl dat daar niet mag. Mijn kind werd besprongen.",
    ],
    "drugsoverlast": [
        "Bij {de_straat} wordt 's avonds gedeald vanuit een auto, steeds dezelfde auto.",
        "Er komen de hele dag mensen kort langs bij een woning aan {de_straat}. Lijkt op "
        "drugshandel.",
        "Lachgasflessen en -ballonnen bij {de_straat}, er wordt hier veel gebruikt.",
    ],
    "overlast-personen": [
        "Verward persoon loopt te schreeuwen bij {de_straat} en valt mensen lastig.",
        "Man slaapt al {periode} in het portiek aan {de_straat} en laat rommel achter.",
        "Iemand bedelt agressief bij de supermarkt aan {de_straat}.",
    ],
    "vuurwerkoverlast": [
        "Al dagen wordt er zwaar vuurwerk afgestoken bij {de_straat}. Ook cobra's.",
        "Jongeren gooien vuurwerk naar auto's aan {de_straat}.",
        "Er wordt vuurwerk in de brievenbussen gegooid aan {de_straat}.",
    ],
    "overlast-scooters": [
        "Scooters rijden over het fietspad en de stoep langs {de_straat}, veel te hard.",
        "Opgevoerde brommers scheuren elke avond door {de_straat}.",
    ],
    "stookoverlast": [
        "De buren aan {de_straat} stoken hun houtkachel, het hele huis stinkt naar rook.",
        "Iemand aan {de_straat} verbrandt afval in de tuin, zwarte rook.",
    ],
    "zwerfafval": [
        "Veel zwerfafval langs {de_straat}: blikjes, plastic flesjes, chipszakken.",
        "Na het weekend ligt het grasveld aan {de_straat} vol met rommel.",
        "Bij {de_plek} liggen overal pizzadozen en blikjes.",
    ],
    "afval-naast-container": [
        "Weer vuilniszakken naast de container aan {de_straat}. Het stinkt en er komen ratten op "
        "af.",
        "Iemand heeft een matras en een kast naast de container bij {de_straat} gezet.",
        "Container aan {de_straat} is niet vol maar mensen zetten hun zakken er gewoon naast.",
        "Dozen en zakken naast de ondergrondse container aan {de_straat}, al {periode}.",
    ],
    "afvaldumping": [
        "Er is een hele aanhanger bouwafval gedumpt aan het eind van {de_straat}.",
        "Bij {de_straat} zijn zakken met tuinafval en oude tegels in de berm gegooid.",
        "Gedumpt afval: bank, tv en vuilniszakken bij {de_straat}.",
    ],
    "container-vol": [
        "De container aan {de_straat} zit al {periode} vol, de klep gaat niet meer open.",
        "Ondergrondse container bij {de_straat} is kapot, de pas werkt niet.",
    ],
    "afvalbak": [
        "Afvalbak bij {de_plek} puilt uit.",
        "De prullenbak aan {de_straat} is kapot, alles waait eruit.",
    ],
    "straatverlichting": [
        "Lantaarnpaal aan {de_straat} doet het al {periode} niet. Het is daar 's avonds erg "
        "donker.",
        "Drie lampen op rij kapot aan {de_straat}, onveilig voor fietsers.",
        "Straatlantaarn bij {de_straat} knippert de hele nacht.",
    ],
    "bestrating": [
        "Losse tegels op de stoep aan {de_straat}, mijn buurvrouw is gestruikeld.",
        "Groot gat in het fietspad langs {de_straat}.",
        "Boomwortels drukken de stoep omhoog aan {de_straat}, gevaarlijk.",
    ],
    "graffiti": [
        "Graffiti op de muur van het trafohuisje aan {de_straat}.",
        "Bekladding op de bushalte bij {de_plek}, ook met scheldwoorden.",
    ],
    "verkeersbord": [
        "Verkeersbord aan {de_straat} is omgereden en ligt in de berm.",
        "Stopbord bij {de_straat} is helemaal scheef en onleesbaar.",
    ],
    "speelvoorziening": [
        "De schommel in de speeltuin aan {de_straat} is kapot, de ketting is los.",
        "Glas in de zandbak van de speeltuin aan {de_straat}.",
    ],
    "gladheid": [
        "Het fietspad langs {de_straat} is spiegelglad en niet gestrooid.",
        "Stoep bij {de_straat} is één ijsbaan, er is al iemand gevallen.",
    ],
    "bladeren": [
        "Enorme hoop bladeren op de stoep aan {de_straat}, glad als het regent.",
        "De putten aan {de_straat} zitten dicht met blad, de straat staat onder water.",
    ],
    "boom": [
        "Grote tak hangt half los boven het fietspad aan {de_straat}.",
        "Na de storm ligt er een boom over de weg bij {de_straat}.",
        "Boom aan {de_straat} hangt scheef over de woningen, we maken ons zorgen.",
    ],
    "onkruid": [
        "Het onkruid tussen de stoeptegels aan {de_straat} staat kniehoog.",
        "Het plantsoen aan {de_straat} is helemaal overwoekerd.",
    ],
    "maaien-snoeien": [
        "Gras bij {de_straat} is al {periode} niet gemaaid.",
        "De struiken bij de kruising {straat} zijn zo hoog dat je het verkeer niet ziet.",
    ],
    "eikenprocessierups": [
        "Nesten van de eikenprocessierups in de eiken langs {de_straat}. Mijn kind heeft jeuk.",
        "Eikenprocessierups bij {de_plek}, vlakbij het pad waar kinderen lopen.",
    ],
    "dood-dier": [
        "Dode kat op de weg aan {de_straat}.",
        "Dode eend in het water bij {de_plek}.",
    ],
    "overig-overig": [
        "Ik weet niet waar ik dit moet melden: er staat al {periode} een bouwhek op de stoep "
        "aan {de_straat}.",
        "Er hangt een verdacht pakket aan het hek bij {de_straat}.",
        "Bewoners aan {de_straat} hebben een schutting op gemeentegrond gezet.",
    ],
}

# Texts for the patterns around places; {plek} is the school, park, market or nightlife area.
PATTERN_TEMPLATES: dict[str, list[str]] = {
    "school": [
        "Al weken staat er elke ochtend een auto op de stoep voor {plek}. Kinderen moeten de weg "
        "op om erlangs te komen.",
        "Ouders parkeren bij {plek} dubbel en op het zebrapad. Levensgevaarlijk om half 9.",
        "Elke middag bij het uitgaan van {plek} staat de hele {straat} vol, ook op de stoep en "
        "in de bocht.",
        "Bij {plek} wordt de kiss & ride gebruikt als parkeerplaats. Auto's blijven een kwartier "
        "staan met de motor aan.",
        "Wanneer komt er eens handhaving bij {plek}? Elke ochtend chaos, auto's op de stoep.",
        "Halen en brengen bij {plek}: auto's staan op het fietspad en de stoep aan {de_straat}.",
    ],
    "park": [
        "Weer overal hondenpoep in {de_plek}, vooral bij de ingang aan {de_straat}.",
        "Vanochtend met de kinderen door {de_plek}: op het grasveld lag de ene drol na de andere.",
        "In {de_plek} laten mensen hun hond poepen op het speelveld en lopen gewoon door.",
        "Hondenbezitters in {de_plek} ruimen niks op. Elke ochtend hetzelfde.",
    ],
    "nightlife": [
        "Harde muziek en geschreeuw in {de_plek}, het is nu 2 uur 's nachts.",
        "Bezoekers van de kroegen in {de_plek} schreeuwen en zingen op straat. Ik woon erboven en "
        "kan niet slapen.",
        "Elke vrijdag en zaterdag hetzelfde in {de_plek}: herrie tot diep in de nacht.",
        "Groep mannen maakt ruzie bij {de_straat}, na sluitingstijd van de kroegen.",
    ],
    "trend": [
        "Elke avond hangen er jongeren met scooters bij {de_plek}. Ze scheuren rondjes over het "
        "parkeerterrein.",
        "Sinds een paar weken racen er 's avonds scooters bij {de_plek}, ook over het fietspad.",
        "Scooters met opgevoerde uitlaten bij {de_plek}, tot laat in de avond. Heel veel lawaai.",
        "Weer een groep scooters bij {de_plek} aan {de_straat}. Dit is nieuw, vroeger was het hier "
        "rustig.",
    ],
    "market": [
        "Na de markt ligt het hele plein vol met afval, kratten en fruit.",
        "De marktkramen zijn weg maar de rommel ligt er nog. {straat} ligt vol plastic.",
        "Na de weekmarkt waait het afval {de_straat} in. Wie ruimt dit op?",
    ],
}

OPENERS = ["", "", "", "Hallo,\n", "Beste gemeente,\n", "Goedendag,\n", "Hoi, "]
EXTRAS = [
    "Dit is al de derde keer dat ik het meld.",
    "Er spelen hier veel kinderen.",
    "Graag actie!",
    "Kunnen jullie hier eens naar kijken?",
    "Het gebeurt bijna elke dag.",
    "Ik heb een foto gemaakt.",
    "Buren ergeren zich er ook aan.",
    "Vorige keer is er niks mee gedaan.",
    "Bedankt alvast.",
    "Het wordt steeds erger.",
]
OWN_OBSERVATION = [
    "Tijdens de ronde gezien bij {de_straat}: {kort}.",
    "Eigen waarneming, {straat}: {kort}.",
    "Surveillance {straat}: {kort}. Doorgezet.",
]


NEUTER_ENDINGS = ("veld", "erf", "pad", "park", "bos", "plein", "rium", "gebied")
NEUTER_STARTS = ("Station ", "Winkelcentrum ", "Uitgaansgebied ", "Park ", "Sportpark ")


def with_article(name: str) -> str:
    """'de Merelstraat', 'het Maïsveld', 'het Reigersbos' (from 'Het Reigersbos'), 'de Markt'."""
    name = name.split(" (")[0]
    first, _, rest = name.partition(" ")
    if first in ("De", "Het") and rest:
        return f"{first.lower()} {rest}"
    if name.startswith(NEUTER_STARTS) or name.lower().endswith(NEUTER_ENDINGS):
        return f"het {name}"
    return f"de {name}"


def short_form(text: str) -> str:
    """The first sentence, as people type it in an app."""
    for end in (". ", "! ", "? "):
        if end in text:
            return text.split(end, 1)[0] + end.strip()
    return text


def roughen(text: str, rng: random.Random) -> str:
    """Make a text look typed by a resident: now and then a slip, a capital or no full stop."""
    roll = rng.random()
    if roll < 0.07:
        words = text.split(" ")
        long_words = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        if long_words:
            i = long_words[rng.randrange(len(long_words))]
            w = words[i]
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            text = " ".join(words)
    elif roll < 0.11:
        text = text.replace(" wordt ", " word ").replace(" gebeurt", " gebeurd")
    elif roll < 0.14:
        text = text.replace("Levensgevaarlijk", "Levens gevaarlijk").replace("eens", "is")
    elif roll < 0.17:
        text = text.rstrip(".") + "!!"
    if rng.random() < 0.12:
        text = text[:1].lower() + text[1:]
    if rng.random() < 0.1:
        text = text.rstrip(".")
    return text


def report_text(
    rng: random.Random,
    *,
    slug: str,
    pattern: str | None,
    channel: str,
    street: str,
    place: str,
) -> str:
    """A resident's (or officer's) text for one report."""
    templates = PATTERN_TEMPLATES[pattern] if pattern else TEMPLATES[slug]
    slots = {
        "straat": street,
        "de_straat": with_article(street),
        "plek": place or street,
        "de_plek": with_article(place) if place else with_article(street),
        "voertuig": VEHICLES[rng.randrange(len(VEHICLES))],
        "periode": PERIODS[rng.randrange(len(PERIODS))],
        "moment": MOMENTS[rng.randrange(len(MOMENTS))],
    }
    core = templates[rng.randrange(len(templates))].format_map(slots)
    core = core[:1].upper() + core[1:]
    if channel == "own_observation":
        short = short_form(core).rstrip(".!?")
        template = OWN_OBSERVATION[rng.randrange(len(OWN_OBSERVATION))]
        return template.format_map({**slots, "kort": short[:1].lower() + short[1:]})
    if channel == "app" and rng.random() < 0.5:
        return roughen(short_form(core), rng)
    text = OPENERS[rng.randrange(len(OPENERS))] + core
    if rng.random() < 0.4:
        text += " " + EXTRAS[rng.randrange(len(EXTRAS))]
    if channel == "email":
        text = "Geachte heer/mevrouw,\n\n" + text + "\n\nMet vriendelijke groet"
    elif channel == "phone":
        text = "Melder belt: " + text
    return roughen(text, rng)


FIRST_NAMES = [
    "Anna", "Bram", "Daan", "Emma", "Fatima", "Gerrit", "Hatice", "Ingrid", "Jeroen", "Kees",
    "Lotte", "Mohamed", "Noor", "Olga", "Pieter", "Rachid", "Sanne", "Tim", "Ursula", "Vera",
    "Wim", "Yusuf", "Zoë", "Henk", "Marieke", "Sevda", "Joost", "Anouk", "Kevin", "Ria",
]  # fmt: skip
LAST_NAMES = [
    "Jansen", "de Boer", "Visser", "Smit", "Bakker", "Mulder", "Bos", "Meijer", "van Dijk",
    "Yılmaz", "Peters", "Hendriks", "El Amrani", "Kok", "de Wit", "Dekker", "van Leeuwen",
    "Vermeulen", "Brouwer", "Koster", "Postma", "Wijnands", "Hoekstra", "Öztürk", "Sedney",
]  # fmt: skip


def reporter(rng: random.Random, *, channel: str) -> dict | None:
    """A fictional reporter (name, e-mail at example.org, phone, consent), or None: anonymous."""
    if channel == "own_observation":
        return None
    anonymous = {"web": 0.22, "app": 0.3, "phone": 0.15, "email": 0.0}.get(channel, 0.1)
    if rng.random() < anonymous:
        return None
    first = FIRST_NAMES[rng.randrange(len(FIRST_NAMES))]
    last = LAST_NAMES[rng.randrange(len(LAST_NAMES))]
    plain = "".join(ch for ch in last.lower().replace("ı", "i") if ch.isalpha() and ch.isascii())
    email = f"{first.lower().replace('ë', 'e')}.{plain}{rng.randrange(1, 99)}@example.org"
    phone = f"0320-0{rng.randrange(10_000, 99_999)}"  # no subscriber number starts with 0
    if channel in ("phone", "desk"):
        email = email if rng.random() < 0.5 else ""
    else:
        phone = phone if rng.random() < 0.3 else ""
    return {
        "name": f"{first} {last}" if rng.random() < 0.85 else "",
        "email": email,
        "phone": phone,
        "may_contact": rng.random() < 0.8,
    }
