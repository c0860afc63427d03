"""The English catalogue is complete: every Dutch UI string has a faithful English text."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from openhandhaving.core.choices import RoleCode
from openhandhaving.core.context_processors import navigation_for

PACKAGE_DIR = Path(__file__).resolve().parents[2]
CATALOGUE = PACKAGE_DIR / "locale/en/LC_MESSAGES/django.po"
HOW_TO_FIX = (
    "Run `cd src/openhandhaving && ../../.venv/bin/openhandhaving makemessages -l en "
    "--ignore=.venv --no-obsolete`, translate these in locale/en/LC_MESSAGES/django.po "
    "(and remove any '#, fuzzy' line), then run compilemessages."
)

# printf-style placeholders as Python's % operator reads them: %(name)s, %s, %.2f, %%.
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")
HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        context = f" (context {self.msgctxt!r})" if self.msgctxt is not None else ""
        return repr(self.msgid) + context

    def translations(self) -> list[tuple[str, str]]:
        """(source, translation) pairs: msgstr[0] goes with msgid, the others with the plural."""
        return [
            (self.msgid if index == 0 or self.msgid_plural is None else self.msgid_plural, text)
            for index, text in sorted(self.msgstr.items())
        ]


def _unquote(quoted: str) -> str:
    return quoted.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file (without the header); obsolete '#~' entries are left out."""
    entries: list[Entry] = []
    line_re = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+"(.*)"$')
    for block in re.split(r"\n\s*\n", text.strip()):
        entry, target = Entry(), None
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            elif match := line_re.match(line):
                keyword, index, value = match.groups()
                target = (keyword, int(index or 0))
                _append(entry, target, _unquote(value), start=True)
            elif line.startswith('"') and target:
                _append(entry, target, _unquote(line[1:-1]), start=False)
        if target and entry.msgid:
            entries.append(entry)
    return entries


def _append(entry: Entry, target: tuple[str, int], value: str, *, start: bool) -> None:
    keyword, index = target
    if keyword == "msgstr":
        entry.msgstr[index] = value if start else entry.msgstr[index] + value
    else:
        setattr(entry, keyword, value if start else getattr(entry, keyword) + value)


def placeholders(text: str) -> tuple[Counter, list[str]]:
    """Named placeholders (any order) and unnamed ones (in order), as Python fills them in."""
    found = PLACEHOLDER.findall(text)
    named = Counter(p for p in found if p.startswith("%("))
    return named, [p for p in found if not p.startswith("%(")]


def _report(problem: str, labels: list[str]) -> str:
    return f"{len(labels)} {problem}:\n  " + "\n  ".join(labels) + f"\n{HOW_TO_FIX}"


@pytest.fixture(scope="module")
def catalogue() -> list[Entry]:
    return parse_po(CATALOGUE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("dutch", "english", "same"),
    [
        ("Wijk %(name)s", "District %(name)s", True),
        ("%(a)s en %(b)s", "%(b)s and %(a)s", True),
        ("%(share)s %% van de kleinste", "%(share)s %% of the smaller one", True),
        ("rond %(lat).2f", "around %(lat).2f", True),
        ("Wijk %(name)s", "District %(naam)s", False),
        ("%(n)s wijken", "districts", False),
        ("%(share)s %%", "%(share)s percent", False),
        ("%s van %s", "%s of %s of %s", False),
    ],
)
def test_placeholder_comparison_reads_text_as_python_formats_it(dutch, english, same):
    assert (placeholders(dutch) == placeholders(english)) is same


def test_the_parser_reads_plurals_flags_and_wrapped_lines():
    entries = parse_po(
        '#, fuzzy, python-format\nmsgid ""\n"Lange "\n"zin"\nmsgstr "Long sentence"\n\n'
        'msgid "%(n)s wijk"\nmsgid_plural "%(n)s wijken"\nmsgstr[0] "%(n)s district"\n'
        'msgstr[1] ""\n\n#~ msgid "Oud"\n#~ msgstr "Old"\n'
    )
    assert [(e.msgid, e.msgid_plural, e.msgstr, "fuzzy" in e.flags) for e in entries] == [
        ("Lange zin", None, {0: "Long sentence"}, True),
        ("%(n)s wijk", "%(n)s wijken", {0: "%(n)s district", 1: ""}, False),
    ]


def test_the_catalogue_is_english_and_not_empty(catalogue):
    header = CATALOGUE.read_text(encoding="utf-8").split("\n\n", 1)[0]
    assert '"Language: en\\n"' in header
    assert "#, fuzzy" not in header
    assert len(catalogue) > 100


def test_every_entry_has_an_english_text(catalogue):
    untranslated = [e.label for e in catalogue if not all(e.msgstr.values())]
    assert not untranslated, _report("entries without an English text", untranslated)


def test_no_entry_is_marked_fuzzy(catalogue):
    fuzzy = [e.label for e in catalogue if "fuzzy" in e.flags]
    assert not fuzzy, _report("entries marked fuzzy (a guess by makemessages; check them)", fuzzy)


def test_translations_keep_the_placeholders_and_markup_of_the_dutch(catalogue):
    wrong = [
        f"{e.label} → {text!r}"
        for e in catalogue
        for source, text in e.translations()
        if text
        and (
            placeholders(source) != placeholders(text)
            or Counter(HTML_TAG.findall(source)) != Counter(HTML_TAG.findall(text))
        )
    ]
    assert not wrong, _report("translations whose placeholders or HTML tags differ", wrong)


def test_every_dutch_string_in_the_code_is_in_the_catalogue(catalogue, tmp_path, monkeypatch):
    """Extract the strings afresh from a copy of the code and compare with the catalogue."""
    copy = tmp_path / "openhandhaving"
    shutil.copytree(
        PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("static", "var", "__pycache__", "*.mo")
    )
    monkeypatch.chdir(copy)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])  # write into the copy
    call_command(
        "makemessages", locale=["en"], ignore_patterns=[".venv"], no_obsolete=True, verbosity=0
    )
    known = {(e.msgctxt, e.msgid) for e in catalogue}
    extracted = parse_po((copy / "locale/en/LC_MESSAGES/django.po").read_text(encoding="utf-8"))
    missing = [e.label for e in extracted if (e.msgctxt, e.msgid) not in known]
    assert not missing, _report("strings in the code that are not in the catalogue", missing)


MENU_LABEL = re.compile(r'class="oh-nav__link"[^>]*>([^<]*)</a>')
DUTCH_MENU_LABELS = {"Start", "Logboek", "Rooster", "Wie is verantwoordelijk?", "Afwezigheid"}
DUTCH_MENU_LABELS |= {"Wijken", "Wijkcontacten", "Gebruikers en rollen"}


@pytest.mark.parametrize("role", [code.value for code in RoleCode])
def test_every_menu_page_renders_in_english_with_an_english_menu(client, make_user, role):
    user = make_user(role)
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    urls = [reverse("core:start")] + [
        item["url"] for item in navigation_for(user) if not item["name"].startswith("admin:")
    ]
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert '<html lang="en"' in html, url
        assert ">Log out</button>" in html, url
        menu = MENU_LABEL.findall(html)
        assert "Home" in menu, url
        assert not DUTCH_MENU_LABELS.intersection(menu), (url, menu)
