"""Rank fired rules from their evidence and choose what to show.

The score of an action is how far from good its evidence is (a dimension's distance below the
established band, or how weak an answer is), discounted when only one piece of evidence says so,
then weighted by how much its dimension matters at the coalition's stage (content/stages.yaml)
and by the rule's own priority. Ties are broken by evidence (more agreeing answers first, then
the weaker dimension, then the more urgent rule) and only at the very end by rule id, never by
the order of the rule files. The first five hold at most two actions from one dimension; up to
ten more are shown as "also worth doing" (pages group them by dimension); the rest are only counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from assessment.grammar import count, join, ordinal, sentence, verb
from assessment.model import text_in
from assessment.recommend import BROAD_KINDS, DIMENSION_BAND, Evidence, Fired, Recommendation

TOP = 5
ALSO = 10
PER_DIMENSION_IN_TOP = 2
PRIORITY_FACTOR = {1: 1.0, 2: 0.6, 3: 0.4}
LABELS = ((0.45, "Act now"), (0.25, "Next"), (0.0, "When you can"))
NOTABLE_WEIGHT = 0.15
BROAD = BROAD_KINDS
AFTER_SPECIFIC = 0.98  # a broad action ranks just after the best specific action of its dimension


@dataclass(frozen=True)
class Ranking:
    shown: list[Recommendation]
    not_shown: int


@dataclass(frozen=True)
class Scored:
    fired: Fired
    score: float
    weight: float
    key: tuple
    after_specific: bool = False


def priority_label(score: float) -> str:
    """The priority in words, from the score: the label says how urgent, not where it was listed."""
    return next(label for floor, label in LABELS if score >= floor)


def rank(fired: list[Fired], evidence: Evidence, weights: Callable[[list[str], str], float] | None = None,
         titles: dict[str, str] | None = None) -> Ranking:
    stages = evidence.stage.stages if evidence.stage else []
    scored = sorted(specific_first([_score(f, evidence, stages, weights) for f in fired], evidence),
                    key=lambda s: s.key)
    top: list[Scored] = []
    rest: list[Scored] = []
    held_back: set[str] = set()
    per_dimension: Counter[str] = Counter()
    for item in scored:
        dimension = item.fired.rule.dimension
        if len(top) < TOP and per_dimension[dimension] < PER_DIMENSION_IN_TOP:
            top.append(item)
            per_dimension[dimension] += 1
        else:
            if len(top) < TOP:
                held_back.add(item.fired.rule.id)
            rest.append(item)
    also = rest[:ALSO]
    total = len(scored)
    titles = titles or {}
    shown = [_recommendation(item, n, "top", total, evidence, stages, held_back, titles)
             for n, item in enumerate(top, 1)]
    ranked_also = [_recommendation(item, n, "also", total, evidence, stages, held_back, titles)
                   for n, item in enumerate(also, len(top) + 1)]
    return Ranking(shown=shown + ranked_also, not_shown=len(rest) - len(also))


def specific_first(scored: list[Scored], evidence: Evidence) -> list[Scored]:
    """A broad action ("rebuild representation") follows the specific actions of its own dimension
    ("open a channel to the ministry"): an adviser names the concrete gaps first and keeps the broad
    repair as the next step. Its score is held just under the best specific action of its
    dimension, so a dimension's two places in the first five go to its most telling concrete
    action and then to the broad repair. A broad action that replaced a specific one that fired
    ("write down the decision rules and roles" inside "rebuild accountability") is that concrete
    action in its fuller form, so it is not held back."""
    specific: dict[str, list[float]] = {}
    for item in scored:
        if item.fired.kind not in BROAD:
            specific.setdefault(item.fired.rule.dimension, []).append(item.score)
    best = {d: max(scores) for d, scores in specific.items()}
    out = []
    for item in scored:
        cap = best.get(item.fired.rule.dimension)
        if (item.fired.kind in BROAD and not item.fired.absorbed and cap is not None
                and item.score > cap * AFTER_SPECIFIC):
            score = round(cap * AFTER_SPECIFIC, 4)
            out.append(Scored(item.fired, score, item.weight, (-score, *item.key[1:]), after_specific=True))
        else:
            out.append(item)
    return out


def group_by_dimension(recommendations: list[Recommendation]) -> list[Recommendation]:
    """For display: rank order inside each dimension, dimensions in the order of their best-ranked action.
    (The result itself keeps rank order, so JSON readers see ranks 1, 2, 3...)"""
    first = {}
    for rec in recommendations:
        first.setdefault(rec.dimension, rec.rank)
    return sorted(recommendations, key=lambda r: (first[r.dimension], r.rank))


def _score(fired: Fired, evidence: Evidence, stages: list[str],
           weights: Callable[[list[str], str], float] | None) -> Scored:
    rule = fired.rule
    weight = weights(stages, rule.dimension) if weights and stages else 1.0
    score = round(fired.severity * weight * PRIORITY_FACTOR[rule.priority], 4)
    dimension = evidence.dimensions.get(rule.dimension)
    weakness = dimension.score if dimension is not None and dimension.score is not None else 101.0
    return Scored(fired, score, weight, (-score, -fired.count, weakness, rule.priority, rule.id))


def _recommendation(item: Scored, rank_number: int, group: str, total: int, evidence: Evidence, stages: list[str],
                    held_back: set[str], titles: dict[str, str]) -> Recommendation:
    rule = item.fired.rule
    dimension = evidence.dimensions.get(rule.dimension)
    dimension_title = dimension.title if dimension else titles.get(rule.dimension, rule.dimension.replace("_", " ")
                                                                   .capitalize())
    return Recommendation(
        id=rule.id, title=text_in(rule.title), dimension=rule.dimension, dimension_title=dimension_title,
        priority=rule.priority, priority_label=priority_label(item.score), rank=rank_number, top=group == "top",
        group=group, why=text_in(rule.why), reasons=item.fired.reasons,
        rank_reason=rank_reason(item, rank_number, total, evidence, stages, rule.id in held_back, dimension_title),
        steps=[text_in(s) for s in rule.steps], chapter=rule.chapter, tools=list(rule.tools),
        question=text_in(rule.question), themes=list(rule.themes), score=item.score, evidence=item.fired.count)


EVIDENCE_ORDER = ("dimension", "answer", "map", "skipped", "dont_know", "stage", "unknown", "context")


def evidence_phrase(kind: str, n: int, fired: Fired, evidence: Evidence, dimension_title: str) -> str:
    dimension = evidence.dimensions.get(fired.rule.dimension)
    if kind == "dimension" and dimension is not None and dimension.score is not None:
        points = max(0, round(DIMENSION_BAND - dimension.score))
        return (f"{dimension_title} is {count(points, 'point')} below the established band and "
                f"{count(n, 'answer')} {verb(n, 'agrees', 'agree')}")
    if kind == "answer":
        weakest = "at the weak end of the scale" if n == 1 else "the strongest at the weak end of the scale"
        strength = f", {weakest}" if fired.gap >= 0.99 and fired.kind == "answer" else ""
        return f"{count(n, 'answer', words=True)} {verb(n, 'points', 'point')} to it{strength}"
    if kind == "map":
        return f"the stakeholder map shows it ({count(n, 'actor or group', 'actors or groups')})"
    if kind == "dont_know":
        return f"{n} “don't know” {verb(n, 'answer', 'answers')} on {dimension_title.lower()}"
    if kind == "skipped":
        return "a foundation of an earlier stage was skipped"
    if kind == "stage":
        return "it is the work of the stage the coalition is at"
    return f"{dimension_title} could not be scored"


def rank_reason(item: Scored, rank_number: int, total: int, evidence: Evidence, stages: list[str], held_back: bool,
                dimension_title: str) -> str:
    """“Ranked 2nd of 14: transparency is 43 points below the established band and 5 answers agree; …”."""
    fired = item.fired
    because = join(evidence_phrase(kind, n, fired, evidence, dimension_title) for kind, n in sorted(
        (fired.tally or {fired.kind: fired.count}).items(), key=lambda kv: EVIDENCE_ORDER.index(kv[0])))
    text = f"Ranked {ordinal(rank_number)} of {total}: {because}"
    if stages and abs(item.weight - 1) >= NOTABLE_WEIGHT:
        more = "more" if item.weight > 1 else "less"
        where = " and ".join(s.replace("_", "-") for s in stages)
        text += f"; {dimension_title.lower()} weighs {more} at the {where} stage (×{item.weight:.1f})"
    if item.after_specific:
        text += f"; it comes after the more specific actions on {dimension_title.lower()}"
    text = sentence(text)
    if held_back:
        text += (f" It would be among the first five, but two actions on {dimension_title.lower()} already are, and "
                 "the first five never hold more than two from one dimension.")
    return text
