"""Recommendation rules as data: conditions over scores, answers, stage and representation.

Each condition kind is one row of CONDITIONS (add a kind = add a row). A rule fires when all of
its conditions hold; what matched becomes the "why", so a person can see the evidence behind
every action. Rules are ranked by priority, then by how severe the evidence is, deduplicated, and
the top five are highlighted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assessment.errors import AssessmentError, Code
from assessment.loader import CONTENT_DIR, read_yaml
from assessment.model import STAGES, Instrument, text_in
from assessment.representation import FLAGS, Representation
from assessment.scoring import DimensionScore
from assessment.stage import StageDiagnosis

RULE_DIR = CONTENT_DIR / "recommendations"
TOP = 5


class Condition(BaseModel):
    """One test. Exactly one subject key (dimension, dont_know, answer, stage, skipped, flag, any)."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    dimension: str | None = None
    below: float | None = Field(default=None, ge=0, le=100)
    at_least: float | None = None
    unknown: bool | None = None
    dont_know: str | None = None
    answer: str | None = None
    in_: list[Any] | None = Field(default=None, alias="in")
    at_most: float | None = None
    answered: bool | None = None
    stage: list[str] | None = None
    skipped: str | None = None
    flag: str | None = None
    any: list[Condition] | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> Condition:
        subjects = [k for k in ("dimension", "dont_know", "answer", "stage", "skipped", "flag", "any")
                    if getattr(self, k) is not None]
        if len(subjects) != 1:
            raise ValueError("a condition needs exactly one of dimension, dont_know, answer, stage, skipped, "
                             "flag, any")
        return self


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    title: str
    dimension: str
    priority: int = Field(ge=1, le=3)
    themes: list[str] = Field(min_length=1, description="ids from content/themes.yaml: what the rule serves")
    when: list[Condition] = Field(min_length=1)
    why: str
    steps: list[str] = Field(min_length=2, max_length=5)
    chapter: str
    question: str
    replaces: list[str] = []


