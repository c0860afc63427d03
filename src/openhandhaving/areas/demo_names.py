"""Names for the fictional demo town: wijken, buurten, street themes, schools, parks (pure data)."""

from __future__ import annotations

import random
from dataclasses import dataclass

TOWN_NAME = "Waterdam"
# CBS gemeentecodes stop far below 9999: this code can never clash with a real municipality.
MUNICIPALITY_CODE = "9999"

CENTRUM = "Centrum"
OUDE_HAVEN = "Oude Haven"
DE_AKKERS = "De Akkers"
OTHER_WIJKEN = ("Molenwijk", "Lindenhof", "Vogelwijk", "Schilderswijk", "Bloemhof")

BUURT_NAMES = {
    CENTRUM: ["Binnenstad", "Kerkbuurt", "Marktkwartier", "Stationskwartier", "Vestingwal",
              "Gasthuisbuurt", "Poortbuurt", "Raadhuiskwartier"],
    OUDE_HAVEN: ["Havenkwartier", "Werfkade", "Kaaibuurt", "Dijkzicht", "Sluisbuurt",
                 "Scheepmakersbuurt", "Veerstoep", "Zeilmakershof"],
    "Molenwijk": ["Molenhoek", "De Korenmolen", "Ambachtsbuurt", "Molenakker", "Molenvliet",
                  "De Zaagmolen", "Oliemolenhof", "Smidsbuurt"],
    "Lindenhof": ["Lindenhof-Noord", "Lindenhof-Zuid", "Eikenhorst", "Beukenrode",
                  "Kastanjehof", "Het Bos", "Wilgenrijk", "Berkenhage"],
    "Vogelwijk": ["Vogelzang", "Merelhof", "Reigersbos", "Zwaluwhoek", "Kievitsveld",
                  "De Nachtegaal", "Spechtenbos", "Uilenpoel"],
    "Schilderswijk": ["Rembrandtkwartier", "Vermeerbuurt", "Halsbuurt", "Paletbuurt",
                      "Kunstenaarshof", "Het Atelier", "Breitnerbuurt", "Mesdaghof"],
    "Bloemhof": ["Bloemhof-Oost", "Bloemhof-West", "Tuindorp", "Rozenhof", "Tulpenveld",
                 "De Kwekerij", "Lelieveld", "Seringenhof"],
    DE_AKKERS: ["Akkerveld", "Korenakker", "Hoge Akker", "De Boomgaard", "Weidezicht",
                "Polderrand", "Het Erf", "Lage Akker"],
}  # fmt: skip

WIJK_DESCRIPTIONS = {
    CENTRUM: "Historische binnenstad met winkelstraten, de weekmarkt, horeca en het station.",
    OUDE_HAVEN: "Oude havenwijk langs de Vaart, met kades en nieuwe appartementen.",
    "Molenwijk": "Vooroorlogse arbeiderswijk rond de oude korenmolen.",
    "Lindenhof": "Groene wijk uit de jaren dertig met lanen vol bomen.",
    "Vogelwijk": "Gezinswijk uit de jaren zeventig met hofjes en speelveldjes.",
    "Schilderswijk": "Naoorlogse wijk met portiekflats en een winkelcentrum.",
    "Bloemhof": "Tuindorp met rijtjeshuizen, scholen en volkstuinen.",
    DE_AKKERS: "Nieuwbouwwijk aan de rand van de stad, met veel jonge gezinnen.",
}


@dataclass(frozen=True)
class StreetTheme:
    """Street names of a wijk: name stems and suffixes for long, middle and short streets."""

    stems: tuple[str, ...]
    long: tuple[str, ...]
    middle: tuple[str, ...]
    short: tuple[str, ...]
    prefixes: tuple[str, ...] = ("Korte ", "Lange ", "Nieuwe ", "Oude ")


