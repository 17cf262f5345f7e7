"""Second opinions on the golden coalitions: the files are well formed and the counting is right.

A second adviser and a second answerer worked blind from the narratives
(tests/data/golden/second-opinions/PREREG.md); bench/second_opinion.py holds them to the golden bar.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assessment.engine import default_engine
from assessment.files import read_answers
from assessment.model import STAGES
from bench.calibrate import golden_coalitions
from bench.golden_table import Golden, Row
from bench.second_opinion import SECOND, adviser_line, answered_twice, answers_report, second_advisers
from tests.conftest import ROOT

THEMES = {theme["id"] for theme in yaml.safe_load((ROOT / "content" / "themes.yaml").read_text())}
GOLDEN_IDS = {g.id for g in golden_coalitions()}
ADVISER_FILES = sorted((SECOND / "adviser").glob("*.yaml"))
ANSWER_FILES = sorted((SECOND / "answers").glob("*.json"))


def test_every_golden_coalition_has_a_second_adviser_and_a_dozen_a_second_answers_file():
    # taken on the 47 of the tuning set and hold-outs 1 to 5, then on the 30 of hold-outs 6 to 10
    assert len(ADVISER_FILES) == 89 and {path.stem for path in ADVISER_FILES} == GOLDEN_IDS
    assert len(ANSWER_FILES) == 12
    assert {path.stem for path in ANSWER_FILES} <= GOLDEN_IDS


@pytest.mark.parametrize("path", ADVISER_FILES, ids=lambda p: p.stem)
def test_a_second_adviser_names_a_known_stage_and_seven_known_themes_with_reasons(path: Path):
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec["id"] == path.stem
    expect = spec["expect"]
    assert expect["stage"] in STAGES
    assert len(expect.get("alternatives", [])) <= 1 and set(expect.get("alternatives", [])) <= set(STAGES)
    assert len(expect["themes"]) == len(set(expect["themes"])) == 7
    assert set(expect["themes"]) <= THEMES, set(expect["themes"]) - THEMES
    assert len(expect["reasons"]) == 7 and all(str(r).strip() for r in expect["reasons"])
    assert str(expect["stage_reason"]).strip()


@pytest.mark.parametrize("path", ANSWER_FILES, ids=lambda p: p.stem)
def test_a_second_answers_file_loads_without_problems(path: Path):
    engine = default_engine()
    parsed = read_answers(path.read_bytes(), engine.instruments, source=path.name)
    assert parsed.problems == []
    assert len(parsed.answers) >= 90 and len(parsed.stakeholders) >= 6


def made_up(stage: str, alternatives: list[str], themes: list[str]) -> Golden:
    spec = {"expect": {"stage": stage, "alternatives": alternatives, "themes": themes}}
    return Golden(id="made-up", coalition="Made up", path=Path("made-up.yaml"), answers_path=Path("made-up.json"),
                  spec=spec)


def test_the_second_adviser_is_counted_against_the_first_and_the_engine_against_both():
    golden = made_up("negotiation", ["implementation"], ["a", "b", "c", "d"])
    row = Row(golden=golden, stage_found="negotiation", stage_label="Negotiation", themes_hit=["a", "b"], shown=10,
              not_shown=0, top=[("r1", ["a"]), ("r2", ["b", "x"])])
    second = {"stage": "implementation", "alternatives": [], "themes": ["a", "x", "y", "z", "b", "c", "d"]}
    line = adviser_line(golden, second, row)
    assert line["a2_stage_ok"]  # the second adviser's stage is the first adviser's alternative
    assert line["a2_hits"] == {4: 1, 6: 3, 7: 4}
    assert line["needed"] == 3
    assert not line["engine_vs_a2_stage"] and not line["a1_vs_a2_stage"]
    assert line["engine_vs_a2_hits"] == 2  # a and x of a, x, y, z
    assert line["a1_vs_a2_hits"] == 1


def test_the_second_answers_are_run_through_the_engine_beside_the_first():
    pairs = answered_twice(golden_coalitions(), {}, default_engine())
    assert sorted(first.golden.id for first, _ in pairs) == [p.stem for p in ANSWER_FILES]
    assert all(second.golden.answers_path.parent == SECOND / "answers" for _, second in pairs)
    report = answers_report(pairs)
    assert f"{len(pairs)} coalitions answered twice" in report


def test_second_advisers_are_read_by_coalition():
    seconds = second_advisers()
    assert set(seconds) == {path.stem for path in ADVISER_FILES}
    assert all("themes" in expect for expect in seconds.values())
