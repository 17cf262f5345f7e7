"""Messages made by code that does not know who will read them, said in every language at once.

The reader of answers files, the carrying-over of older answers and the check of each answer serve
the command line (English) and pages and reports in French or Spanish alike. What they say is a
`Translated`: a string that is its English text, so the command line, the JSON and every caller that
treats it as a string are unchanged, and that carries the same message in French and Spanish, so a
page or a report shows it with `text_in(message, language)`. Templates are catalogue entries, marked
with `N_` (or `NN_` for a singular and plural) where they are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from assessment.i18n import translator
from assessment.translation import LANGUAGES, Translated, text_in


def in_every_language(render: Callable[[str], str]) -> Translated:
    """A text rendered once per language, read as its English."""
    texts = {language: render(language) for language in LANGUAGES}
    return Translated(texts["en"], texts)


def _filled(template: str, values: dict[str, Any], language: str) -> str:
    return template.format(**{key: text_in(value, language) if isinstance(value, str) else value
                              for key, value in values.items()})


def say(template: str, **values: Any) -> Translated:
    """A catalogue template filled with `values`; a value that is itself a `Translated` is filled in
    each language with its own text there, anything else as it is (ids, numbers, quoted input)."""
    return in_every_language(lambda language: _filled(translator(language).gettext(template), values, language))


def say_count(forms: tuple[str, str], n: int, **values: Any) -> Translated:
    """As `say`, with the singular or plural form (and `{n}`) that the count takes in each language."""
    singular, plural = forms
    return in_every_language(lambda language: _filled(translator(language).ngettext(singular, plural, n),
                                                      {"n": n, **values}, language))


def say_list(parts: Iterable[Translated], end: str = "") -> Translated:
    """Parts joined as each language joins a list ("a, b and c" / "a, b et c") into a sentence: the first
    letter capitalised, `end` after the last."""
    parts = list(parts)

    def joined(language: str) -> str:
        text = translator(language).join(text_in(part, language) for part in parts)
        return text[:1].upper() + text[1:] + end

    return in_every_language(joined)


def say_together(*parts: str) -> Translated:
    """Sentences one after another, each in the same language."""
    return in_every_language(lambda language: " ".join(text for text in (text_in(p, language) for p in parts) if text))