STREET_THEMES = {
    CENTRUM: StreetTheme(
        stems=("Kerk", "Molen", "Toren", "Gasthuis", "Klooster", "Begijnen", "Poort", "Raadhuis",
               "Boter", "Vis", "Kaas", "Koren", "Brouwers", "Vleeshouwers", "Lombard", "School",
               "Wal", "Bleek", "Munt", "Tol", "Waag", "Hout", "Haring", "Brug", "Hoog", "Achter",
               "Voor", "Zand", "Kapel", "Smeden"),
        long=("straat", "gracht"),
        middle=("straat",),
        short=("steeg", "plein", "hof"),
    ),
    OUDE_HAVEN: StreetTheme(
        stems=("Schoener", "Kotter", "Fregat", "Galjoen", "Botter", "Tjalk", "Klipper", "Bark",
               "Brik", "Schouw", "Aak", "Praam", "Sloep", "Anker", "Roer", "Mast", "Kompas",
               "Zeil", "Boei", "Baken", "Loods", "Sluis", "Werf", "Dok", "Steiger", "Touw",
               "Kabel", "Lichter", "Veer", "Haven"),
        long=("kade", "weg"),
        middle=("straat", "kade"),
        short=("hof", "pad", "steiger"),
    ),
    "Molenwijk": StreetTheme(
        stems=("Bakker", "Smids", "Kuiper", "Molenaar", "Wevers", "Touwslagers", "Schoenmakers",
               "Kleermakers", "Timmermans", "Metselaars", "Zadelmakers", "Mandenmakers",
               "Pottenbakkers", "Klompenmakers", "Leerlooiers", "Zeepzieders", "Lijndraaiers",
               "Kaarsenmakers", "Brouwers", "Slagers", "Verwers", "Glazenmakers", "Hoefsmeden",
               "Koperslagers", "Tinnegieters", "Stoelenmatters", "Blekers", "Turfstekers",
               "Rietdekkers", "Wagenmakers"),
        long=("weg", "laan"),
        middle=("straat",),
        short=("hof", "erf", "gang"),
    ),
    "Lindenhof": StreetTheme(
        stems=("Linden", "Eiken", "Beuken", "Kastanje", "Esdoorn", "Berken", "Populieren",
               "Wilgen", "Elzen", "Platanen", "Iepen", "Acacia", "Hazelaar", "Meidoorn", "Vlier",
               "Lijsterbes", "Taxus", "Hulst", "Walnoot", "Ceder", "Sparren", "Dennen", "Lariks",
               "Essen", "Magnolia", "Seringen", "Notelaar", "Haagbeuk", "Moerbei", "Tamarisk"),
        long=("laan", "singel"),
        middle=("straat", "laan"),
        short=("hof", "plantsoen", "pad"),
    ),
    "Vogelwijk": StreetTheme(
        stems=("Merel", "Lijster", "Vinken", "Mezen", "Spreeuwen", "Roodborst", "Kwikstaart",
               "Zwaluw", "Spechten", "Reiger", "Kievit", "Grutto", "Wielewaal", "Nachtegaal",
               "Leeuwerik", "Buizerd", "Valken", "Uilen", "Ekster", "Koekoek", "Boomklever",
               "Putter", "Sijs", "Goudvink", "IJsvogel", "Havik", "Zwanen", "Fuut", "Meerkoet",
               "Patrijs", "Wulp", "Tureluur"),
        long=("laan", "weg"),
        middle=("straat",),
        short=("hof", "nest", "pad"),
    ),
    "Schilderswijk": StreetTheme(
        stems=("Rembrandt", "Vermeer", "Frans Hals", "Jan Steen", "Van Gogh", "Mondriaan",
               "Breitner", "Israëls", "Mesdag", "Jongkind", "Van Ruisdael", "Hobbema", "Ter Borch",
               "Van Goyen", "Pieter de Hooch", "Escher", "Toorop", "Weissenbruch", "Mauve",
               "Maris", "Sluijters", "Witsen", "Avercamp", "Paulus Potter", "Cuyp", "Gerard Dou",
               "Metsu", "Judith Leyster", "Rachel Ruysch", "Van Ostade"),
        long=("laan", "singel"),
        middle=("straat",),
        short=("hof", "plein"),
        prefixes=("",),
    ),
    "Bloemhof": StreetTheme(
        stems=("Tulp", "Rozen", "Narcissen", "Krokus", "Lelie", "Anjer", "Iris", "Dahlia",
               "Hyacinten", "Viooltjes", "Zonnebloem", "Goudsbloem", "Klaproos", "Korenbloem",
               "Margriet", "Lavendel", "Begonia", "Geranium", "Primula", "Sneeuwklokjes",
               "Pioen", "Aster", "Jasmijn", "Azalea", "Hortensia", "Fresia", "Gerbera", "Akelei",
               "Kamille", "Boterbloem"),
        long=("laan", "weg"),
        middle=("straat",),
        short=("hof", "perk", "pad"),
    ),
    DE_AKKERS: StreetTheme(
        stems=("Tarwe", "Gerst", "Haver", "Rogge", "Vlas", "Koolzaad", "Spelt", "Boekweit",
               "Klaver", "Luzerne", "Hennep", "Mosterd", "Erwten", "Bonen", "Koren", "Aardappel",
               "Bieten", "Kool", "Maïs", "Gras", "Hooi", "Oogst", "Zaai", "Ploeg", "Eg", "Schoof",
               "Dors", "Zeis", "Sikkel", "Hark"),
        long=("akker", "dreef"),
        middle=("akker", "veld"),
        short=("erf", "hof"),
        prefixes=("Hoge ", "Lage ", "Grote ", "Kleine "),
    ),
}  # fmt: skip

