"""The demo's standard texts (standaardteksten) per status, general and for common categories.

Pure data: (status, category slug or None, title, subject, body). Variables between braces are
filled in when a text is used: {nummer}, {categorie}, {adres}, {wijk}, {termijn}, {link}.
"""

from __future__ import annotations

GREETING = "Beste melder,\n\n"
SIGNATURE = "\n\nMet vriendelijke groet,\nTeam Handhaving gemeente Waterdam"
SUBJECT = "Uw melding {nummer}"

_GENERAL = [
    (
        "new",
        "Ontvangstbevestiging",
        "Bedankt voor uw melding over {categorie} bij {adres}. We hebben hem ontvangen onder "
        "nummer {nummer}. U hoort uiterlijk {termijn} van ons. Via deze link kunt u uw melding "
        "volgen: {link}",
    ),
    (
        "accepted",
        "Melding in behandeling genomen",
        "We hebben uw melding over {categorie} bij {adres} in behandeling genomen. U hoort "
        "uiterlijk {termijn} van ons wat we ermee gedaan hebben.",
    ),
    (
        "planned",
        "Melding ingepland",
        "We hebben uw melding over {categorie} bij {adres} ingepland. Een collega gaat er "
        "binnenkort langs. Volg uw melding via {link}.",
    ),
    (
        "in_progress",
        "We zijn ermee bezig",
        "We zijn bezig met uw melding over {categorie} bij {adres}.",
    ),
    (
        "waiting_for_reporter",
        "Vraag over uw melding",
        "We hebben een vraag over uw melding over {categorie} bij {adres}. Wilt u die "
        "beantwoorden via {link}? Dan kunnen we verder.",
    ),
    (
        "forwarded",
        "Melding doorgestuurd",
        "Uw melding over {categorie} bij {adres} gaat over iets waar een andere organisatie over "
        "gaat. We hebben de melding aan hen doorgestuurd. Zij nemen het verder op.",
    ),
    (
        "done",
        "Melding afgehandeld",
        "We hebben uw melding over {categorie} bij {adres} afgehandeld. Bedankt dat u de moeite "
        "nam om het te melden. Ziet u het opnieuw? Doe dan een nieuwe melding.",
    ),
    (
        "cancelled",
        "Melding gesloten zonder actie",
        "We hebben uw melding over {categorie} bij {adres} gesloten. We hebben niets kunnen "
        "vinden, of de melding was al eerder gedaan. Is het probleem er nog? Doe dan een nieuwe "
        "melding met een foto.",
    ),
    (
        "reopened",
        "Melding heropend",
        "U liet ons weten dat het probleem bij {adres} nog niet is opgelost. We hebben uw "
        "melding {nummer} weer opengezet en kijken er opnieuw naar.",
    ),
]

_PER_CATEGORY = [
    (
        "done",
        "fout-parkeren",
        "Fout parkeren: gecontroleerd",
        "Onze handhavers hebben bij {adres} gecontroleerd. Waar nodig hebben we de bestuurder "
        "aangesproken of een bekeuring gegeven. We nemen de plek mee in onze rondes.",
    ),
    (
        "done",
        "parkeren-op-de-stoep",
        "Parkeren op de stoep: gecontroleerd",
        "Onze handhavers zijn bij {adres} geweest. Auto's op de stoep zijn een probleem voor "
        "mensen met een rollator, rolstoel of kinderwagen. We controleren hier de komende weken "
        "vaker, ook rond schooltijd.",
    ),
    (
        "done",
        "geluidsoverlast",
        "Geluidsoverlast: langs geweest",
        "Onze handhavers zijn na uw melding langs geweest bij {adres}. We hebben de "
        "veroorzakers aangesproken. Blijft de overlast terugkomen? Meld het dan opnieuw, zodat "
        "we een patroon kunnen zien.",
    ),
    (
        "done",
        "hondenpoep",
        "Hondenpoep: extra controle",
        "Bedankt voor uw melding over hondenpoep bij {adres}. We controleren hier de komende "
        "tijd extra in de ochtend en spreken hondenbezitters aan. Stadsbeheer maakt de plek "
        "schoon.",
    ),
    (
        "done",
        "zwerfafval",
        "Zwerfafval: opgeruimd",
        "Stadsbeheer heeft het zwerfafval bij {adres} opgeruimd. Bedankt voor het melden.",
    ),
    (
        "done",
        "afval-naast-container",
        "Afval naast container: opgehaald",
        "Het afval naast de container bij {adres} is opgehaald. Hebben we kunnen zien van wie "
        "het was, dan spreken onze handhavers die persoon aan.",
    ),
    (
        "done",
        "fietswrak",
        "Fietswrak: gelabeld",
        "We hebben de fiets bij {adres} gelabeld. Haalt de eigenaar hem niet binnen vier weken "
        "weg, dan nemen we hem mee naar het fietsdepot.",
    ),
    (
        "done",
        "straatverlichting",
        "Straatverlichting: gerepareerd",
        "De lantaarnpaal bij {adres} is gerepareerd. Bedankt voor het melden.",
    ),
    (
        "accepted",
        "geluidsoverlast",
        "Geluidsoverlast: we komen langs",
        "We hebben uw melding over geluidsoverlast bij {adres} ontvangen. Als er een ploeg in "
        "dienst is, gaat die zo snel mogelijk langs.",
    ),
]


def standard_texts() -> list[tuple[str, str | None, str, str, str]]:
    """(status, category slug or None, title, subject, body) of every demo standard text."""
    rows = [
        (status, None, title, SUBJECT, GREETING + body + SIGNATURE)
        for status, title, body in _GENERAL
    ]
    rows += [
        (status, slug, title, SUBJECT, GREETING + body + SIGNATURE)
        for status, slug, title, body in _PER_CATEGORY
    ]
    return rows
