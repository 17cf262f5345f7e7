"""Nothing saved is lost when a questionnaire changes: version-1 answers load into version 2 with a note."""

import json
from pathlib import Path

import pytest
import yaml

from assessment.cli import main
from assessment.files import read_answers
from assessment.loader import known_dimensions, load_instruments, parse_instrument
from assessment.model import Profile
from assessment.storage import Store
from assessment.upgrade import upgrade_answers
from tests.assessment_helpers import instrument
from tests.conftest import ROOT

V1 = ROOT / "tests" / "data" / "instruments-v1"
CURRENT = load_instruments()


def version_1(name: str):
    path = V1 / f"{name}.yaml"
    return parse_instrument(path, yaml.safe_load(path.read_text()), known_dimensions())


def every_answer(old) -> dict:
    """A full version-1 file: likert items cycle through the scale, choices take the first option."""
    answers = {}
    for n, item in enumerate(old.items):
        scale = old.scale_of(item)
        if item.kind == "likert":
            answers[item.id] = 1 + n % scale.points
        elif item.kind == "single":
            answers[item.id] = "yes"
        elif item.kind == "multiple":
            answers[item.id] = list(scale.choices)[:2]
        elif item.kind == "number":
            answers[item.id] = 9
    return answers


@pytest.mark.parametrize("name", ["full-diagnostic", "quick-check"])
def test_a_version_1_file_loads_into_version_2_with_a_note(name):
    old, new = version_1(name), CURRENT[name]
    assert old.version == 1 and new.version == 2
    answers = every_answer(old)
    parsed = read_answers(json.dumps({"instrument": name, "version": 1, "answers": answers}), CURRENT)
    assert parsed.problems == [], parsed.problems
    assert parsed.notes and parsed.notes[0].startswith(f"These answers were given to version 1 of the {new.title}")
    assert "moved to the new answer scale" in parsed.notes[0]
    step = new.upgrades[0]
    for old_id in answers:  # every version-1 answer is accounted for
        targets = [step.renamed[old_id]] if old_id in step.renamed else step.split.get(old_id, [old_id])
        assert any(t in parsed.answers for t in targets) or old_id in step.removed, old_id
    for item_id, value in parsed.answers.items():
        item = new.item(item_id)
        if item.kind == "likert" and isinstance(value, int):
            assert 1 <= value <= new.scale_of(item).points, item_id


def test_rescaling_follows_the_declared_map():
    upgraded = upgrade_answers(CURRENT["full-diagnostic"], {"ac_charter_approved": 4, "st_agreement_adopted": 2,
                                                           "tr_minutes_shared": "dont_know",
                                                           "st_members_need_each_other": 5,
                                                           "fi_shared_evidence": 2}, 1)
    assert upgraded.answers == {"ac_charter_approved": 3, "st_agreement_adopted": 1, "tr_minutes_shared": "dont_know",
                                "tu_members_need_each_other": 5, "fi_shared_evidence": 2, "fi_remedies_agreed": 2}
    assert "1 question kept under a new id" in upgraded.notes[0]
    assert "1 answer to a question now asked in parts copied to each part" in upgraded.notes[0]


def test_current_and_unknown_versions():
    full = CURRENT["full-diagnostic"]
    assert upgrade_answers(full, {"ac_charter_approved": 3}, 2).notes == []
    assert upgrade_answers(full, {"ac_charter_approved": 3}, None).answers == {"ac_charter_approved": 3}
    newer = upgrade_answers(full, {"ac_charter_approved": 3}, 7)
    assert "newer than the version 2" in newer.notes[0]


INLINE = """
id: inline
version: 2
title: Inline
minutes: 5
dimensions: [{id: legitimacy}]
scales:
  yes3: {kind: likert, choices: {1: "No", 2: Partly, 3: "Yes"}}
sections:
  - id: main
    title: Main
    items:
      - {id: le_new, text: New, dimension: legitimacy, scale: yes3}
upgrades:
  - from: 1
    note: Renamed and rescaled.
    renamed: {le_old: le_new}
    removed: [le_gone]
    rescaled:
      - map: {1: 1, 2: 1, 3: null, 4: 3, 5: 3}
        items: [le_new]
"""


def test_removed_items_and_values_the_new_scale_cannot_hold_are_reported():
    form = instrument(INLINE, base="")
    upgraded = upgrade_answers(form, {"le_old": 3, "le_gone": 4}, 1)
    assert upgraded.answers == {}
    assert "1 answer to a question that was removed left out" in upgraded.notes[0]
    assert "1 answer that the new scale cannot hold left out" in upgraded.notes[0]
    assert upgraded.notes[1] == "Renamed and rescaled."


