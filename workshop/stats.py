"""What the room thinks: distributions, agreement, group scores, contested items and common ground.

Pure functions over anonymous rows. Every figure passes disclosure control (workshop/disclosure.py)
measure by measure: a statement's or a dimension's figures for a group appear only when enough
members of that group answered it, and no shown figure can be subtracted from another to reach a
hidden group. What is withheld is never computed into an output, exports included.
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
from workshop.disclosure import room_shown, shown_groups
from workshop.workshops import Row, chosen_sections

ROOM = "Everyone"


@dataclass(frozen=True)
class Distribution:
    """How one set of people answered one statement."""

    counts: list[int]
    dont_know: int = 0
    not_applicable: int = 0

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def respondents(self) -> int:
        return self.n + self.dont_know + self.not_applicable

    def lean(self) -> tuple[float, float]:
        """Shares agreeing and disagreeing (the top and bottom halves of the scale) among answers."""
        half = len(self.counts) // 2
        if not self.n:
            return 0.0, 0.0
        return sum(self.counts[-half:]) / self.n, sum(self.counts[:half]) / self.n


@dataclass(frozen=True)
class ItemStats:
    """The room's answers to one statement, and each shown group's. When fewer people than the
    threshold answered, `shown` is False and every figure is empty."""

    item: Item
    text: str
    dimension: str | None
    shown: bool
    counts: list[int]
    dont_know: int
    not_applicable: int
    n: int
    mean: float | None
    spread: float | None
    agreement: float | None
    consensus: float | None
    groups: dict[str, Distribution] = field(default_factory=dict)
    respondents: int = 0  # how many answered at all (shown even when the figures are not)


@dataclass(frozen=True)
class GroupScores:
    """A group's mean score per dimension, only for dimensions where the group may be shown."""

    group: str
    scores: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def hidden(self) -> bool:
        return not self.scores


@dataclass(frozen=True)
class CommonGround:
    """A statement on which every shown group leans the same way, or, where fewer than two groups can
    be shown, the room and the group shown if there is one."""

    stats: ItemStats
    side: str  # "agree" or "disagree"
    score: float  # product over groups of each group's smoothed probability of that side
    groups: list[str]

    @property
    def across(self) -> str:
        """"groups" when the finding is that every shown group leans this way, "room" when it is the room's."""
        return "room" if ROOM in self.groups else "groups"


def scale_labels(instrument: Instrument):
    """item -> its answer labels in scale order (a questionnaire may mix five- and three-point scales)."""
    return lambda item: [text_in(label) for label in instrument.scale_of(item).choices.values()]


def likert_items(instrument: Instrument, section_ids: list[str]) -> list[Item]:
    return [item for section in chosen_sections(instrument, section_ids) for item in section.items
            if item.kind == "likert"]


def _distribution(points: int, values: list[Any]) -> Distribution:
    counts = [0] * points
    dont_know = not_applicable = 0
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= points:
            counts[value - 1] += 1
        elif value == DONT_KNOW:
            dont_know += 1
        elif value == NOT_APPLICABLE:
            not_applicable += 1
    return Distribution(counts, dont_know, not_applicable)


def item_stats(instrument: Instrument, items: list[Item], rows: list[Row], threshold: int) -> list[ItemStats]:
    """Each statement's distribution for the room and for every group that may be shown."""
    stats = []
    for item in items:
        points = instrument.scale_of(item).points
        by_group: dict[str | None, list[Any]] = defaultdict(list)
        for row in rows:
            if item.id in row.answers:
                by_group[row.group].append(row.answers[item.id])
        each = {g: _distribution(points, values) for g, values in by_group.items()}
        # Disclosure counts the answers a figure is made of: "don't know" and "not applicable" answers
        # enter no share, so three people of whom two did not know would otherwise show one person's answer.
        counted = {g: d.n for g, d in each.items()}
        room = _combined(points, list(each.values())) if room_shown(counted, threshold) else Distribution([0] * points)
        groups = {g: each[g] for g in sorted(shown_groups(counted, threshold))}
        stats.append(_item(item, room, room.respondents > 0, groups, sum(map(len, by_group.values()))))
    return stats


def _combined(points: int, parts: list[Distribution]) -> Distribution:
    """The room's distribution as the sum of its groups' (each answer is counted once, in its group)."""
    return Distribution([sum(d.counts[i] for d in parts) for i in range(points)], sum(d.dont_know for d in parts),
                        sum(d.not_applicable for d in parts))


