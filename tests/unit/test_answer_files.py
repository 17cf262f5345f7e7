"""Malformed answers files: each gives a clear message and keeps whatever was valid."""

import json

import pytest

from assessment.errors import AssessmentError, Code
from assessment.files import MAX_BYTES, read_answers, template
from tests.assessment_helpers import TWO_DIMENSIONS, instrument

INSTRUMENTS = {"test": instrument(TWO_DIMENSIONS)}


def read(data):
    return read_answers(json.dumps(data) if not isinstance(data, str | bytes) else data, INSTRUMENTS, "upload.json")


@pytest.mark.parametrize(
    ("data", "code", "text"),
    [
        ("{not json", Code.NOT_JSON, "line 1, column 2"),
        (b"\xff\xfe\x00garbage", Code.NOT_JSON, "not UTF-8"),
        ([1, 2, 3], Code.BAD_VALUE, "expected a JSON object"),
        ({"answers": {}}, Code.BAD_VALUE, "unknown questionnaire None"),
        ({"instrument": "nope"}, Code.BAD_VALUE, "expected one of test"),
    ],
)
def test_unusable_files_are_refused_with_one_line(data, code, text):
    with pytest.raises(AssessmentError) as error:
        read(data)
    assert error.value.code == code and text in str(error.value)
    assert str(error.value).startswith("upload.json")
    assert "\n" not in str(error.value)


def test_oversized_file_is_refused():
    with pytest.raises(AssessmentError) as error:
        read_answers(b" " * (MAX_BYTES + 1), INSTRUMENTS, "big.json")
    assert error.value.code == Code.TOO_LARGE and str(MAX_BYTES) in str(error.value)


def test_bad_answers_are_reported_and_the_rest_kept():
    parsed = read({"instrument": "test", "answers": {
        "le_a": 4, "le_b": 9, "le_r": "strongly", "ghost": 3, "tr_has": "maybe", "tr_open": "dont_know",
        "tr_pub": True}})
    assert parsed.answers == {"le_a": 4, "tr_open": "dont_know"}
    problems = "\n".join(parsed.problems)
    for fragment in ("item 'le_b': expected 1 to 5, got 9", "item 'le_r': expected a whole number",
                     "item 'ghost': not in the Test instrument; ignored", "item 'tr_has': expected one of yes, no",
                     "item 'tr_pub': expected a whole number"):
        assert fragment in problems
    assert len(parsed.problems) == 5


def test_answers_of_the_wrong_type_keep_the_stakeholders():
    parsed = read({"instrument": "test", "answers": [1, 2],
                   "stakeholders": [{"name": "Ministry", "sector": "national_government", "influence": 5, "stake": 3,
                                     "participation": "core", "votes": 40}]})
    assert parsed.answers == {} and len(parsed.stakeholders) == 1
    assert "'answers' must be an object" in parsed.problems[0]


def test_bad_stakeholder_rows_are_reported_and_good_ones_kept():
    rows = [
        {"name": "<b>Ministry</b>", "sector": "national_government", "influence": 5, "stake": 3,
         "participation": "core", "votes": 40},
        {"name": "Miners' union", "sector": "trade_union", "influence": 3, "stake": 5, "participation": "member"},
        {"name": "", "sector": "ngo", "influence": 2, "stake": 2, "participation": "member"},
        {"name": "Bank", "sector": "business", "influence": 7, "stake": 2, "participation": "opposed"},
        "not a row",
    ]
    parsed = read({"instrument": "test", "answers": {}, "stakeholders": rows})
    assert [s.name for s in parsed.stakeholders] == ["<b>Ministry</b>"]  # kept as text, escaped when shown
    problems = "\n".join(parsed.problems)
    assert "stakeholder 2 (Miners' union), field 'sector'" in problems
    assert "stakeholder 3, field 'name'" in problems
    assert "stakeholder 4 (Bank), field 'influence': must be at most 5, got 7" in problems  # said plainly
    assert "'trade_union' is not one of national_government," in problems
    assert "stakeholder 5, field 'row': expected an object with name, sector" in problems
    assert "Input should be" not in problems
    long = read({"instrument": "test", "answers": {}, "stakeholders": [rows[0], {"name": "A" * 60, "sector": "x"}]})
    assert "stakeholder 2 (" + "A" * 40 + "…)" in long.problems[0]  # a long name is cut with an ellipsis


