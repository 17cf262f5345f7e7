"""The question on what stands most in the way: named obstacles raise the actions that tackle them, and only those."""

import html
import json
from pathlib import Path

import pytest

from assessment.answers import problem_with
from assessment.engine import default_engine
from assessment.errors import AssessmentError
from assessment.files import read_answers
from assessment.model import Profile, text_in
from assessment.ranking import NAMED_FACTOR
from assessment.recommend import load_themes
from assessment.report import obstacles_note, to_html, to_markdown
from tests.assessment_helpers import BASE, instrument
from tests.unit.test_rule_guards import BALANCED, extreme

ENGINE = default_engine()
FULL = ENGINE.instruments["full-diagnostic"]
ITEM = FULL.item("st_main_obstacles")
OGP = json.loads((Path(__file__).resolve().parents[1] / "data" / "golden" / "ogp-2013.json").read_text())
PROFILE = Profile(type="implementation", scope="international", founded=2011)


def assess(obstacles, language="en"):
    answers = {k: v for k, v in OGP["answers"].items() if k != ITEM.id}
    if obstacles:
        answers[ITEM.id] = obstacles
    return ENGINE.assess(FULL, answers, [], PROFILE, language=language, as_of=2013)


def test_the_full_diagnostic_asks_for_at_most_two_obstacles_each_pointing_to_known_aims():
    scale = FULL.scale_of(ITEM)
    assert ITEM.kind == "multiple" and ITEM.max_choices == 2 and not ITEM.scored
    assert set(ITEM.choice_themes) == set(scale.choices)
    known = {theme.id for theme in load_themes()}
    assert all(themes and set(themes) <= known for themes in ITEM.choice_themes.values())


def test_a_third_obstacle_is_refused_and_the_other_answers_kept():
    assert problem_with(FULL, ITEM, ["money", "trust"]) is None
    assert problem_with(FULL, ITEM, ["money", "trust", "voice"]) == "choose at most 2, got 3"
    data = {"instrument": "full-diagnostic", "version": 2,
            "answers": {ITEM.id: ["money", "trust", "voice"], "rs_senior_champion": 3}}
    parsed = read_answers(json.dumps(data).encode(), ENGINE.instruments, source="three.json")
    assert parsed.answers == {"rs_senior_champion": 3}
    assert any("st_main_obstacles" in p and "choose at most 2" in p for p in parsed.problems)


@pytest.mark.parametrize("field", ["{money: [funding]}", "{}"])
def test_choice_themes_must_name_the_scale_s_choices_and_belong_to_a_multiple_choice_item(field):
    sections = """
  - id: s
    title: S
    items:
      - {id: a, kind: multiple, text: A, scale: picks, choice_themes: {money: [funding]}}
"""
    base = BASE.replace("sections:", "  picks: {kind: multiple, choices: {cash: Cash, time: Time}}\nsections:")
    with pytest.raises(AssessmentError, match="'money' is not a choice of scale 'picks'"):
        instrument(sections, base)
    likert = (f"  - {{id: s, title: S, items: [{{id: b, text: B, scale: agree5, choice_themes: {field}, "
              f"max_choices: 1}}]}}")
    with pytest.raises(AssessmentError, match="only multiple-choice items"):
        instrument(likert)


def test_a_named_obstacle_raises_the_actions_that_tackle_it_and_says_so():
    before = assess([])
    ranks = {r.id: r.rank for r in before.recommendations}
    themes = {rule.id: set(rule.themes) for rule in ENGINE.rules}
    # an obstacle whose aims only actions below the first five serve, and no action above them
    choice, target = next((c, r.id) for r in before.recommendations if not r.top
                          for c, aims in ITEM.choice_themes.items()
                          if themes[r.id] & set(aims)
                          and not any(themes[o.id] & set(aims) for o in before.recommendations if o.rank < r.rank))
    after = assess([choice])
    moved = next(r for r in after.recommendations if r.id == target)
    assert moved.rank < ranks[target]
    label = text_in(FULL.scale_of(ITEM).choices[choice])
    assert f"you named “{label}” as standing most in the way (×{NAMED_FACTOR:.1f})" in moved.rank_reason
    untouched = [r for r in after.recommendations if not themes[r.id] & set(ITEM.choice_themes[choice])]
    assert all("you named" not in r.rank_reason for r in untouched)
    # the answer reorders what applies; it never makes an action apply
    assert (len(after.recommendations) + after.recommendations_not_shown
            == len(before.recommendations) + before.recommendations_not_shown)