class Recommendation(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    title: str
    dimension: str
    priority: int
    rank: int
    top: bool
    why: str
    reasons: list[str]
    steps: list[str]
    chapter: str
    question: str


@dataclass(frozen=True)
class Evidence:
    """Everything the rules may look at, computed once."""

    dimensions: dict[str, DimensionScore]
    answers: dict[str, Any]
    stage: StageDiagnosis | None
    representation: Representation | None
    instrument: Instrument | None = None

    def describe(self, item_id: str) -> str:
        """“Disagree” to “We publish our budget…”, or the bare id when the item is unknown."""
        value = self.answers.get(item_id)
        item = self.instrument.item(item_id) if self.instrument else None
        if item is None:
            return f"Your answer to {item_id}: {_show(value)}"
        scale = self.instrument.scale_of(item)
        values = value if isinstance(value, list) else [value]
        labels = [text_in(scale.choices[str(v)]) if scale and str(v) in scale.choices else _show(v) for v in values]
        return f"You answered “{', '.join(labels) or 'none'}” to: “{text_in(item.text)}”"


Outcome = tuple[bool, str, float]  # fired, reason, severity


def _dimension(c: Condition, e: Evidence) -> Outcome:
    d = e.dimensions.get(c.dimension)
    if d is None:
        return False, "", 0
    if c.unknown is not None:
        return (d.score is None) == c.unknown, f"{d.title} could not be scored (no usable answers)", 15
    if d.score is None:
        return False, "", 0
    if c.below is not None and d.score < c.below:
        # Half a point of severity per point under the threshold (at most 30 for a 60 threshold), so a
        # telling single answer (20) can still outrank a broad low score.
        return True, f"{d.title} scored {d.score:.0f}/100 ({d.band})", (c.below - d.score) / 2
    if c.at_least is not None and d.score >= c.at_least:
        return True, f"{d.title} scored {d.score:.0f}/100 ({d.band})", 1
    return False, "", 0


def _dont_know(c: Condition, e: Evidence) -> Outcome:
    d = e.dimensions.get(c.dont_know)
    wanted = c.at_least or 1
    if d is None or d.dont_know < wanted:
        return False, "", 0
    return True, f"“Don't know” was the answer to {d.dont_know} {d.title.lower()} question(s)", 10 * d.dont_know


def _answer(c: Condition, e: Evidence) -> Outcome:
    value = e.answers.get(c.answer)
    if c.answered is not None:
        given = value not in (None, "", [])
        return given == c.answered, f"Question {c.answer} was {'answered' if given else 'not answered'}", 5
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    hit = (
        (c.in_ is not None and (str(value) in map(str, c.in_) or (isinstance(value, list)
                                                                   and any(str(x) in map(str, c.in_) for x in value))))
        or (c.at_most is not None and number is not None and number <= c.at_most)
        or (c.at_least is not None and number is not None and number >= c.at_least)
    )
    return bool(hit), e.describe(c.answer), 20


def _stage(c: Condition, e: Evidence) -> Outcome:
    current = e.stage.id if e.stage else None
    return current in c.stage, f"The coalition is at the {e.stage.title.lower() if current else ''} stage", 5


def _skipped(c: Condition, e: Evidence) -> Outcome:
    skipped = [s for s in (e.stage.skipped if e.stage else []) if c.skipped in ("any", s.id)]
    if not skipped:
        return False, "", 0
    return True, "Foundation skipped: " + "; ".join(s.note for s in skipped), 30


def _flag(c: Condition, e: Evidence) -> Outcome:
    rep = e.representation
    if rep is None or c.flag not in rep.flags:
        return False, "", 0
    detail = next((g.detail for g in rep.gaps if g.kind == c.flag), c.flag.replace("_", " "))
    return True, detail, 25


def _any(c: Condition, e: Evidence) -> Outcome:
    for sub in c.any:
        fired, reason, severity = evaluate(sub, e)
        if fired:
            return True, reason, severity
    return False, "", 0


CONDITIONS: dict[str, Callable[[Condition, Evidence], Outcome]] = {
    "dimension": _dimension, "dont_know": _dont_know, "answer": _answer, "stage": _stage,
    "skipped": _skipped, "flag": _flag, "any": _any,
}


def evaluate(condition: Condition, evidence: Evidence) -> Outcome:
    kind = next(k for k in CONDITIONS if getattr(condition, k) is not None)
    return CONDITIONS[kind](condition, evidence)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    return {"dont_know": "don't know", "not_applicable": "not applicable", None: "no answer"}.get(value, str(value))


def recommend(rules: list[Rule], evidence: Evidence) -> list[Recommendation]:
    fired = []
    for order, rule in enumerate(rules):
        outcomes = [evaluate(c, evidence) for c in rule.when]
        if all(o[0] for o in outcomes):
            fired.append((rule.priority, -sum(o[2] for o in outcomes), order, rule, [o[1] for o in outcomes if o[1]]))
    fired.sort(key=lambda f: f[:3])
    replaced = {r for f in fired for r in f[3].replaces}
    seen_titles: set[str] = set()
    results = []
    for _, _, _, rule, reasons in fired:
        if rule.id in replaced or rule.title in seen_titles:
            continue
        seen_titles.add(rule.title)
        rank = len(results) + 1
        results.append(Recommendation(
            id=rule.id, title=rule.title, dimension=rule.dimension, priority=rule.priority, rank=rank,
            top=rank <= TOP, why=rule.why, reasons=reasons, steps=rule.steps, chapter=rule.chapter,
            question=rule.question))
    return results


def load_rules(folder: Path = RULE_DIR) -> list[Rule]:
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path) or []
        if not isinstance(data, list):
            raise AssessmentError(Code.BAD_VALUE, path, problem="a rules file must be a list of rules")
        for index, raw in enumerate(data):
            try:
                rules.append(Rule.model_validate(raw))
            except ValidationError as exc:
                error = exc.errors()[0]
                rule_id = raw.get("id") if isinstance(raw, dict) else None
                raise AssessmentError(Code.SCHEMA, path, item=rule_id or f"#{index + 1}",
                                      field=".".join(map(str, error["loc"])), problem=error["msg"]) from None
    ids = [r.id for r in rules]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate:
        raise AssessmentError(Code.DUPLICATE_ID, folder, item=duplicate, value=duplicate)
    return rules


def rule_references(rule: Rule) -> list[tuple[str, str]]:
    """(kind, value) for every id a rule refers to, so `validate` can check them all."""
    refs = [("dimension", rule.dimension), ("chapter", rule.chapter), *[("rule", r) for r in rule.replaces],
            *[("theme", t) for t in rule.themes]]
    stack = list(rule.when)
    while stack:
        c = stack.pop()
        if c.any:
            stack.extend(c.any)
        for kind in ("dimension", "dont_know"):
            if getattr(c, kind):
                refs.append(("dimension", getattr(c, kind)))
        if c.answer:
            refs.append(("item", c.answer))
        refs += [("stage", s) for s in c.stage or []]
        if c.skipped and c.skipped != "any":
            refs.append(("stage", c.skipped))
        if c.flag:
            refs.append(("flag", c.flag))
    return refs


KNOWN_FLAGS = set(FLAGS)
KNOWN_STAGES = set(STAGES)
