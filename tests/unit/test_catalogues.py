"""The interface catalogues (content/locale): complete in French and Spanish, up to date with the
code and templates, faithful to every placeholder and tag, and actually used at run time."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from assessment.i18n import LANGUAGES, catalogue_path, negotiate, translator
from tests.conftest import ROOT

TRANSLATED = [language for language in LANGUAGES if language != "en"]
# The same keywords as `make messages`: Babel's defaults, N_, NN_ (singular, plural) and NC_ (context first).
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "NN_": (1, 2), "NC_": ((1, "c"), 2)}
SOURCE_DIRS = ("participant", "workshop", "assessment", "pages", "ui")


def catalogue(language: str):
    with catalogue_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def extracted() -> set[tuple[str | tuple[str, str], str | None]]:
    """(msgid, context) of every marked string, found as `make messages` finds them."""
    with (ROOT / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    found = set()
    for _filename, _line, message, _comments, context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS):
        found.add((message if isinstance(message, str) else tuple(message[:2]), context))
    return found


def ids(language: str) -> set[tuple[str | tuple[str, str], str | None]]:
    return {(m.id, m.context) for m in catalogue(language) if m.id}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated(language):
    """No empty, partial or unchecked (fuzzy) translation: each would show English on the page."""
    untranslated = []
    for message in catalogue(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(s.strip() for s in strings):
            untranslated.append(message.id)
    assert not untranslated, f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_plural_messages_give_every_form_the_language_needs(language):
    cat = catalogue(language)
    for message in cat:
        if message.pluralizable:
            assert len(message.string) == cat.num_plurals, message.id


def test_catalogues_are_up_to_date_with_the_code():
    """Extraction finds nothing the catalogues lack, and they hold nothing the code no longer says:
    run `make messages` and translate the new entries when this fails."""
    in_code = extracted()
    assert len(in_code) > 300  # the extractor found the participant path, the pages and the engine
    for language in TRANSLATED:
        in_catalogue = ids(language)
        missing, stale = in_code - in_catalogue, in_catalogue - in_code
        assert not missing, f"{language}: not in the catalogue yet: {sorted(map(str, missing))[:5]}"
        assert not stale, f"{language}: no longer in the code: {sorted(map(str, stale))[:5]}"


PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s|%%")
TAG = re.compile(r"</?[a-z]+[^>]*>")


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_tags(language):
    """A lost {name} raises at run time; a lost %% breaks a template; a changed tag breaks the page."""
    for message in catalogue(language):
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for form, text in enumerate(strings):  # the first form answers the singular, the others the plural
            source = sources[min(form, len(sources) - 1)]
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (message.id, text)
            assert TAG.findall(text) == TAG.findall(source), (message.id, text)


def test_no_marked_string_hides_inside_an_f_string():
    """Python 3.11's tokenizer keeps f-strings whole, so `f"{_('Results')}"` is never extracted and
    would stay English."""
    hidden = []
    for folder in SOURCE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
            for token in tokens:
                if (token.type == tokenize.STRING and re.match(r"(?i)[rb]*f", token.string)
                        and re.search(r"\b(_|gettext|ngettext|pgettext)\(\s*['\"]", token.string)):
                    hidden.append(f"{path.relative_to(ROOT)}:{token.start[0]}")
    assert not hidden, hidden


def test_french_typography_uses_non_breaking_spaces():
    """« guillemets » and the space before : ; ? ! never break onto a new line."""
    for message in catalogue("fr"):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert not re.search(r" [:;?!»]|« ", text), text


def test_the_catalogues_are_read_at_run_time_without_a_build_step():
    assert translator("fr").gettext("Join a workshop") == "Rejoindre un atelier"
    assert translator("es").gettext("Join a workshop") == "Unirse a un taller"
    assert translator("en").gettext("Join a workshop") == "Join a workshop"
    assert translator("fr").pgettext("priority", "Next") == "Ensuite"  # not the button's "Suivant"
    assert translator("fr").gettext("Next") == "Suivant"
    assert translator("es").ngettext("{n} point", "{n} points", 1).format(n=1) == "1 punto"
    assert translator("fr").ngettext("{n} point", "{n} points", 2).format(n=2) == "2 points"
    assert not list(Path(catalogue_path("fr")).parent.glob("*.mo"))  # nothing compiled is committed


@pytest.mark.parametrize(("header", "expected"), [
    ("fr-FR,fr;q=0.9,en;q=0.8", "fr"), ("es-419,es;q=0.9", "es"), ("en-GB", "en"),
    ("de-CH,de;q=0.9,es;q=0.4,en;q=0.6", "en"), ("de-CH,de;q=0.9", None), ("", None), ("fr;q=0", None),
    ("pt-BR, es;q=0.5", "es")])
def test_the_phones_language_comes_from_accept_language(header, expected):
    assert negotiate(header) == expected


def test_lists_ordinals_numbers_and_dates_follow_the_language():
    from datetime import date

    assert translator("en").join(["a", "b", "c"]) == "a, b and c"
    assert translator("fr").join(["a", "b"]) == "a et b"
    assert translator("fr").join(["a", "b", "c"], "or") == "a, b ou c"
    assert translator("es").join(["siete", "ocho"], "or") == "siete u ocho"
    assert translator("es").join(["uno", "dos"], "or") == "uno o dos"
    assert translator("es").join(["diseño", "implementación"]) == "diseño e implementación"
    assert translator("es").join(["diseño", "hielo"]) == "diseño y hielo"  # "hie" sounds /je/, not /i/
    assert [translator(lang).ordinal(2) for lang in LANGUAGES] == ["2nd", "2e", "2"]
    assert translator("fr").number(0.256, 2) == "0,26" and translator("en").number(0.256, 2) == "0.26"
    assert translator("en").number(-0.28, 2) == "\u22120.28" and translator("es").number(-0.5, 1) == "\u22120,5"
    assert translator("es").date(date(2026, 3, 12)) == "12 de marzo de 2026"
    assert translator("en").date(date(2026, 3, 12)) == "12 March 2026"


def test_the_french_catalogue_follows_the_typography_of_the_content():
    """The interface sits beside the questions and advice on one page, so it is set the same way:
    typographic apostrophes, a no-break space before : and inside « », a narrow one before ? ! ;"""
    for message in (m for m in catalogue("fr") if m.id):  # the header is metadata, not text
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in filter(None, strings):
            bare = PLACEHOLDER.sub("", TAG.sub("", text))
            assert "'" not in bare, text
            assert not re.search(r"(?<![\u00a0\u202f]):(?!//)", bare), text
            assert not re.search(r"(?<![\u202f\u00a0])[?!;]", bare), text
            assert "« " not in bare and " »" not in bare, text
