"""Recommendation rules as data: conditions over scores, answers, stage and representation.

A rule is considered only when its preconditions hold (`requires`: stage, budget, coalition type
and scope), fires when all of its `when` conditions hold, and stays silent when any `done_when`
condition shows the thing is already done or any `unless` condition makes it beside the point.
`agrees` conditions are never needed for a rule to fire, but each that holds adds its evidence (a
missing practice that corroborates a symptom).
Each condition kind is one row of CONDITIONS (add a kind = add a row). What matched becomes the
"why", so a person can see the evidence behind every action; how it ranks is explained too
(assessment/ranking.py). Evidence is counted by distinct pieces (an answer seen by two conditions
counts once), and a rule that replaces others that fired carries their evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assessment.errors import AssessmentError, Code
from assessment.i18n import translator
from assessment.loader import CONTENT_DIR, read_yaml
from assessment.model import COALITION_TYPES, DONT_KNOW, STAGES, Instrument, Profile, text_in
from assessment.representation import FLAGS, Representation
from assessment.scoring import DimensionScore, item_score
from assessment.stage import StageDiagnosis
from assessment.translation import TranslatedText

RULE_DIR = CONTENT_DIR / "recommendations"
SUBJECTS = ("dimension", "dont_know", "answer", "stage", "skipped", "flag", "founded_within", "older_than", "any",
            "all")


class Condition(BaseModel):
    """One test. Exactly one subject key (see SUBJECTS) and the operator that goes with it."""

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
    score_below: float | None = Field(default=None, ge=0, le=101)
    score_at_least: float | None = Field(default=None, ge=0, le=100)
    stage: list[str] | None = None
    skipped: str | None = None
    flag: str | None = None
    founded_within: int | None = Field(default=None, ge=0, le=200)
    older_than: int | None = Field(default=None, ge=0, le=200)
    any: list[Condition] | None = None
    all: list[Condition] | None = None

    @model_validator(mode="after")
    def _one_subject(self) -> Condition:
        subjects = [k for k in SUBJECTS if getattr(self, k) is not None]
        if len(subjects) != 1:
            raise ValueError(f"a condition needs exactly one of {', '.join(SUBJECTS)}")
        return self


class Requires(BaseModel):
    """Preconditions: outside them the rule is never considered, whatever the answers say."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    stages: list[Literal[STAGES]] | None = None  # type: ignore[valid-type]
    # Answers that bring the rule in before the coalition is placed at `stages`: a campaign that has
    # won a commitment has something to monitor while it still campaigns for more.
    or_when: list[Condition] = []
    budget: bool | None = None
    types: list[Literal[COALITION_TYPES]] | None = None  # type: ignore[valid-type]
    scopes: list[Literal["local", "national", "regional", "international"]] | None = None


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    title: TranslatedText  # every text reads as English; text_in(rule.title, "fr") for French
    dimension: str
    priority: int = Field(ge=1, le=3)
    themes: list[str] = Field(min_length=1, description="ids from content/themes.yaml: what the rule serves")
    requires: Requires = Requires()
    when: list[Condition] = Field(min_length=1)
    done_when: list[Condition] = []
    # The situation makes the action beside the point though it is not done (no implementation plan
    # for a text that has stopped moving).
    unless: list[Condition] = []
    agrees: list[Condition] = []
    why: TranslatedText
    steps: list[TranslatedText] = Field(min_length=2, max_length=5)
    chapter: str
    tools: list[str] = []
    question: TranslatedText
    replaces: list[str] = []


