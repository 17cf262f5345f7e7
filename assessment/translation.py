"""Texts in several languages, and the one accessor that reads them: `text_in(text, language)`.

A human text in content is written either as a plain string (English) or as a map of language to
text (`{en: ..., fr: ..., es: ...}`). Instruments keep that raw form (`Text`); the other content
files (stages, dimensions, themes, stakeholder-map labels, recommendation rules) load each text as
a `Translated`: a string that *is* its English text, so every caller that reads `stage.title` or
formats `labels.sectors[s]` keeps working in English, and that carries its translations, so
`text_in(stage.title, "fr")` gives the French. Either form goes through `text_in`, which falls
back to English when a language is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BaseModel, PlainSerializer, PlainValidator

LANGUAGES = ("en", "fr", "es")  # every language the content is written in: a test checks each text has all
Text = str | dict[str, str]


class Translated(str):
    """An English text that carries its translations: reads as English wherever a string is expected."""

    translations: dict[str, str]

    def __new__(cls, english: str, translations: dict[str, str] | None = None) -> Translated:
        text = super().__new__(cls, english)
        text.translations = {"en": english, **(translations or {})}
        return text

    @classmethod
    def parse(cls, value: Any) -> Translated:
        """From a file: a plain string (English only) or a map of language to text that includes `en`."""
        if isinstance(value, Translated):
            return value
        if isinstance(value, str):
            return cls(value)
        if isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            if not (value.get("en") or "").strip():
                raise ValueError("a text given in several languages needs its English text under 'en'")
            return cls(value["en"], value)
        raise ValueError("expected a text: a string, or a map of language to text such as {en: ..., fr: ...}")

    def as_data(self) -> Text:
        """Back to the file's form: a plain string when there is only English."""
        return str(self) if set(self.translations) == {"en"} else dict(self.translations)


TranslatedText = Annotated[Translated, PlainValidator(Translated.parse), PlainSerializer(Translated.as_data)]


def text_in(text: Text | Translated, language: str = "en") -> str:
    """The text in a language, falling back to English, then to any language given."""
    if isinstance(text, Translated):
        return text.translations.get(language) or str(text)
    if isinstance(text, str):
        return text
    return text.get(language) or text.get("en") or next(iter(text.values()), "")


def translated_texts(value: Any, where: str = "") -> Iterator[tuple[str, Translated]]:
    """Every `Translated` inside a loaded content object (models, lists, maps), with where it lives."""
    if isinstance(value, Translated):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from translated_texts(getattr(value, name), f"{where}.{name}" if where else name)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from translated_texts(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from translated_texts(item, f"{where}.{index}" if where else str(index))


def missing_translations(value: Any, languages: tuple[str, ...] | list[str] = LANGUAGES,
                         where: str = "") -> list[tuple[str, str]]:
    """(field, language) for every text inside `value` that lacks one of the languages or leaves it empty."""
    return [(field, language) for field, text in translated_texts(value, where)
            for language in languages if not (text.translations.get(language) or "").strip()]
