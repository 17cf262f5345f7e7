"""Texts in several languages: a Translated string reads as English and gives any language on request."""

import pickle

import pytest
from pydantic import BaseModel

from assessment.errors import AssessmentError, Code
from assessment.recommend import load_rules
from assessment.translation import Translated, TranslatedText, missing_translations, text_in


class Doc(BaseModel):
    title: TranslatedText
    labels: dict[str, TranslatedText] = {}


def test_a_map_reads_as_its_english_and_gives_each_language():
    doc = Doc.model_validate({"title": {"en": "Stakeholder map", "fr": "Cartographie", "es": "Mapa de actores"}})
    assert doc.title == "Stakeholder map" and f"{doc.title}!" == "Stakeholder map!"
    assert doc.title.lower() == "stakeholder map"
    assert (text_in(doc.title), text_in(doc.title, "fr"), text_in(doc.title, "es")) == (
        "Stakeholder map", "Cartographie", "Mapa de actores")
    assert type(text_in(doc.title, "fr")) is str


def test_a_missing_or_empty_language_falls_back_to_english():
    doc = Doc.model_validate({"title": {"en": "Title", "fr": ""}})
    assert text_in(doc.title, "fr") == text_in(doc.title, "de") == "Title"
    assert missing_translations(doc) == [("title", "fr"), ("title", "es")]


def test_a_plain_string_is_english_only():
    doc = Doc.model_validate({"title": "Just English", "labels": {"a": "A", "b": {"en": "B", "fr": "B fr"}}})
    assert text_in(doc.title, "fr") == "Just English"
    assert missing_translations(doc, ["en", "fr"]) == [("title", "fr"), ("labels.a", "fr")]
    assert doc.model_dump() == {"title": "Just English", "labels": {"a": "A", "b": {"en": "B", "fr": "B fr"}}}


@pytest.mark.parametrize("bad", [{"fr": "Sans anglais"}, {"en": "  "}, {"Choose the form": "that fits"}, 3])
def test_a_map_without_english_or_a_non_text_is_refused(bad):
    with pytest.raises(ValueError):
        Doc.model_validate({"title": bad})


def test_translations_survive_pickling_and_copying():
    text = Translated("Yes", {"fr": "Oui", "es": "Sí"})
    again = pickle.loads(pickle.dumps(text))
    assert again == "Yes" and text_in(again, "es") == "Sí" and hash(again) == hash("Yes")


def test_text_in_still_reads_the_raw_forms():
    assert text_in("Plain", "fr") == "Plain"
    assert text_in({"en": "E", "fr": "F"}, "fr") == "F" and text_in({"en": "E"}, "es") == "E"
    assert text_in({"fr": "Seulement"}, "en") == "Seulement"


def test_a_rule_text_that_yaml_read_as_a_map_is_refused_with_its_field(tmp_path):
    (tmp_path / "r.yaml").write_text("""
- id: r
  title: T
  dimension: trust
  priority: 1
  themes: [trust]
  when: [{dimension: trust, below: 40}]
  why: W
  steps:
    - Choose the form that fits: an independent monitor.
    - Second step.
  chapter: room-for-dissent
  question: Q?
""")
    with pytest.raises(AssessmentError) as caught:
        load_rules(tmp_path)
    assert (caught.value.code, caught.value.item, caught.value.field) == (Code.SCHEMA, "r", "steps.0")