def test_a_row_wrong_in_several_fields_names_each_in_plain_words_and_in_french():
    from assessment.translation import text_in

    row = {"name": 5, "sector": "x", "influence": 9, "stake": "a", "participation": "p", "votes": -1}
    blank = {"name": "  ", "sector": "ngo", "influence": 3, "stake": 3, "participation": "member"}
    parsed = read({"instrument": "test", "answers": {"le_a": 3}, "stakeholders": [row, blank]})
    first, second = parsed.problems
    for field in ("name", "sector", "influence", "stake", "participation", "votes"):
        assert f"field '{field}': " in first  # one pass over the file mends the row
    assert "field 'name': expected text, got 5" in first and "Input should be" not in first
    assert second == "stakeholder 2, field 'name': a stakeholder needs a name; the row was left out"
    french = text_in(first, "fr")
    assert french.startswith("partie prenante 1, champ 'name'\u00a0: un texte était attendu, reçu 5\u202f; ")
    assert text_in(second, "es") == ("parte interesada 2, campo 'name': una parte interesada necesita un nombre; la "
                                     "fila se descartó")


def test_a_map_beyond_any_coalition_is_cut_to_its_first_rows_with_a_note():
    from assessment.files import MAX_STAKEHOLDERS

    row = {"name": "S", "sector": "ngo", "influence": 3, "stake": 3, "participation": "member"}
    parsed = read({"instrument": "test", "answers": {}, "stakeholders": [row] * 40_000})
    assert len(parsed.stakeholders) == MAX_STAKEHOLDERS
    assert parsed.problems == [f"the file lists 40000 stakeholders and a map holds at most {MAX_STAKEHOLDERS}: the "
                               f"first {MAX_STAKEHOLDERS} were kept"]


def test_bad_profile_fields_are_dropped_one_by_one():
    parsed = read({"instrument": "test", "profile": {"name": "Coalition <script>", "founded": "long ago",
                                                    "type": "advocacy", "colour": "red"}})
    assert parsed.profile.name == "Coalition <script>" and parsed.profile.type == "advocacy"
    assert parsed.profile.founded is None
    assert any("'founded'" in p for p in parsed.problems) and any("'colour'" in p for p in parsed.problems)


def test_template_round_trips():
    form = INSTRUMENTS["test"]
    data = template(form)
    assert set(data["answers"]) == {i.id for i in form.items} and set(data["answers"].values()) == {None}
    parsed = read(data)
    assert parsed.answers == {} and parsed.problems == []


def test_written_file_reads_back_identically():
    parsed = read({"instrument": "test", "answers": {"le_a": 2, "tr_has": "yes"}, "profile": {"name": "X"}})
    again = read(parsed.to_json())
    assert again.answers == parsed.answers and again.profile == parsed.profile and again.problems == []


def test_problems_and_refusals_are_said_in_french_and_spanish_too():
    """The upload page shows what was left out, or why a file is refused, in the page's language."""
    from assessment.translation import text_in

    parsed = read({"instrument": "test", "answers": {"le_a": 4, "le_b": 9},
                   "stakeholders": [{"name": "Ministère", "sector": "martians", "influence": 3, "stake": 3,
                                     "participation": "core"}], "extra": 1})
    said = {language: "\n".join(text_in(p, language) for p in parsed.problems) for language in ("en", "fr", "es")}
    question = INSTRUMENTS["test"].item("le_b").text
    assert f"item 'le_b': expected 1 to 5, got 9; the answer was left out (“{question}”)" in said["en"]
    assert ("question «\u00a0le_b\u00a0»\u00a0: attendu de 1 à 5, reçu 9\u202f; la réponse a été écartée («\u00a0"
            in said["fr"])
    assert "pregunta «le_b»: se esperaba de 1 a 5, se recibió 9; la respuesta se descartó" in said["es"]
    assert "partie prenante 1 (Ministère), champ 'sector'\u00a0: 'martians' ne fait pas partie de" in said["fr"]
    assert "campo 'extra': no forma parte de un archivo de respuestas" in said["es"]
    with pytest.raises(AssessmentError) as error:
        read("{not json")
    assert str(error.value).endswith("line 1, column 2: a name in double quotes was expected (a comma too many, or "
                                     "the file cut short?))")
    assert text_in(error.value.values["problem"], "fr").startswith("ligne 1, colonne 2\u00a0: un nom entre guillemets")
    with pytest.raises(AssessmentError) as error:
        read({"instrument": "nope"})
    assert text_in(error.value.values["problem"], "es") == "cuestionario desconocido 'nope'; se esperaba uno de: test"
