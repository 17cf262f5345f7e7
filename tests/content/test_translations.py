"""Every questionnaire, rule file and label file is complete in French and Spanish, written with each
language's typography, and uses the terms of content/translation-glossary.yaml."""

import re
from pathlib import Path

import pytest
import yaml

from assessment.loader import INSTRUMENT_DIR, known_dimensions, load_instruments, parse_instrument, read_yaml
from assessment.recommend import RULE_DIR, Rule, load_themes
from assessment.representation import MapLabels, load_labels
from assessment.stage import load_stage_model
from assessment.translation import LANGUAGES, Translated, missing_translations, text_in, translated_texts
from handbook.loader import load_dimensions
from tests.conftest import ROOT

CONTENT = ROOT / "content"
RULE_FILES = sorted(RULE_DIR.glob("*.yaml"))
INSTRUMENT_FILES = sorted(p for p in INSTRUMENT_DIR.glob("*.yaml") if p.stem != "stakeholder-map")


def rules_of(path: Path) -> list[Rule]:
    return [Rule.model_validate(raw) for raw in read_yaml(path)]


def label_files():
    """(name, loaded object) for every content file of labels that is not a questionnaire or a rule."""
    return [("stakeholder-map.yaml", load_labels()), ("stages.yaml", load_stage_model()),
            ("dimensions.yaml", load_dimensions(CONTENT / "dimensions.yaml")), ("themes.yaml", load_themes())]


def every_text():
    """(where, Translated) for every text of every translated content file."""
    for path in INSTRUMENT_FILES:
        yield from ((f"{path.name}: {w}", t) for w, t in translated_texts(parse_instrument(
            path, read_yaml(path), known_dimensions())))
    for path in RULE_FILES:
        yield from ((f"{path.name}: {w}", t) for w, t in translated_texts(rules_of(path)))
    for name, loaded in label_files():
        yield from ((f"{name}: {w}", t) for w, t in translated_texts(loaded))


TEXTS = list(every_text())


@pytest.mark.parametrize("path", INSTRUMENT_FILES, ids=lambda p: p.name)
def test_every_questionnaire_declares_and_completes_every_language(path):
    instrument = parse_instrument(path, read_yaml(path), known_dimensions())
    assert set(LANGUAGES) <= set(instrument.languages)
    texts = dict(translated_texts(instrument))
    assert len(texts) > 50 and {"title", "description"} <= set(texts)
    assert missing_translations(instrument) == []


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_every_rule_file_is_complete_in_every_language(path):
    rules = rules_of(path)
    assert missing_translations(rules) == []
    for rule in rules:  # title, why, every step and the question
        assert len(list(translated_texts(rule))) == 3 + len(rule.steps), rule.id


@pytest.mark.parametrize(("name", "loaded"), label_files(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_label_file_is_complete_in_every_language(name, loaded):
    assert list(translated_texts(loaded)), name
    assert missing_translations(loaded) == [], name


def test_no_text_names_a_language_the_content_is_not_written_in():
    assert not [(where, sorted(set(t.translations) - set(LANGUAGES))) for where, t in TEXTS
                if set(t.translations) - set(LANGUAGES)]


def test_a_missing_translation_is_found_and_named():
    rule = yaml.safe_load(RULE_FILES[0].read_text())[0]
    rule["why"] = {"en": "English only", "fr": " "}
    assert missing_translations([Rule.model_validate(rule)]) == [("0.why", "fr"), ("0.why", "es")]


def test_questions_read_as_questions_in_every_language():
    for path in RULE_FILES:
        for rule in rules_of(path):
            assert all(text_in(rule.question, lang).endswith("?") for lang in LANGUAGES), rule.id
            assert "¿" in text_in(rule.question, "es"), rule.id


def test_spanish_opens_every_question_and_exclamation():
    for where, text in TEXTS:
        spanish = text.translations["es"]
        for sentence in re.split(r"(?<=[.?!])\s+", spanish):
            assert ("?" not in sentence or "¿" in sentence) and ("!" not in sentence or "¡" in sentence), where


def test_french_typography():
    """No-break spaces before ? ! ; : and inside « », typographic apostrophes."""
    for where, text in TEXTS:
        french = text.translations["fr"]
        assert not re.search(r"(?<!\u202f)[?!;]", french), (where, french)
        assert not re.search(r"(?<!\u00a0):", french), (where, french)
        assert "'" not in french and "« " not in french and " »" not in french, (where, french)


GLOSSARY = yaml.safe_load((CONTENT / "translation-glossary.yaml").read_text(encoding="utf-8"))


def test_the_glossary_gives_every_term_in_every_language():
    assert len(GLOSSARY) >= 40
    for entry in GLOSSARY:
        assert set(entry) <= {"en", "fr", "es", "note", "avoid"}, entry
        assert all(str(entry[lang]).strip() for lang in LANGUAGES), entry
        assert set(entry.get("avoid", {})) <= {"fr", "es"}, entry


@pytest.mark.parametrize("lang", ["fr", "es"])
def test_the_content_never_uses_a_form_the_glossary_avoids(lang):
    avoided = [(form, entry["en"]) for entry in GLOSSARY for form in entry.get("avoid", {}).get(lang, [])]
    assert avoided
    found = [(where, form, term) for where, text in TEXTS for form, term in avoided
             if re.search(rf"\b{re.escape(form)}\b", text.translations[lang], re.IGNORECASE)]
    assert found == []


def test_the_glossary_choices_are_the_ones_the_content_uses():
    """The scale labels and the map's names come straight from the glossary."""
    full = load_instruments()["full-diagnostic"]
    rows = {e["en"].split(" / ")[0]: e for e in GLOSSARY if " / " in e["en"]}
    for scale, first in (("agree5", "Strongly disagree"), ("yes3", "No"), ("progress3", "Not started")):
        for lang in LANGUAGES:
            labels = [text_in(label, lang) for label in full.scales[scale].choices.values()]
            assert labels == rows[first][lang].replace("'", "\u2019").split(" / "), (scale, lang)
    labels = load_labels()
    assert text_in(labels.title, "fr") == "Cartographie des parties prenantes"
    assert text_in(labels.title, "es") == "Mapa de actores"


def test_every_text_reads_as_its_english():
    assert all(isinstance(t, Translated) and str(t) == t.translations["en"] for _, t in TEXTS)
    assert len(TEXTS) > 1000


def test_validate_names_a_rule_text_missing_a_language(monkeypatch):
    from assessment import validate
    from assessment.recommend import load_rules

    rules = load_rules()
    bad = rules[0].model_copy(update={"why": Translated("Only English", {"fr": "Seulement en français"})})
    monkeypatch.setattr(validate, "load_rules", lambda: [bad, *rules[1:]])
    problems, _ = validate.validate_all()
    assert problems == [f"recommendations/ rule '{bad.id}': no 'es' text for why"]


def test_map_labels_read_as_english_and_translate_on_request():
    labels = load_labels()
    assert labels.sectors["ngo"] == "NGO" and labels.participation["not_engaged"] == "Not engaged"
    assert text_in(labels.participation["not_engaged"], "fr") == "Non impliqué"
    assert text_in(labels.phrases["academia"], "es") == "investigadores"
    assert isinstance(labels, MapLabels) and missing_translations(labels) == []
