"""Scoring rules, as rows of the spec, and hypothesis properties over random answers."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.scoring import band_for, confidence_for, score_dimensions
from tests.assessment_helpers import TWO_DIMENSIONS, instrument

INSTRUMENT = instrument(TWO_DIMENSIONS)


def scores(answers):
    return {k: v.score for k, v in score_dimensions(INSTRUMENT, answers).items()}


@pytest.mark.parametrize(
    ("answers", "legitimacy", "transparency"),
    [
        ({"le_a": 5, "le_b": 5, "le_r": 1}, 100.0, None),
        ({"le_a": 1, "le_b": 1, "le_r": 5}, 0.0, None),
        ({"le_a": 3}, 50.0, None),
        ({"le_a": 5, "le_b": 1}, 33.3, None),  # weight 2 on le_b: (100 + 0 * 2) / 3
        ({"le_r": 2}, 75.0, None),  # reverse: disagreeing with a bad statement is good
        ({"le_a": "not_applicable", "le_b": "dont_know"}, None, None),
        ({"tr_has": "no", "tr_pub": 1, "tr_open": 5}, None, 100.0),  # skipped item does not count
        ({"tr_has": "yes", "tr_pub": 1, "tr_open": 5}, None, 50.0),
    ],
)
def test_scores(answers, legitimacy, transparency):
    assert scores(answers) == {"legitimacy": legitimacy, "transparency": transparency}


def test_counts_dont_know_coverage_and_confidence():
    result = score_dimensions(INSTRUMENT, {"le_a": 4, "le_b": "dont_know", "le_r": "not_applicable"})["legitimacy"]
    assert (result.answered, result.dont_know, result.not_applicable, result.unanswered) == (1, 1, 1, 0)
    assert result.coverage == 0.5 and result.confidence == "low"  # one answer is never more than low
    assert result.band == "established"


@pytest.mark.parametrize(("coverage", "answered", "confidence"), [
    (1.0, 1, "low"), (1.0, 2, "medium"), (1.0, 3, "medium"), (1.0, 4, "high"), (0.79, 8, "medium"),
    (0.4, 5, "low"), (0.5, 2, "medium")])
def test_confidence_needs_coverage_and_answers(coverage, answered, confidence):
    assert confidence_for(coverage, answered) == confidence


@pytest.mark.parametrize(("score", "band"), [(None, None), (0, "at risk"), (39.9, "at risk"), (40, "developing"),
                                             (60, "established"), (80, "strong"), (100, "strong")])
def test_bands(score, band):
    assert band_for(score) == band


LIKERT = ["le_a", "le_b", "le_r", "tr_pub", "tr_open"]
value = st.one_of(st.integers(1, 5), st.sampled_from(["dont_know", "not_applicable"]))
answers = st.fixed_dictionaries({}, optional={i: value for i in LIKERT} | {"tr_has": st.sampled_from(["yes", "no"])})


@settings(max_examples=300, deadline=None)
@given(answers)
def test_every_score_is_between_0_and_100_or_null(given_answers):
    for score in scores(given_answers).values():
        assert score is None or 0 <= score <= 100


@settings(max_examples=300, deadline=None)
@given(answers, st.sampled_from(LIKERT))
def test_raising_an_answer_moves_the_score_the_right_way(given_answers, item_id):
    current = given_answers.get(item_id)
    if not isinstance(current, int) or current == 5:
        return
    item = INSTRUMENT.item(item_id)
    before = scores(given_answers)[item.dimension]
    after = scores({**given_answers, item_id: current + 1})[item.dimension]
    if before is None or after is None:
        return  # the item is hidden by skip logic
    assert after <= before if item.reverse else after >= before


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LIKERT), unique=True, min_size=1))
def test_all_not_applicable_gives_null_not_zero(items):
    result = score_dimensions(INSTRUMENT, {i: "not_applicable" for i in items})
    for dimension in {INSTRUMENT.item(i).dimension for i in items}:
        others = [i for i in LIKERT if INSTRUMENT.item(i).dimension == dimension and i not in items]
        if not others:
            assert result[dimension].score is None


@settings(max_examples=200, deadline=None)
@given(answers, st.randoms())
def test_order_of_answers_does_not_matter(given_answers, random):
    keys = list(given_answers)
    random.shuffle(keys)
    assert scores({k: given_answers[k] for k in keys}) == scores(given_answers)
