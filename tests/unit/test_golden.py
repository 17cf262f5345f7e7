"""Golden profiles: hand-written coalitions and the diagnosis each should get (see tests/data/golden.yaml)."""

import pytest
import yaml

from assessment.engine import default_engine
from assessment.model import Profile, Stakeholder
from tests.conftest import ROOT

ENGINE = default_engine()
FULL = ENGINE.instruments["full-diagnostic"]
PROFILES = yaml.safe_load((ROOT / "tests" / "data" / "golden.yaml").read_text())


FIVE_TO_THREE = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3}  # the version-2 upgrade map from agree5 to yes3 / progress3


def on_scale(item, value):
    """Levels are written 1–5 (agree–disagree); items on a three-point scale get the upgrade's mapping."""
    points = FULL.scale_of(item).points
    return FIVE_TO_THREE[value] if points == 3 and isinstance(value, int) else value


def answers_for(spec: dict) -> dict:
    answers = {}
    for item in FULL.items:
        if item.kind != "likert":
            continue
        if item.stage:
            answers[item.id] = on_scale(item, spec["stages"][item.stage])
            continue
        level = spec.get("dimensions", {}).get(item.dimension, spec["level"])
        answers[item.id] = on_scale(item, 6 - level if item.reverse else level)
    for item_id, value in spec.get("answers", {}).items():
        item = FULL.item(item_id)
        answers[item_id] = on_scale(item, value) if item.kind == "likert" else value
    return answers


@pytest.mark.parametrize("spec", PROFILES, ids=[p["name"] for p in PROFILES])
def test_golden_profile(spec):
    result = ENGINE.assess(FULL, answers_for(spec), [Stakeholder(**s) for s in spec.get("stakeholders", [])],
                           Profile(**spec.get("profile", {})))
    expect = spec["expect"]
    assert result.stage.id == expect["stage"]
    assert [s.id for s in result.stage.skipped] == expect["skipped"]
    assert sorted(result.representation.flags) == sorted(expect["flags"])
    top = [r.id for r in result.recommendations if r.top]
    fired = [r.id for r in result.recommendations]
    missing = [r for r in expect.get("top", []) if r not in top]
    assert not missing, f"{missing} not in the top five {top}"
    alternatives = expect.get("top_one_of", [])
    assert not alternatives or set(alternatives) & set(top), f"none of {alternatives} in the top five {top}"
    assert not set(expect.get("shown", [])) - set(fired), f"{expect['shown']} not all shown in {fired}"
    assert not set(expect.get("absent", [])) & set(fired)
    assert len(fired) <= 15


def test_at_least_six_profiles_each_with_a_reason():
    assert len(PROFILES) >= 6 and all(len(p["why"].split()) >= 15 for p in PROFILES)