def test_the_reason_is_worded_in_the_reader_s_language():
    result = assess(["money"], language="fr")
    money = FULL.scale_of(ITEM).choices["money"]
    reasons = [r.rank_reason for r in result.recommendations if "funding" in r.themes]
    assert reasons and all(f"vous avez cité «\u00a0{text_in(money, 'fr')}\u00a0»" in r for r in reasons)


def test_naming_every_obstacle_on_an_all_best_file_brings_no_action():
    answers = extreme(FULL, best=True) | {ITEM.id: ["political_will", "money"]}
    result = ENGINE.assess(FULL, answers, BALANCED, Profile(type="advocacy", scope="international"))
    assert result.recommendations == []


def test_the_results_say_what_was_named_and_how_many_of_the_first_five_tackle_it():
    assert assess([]).obstacles == [] and obstacles_note(assess([])) is None
    result = assess(["money", "results"])
    labels = FULL.scale_of(ITEM).choices
    assert result.obstacles == [text_in(labels["money"]), text_in(labels["results"])]  # the scale's order
    top = [r for r in result.recommendations if r.top and r.obstacles]
    assert top and all(set(r.obstacles) <= set(result.obstacles) for r in top)
    note = obstacles_note(result)
    first, second = result.obstacles
    assert note.startswith(f"You named as standing most in the way: “{first}” and “{second}”.")
    assert f"{len(top)} of the actions at the top tackle" in note
    assert note in to_markdown(result) and html.escape(note, quote=False) in to_html(result)


def test_the_note_says_so_when_the_first_five_or_the_whole_list_leave_the_obstacle_aside():
    seen = set()
    for choice in ITEM.choice_themes:
        result = assess([choice])
        tackling = [r for r in result.recommendations if r.obstacles]
        note = obstacles_note(result)
        assert "first five" not in note  # fewer than five may be at the top (at most two from one dimension)
        if any(r.top for r in tackling):
            seen.add("top")
            assert "of the actions at the top tackle" in note
        elif tackling:
            seen.add("further down")
            assert note.endswith("None of the actions at the top tackles what you named: your other answers point "
                                 "to more pressing work first. The actions further down that do say so in their "
                                 "ranking.")
        elif result.obstacles_not_shown:
            seen.add("not shown")
            assert "None of the actions shown tackles what you named" in note
        else:
            seen.add("none")
            assert note.endswith("No action tackles what you named: your other answers show no gap there yet.")
    assert {"top", "further down", "none"} <= seen  # this coalition's answers show three of the four cases
    french = obstacles_note(assess(["money"], language="fr"))
    assert french.startswith("Vous avez cité parmi ce qui fait le plus obstacle\u00a0: «\u00a0Trop peu d’argent")


def test_the_note_counts_the_actions_left_out_that_would_tackle_it():
    weak = {i.id: 2 for i in FULL.items if i.kind == "likert" and FULL.scale_of(i).points == 5}
    weak |= {i.id: 1 for i in FULL.items if i.kind == "likert" and FULL.scale_of(i).points == 3}
    result = ENGINE.assess(FULL, weak | {ITEM.id: ["money"]}, [], Profile(type="advocacy"))
    assert not any(r.obstacles for r in result.recommendations) and result.obstacles_not_shown >= 1
    assert "None of the actions shown tackles what you named: your other answers point to more pressing work first, " \
           "and " in obstacles_note(result)
    assert "left out to keep the list short" in obstacles_note(result)
