"""What the room thinks: distributions, agreement, group scores and contested items.

Pure functions over anonymous rows. Groups with fewer respondents than the workshop's anonymity
threshold are never shown: their numbers are not computed into any output, exports included.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean
from typing import Any

from assessment.loader import visible
from assessment.model import DONT_KNOW, NOT_APPLICABLE, Instrument, Item, text_in
from assessment.scoring import item_score
from workshop.agreement import agreement_a, consensus, mean_and_spread
from workshop.workshops import Row

ROOM = "Everyone"


@dataclass(frozen=True)
class ItemStats:
    item: Item
    text: str
    dimension: str | None
    counts: list[int]
    dont_know: int
    not_applicable: int
    n: int
    mean: float | None
    spread: float | None
    agreement: float | None
    consensus: float | None


@dataclass(frozen=True)
class GroupScores:
    group: str
    n: int
    hidden: bool
    scores: dict[str, float | None] = field(default_factory=dict)


def likert_items(instrument: Instrument, section_ids: list[str]) -> list[Item]:
    return [item for section in instrument.sections if not section_ids or section.id in section_ids
            for item in section.items if item.kind == "likert"]


def item_stats(instrument: Instrument, items: list[Item], rows: list[Row]) -> list[ItemStats]:
    stats = []
    for item in items:
        points = instrument.scale_of(item).points
        counts = [0] * points
        dont_know = not_applicable = 0
        for row in rows:
            value = row.answers.get(item.id)
            if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= points:
                counts[value - 1] += 1
            elif value == DONT_KNOW:
                dont_know += 1
            elif value == NOT_APPLICABLE:
                not_applicable += 1
        average, spread = mean_and_spread(counts)
        stats.append(ItemStats(item=item, text=text_in(item.text), dimension=item.dimension, counts=counts,
                               dont_know=dont_know, not_applicable=not_applicable, n=sum(counts), mean=average,
                               spread=spread, agreement=agreement_a(counts), consensus=consensus(counts)))
    return stats


def contested(stats: list[ItemStats], threshold: int, limit: int = 5) -> list[ItemStats]:
    """Items where the room agrees least (lowest agreement A), among those enough people answered."""
    answered = [s for s in stats if s.n >= max(2, threshold) and s.agreement is not None]
    return sorted(answered, key=lambda s: (s.agreement, -s.n))[:limit]


def person_scores(instrument: Instrument, items: list[Item], answers: dict[str, Any]) -> dict[str, float]:
    """One participant's dimension scores (the same rule as the self-assessment: weighted mean 0–100)."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for item in items:
        value = answers.get(item.id)
        if item.scored and isinstance(value, int) and not isinstance(value, bool) and visible(item, answers):
            totals[item.dimension][0] += item_score(instrument, item, value) * item.weight
            totals[item.dimension][1] += item.weight
    return {d: round(t / w, 1) for d, (t, w) in totals.items() if w}


def group_scores(instrument: Instrument, items: list[Item], rows: list[Row], threshold: int,
                 groups: list[str]) -> list[GroupScores]:
    """The room's and each group's mean dimension scores; a group under the threshold is hidden."""
    people = [(row.group, person_scores(instrument, items, row.answers)) for row in rows]
    dimensions = [ref.id for ref in instrument.dimensions]
    results = [_group(ROOM, [s for _, s in people], dimensions, hidden=False)]
    for group in groups:
        members = [s for g, s in people if g == group]
        results.append(_group(group, members, dimensions, hidden=len(members) < threshold))
    return results


def _group(name: str, members: list[dict[str, float]], dimensions: list[str], hidden: bool) -> GroupScores:
    if hidden:
        return GroupScores(group=name, n=len(members), hidden=True)
    scores = {}
    for dimension in dimensions:
        values = [m[dimension] for m in members if dimension in m]
        scores[dimension] = round(mean(values), 1) if values else None
    return GroupScores(group=name, n=len(members), hidden=False, scores=scores)


def group_gaps(scores: list[GroupScores]) -> list[tuple[str, float, str, str]]:
    """(dimension, gap, highest group, lowest group) across visible groups, largest gap first."""
    visible_groups = [g for g in scores if g.group != ROOM and not g.hidden]
    if len(visible_groups) < 2:
        return []
    gaps = []
    for dimension in visible_groups[0].scores:
        values = [(g.scores[dimension], g.group) for g in visible_groups if g.scores.get(dimension) is not None]
        if len(values) >= 2:
            high, low = max(values), min(values)
            if high[0] - low[0] >= 1:  # a difference under a point is noise, not a finding
                gaps.append((dimension, round(high[0] - low[0], 1), high[1], low[1]))
    return sorted(gaps, key=lambda g: -g[1])


def safe_group(row: Row, counts: dict[str | None, int], threshold: int) -> str:
    """The group to show for a row in exports: blank when none, masked when the group is too small."""
    if row.group is None:
        return ""
    return row.group if counts.get(row.group, 0) >= threshold else "(group below anonymity threshold)"


def group_sizes(rows: list[Row]) -> dict[str | None, int]:
    sizes: dict[str | None, int] = defaultdict(int)
    for row in rows:
        sizes[row.group] += 1
    return dict(sizes)