class Theme(BaseModel):
    """An entry of content/themes.yaml: what an adviser would tell a coalition to work on."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(pattern=r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
    title: TranslatedText
    description: TranslatedText


class Recommendation(BaseModel):
    """A fired rule as shown: `group` is "top" (the first five) or "also" (also worth doing)."""

    model_config = ConfigDict(frozen=True)
    id: str
    title: str
    dimension: str
    dimension_title: str = ""
    priority: int
    priority_label: str = ""
    rank: int
    top: bool
    group: Literal["top", "also"] = "top"
    why: str
    reasons: list[str]
    rank_reason: str = ""
    steps: list[str]
    chapter: str
    tools: list[str] = []
    question: str
    themes: list[str] = []
    score: float = 0.0
    evidence: int = 0
    obstacles: list[str] = []  # the obstacles the leader named that this action tackles, as worded to them


@dataclass(frozen=True)
class Evidence:
    """Everything the rules may look at, computed once."""

    dimensions: dict[str, DimensionScore]
    answers: dict[str, Any]
    stage: StageDiagnosis | None
    representation: Representation | None
    instrument: Instrument | None = None
    profile: Profile = field(default_factory=Profile)
    as_of: int | None = None
    language: str = "en"  # of the reasons it gives

    def describe(self, item_id: str) -> str:
        """“Disagree” to “We publish our budget…”, or the bare id when the item is unknown."""
        _ = translator(self.language).gettext
        value = self.answers.get(item_id)
        item = self.instrument.item(item_id) if self.instrument else None
        if item is None:
            return _("Your answer to {item}: {answer}").format(item=item_id, answer=_show(value, self.language))
        scale = self.instrument.scale_of(item)
        values = value if isinstance(value, list) else [value]
        labels = [text_in(scale.choices[str(v)], self.language) if scale and str(v) in scale.choices
                  else _show(v, self.language) for v in values]
        return _("You answered “{answer}” to: “{question}”").format(
            answer=", ".join(labels) or _("none"), question=text_in(item.text, self.language))

    def item_score(self, item_id: str) -> float | None:
        """0–100 for a likert answer (reverse items flipped, so low is always weak), else None."""
        value = self.answers.get(item_id)
        item = self.instrument.item(item_id) if self.instrument else None
        if item is None or item.kind != "likert" or not isinstance(value, int) or isinstance(value, bool):
            return None
        if not 1 <= value <= self.instrument.scale_of(item).points:
            return None  # out of range: never an answer the reader would have kept
        return item_score(self.instrument, item, value)

    @property
    def age(self) -> int | None:
        if self.profile.founded is None or self.as_of is None:
            return None
        return max(0, self.as_of - self.profile.founded)


Piece = tuple[str, str, int, float]  # (what: an item id or a finding, kind of evidence, how many it counts for,
#                                       how far from good that piece alone is, 0–1)


@dataclass(frozen=True)
class Outcome:
    """What one condition found. `gap` (0–1) is how far from good the evidence is; `kind` what sort of
    evidence it is (for the rank reason); `pieces` the distinct pieces of evidence behind it, so an
    answer that two conditions look at (a weak answer inside a weak dimension) is counted once."""

    fired: bool
    reasons: tuple[str, ...] = ()
    gap: float = 0.0
    kind: str = "context"
    pieces: tuple[Piece, ...] = ()

    @property
    def count(self) -> int:
        """How many answers, actors or findings agree."""
        return sum(p[2] for p in self.pieces)

    @property
    def tally(self) -> dict[str, int]:
        """How much evidence of each kind: answers, map findings, a weak dimension..."""
        out: dict[str, int] = {}
        for _, kind, n, _gap in self.pieces:
            out[kind] = out.get(kind, 0) + n
        return out

    @property
    def strength(self) -> float:
        """How much the evidence weighs in all: each distinct piece by how far from good it is."""
        return strength_of(self.pieces)


def distinct(pieces: list[Piece] | tuple[Piece, ...]) -> tuple[Piece, ...]:
    """Each piece of evidence once: the first reading of it sets its kind and count, the strongest its gap."""
    seen: dict[str, Piece] = {}
    for piece in pieces:
        first = seen.setdefault(piece[0], piece)
        if piece[3] > first[3]:
            seen[piece[0]] = (*first[:3], piece[3])
    return tuple(seen.values())


def strength_of(pieces: tuple[Piece, ...]) -> float:
    """The sum over distinct pieces of how far from good each is (times how many it counts for): two
    actions with the same strongest evidence and the same number of pieces differ by how weak the rest is."""
    return round(sum(n * gap for _, _, n, gap in pieces), 4)


NO = Outcome(False)
BROAD_KINDS = ("dimension", "dont_know", "unknown")  # evidence that a whole dimension is weak, not one specific gap
DIMENSION_BAND = 60.0  # the floor of "established": distance below it is how weak a dimension is


def _dimension(c: Condition, e: Evidence) -> Outcome:
    d = e.dimensions.get(c.dimension)
    if d is None:
        return NO
    _ = translator(e.language).gettext
    if c.unknown is not None:
        return Outcome((d.score is None) == c.unknown,
                       (_("{dimension} could not be scored (no usable answers)").format(dimension=d.title),), 0.4,
                       "unknown", ((f"unknown:{c.dimension}", "unknown", 1, 0.4),))
    if d.score is None:
        return NO
    reason = _("{dimension} scored {score}/100 ({band})").format(dimension=d.title, score=f"{d.score:.0f}",
                                                                 band=_(d.band))
    if c.below is not None and d.score < c.below:
        gap = max(0.05, min(1.0, (DIMENSION_BAND - d.score) / DIMENSION_BAND))
        weak = _weak_answers(c.dimension, e)
        pieces = tuple((w, "dimension", 1, round(1 - e.item_score(w) / 100, 3)) for w in weak) or (
            (f"dimension:{c.dimension}", "dimension", 1, round(gap, 3)),)
        return Outcome(True, (reason,), round(gap, 3), "dimension", pieces)
    if c.at_least is not None and d.score >= c.at_least:
        return Outcome(True, (reason,), 0.0, "context")
    return NO


def _weak_answers(dimension: str, e: Evidence) -> list[str]:
    """The answers in the dimension that are on the weak side (the answers that agree it is weak)."""
    if e.instrument is None:
        return []
    items = [i.id for i in e.instrument.items if i.scored and i.dimension == dimension]
    return [i for i in items if (score := e.item_score(i)) is not None and score < 50]


def _dont_know(c: Condition, e: Evidence) -> Outcome:
    d = e.dimensions.get(c.dont_know)
    wanted = c.at_least or 1
    if d is None or d.dont_know < wanted:
        return NO
    share = d.dont_know / max(1, d.dont_know + d.answered)
    reason = translator(e.language).ngettext("“Don't know” was the answer to {n} question on {dimension}",
                                             "“Don't know” was the answer to {n} questions on {dimension}",
                                             d.dont_know).format(n=d.dont_know,
                                                                 dimension=d.title[0].lower() + d.title[1:])
    gap = round(0.4 + 0.5 * share, 3)
    return Outcome(True, (reason,), gap, "dont_know", ((f"dont_know:{c.dont_know}", "dont_know", d.dont_know, gap),))


def _answer(c: Condition, e: Evidence) -> Outcome:
    value = e.answers.get(c.answer)
    if c.answered is not None:
        given = value not in (None, "", [])
        _ = translator(e.language).gettext
        said = _("Question {item} was answered") if given else _("Question {item} was not answered")
        return Outcome(given == c.answered, (said.format(item=c.answer),), 0.3, "answer",
                       ((c.answer, "answer", 1, 0.3),))
    number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
    score = e.item_score(c.answer)
    hit, gap = False, 0.75
    if c.in_ is not None:
        values = value if isinstance(value, list) else [value]
        hit = any(str(v) in map(str, c.in_) for v in values)
        gap = 0.6 if value == DONT_KNOW else (1 - score / 100 if score is not None else 0.75)
    elif c.score_below is not None:
        hit = score is not None and score < c.score_below
        gap = 1 - score / 100 if score is not None else 0
    elif c.score_at_least is not None:  # something is in place: a precondition, never evidence of a gap
        held = score is not None and score >= c.score_at_least
        return Outcome(True, (e.describe(c.answer),), 0.0, "context") if held else NO
    elif c.at_most is not None:
        hit = number is not None and number <= c.at_most
        gap = max(0.25, 1 - number / (2 * c.at_most)) if hit and c.at_most else 1.0
    elif c.at_least is not None:
        hit, gap = number is not None and number >= c.at_least, 0.5
    gap = round(max(0.05, gap), 3)
    return Outcome(True, (e.describe(c.answer),), gap, "answer", ((c.answer, "answer", 1, gap),)) if hit else NO


def _stage(c: Condition, e: Evidence) -> Outcome:
    stages = e.stage.stages if e.stage else []
    if not set(stages) & set(c.stage):
        return NO
    reason = translator(e.language).gettext("The coalition is at this stage: {stage}").format(
        stage=e.stage.title.lower())
    return Outcome(True, (reason,), 0.5, "stage", (("stage", "stage", 1, 0.5),))


def _skipped(c: Condition, e: Evidence) -> Outcome:
    skipped = [s for s in (e.stage.skipped if e.stage else []) if c.skipped in ("any", s.id)]
    if not skipped:
        return NO
    gap = max(1 - s.level / 100 for s in skipped)
    _ = translator(e.language).gettext
    return Outcome(True, tuple(_("Foundation skipped: {note}").format(note=s.note) for s in skipped), round(gap, 3),
                   "skipped", tuple((f"skipped:{s.id}", "skipped", 1, round(1 - s.level / 100, 3)) for s in skipped))


def _flag(c: Condition, e: Evidence) -> Outcome:
    rep = e.representation
    gap = next((g for g in rep.gaps if g.kind == c.flag), None) if rep else None
    if gap is None:
        return NO
    kind = "no_map" if c.flag == "no_stakeholder_map" else "map"  # the absence of a map is not something it shows
    return Outcome(True, (gap.detail.rstrip("."),), gap.severity, kind,
                   ((f"flag:{c.flag}", kind, gap.agreeing, gap.severity),))


def _founded_within(c: Condition, e: Evidence) -> Outcome:
    age = e.age
    if age is None or age > c.founded_within:
        return NO
    return Outcome(True, (_age(age, e.language),), 0.0, "context")


def _older_than(c: Condition, e: Evidence) -> Outcome:
    age = e.age
    if age is None or age <= c.older_than:
        return NO
    return Outcome(True, (_age(age, e.language),), 0.0, "context")


def _age(age: int, language: str) -> str:
    return translator(language).ngettext("The coalition is {n} year old", "The coalition is {n} years old",
                                         age).format(n=age)


def combined(outcomes: list[Outcome]) -> Outcome:
    """Several pieces of evidence for one action: the strongest sets the gap, the distinct pieces the count."""
    strongest = max(outcomes, key=lambda o: (o.gap, o.count))
    reasons = tuple(dict.fromkeys(r for o in outcomes for r in o.reasons))
    return Outcome(True, reasons, strongest.gap, strongest.kind, distinct([p for o in outcomes for p in o.pieces]))


def _any(c: Condition, e: Evidence) -> Outcome:
    """Fires when one sub-condition does; every one that holds adds its evidence (more answers agree)."""
    held = [o for o in (evaluate(sub, e) for sub in c.any) if o.fired]
    return combined(held) if held else NO


def _all(c: Condition, e: Evidence) -> Outcome:
    """Fires when every sub-condition does (useful in `done_when`: done only when all parts are)."""
    outcomes = [evaluate(sub, e) for sub in c.all]
    return combined(outcomes) if all(o.fired for o in outcomes) else NO


CONDITIONS: dict[str, Callable[[Condition, Evidence], Outcome]] = {
    "dimension": _dimension, "dont_know": _dont_know, "answer": _answer, "stage": _stage,
    "skipped": _skipped, "flag": _flag, "founded_within": _founded_within, "older_than": _older_than, "any": _any,
    "all": _all,
}


def evaluate(condition: Condition, evidence: Evidence) -> Outcome:
    kind = next(k for k in CONDITIONS if getattr(condition, k) is not None)
    return CONDITIONS[kind](condition, evidence)


def allowed(requires: Requires, e: Evidence) -> bool:
    """Preconditions: the stage range (an unknown stage fails it) unless one of `or_when` holds, a budget,
    the coalition's type and scope (an unknown type or scope passes: advice is not hidden for want of a
    profile)."""
    return admitted(requires, e) is not None


def admitted(requires: Requires, e: Evidence) -> list[Outcome] | None:
    """None when the preconditions (see `allowed`) keep the rule out; otherwise the `or_when` conditions
    that brought it in ahead of its stage range (empty when the coalition is in the range). Each
    condition is evaluated once, so the reasons shown are the ones that admitted it."""
    early: list[Outcome] = []
    if requires.stages is not None and not in_stage_range(requires, e):
        early = brought_in_early(requires, e)
        if not early:
            return None
    if requires.budget is not None:
        has = e.answers.get("tr_has_budget")
        if (requires.budget and has == "no") or (requires.budget is False and has != "no"):
            return None
    if requires.types is not None and e.profile.type is not None and e.profile.type not in requires.types:
        return None
    if requires.scopes is not None and e.profile.scope is not None and e.profile.scope not in requires.scopes:
        return None
    return early


@dataclass(frozen=True)
class Fired:
    """A rule that fired, with the combined evidence: gap (0–1), count of agreeing evidence, reasons."""

    rule: Rule
    reasons: list[str]
    gap: float
    count: int
    kind: str
    tally: dict[str, int] = field(default_factory=dict)
    absorbed: tuple[str, ...] = ()  # specific rules that fired and that this one replaced (it does their job)
    pieces: tuple[Piece, ...] = ()

    @property
    def strength(self) -> float:
        """The distinct evidence summed by how far from good each piece is (a tie-break in the ranking)."""
        return strength_of(self.pieces)

    @property
    def severity(self) -> float:
        """How far from good, discounted when only one piece of evidence says so (1 of 2, 2 of 3, ...)."""
        return self.gap * self.count / (self.count + 1)


def silenced(rule: Rule, e: Evidence) -> bool:
    """The answers show the action done, or make it beside the point."""
    return any(evaluate(c, e).fired for c in (*rule.done_when, *rule.unless))


def in_stage_range(requires: Requires, e: Evidence) -> bool:
    stages = e.stage.stages if e.stage else []
    return requires.stages is None or bool(set(stages) & set(requires.stages))


def brought_in_early(requires: Requires, e: Evidence) -> list[Outcome]:
    """The `or_when` conditions that hold: shown with the action, so a reader placed at negotiation sees why
    advice for a later stage applies to them already."""
    return [o for o in (evaluate(c, e) for c in requires.or_when) if o.fired]


def fire(rule: Rule, e: Evidence) -> Fired | None:
    early = admitted(rule.requires, e)
    if early is None:
        return None
    outcomes = [evaluate(c, e) for c in rule.when]
    if not all(o.fired for o in outcomes):
        return None
    if silenced(rule, e):
        return None
    outcomes += [o for o in (evaluate(c, e) for c in rule.agrees) if o.fired]
    evidence = [o for o in outcomes if o.kind != "context"] or outcomes
    total = combined(evidence)
    reasons = [r for o in (*outcomes, *early) for r in o.reasons]  # the early ones explain, they do not weigh
    return Fired(rule=rule, reasons=list(dict.fromkeys(reasons)), gap=total.gap,
                 count=max(1, total.count), kind=total.kind, tally=total.tally, pieces=total.pieces)


def absorb(fired: Fired, replaced: list[Fired]) -> Fired:
    """A rule that replaces others that fired does their job, so their answers agree with it too (each
    piece of evidence counted once) and their reasons are shown with it. Its own gap still says how
    far from good things are: the rule it replaced measured something narrower."""
    if not replaced:
        return fired
    total = combined([Outcome(True, tuple(f.reasons), f.gap, f.kind, f.pieces) for f in [fired, *replaced]])
    specific = tuple(f.rule.id for f in replaced if f.kind not in BROAD_KINDS)
    return replace(fired, reasons=list(total.reasons), count=max(1, total.count), tally=total.tally,
                   pieces=total.pieces, absorbed=specific)


def fired_rules(rules: list[Rule], evidence: Evidence) -> list[Fired]:
    """Every rule that fires, with milder rules replaced and repeated titles dropped (order: rule id)."""
    fired = [f for f in (fire(rule, evidence) for rule in sorted(rules, key=lambda r: r.id)) if f]
    by_id = {f.rule.id: f for f in fired}
    replaced = {r for f in fired for r in f.rule.replaces}
    merged = [absorb(f, [by_id[r] for r in f.rule.replaces if r in by_id]) for f in fired if f.rule.id not in replaced]
    kept, titles = [], set()
    for f in sorted(merged, key=lambda f: (-f.severity, f.rule.id)):
        title = text_in(f.rule.title)
        if title not in titles:
            titles.add(title)
            kept.append(f)
    return kept


def _show(value: Any, language: str = "en") -> str:
    _ = translator(language).gettext
    if isinstance(value, list):
        return ", ".join(map(str, value)) or _("none")
    words = {"dont_know": _("don't know"), "not_applicable": _("not applicable"), None: _("no answer")}
    return words.get(value, str(value))


def recommend(rules: list[Rule], evidence: Evidence, weights: Callable[[list[str], str], float] | None = None,
              ) -> list[Recommendation]:
    """The actions to show, ranked (see assessment/ranking.py); the count of the rest is `not_shown`."""
    from assessment.ranking import rank

    return rank(fired_rules(rules, evidence), evidence, weights).shown


def _validated(model, data: list, path: Path) -> list:
    """Each entry of a content list as `model`; the first invalid one is named by id (or position),
    field and problem, so an editor can find it."""
    entries = []
    for index, raw in enumerate(data):
        try:
            entries.append(model.model_validate(raw))
        except ValidationError as exc:
            error = exc.errors()[0]
            entry_id = raw.get("id") if isinstance(raw, dict) else None
            raise AssessmentError(Code.SCHEMA, path, item=entry_id or f"#{index + 1}",
                                  field=".".join(map(str, error["loc"])), problem=error["msg"]) from None
    return entries


def _refuse_duplicates(ids: list[str], where: Path) -> None:
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate:
        raise AssessmentError(Code.DUPLICATE_ID, where, item=duplicate, value=duplicate)


def load_rules(folder: Path = RULE_DIR) -> list[Rule]:
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path) or []
        if not isinstance(data, list):
            raise AssessmentError(Code.BAD_VALUE, path, problem="a rules file must be a list of rules")
        rules.extend(_validated(Rule, data, path))
    _refuse_duplicates([r.id for r in rules], folder)
    return rules


def load_themes(path: Path = CONTENT_DIR / "themes.yaml") -> list[Theme]:
    """The theme vocabulary, in file order; a theme's id may appear once."""
    data = read_yaml(path) or []
    if not isinstance(data, list):
        raise AssessmentError(Code.BAD_VALUE, path, problem="the themes file must be a list of themes")
    themes = _validated(Theme, data, path)
    _refuse_duplicates([t.id for t in themes], path)
    return themes


def rule_references(rule: Rule) -> list[tuple[str, str]]:
    """(kind, value) for every id a rule refers to, so `validate` can check them all."""
    refs = [("dimension", rule.dimension), ("chapter", rule.chapter), *[("rule", r) for r in rule.replaces],
            *[("theme", t) for t in rule.themes], *[("tool", t) for t in rule.tools]]
    stack = [*rule.when, *rule.done_when, *rule.unless, *rule.agrees, *rule.requires.or_when]
    while stack:
        c = stack.pop()
        stack.extend(c.any or [])
        stack.extend(c.all or [])
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
