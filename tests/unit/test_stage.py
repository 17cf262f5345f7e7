from assessment.stage import diagnose_stage, load_stages
from tests.assessment_helpers import BASE, instrument

STAGE_ITEMS = "\n".join(
    f"      - {{id: st_{stage}_{n}, text: '{stage} {n}', dimension: stage, scale: agree5, stage: {stage}}}"
    for stage in ("forming", "agenda_setting", "negotiation", "implementation", "monitoring", "evaluation")
    for n in (1, 2))
FORM = instrument("  - id: stage\n    title: Stage\n    items:\n" + STAGE_ITEMS, BASE)
STAGES = load_stages()


def answers(**levels):
    return {f"st_{stage}_{n}": value for stage, value in levels.items() for n in (1, 2)}


def test_no_answers_means_unknown_stage():
    result = diagnose_stage(FORM, {}, STAGES)
    assert result.id is None and "not known" in result.evidence[0]


def test_latest_agreed_stage_wins_with_evidence():
    result = diagnose_stage(FORM, answers(forming=5, agenda_setting=4, negotiation=4, implementation=4,
                                          monitoring=2, evaluation=1), STAGES)
    assert result.id == "implementation" and result.title == "Implementation"
    assert any("implementation 1" in line for line in result.evidence)
    assert result.skipped == []


def test_foundations_skipped_are_flagged():
    result = diagnose_stage(FORM, answers(forming=2, agenda_setting=4, negotiation=1, implementation=2,
                                          monitoring=5), STAGES)
    assert result.id == "monitoring"
    assert [s.id for s in result.skipped] == ["forming", "negotiation", "implementation"]
    assert "written framing" in result.skipped[0].note


def test_nothing_agreed_places_the_coalition_at_the_start():
    result = diagnose_stage(FORM, answers(forming=3, negotiation=2), STAGES)
    assert result.id == "forming" and result.skipped == []
    assert any("placed at the start" in line for line in result.evidence)