def _item(item: Item, room: Distribution, shown: bool, groups: dict[str, Distribution],
          respondents: int) -> ItemStats:
    average, spread = mean_and_spread(room.counts)
    return ItemStats(item=item, text=text_in(item.text), dimension=item.dimension, shown=shown,
                     counts=room.counts, dont_know=room.dont_know, not_applicable=room.not_applicable, n=room.n,
                     mean=average, spread=spread, agreement=agreement_a(room.counts),
                     consensus=consensus(room.counts), groups=groups, respondents=respondents)


def contested(stats: list[ItemStats], threshold: int, limit: int = 5) -> list[ItemStats]:
    """Items where the room agrees least (lowest agreement A), among those enough people answered."""
    answered = [s for s in stats if s.shown and s.n >= max(2, threshold) and s.agreement is not None]
    return sorted(answered, key=lambda s: (s.agreement, -s.n))[:limit]


def group_informed_consensus(groups: list[Distribution], side: str) -> float:
    """Pol.is's group-informed consensus, on an agree–disagree scale: the product over groups of
    each group's probability of taking `side`, (count + 1) / (answers + 2) (Laplace smoothing, so a
    small group is neither certain nor ignored). High only when every group leans that way."""
    product = 1.0
    half = len(groups[0].counts) // 2 if groups else 0
    for group in groups:
        taking = sum(group.counts[-half:]) if side == "agree" else sum(group.counts[:half])
        product *= (taking + 1) / (group.n + 2)
    return product


def common_ground(stats: list[ItemStats], limit: int = 5) -> list[CommonGround]:
    """Statements on which every shown group leans the same way, strongest first. With fewer than two
    groups shown, the room must lean that way, and the one group shown too: a group shown beside the
    statement never contradicts it. A statement counts only when each group's own majority takes
    that side, not when the room's average does."""
    found = []
    for s in stats:
        if not s.shown or not s.n:
            continue
        shown = {g: d for g, d in s.groups.items() if d.n}
        groups = shown if len(shown) >= 2 else {ROOM: Distribution(s.counts), **shown}
        for side, index in (("agree", 0), ("disagree", 1)):
            if all(d.lean()[index] > 0.5 for d in groups.values()):
                found.append(CommonGround(s, side, group_informed_consensus(list(groups.values()), side),
                                          list(groups)))
    return sorted(found, key=lambda c: (-c.score, c.stats.item.id))[:limit]


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
    """The room's and each group's mean dimension scores, dimension by dimension under disclosure
    control: the room first, then every listed group (empty when it may not be shown)."""
    people = [(row.group, person_scores(instrument, items, row.answers)) for row in rows]
    room = GroupScores(ROOM)
    by_group = {g: GroupScores(g) for g in groups}
    for ref in instrument.dimensions:
        members: dict[str | None, list[float]] = defaultdict(list)
        for group, scores in people:
            if ref.id in scores:
                members[group].append(scores[ref.id])
        respondents = {g: len(v) for g, v in members.items()}
        if room_shown(respondents, threshold):
            _add(room, ref.id, [v for values in members.values() for v in values])
        for group in shown_groups(respondents, threshold) & set(by_group):
            _add(by_group[group], ref.id, members[group])
    return [room, *by_group.values()]


def _add(target: GroupScores, dimension: str, values: list[float]) -> None:
    target.scores[dimension] = round(mean(values), 1)
    target.counts[dimension] = len(values)


def group_gaps(scores: list[GroupScores]) -> list[tuple[str, float, str, str]]:
    """(dimension, gap, highest group, lowest group) across shown groups, largest gap first."""
    shown = [g for g in scores if g.group != ROOM and not g.hidden]
    dimensions = {d for g in shown for d in g.scores}
    gaps = []
    for dimension in dimensions:
        values = [(g.scores[dimension], g.group) for g in shown if dimension in g.scores]
        if len(values) >= 2:
            high, low = max(values), min(values)
            if high[0] - low[0] >= 1:  # a difference under a point is noise, not a finding
                gaps.append((dimension, round(high[0] - low[0], 1), high[1], low[1]))
    return sorted(gaps, key=lambda g: (-g[1], g[0]))


def export_groups(rows: list[Row], threshold: int) -> dict[str, str]:
    """The group each exported person may carry: shown groups by name; everyone else none.

    Decided over the people who answered anything, so that a hidden group's rows look exactly like
    those of people who chose no group."""
    respondents: dict[str | None, int] = defaultdict(int)
    for row in rows:
        if row.answers:
            respondents[row.group] += 1
    return {g: g for g in shown_groups(respondents, threshold)}
