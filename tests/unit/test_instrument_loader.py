"""Each instrument rule has its own error, naming the file, item and field."""

import pytest

from assessment.errors import AssessmentError, Code
from assessment.loader import visible
from tests.assessment_helpers import BASE, instrument


def error_of(sections, base=BASE) -> AssessmentError:
    with pytest.raises(AssessmentError) as caught:
        instrument(sections, base)
    return caught.value


def test_unknown_scale():
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, dimension: legitimacy, scale: nope}]}")
    assert (error.code, error.item, error.field) == (Code.UNKNOWN_SCALE, "a", "scale")
    assert "inline.yaml, item 'a', field 'scale'" in str(error)


def test_scale_of_the_wrong_kind():
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, kind: single, scale: agree5}]}")
    assert error.code == Code.SCALE_KIND


def test_duplicate_item_id():
    error = error_of("""
  - id: s
    title: S
    items:
      - {id: a, text: A, dimension: legitimacy, scale: agree5}
      - {id: a, text: B, dimension: legitimacy, scale: agree5}
""")
    assert (error.code, error.item) == (Code.DUPLICATE_ID, "a")


def test_unknown_dimension():
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, dimension: happiness, scale: agree5}]}")
    assert (error.code, error.field) == (Code.UNKNOWN_DIMENSION, "dimension")


def test_scored_dimension_must_be_listed():
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, dimension: trust, scale: agree5}]}")
    assert error.code == Code.UNLISTED_DIMENSION


def test_skip_logic_must_refer_to_an_earlier_item():
    error = error_of("""
  - id: s
    title: S
    items:
      - {id: a, text: A, dimension: legitimacy, scale: agree5, relevant: {item: b, equals: 1}}
      - {id: b, text: B, dimension: legitimacy, scale: agree5}
""")
    assert (error.code, error.item, error.field) == (Code.RELEVANT_LATER, "a", "relevant.item")
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, scale: agree5, relevant: {item: z, equals: 1}}]}")
    assert error.code == Code.RELEVANT_UNKNOWN


def test_schema_errors_name_the_item_by_id():
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, dimension: legitimacy, scale: agree5, "
                     "weight: -1}]}")
    assert (error.code, error.item, error.field) == (Code.SCHEMA, "a", "weight")


def test_every_declared_language_is_complete():
    document = """
id: t
version: 1
title: {en: Test, fr: Essai}
minutes: 5
languages: [en, fr]
scales:
  yn: {kind: single, choices: {"y": {en: "Yes", fr: Oui}, "n": {en: "No", fr: Non}}}
sections:
  - id: s
    title: {en: Section, fr: Section}
    items:
      - {id: a, text: {en: Fine, fr: Bien}, kind: single, scale: yn}
      - {id: b, text: {en: Only English}, kind: single, scale: yn}
"""
    error = error_of(document, base="")
    assert (error.code, error.item, error.field) == (Code.MISSING_TRANSLATION, "b", "text")
    assert "'fr'" in str(error)
    assert instrument(document.replace("{en: Only English}", "{en: Both, fr: Les deux}"), base="").languages


@pytest.mark.parametrize(
    ("rule", "answer", "shown"),
    [
        ("{item: q, equals: 'yes'}", "yes", True), ("{item: q, equals: 'yes'}", "no", False),
        ("{item: q, not_equals: 'no'}", None, True), ("{item: q, in: [yes, maybe]}", "maybe", True),
        ("{item: q, answered: true}", None, False), ("{item: q, answered: true}", ["x"], True),
        ("{item: q, at_least: 3}", 4, True), ("{item: q, at_most: 3}", 4, False),
        ("{item: q, at_most: 3}", "dont_know", False),
    ],
)
def test_skip_logic_operators(rule, answer, shown):
    form = instrument(f"""
  - id: s
    title: S
    items:
      - {{id: q, text: Q, kind: text}}
      - {{id: a, text: A, dimension: legitimacy, scale: agree5, relevant: {rule}}}
""")
    assert visible(form.item("a"), {"q": answer} if answer is not None else {}) is shown


def test_relevance_needs_exactly_one_operator():
    error = error_of("  - {id: s, title: S, items: [{id: a, text: A, scale: agree5, relevant: {item: q}}]}")
    assert error.code == Code.SCHEMA and "exactly one" in str(error)


@pytest.mark.parametrize(
    ("where", "field"),
    [("description: {en: About}", "description"), ("intro: {en: Read this}", "sections.s.intro")],
)
def test_descriptions_and_intros_must_be_translated_too(where, field):
    document = f"""
id: t
version: 1
title: {{en: Test, fr: Essai}}
minutes: 5
languages: [en, fr]
{where if field == "description" else ""}
scales:
  yn: {{kind: single, choices: {{"y": {{en: "Yes", fr: Oui}}, "n": {{en: "No", fr: Non}}}}}}
sections:
  - id: s
    title: {{en: Section, fr: Section}}
    {where if field != "description" else ""}
    items:
      - {{id: a, text: {{en: Fine, fr: Bien}}, kind: single, scale: yn}}
"""
    error = error_of(document, base="")
    assert (error.code, error.field) == (Code.MISSING_TRANSLATION, field)
