"""Interface strings in English, French and Spanish through standard gettext catalogues.

The catalogues are the files a translator edits, `content/locale/<lang>/LC_MESSAGES/messages.po`,
extracted from the code and templates with Babel (`make messages`, configured in babel.cfg). They
are read with Babel at first use and compiled in memory, so a fresh clone needs no build step and
a corrected translation shows after a restart.

Domain code never imports Streamlit: it takes an explicit `language` and asks for a `Translator`.
Its strings are marked for extraction by the call names `_`, `gettext`, `ngettext`, `pgettext` and
`N_`, `NN_` or `NC_` (a constant translated where it is shown). Python 3.11 hides calls inside f-strings
from the extractor, so a marked string is never written inside one (a test checks). Placeholders
are named, `{name}` for `str.format` and `%(name)s` in templates, so a translator can reorder them;
a test checks that every translation keeps the placeholders of its source.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "fr", "es")
DEFAULT = "en"
NAMES = {"en": "English", "fr": "Français", "es": "Español"}  # each in its own language, for a switch
LOCALE_DIR = Path(__file__).resolve().parent.parent / "content" / "locale"
DOMAIN = "messages"
# Babel's locale for dates and numbers: British English writes "12 March 2026", as the reports always have.
BABEL_LOCALE = {"en": "en_GB", "fr": "fr", "es": "es"}


def N_(message: str) -> str:
    """Marks a constant for extraction; it is translated where it is shown."""
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a singular and plural pair for extraction; the count picks the form where it is shown
    (`assessment.said.say_count`)."""
    return singular, plural


def NC_(context: str, message: str) -> str:
    """Marks a constant whose English word has other meanings elsewhere ("Next" as a priority, not a
    button); it is translated with `Translator.pgettext(context, message)`."""
    return message


def language_of(value: str | None) -> str:
    """A supported language from a code such as "fr", "fr-CA" or "es_419"; English otherwise."""
    code = re.split(r"[-_]", (value or "").strip().lower(), maxsplit=1)[0]
    return code if code in LANGUAGES else DEFAULT


def negotiate(header: str | None) -> str | None:
    """The supported language a browser prefers, from its Accept-Language header, or None when it
    names none of them ("de-CH,de;q=0.9" leaves the choice to the workshop's default)."""
    ranked = []
    for position, part in enumerate((header or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        code = re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0]
        if code in LANGUAGES and quality > 0:
            ranked.append((-quality, position, code))
    return min(ranked)[2] if ranked else None


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> NullTranslations:
    """The compiled catalogue of a language (English is the source: no catalogue, no lookup)."""
    language = language_of(language)
    path = catalogue_path(language)
    if language == DEFAULT or not path.exists():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)  # a fuzzy (unchecked) translation is never shown
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class Translator:
    """Everything that says something in one language: messages, plurals, lists, ordinals, numbers, dates."""

    def __init__(self, language: str):
        self.language = language_of(language)
        self._t = translations(self.language)

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    def join(self, items: Iterable[str], word: str = N_("and")) -> str:
        """'a', 'a and b', 'a, b and c' (no serial comma); "et" in French; "y", or "e" before an
        /i/ sound, in Spanish. With `word="or"`: "a, b or c", "ou", and "o", or "u" before an /o/ sound."""
        items = [i for i in items if i]
        if len(items) <= 1:
            return "".join(items)
        last = self.gettext(word)
        if self.language == "es" and word == "and" and re.match(r"(?i)h?i(?![aeou])", items[-1]):
            last = "e"  # "diseño e implementación"
        if self.language == "es" and word == "or" and re.match(r"(?i)h?o", items[-1]):
            last = "u"  # "siete u ocho"
        return f"{', '.join(items[:-1])} {last} {items[-1]}"

    def semicolons(self, items: Iterable[str]) -> str:
        """Items that hold commas of their own, set apart by semicolons; French puts a narrow no-break
        space before one, as it does before ? and !"""
        return ("\u202f; " if self.language == "fr" else "; ").join(items)

    def colon(self, label: str) -> str:
        """A label and its colon ("Kinds of actor absent:"); French puts a no-break space before the colon,
        so that it never starts a line of its own."""
        return label + ("\u00a0:" if self.language == "fr" else ":")

    def ordinal(self, n: int) -> str:
        """1st, 2nd / 1er, 2e / 1, 2 (as Spanish writes a place: "el puesto 2")."""
        if self.language == "fr":
            return "1er" if n == 1 else f"{n}e"
        if self.language == "es":
            return str(n)  # "ocupa el puesto 2 de 14": Spanish says the place with a cardinal
        from assessment.grammar import ordinal

        return ordinal(n)

    def number(self, value: float, digits: int = 0) -> str:
        """A number as the language writes it: 0.25 / 0,25, and −0.28 with a true minus sign (the
        hyphen CLDR gives reads as a dash on a projector, beside the key's "−1")."""
        pattern = "0." + "0" * digits if digits else "0"
        return format_decimal(value, format=pattern, locale=BABEL_LOCALE[self.language]).replace("-", "\u2212")

    def date(self, day: date) -> str:
        """12 March 2026 / 12 mars 2026 / 12 de marzo de 2026."""
        return format_date(day, format="long", locale=BABEL_LOCALE[self.language])


@cache
def translator(language: str | None) -> Translator:
    return Translator(language_of(language))
