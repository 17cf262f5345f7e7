"""Golden coalitions: real coalitions at a stated date, and the diagnosis an adviser would sign.

One test per profile in tests/data/golden/ and in its hold-outs, tests/data/golden/holdout*/ (see
bench/golden_table.py for the format). The bar: the stage equals the expected one or a stated
alternative; at least two thirds of the expected themes are carried by the top five actions; no
more than 15 actions are shown. The harness itself is tested on a made-up sample in
tests/data/golden-sample/.
"""

from __future__ import annotations

import json

import pytest

from bench.golden_table import GOLDEN, HOLDOUTS, MAX_SHOWN, load_profiles, row_for, table
from tests.conftest import ROOT

PROFILES = load_profiles(GOLDEN) + [g for folder in HOLDOUTS for g in load_profiles(folder)]
SAMPLE = ROOT / "tests" / "data" / "golden-sample"
# Profiles whose diagnosis does not meet the bar yet (bench/golden_table.py shows why). Strict: a
# profile that starts passing fails here until it is taken off the list, so the list never hides one.
NOT_YET = {"fsc-1994", "icbl-1996", "ogp-2013", "uscap-2010", "vpshr-2013", "wcd-2001",
           # the hold-outs (tests/data/golden/TUNING.md: "A fresh hold-out" to "The twelfth hold-out")
           "great-bear-2006",
           "fighting-back-1996", "mexico-soda-tax-2014", "mph-2005", "tunisia-quartet-2013",
           "bangladesh-alliance-2015", "control-arms-2006", "liberia-mass-action-2003", "sun-2012",
           "chesapeake-2009", "cookstoves-2010", "msc-2000",
           "agra-2006", "eti-2004", "gfw-2000", "rbm-2002", "stop-tb-2006",
           "equator-principles-2006", "partnership-on-ai-2017", "prrip-2007",
           "boston-ceasefire-1997", "cgiar-2008", "mmv-2004",
           "gce-2005", "gpei-2003", "rtrs-2006",
           "pcfv-2011",
           "ccac-2013", "girls-not-brides-2013",
           "asc-2013",
           "cincinnati-collaborative-2004", "gri-2002", "ilc-2011"}


def marked(golden):
    reason = "the diagnosis does not meet the adviser's bar for this coalition yet"
    return pytest.param(golden, marks=pytest.mark.xfail(strict=True, reason=reason)) if golden.id in NOT_YET \
        else golden


@pytest.mark.parametrize("golden", [marked(g) for g in PROFILES] or [pytest.param(None, marks=pytest.mark.skip(
    reason="no golden profiles in tests/data/golden/ yet"))], ids=[g.id for g in PROFILES] or ["none"])
def test_golden_coalition(golden):
    if not golden.answered:
        pytest.skip(f"{golden.id}: no answers file {golden.answers_path.name} yet")
    row = row_for(golden)
    top = "\n".join(f"  {n}. {rule} {themes}" for n, (rule, themes) in enumerate(row.top, 1))
    assert row.stage_ok, f"stage {row.stage_found}, expected one of {golden.stages}"
    assert row.themes_ok, (f"{len(row.themes_hit)} of {golden.themes} in the top five (need {row.themes_needed}):"
                           f"\n{top}")
    assert row.shown <= MAX_SHOWN, f"{row.shown} actions shown"


def test_every_profile_is_complete():
    for golden in PROFILES:
        spec = golden.spec
        assert {"id", "coalition", "as_of", "sources", "narrative", "profile", "expect"} <= set(spec), golden.id
        assert golden.id == golden.path.stem
        assert spec["expect"]["themes"] and set(spec["expect"].get("reasons", {})) >= set(spec["expect"]["themes"])
        if golden.answered:
            answers = json.loads(golden.answers_path.read_text())
            assert {"instrument", "answers"} <= set(answers), golden.answers_path.name


def test_the_harness_reads_a_sample_and_scores_it():
    [sample] = load_profiles(SAMPLE)
    row = row_for(sample)
    assert sample.stages == ["agenda_setting", "forming"] and sample.year == 2024
    assert row.themes_needed == 2  # two thirds of three
    assert set(row.themes_hit) <= set(sample.themes)
    assert len(row.top) == 5 and all(themes for _, themes in row.top)
    assert row.shown >= 5


def test_the_table_ends_with_totals():
    rows = [row_for(golden) for golden in load_profiles(SAMPLE)]
    lines = table(rows).splitlines()
    assert lines[-1].startswith("TOTAL 1 profiles: stage right")
    assert "sample-knowledge-network" in lines[1]


def test_a_profile_without_answers_waits_for_them(tmp_path):
    (tmp_path / "lonely.yaml").write_text("id: lonely\nexpect: {stage: forming, themes: [trust]}\n")
    [lonely] = load_profiles(tmp_path)
    assert not lonely.answered and lonely.answers_path.name == "lonely.json"


def test_an_empty_folder_has_no_profiles(tmp_path):
    assert load_profiles(tmp_path) == [] and load_profiles(tmp_path / "missing") == []


def test_the_detail_explains_each_expected_theme():
    from bench.golden_table import detail

    [sample] = load_profiles(SAMPLE)
    text = detail(sample)
    assert text.splitlines()[1].startswith(f"== {sample.id}:")
    assert "stage found" in text and "dimensions:" in text and "map findings:" in text
    for theme in sample.themes:
        line = next(line for line in text.splitlines() if line.startswith(f"theme {theme} "))
        assert "(hit)" in line or "(MISSED)" in line
        assert ": ranked" in line or "its conditions do not hold" in line or "not considered here" in line \
            or "no rule carries it" in line or "the answers show it done" in line or "replaced" in line
