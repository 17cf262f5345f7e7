"""The room's results as plain data for templates: phones, the projector and the group report.

Everything comes from workshop.stats, so the same disclosure control holds here as on the
facilitator's dashboard and in the exports.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.model import Instrument
from workshop.stats import (
    CommonGround,
    Distribution,
    ItemStats,
    common_ground,
    contested,
    group_scores,
    item_stats,
    likert_items,
)
from workshop.workshops import Row, WorkshopInfo


@dataclass(frozen=True)
class Bar:
    """One distribution as three shares that always add up to 100 (for a CSS bar)."""

    label: str
    disagree: int
    neutral: int
    agree: int
    n: int

    @classmethod
    def of(cls, label: str, distribution: Distribution) -> Bar:
        n = distribution.n
        if not n:
            return cls(label, 0, 0, 0, 0)
        half = len(distribution.counts) // 2
        disagree = round(sum(distribution.counts[:half]) / n * 100)
        agree = round(sum(distribution.counts[-half:]) / n * 100)
        return cls(label, disagree, max(0, 100 - disagree - agree), agree, n)


@dataclass(frozen=True)
class Statement:
    text: str
    room: Bar
    groups: list[Bar]
    agreement: float | None
    n: int
    dimension: str | None


@dataclass(frozen=True)
class RoomView:
    answered: int
    threshold: int
    statements: list[Statement] = field(default_factory=list)
    contested: list[Statement] = field(default_factory=list)
    common: list[tuple[Statement, str]] = field(default_factory=list)
    dimensions: list[str] = field(default_factory=list)
    groups: list[tuple[str, list[int | None]]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.statements


def _statement(s: ItemStats) -> Statement:
    groups = [Bar.of(name, d) for name, d in s.groups.items()]
    return Statement(s.text, Bar.of("Everyone", Distribution(s.counts)), groups, s.agreement, s.n, s.dimension)


def build(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row], titles: dict[str, str]) -> RoomView:
    items = likert_items(instrument, workshop.sections)
    stats = item_stats(instrument, items, rows, workshop.threshold)
    shown = [s for s in stats if s.shown and s.n]
    scores = group_scores(instrument, items, rows, workshop.threshold, workshop.groups)
    dimensions = [ref.id for ref in instrument.dimensions if ref.id in scores[0].scores]
    table = [(g.group, [round(g.scores[d]) if d in g.scores else None for d in dimensions])
             for g in scores if not g.hidden]
    found: list[CommonGround] = common_ground(stats)
    return RoomView(answered=sum(1 for r in rows if r.answers), threshold=workshop.threshold,
                    statements=[_statement(s) for s in shown],
                    contested=[_statement(s) for s in contested(stats, workshop.threshold)],
                    common=[(_statement(c.stats), c.side) for c in found],
                    dimensions=[titles.get(d, d) for d in dimensions], groups=table)
