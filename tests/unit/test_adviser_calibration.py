"""The advisers' calibration: counts from the golden coalitions, a bounded factor, and a reason that says so."""

import pytest

from assessment.calibration import CALIBRATION_FILE, Calibration, Tally, dump_calibration, load_calibration
from assessment.engine import default_engine
from assessment.errors import AssessmentError
from assessment.model import Profile
from assessment.ranking import rank
from assessment.recommend import fired_rules
from bench.calibrate import applied, calibrate, golden_coalitions, leave_one_out, sources

ENGINE = default_engine()


def test_the_calibration_file_is_in_step_with_the_golden_coalitions_and_the_rules():
    """Adding a coalition or changing when a rule fires changes the counts: run bench/calibrate.py."""
    coalitions = golden_coalitions()
    text = dump_calibration(calibrate(coalitions=coalitions), sources(coalitions))
    assert CALIBRATION_FILE.read_text(encoding="utf-8") == text
    assert load_calibration().coalitions == len(coalitions) >= 35


def test_the_factor_follows_the_advisers_but_stays_near_one_on_little_evidence():
    calibration = Calibration(coalitions=40, actions={
        "often": Tally(30, 24), "rarely": Tally(30, 1), "average": Tally(40, 10), "seen-once": Tally(1, 1)})
    assert calibration.average == 36 / 101
    assert calibration.factor("often") > 1.3 and calibration.factor("rarely") < 0.6
    assert calibration.factor("often") < 2 and calibration.factor("rarely") > 0.3  # the square root damps it
    assert abs(calibration.factor("seen-once") - 1) < 0.15
    assert calibration.factor("never-fired") == 1.0 and Calibration().factor("often") == 1.0


def test_a_missing_file_means_no_calibration(tmp_path):
    assert load_calibration(tmp_path / "absent.yaml") == Calibration()


def test_the_calibration_moves_an_action_and_its_reason_says_why():
    """Two actions with the same evidence: the one advisers put first more often ranks first, and its
    reason gives the counts behind the factor."""
    answers = {item.id: 1 for item in ENGINE.instruments["full-diagnostic"].items if item.kind == "likert"}
    evidence = ENGINE.evidence(ENGINE.instruments["full-diagnostic"], answers, [], Profile(type="advocacy"))
    fired = fired_rules(ENGINE.rules, evidence)
    plain = rank(fired, evidence, ENGINE.stage_model.weight)
    last = plain.shown[-1].id
    favoured = Calibration(coalitions=50, actions={last: Tally(40, 40), "other": Tally(400, 40)})
    moved = rank(fired, evidence, ENGINE.stage_model.weight, calibration=favoured)
    position = [r.id for r in moved.shown].index(last)
    assert position < len(plain.shown) - 1
    reason = moved.shown[position].rank_reason
    assert ("advisers named it among their first priorities for 40 of the 40 documented coalitions where it "
            "applied") in reason


def test_leave_one_out_counts_every_coalition_but_the_one_ranked():
    coalitions = golden_coalitions()[:4]
    whole = calibrate(ENGINE, coalitions)
    first = coalitions[0]
    without = leave_one_out(ENGINE, coalitions)[first.id].calibration
    assert without.coalitions == whole.coalitions - 1
    for rule_id in applied(first, ENGINE):
        assert without.actions.get(rule_id, None) is None or \
            without.actions[rule_id].applied == whole.actions[rule_id].applied - 1


def test_a_damaged_calibration_file_names_the_entry(tmp_path):
    path = tmp_path / "calibration.yaml"
    path.write_text("coalitions: 3\nactions:\n  some-rule: {applied: 2}\n", encoding="utf-8")
    with pytest.raises(AssessmentError, match="some-rule"):
        load_calibration(path)
