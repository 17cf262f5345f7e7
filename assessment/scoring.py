"""Dimension scores: a profile, never a single headline number.

Each dimension is the weighted mean of its answered items mapped to 0–100 (reverse items flipped).
"Not applicable" leaves an item out; "don't know" leaves it out of the score but is counted, because
a leader who does not know is itself a finding. Coverage and a confidence label say how much the
score rests on.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from assessment.i18n import N_
from assessment.loader import visible
from assessment.model import DONT_KNOW, NOT_APPLICABLE, Instrument, Item, text_in

# Lower bound of each band, highest first: a table so wording and cut-offs change in one place. The
# names are keys as well as English words (colours and rules use them); pages translate them.
BANDS = ((80.0, N_("strong")), (60.0, N_("established")), (40.0, N_("developing")), (0.0, N_("at risk")))
# Confidence needs both breadth (share of the dimension's questions answered) and a number of
# answers: one or two answers are never "high", however complete, and one is always "low".
CONFIDENCE = ((0.8, 4, N_("high")), (0.5, 2, N_("medium")), (0.0, 0, N_("low")))
NO_SCORE = (N_("none"), N_("not scored"))  # the confidence and the band of a dimension nobody could score


class DimensionScore(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    score: float | None
    band: str | None
    answered: int
    dont_know: int
    not_applicable: int
    unanswered: int
    items: int
    coverage: float
    confidence: str


def band_for(score: float | None) -> str | None:
    if score is None:
        return None
    return next(name for floor, name in BANDS if score >= floor)


def confidence_for(coverage: float, answered: int) -> str:
    return next(label for share, least, label in CONFIDENCE if coverage >= share and answered >= least)


def item_score(instrument: Instrument, item: Item, value: int) -> float:
    """A likert answer as 0–100; reverse items are flipped so higher is always better."""
    points = instrument.scale_of(item).points
    score = (value - 1) / (points - 1) * 100
    return 100 - score if item.reverse else score


def score_dimensions(instrument: Instrument, answers: dict[str, Any],
                     titles: dict[str, Any] | None = None, language: str = "en") -> dict[str, DimensionScore]:
    """Scores for every scored dimension the instrument lists, in its order; titles in `language`."""
    titles = titles or {}
    results = {}
    for ref in instrument.dimensions:
        items = [i for i in instrument.items if i.scored and i.dimension == ref.id and visible(i, answers)]
        title = text_in(ref.title if ref.title else titles.get(ref.id, ref.id), language)
        results[ref.id] = _score(ref.id, title, instrument, items, answers)
    return results


def _score(dimension: str, title: str, instrument: Instrument, items: list[Item],
           answers: dict[str, Any]) -> DimensionScore:
    total = weights = 0.0
    answered = dont_know = not_applicable = 0
    for item in items:
        value = answers.get(item.id)
        if value == DONT_KNOW:
            dont_know += 1
        elif value == NOT_APPLICABLE:
            not_applicable += 1
        elif isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= instrument.scale_of(item).points:
            total += item_score(instrument, item, value) * item.weight
            weights += item.weight
            answered += 1
    score = round(total / weights, 1) if weights else None
    applicable = len(items) - not_applicable
    coverage = round(answered / applicable, 3) if applicable else 0.0
    confidence = "none" if score is None else confidence_for(coverage, answered)
    return DimensionScore(
        id=dimension, title=title, score=score, band=band_for(score), answered=answered, dont_know=dont_know,
        not_applicable=not_applicable, unanswered=len(items) - answered - dont_know - not_applicable,
        items=len(items), coverage=coverage, confidence=confidence,
    )