@pytest.mark.parametrize(("change", "message"), [
    ("renamed: {le_old: le_nowhere}", "le_nowhere"),
    ("rescaled: [{map: {1: 9}, items: [le_new]}]", "not on scale 'yes3'"),
])
def test_the_loader_checks_every_upgrade(change, message):
    from assessment.errors import AssessmentError

    declared = ("    renamed: {le_old: le_new}\n    removed: [le_gone]\n    rescaled:\n"
                "      - map: {1: 1, 2: 1, 3: null, 4: 3, 5: 3}\n        items: [le_new]\n")
    text = INLINE.replace(declared, f"    {change}\n")
    with pytest.raises(AssessmentError, match=message):
        instrument(text, base="")


def test_the_command_line_shows_the_same_note(tmp_path, capsys):
    old = version_1("quick-check")
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"instrument": "quick-check", "version": 1, "answers": every_answer(old)}))
    parsed = read_answers(path.read_bytes(), CURRENT, source=str(path))
    assert main(["score", str(path)]) == 0
    err = capsys.readouterr().err
    for note in parsed.notes:
        assert f"{path}: note: {note}" in err


def test_a_saved_version_1_assessment_opens_in_version_2_and_is_rewritten_on_the_next_answer(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'old.db'}")
    old = version_1("full-diagnostic")
    assessment_id, token = store.start(old, Profile(name="Old"))  # saved while version 1 was current
    answers = every_answer(old)
    rows = [{"assessment_id": assessment_id, "item_id": k, "value": json.dumps(v)} for k, v in answers.items()]
    with store.writing() as session:  # rows as the version-1 app wrote them, before version 2 existed
        session.execute(store._upsert(rows))
    saved = store.open(token)
    assert saved.notes and "version 1" in saved.notes[0]
    assert "tu_members_need_each_other" in saved.answers and "st_members_need_each_other" not in saved.answers
    store.save_answer(assessment_id, "ef_flexible", 4)  # the first new answer stores the upgrade
    again = store.open(token)
    assert again.notes == () and again.answers["ef_flexible"] == 4
    assert again.answers["tu_members_need_each_other"] == saved.answers["tu_members_need_each_other"]
    assert {k: v for k, v in again.answers.items() if k != "ef_flexible"} == saved.answers


def test_the_v1_copies_are_frozen():
    for path in V1.glob("*.yaml"):
        assert yaml.safe_load(path.read_text())["version"] == 1
    assert Path(V1 / "full-diagnostic.yaml").read_text().startswith("# A frozen copy of version 1")


def test_the_note_is_said_in_the_readers_language_and_is_english_for_the_command_line():
    """A French or Spanish page and report show the note in their language; the CLI prints English."""
    from assessment.engine import default_engine
    from assessment.report import to_markdown
    from assessment.translation import text_in

    old, new = version_1("full-diagnostic"), CURRENT["full-diagnostic"]
    parsed = read_answers(json.dumps({"instrument": old.id, "version": 1, "answers": every_answer(old)}), CURRENT)
    head = parsed.notes[0]
    assert str(head).startswith("These answers were given to version 1 of the Full coalition diagnostic")
    french = text_in(head, "fr")
    assert french.startswith("Ces réponses ont été données à la version 1 du Diagnostic complet de la coalition et ont "
                             "été reportées dans la version 2.")
    assert "1 question conservée sous un nouvel identifiant" in french
    assert "réponses reportées sur la nouvelle échelle de réponse" in french and " et " in french
    assert "answer" not in french
    spanish = text_in(head, "es")
    assert spanish.startswith("Estas respuestas se dieron a la versión 1 del Diagnóstico completo de la coalición")
    assert "1 pregunta conservada con un nuevo identificador" in spanish
    assert text_in(parsed.notes[1], "fr") == text_in(new.upgrades[0].note, "fr")
    result = default_engine().assess_file(parsed, language="fr")
    assert result.notes[0] == french
    assert french.split(". ")[0] in to_markdown(result).replace("\n", " ")
    assert default_engine().assess_file(parsed).notes[0] == str(head)


def test_a_newer_version_is_said_in_each_language():
    newer = upgrade_answers(CURRENT["quick-check"], {}, 7).notes[0]
    from assessment.translation import text_in

    assert "newer than the version 2" in newer
    assert text_in(newer, "fr").startswith("Ce fichier a été créé avec la version 7 du Diagnostic rapide")
    assert text_in(newer, "es").startswith("Este archivo se hizo con la versión 7 del Diagnóstico rápido")
