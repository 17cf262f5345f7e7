"""Golden coalition profiles are well formed, so the engine tests that read them compare like with like.

The profiles (tests/data/golden/*.yaml) describe real coalitions at a stated date; an adviser's expected
stage and themes are written before anyone tunes the engine. This test checks only their shape and
their references to the stage and theme vocabularies, never what the engine makes of them.
"""

import re

import pytest
import yaml

from assessment.model import COALITION_TYPES, STAGES
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "data" / "golden"
PROFILES = sorted(GOLDEN.glob("*.yaml")) + sorted(GOLDEN.glob("holdout*/*.yaml"))
THEMES = {theme["id"] for theme in yaml.safe_load((ROOT / "content" / "themes.yaml").read_text())}
SCOPES = {"local", "national", "regional", "international"}
FIELDS = {"id", "coalition", "as_of", "sources", "narrative", "profile", "expect"}


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_enough_profiles_of_every_kind():
    profiles = [load(path)["profile"] for path in PROFILES]
    assert len(profiles) >= 14
    assert {p["type"] for p in profiles} == set(COALITION_TYPES)
    assert {p["scope"] for p in profiles} == SCOPES
    stages = {load(path)["expect"]["stage"] for path in PROFILES}
    assert stages == set(STAGES)


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_profile_is_well_formed(path):
    data = load(path)
    assert set(data) == FIELDS, f"{path.name}: fields {sorted(set(data) ^ FIELDS)}"
    assert data["id"] == path.stem
    assert re.fullmatch(r"(19|20)\d\d-(0[1-9]|1[0-2])", str(data["as_of"])), f"{path.name}: as_of is YYYY-MM"
    assert data["sources"] and all(isinstance(s, str) and len(s) > 20 for s in data["sources"])
    words = len(data["narrative"].split())
    assert 250 <= words <= 450, f"{path.name}: narrative has {words} words, expected 250-450"
    profile = data["profile"]
    assert profile["type"] in COALITION_TYPES and profile["scope"] in SCOPES
    assert int(profile["founded"]) <= int(str(data["as_of"])[:4])


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_expectations_use_the_shared_vocabulary(path):
    expect = load(path)["expect"]
    assert expect["stage"] in STAGES
    assert set(expect["alternatives"]) <= set(STAGES) - {expect["stage"]}
    themes = expect["themes"]
    assert 3 <= len(themes) <= 5 and len(set(themes)) == len(themes)
    assert set(themes) <= THEMES, f"{path.name}: unknown themes {sorted(set(themes) - THEMES)}"
    assert list(expect["reasons"]) == themes, f"{path.name}: one reason per theme, in the same order"
    assert all(reason.strip() for reason in expect["reasons"].values())
    assert expect["stage_reason"].strip()
