"""The room beside the leader's own answers, question by question.

A leader answers some questions for the members ("is it safe to disagree here?") and can only guess.
Set beside the room's answers to the same statement, the guess is either borne out or not. Only
statements the room may show (enough people answered: workshop.disclosure) are compared, so this
reveals nothing the dashboard does not already show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessment.model import Instrument, text_in
from assessment.report import answer_label
from workshop.choices import Choice, Tally
from workshop.room import Bar
from workshop.stats import Distribution, ItemStats, likert_items, person_scores


@dataclass(frozen=True)
class Comparison:
    """One statement: the leader's answer in words, the room's shares, and how many of the room
    answered on the leader's side (None when the leader gave no point on the scale)."""

    item: str
    question: str
    leader: str
    room: Bar
    same_side: int | None

    @property
    def apart(self) -> bool:
        """Fewer than half of the room on the leader's side: the guess is not borne out."""
        return self.same_side is not None and self.same_side < 50


def leader_scores(instrument: Instrument, section_ids: list[str], answers: dict[str, Any]) -> dict[str, float]:
    """The leader's dimension scores on the statements the room was asked, and only those: a workshop on
    two sections compared with the leader's whole questionnaire would set unlike against unlike."""
    return person_scores(instrument, likert_items(instrument, section_ids), answers)


def side(value: int, points: int) -> str:
    """Which third of the scale an answer is on, as the room's bars split it (Bar.of)."""
    half = points // 2
    return "disagree" if value <= half else "agree" if value > points - half else "neutral"


def against_leader(instrument: Instrument, stats: list[ItemStats], answers: dict[str, Any],
                   language: str = "en") -> list[Comparison]:
    """Every statement the room may show and the leader answered, furthest apart first."""
    rows = []
    for s in stats:
        value = answers.get(s.item.id)
        if not s.shown or not s.n or value is None:
            continue
        scale = instrument.scale_of(s.item)
        words = answer_label(instrument, s.item, value, language)
        room = Bar.of("Everyone", Distribution(s.counts))
        on_scale = isinstance(value, int) and not isinstance(value, bool) and scale and 1 <= value <= scale.points
        same = getattr(room, side(value, scale.points)) if on_scale else None
        rows.append(Comparison(s.item.id, text_in(s.item.text, language), words, room, same))
    return sorted(rows, key=lambda c: (c.same_side is None, c.same_side or 0))


@dataclass(frozen=True)
class PickComparison:
    """One pick-from-a-list question: what the leader chose, with how many in the room chose the same,
    beside what the room chose most."""

    question: str
    yours: list[Choice]
    most: list[Choice]
    picked: int

    @property
    def shared(self) -> bool:
        """The room's most chosen answer is among the leader's."""
        return any(c.key == m.key for c in self.yours for m in self.most)


def picks_against_leader(picks: list[Tally], answers: dict[str, Any]) -> list[PickComparison]:
    """Every list question the room may show and the leader answered on the list."""
    rows = []
    for tally in picks:
        value = answers.get(tally.item.id)
        chosen = {str(v) for v in (value if isinstance(value, list) else [value])}
        yours = [c for c in tally.choices if c.key in chosen]
        if tally.shown and yours:
            rows.append(PickComparison(tally.text, yours, tally.most, tally.picked))
    return rows
