"""Agreement measures against worked numbers (the R package agrmt's documented vector)."""

import pytest

from workshop.agreement import agreement_a, consensus, mean_and_spread

AGRMT = [30, 40, 210, 130, 530, 50, 10]


def test_consensus_matches_agrmt():
    assert consensus(AGRMT) == pytest.approx(0.7256876, abs=1e-7)


def test_agreement_a_matches_agrmt():
    assert agreement_a(AGRMT) == pytest.approx(0.6113333, abs=1e-6)


@pytest.mark.parametrize(("counts", "a", "c"), [
    ([0, 0, 9, 0, 0], 1.0, 1.0),  # everyone in one category
    ([5, 0, 0, 0, 5], -1.0, 0.0),  # two opposite camps
    ([4, 4, 4, 4, 4], 0.0, None),  # spread evenly: A is 0
])
def test_extremes(counts, a, c):
    assert agreement_a(counts) == pytest.approx(a)
    if c is not None:
        assert consensus(counts) == pytest.approx(c)


def test_no_answers_gives_none():
    assert agreement_a([0, 0, 0, 0, 0]) is None
    assert consensus([0, 0, 0, 0, 0]) is None
    assert mean_and_spread([0, 0, 0]) == (None, None)


def test_mean_and_spread():
    mean, spread = mean_and_spread([1, 0, 1])
    assert (mean, spread) == (pytest.approx(2.0), pytest.approx(1.0))
