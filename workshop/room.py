"""The room's results as plain data for templates: phones, the projector and the group report.

Everything comes from workshop.stats, so the same disclosure control holds here as on the
facilitator's dashboard and in the exports.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache

from cachetools import TTLCache

from assessment.engine import default_engine
from assessment.model import Instrument
from assessment.storage import shared_store
from workshop.choices import Tally, room_tallies
from workshop.stats import (
    CommonGround,
    Distribution,
    GroupScores,
    ItemStats,
    common_ground,
    contested,
    group_scores,
    item_stats,
    likert_items,
)
from workshop.workshops import Row, WorkshopInfo, Workshops


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
    item: str = ""  # its id: each phone shows the statement in its own language


@dataclass(frozen=True)
class RoomView:
    answered: int
    threshold: int
    statements: list[Statement] = field(default_factory=list)
    contested: list[Statement] = field(default_factory=list)
    common: list[tuple[Statement, str, str]] = field(default_factory=list)  # statement, side, across (CommonGround)
    dimensions: list[str] = field(default_factory=list)
    groups: list[tuple[str, list[int | None]]] = field(default_factory=list)
    dimension_ids: list[str] = field(default_factory=list)  # beside `dimensions`, to word them in any language
    picks: list[Tally] = field(default_factory=list)  # pick-from-a-list questions enough people answered

    @property
    def empty(self) -> bool:
        return not self.statements and not self.picks

    @property
    def common_across(self) -> str:
        """"groups" when every common-ground finding is about the groups shown, "room" when each is
        about the room (fewer than two groups shown), "mixed" otherwise: the heading says which."""
        kinds = {across for _, _, across in self.common}
        return kinds.pop() if len(kinds) == 1 else "mixed" if kinds else "groups"


def _statement(s: ItemStats) -> Statement:
    groups = [Bar.of(name, d) for name, d in s.groups.items()]
    return Statement(s.text, Bar.of("Everyone", Distribution(s.counts)), groups, s.agreement, s.n, s.dimension,
                     s.item.id)


def build(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row], titles: dict[str, str],
          stats: list[ItemStats] | None = None, scores: list[GroupScores] | None = None,
          picks: list[Tally] | None = None) -> RoomView:
    """The room as templates show it; pass `stats`, `scores` and `picks` when they are already computed."""
    items = likert_items(instrument, workshop.sections)
    stats = stats if stats is not None else item_stats(instrument, items, rows, workshop.threshold)
    shown = [s for s in stats if s.shown and s.n]
    scores = scores if scores is not None else group_scores(instrument, items, rows, workshop.threshold,
                                                            workshop.groups)
    dimensions = [ref.id for ref in instrument.dimensions if ref.id in scores[0].scores]
    table = [(g.group, [round(g.scores[d]) if d in g.scores else None for d in dimensions])
             for g in scores if not g.hidden]
    found: list[CommonGround] = common_ground(stats)
    if picks is None:
        picks = room_tallies(instrument, workshop, rows)
    return RoomView(answered=sum(1 for r in rows if r.answers), threshold=workshop.threshold,
                    statements=[_statement(s) for s in shown],
                    contested=[_statement(s) for s in contested(stats, workshop.threshold)],
                    common=[(_statement(c.stats), c.side, c.across) for c in found],
                    dimensions=[titles.get(d, d) for d in dimensions], groups=table, dimension_ids=dimensions,
                    picks=[p for p in picks if p.shown])


@dataclass(frozen=True)
class Snapshot:
    """Everything the live views show of one room at one moment, computed once from its rows."""

    counts: dict[str, int]
    stats: list[ItemStats]
    scores: list[GroupScores]
    view: RoomView
    picks: list[Tally] = field(default_factory=list)  # every pick-from-a-list question, shown or not


def snapshot(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row], titles: dict[str, str]) -> Snapshot:
    items = likert_items(instrument, workshop.sections)
    counts = {"joined": len(rows), "answering": sum(1 for r in rows if r.answers and not r.finished),
              "finished": sum(1 for r in rows if r.finished)}
    stats = item_stats(instrument, items, rows, workshop.threshold)
    scores = group_scores(instrument, items, rows, workshop.threshold, workshop.groups)
    picks = room_tallies(instrument, workshop, rows)
    return Snapshot(counts=counts, stats=stats, scores=scores, picks=picks,
                    view=build(workshop, instrument, rows, titles, stats, scores, picks))


class Rooms:
    """Snapshots per workshop, rebuilt only when someone has joined, answered or finished since,
    and shared by every viewer in the process: the facilitator's dashboard, the projector, and a
    thousand phones asking at once when results are revealed (they reuse one build)."""

    def __init__(self, service: Workshops, instruments: dict[str, Instrument], titles: dict[str, str]):
        self.service, self.instruments, self.titles = service, instruments, titles
        self._cache: TTLCache = TTLCache(maxsize=64, ttl=600)
        self._lock = threading.Lock()

    def of(self, workshop: WorkshopInfo) -> Snapshot:
        key = (workshop.id, workshop.threshold, tuple(workshop.groups), tuple(workshop.sections),
               self.service.data_version(workshop.id))
        with self._lock:
            cached = self._cache.get(key)
            if cached is None:
                cached = snapshot(workshop, self.instruments[workshop.instrument_id], self.service.rows(workshop.id),
                                  self.titles)
                self._cache[key] = cached
            return cached


@cache
def shared_rooms() -> Rooms:
    """The process's one cache of rooms (over its one store)."""
    engine = default_engine()
    return Rooms(Workshops(shared_store()), engine.instruments, engine.titles)