PRIMARY_SCHOOLS = [
    "Basisschool De Regenboog", "OBS De Wilgen", "CBS De Fontein", "Montessorischool Waterdam",
    "Daltonschool De Zonnewijzer", "RK Basisschool Sint-Jozef", "Jenaplanschool De Boomgaard",
    "Basisschool Het Palet", "OBS De Klimop", "CBS De Ark", "Basisschool De Vlinder",
    "IKC De Horizon", "OBS Het Kompas", "Vrije School Waterdam", "Basisschool De Sterrenkijker",
    "CBS Het Mosterdzaadje",
]  # fmt: skip
SECONDARY_SCHOOLS = ["Waterdam College", "Stedelijk Lyceum Waterdam", "Vakcollege De Vaart"]

PARK_NAMES = {
    OUDE_HAVEN: "Havenpark",
    "Molenwijk": "Molenpark",
    "Lindenhof": "Lindenpark",
    "Vogelwijk": "Het Reigersbos",
    "Schilderswijk": "Ateliertuin",
    "Bloemhof": "Rosarium",
    DE_AKKERS: "Park Weidezicht",
}
# The streets that start at the market square: the town's shopping streets.
MAIN_STREETS = ("Hoogstraat", "Marktstraat", "Lange Nieuwstraat", "Gasthuisstraat")
CITY_PARK = "Stadspark"
SPORTS_PARK_NAMES = ["Sportpark De Vliet", "Sportpark Het Hoge Land", "Sportpark De Weide"]
NIGHTLIFE_NAME = "Uitgaansgebied Binnenstad"
MARKET_NAME = "Markt (weekmarkt)"
STATION_NAME = f"Station {TOWN_NAME}"
RIVER_NAME = "De Vaart"

# Letters of PC6 postcodes: PostNL skips F, I, O, Q, U and Y, and the pairs SA, SD and SS.
POSTCODE_LETTERS = "ABCDEGHJKLMNPRSTVWXZ"
POSTCODE_SKIPPED_PAIRS = {"SA", "SD", "SS"}


def postcode_letter_pairs() -> list[str]:
    """Every two-letter suffix of a PC6 postcode, in order: AA, AB, ..., ZZ."""
    return [
        a + b
        for a in POSTCODE_LETTERS
        for b in POSTCODE_LETTERS
        if a + b not in POSTCODE_SKIPPED_PAIRS
    ]


class StreetNamer:
    """Hands out unique street names per wijk theme: long streets become a laan, short a hof."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.stems: dict[str, list[str]] = {}

    def main_street(self) -> str | None:
        """The next free name of a shopping street from the market square, if any is left."""
        for name in MAIN_STREETS:
            if name not in self.used:
                self.used.add(name)
                return name
        return None

    def name(self, wijk: str, length_m: float) -> str:
        theme = STREET_THEMES[wijk]
        if length_m > 650:
            suffixes = theme.long
        elif length_m > 250:
            suffixes = theme.middle
        else:
            suffixes = theme.short
        stems = self.stems.setdefault(wijk, self.rng.sample(theme.stems, len(theme.stems)))
        forms = [(stem, stem + suffix) for stem in stems for suffix in suffixes]
        forms += [(stem, p + stem + s) for p in theme.prefixes for stem in stems for s in suffixes]
        for stem, candidate in forms:
            if candidate not in self.used:
                # The stem just used goes to the back of the line: variety before "Korte ...".
                stems.remove(stem)
                stems.append(stem)
                self.used.add(candidate)
                return candidate
        number = 2
        while f"{forms[0][1]} {number}" in self.used:
            number += 1
        self.used.add(f"{forms[0][1]} {number}")
        return f"{forms[0][1]} {number}"
