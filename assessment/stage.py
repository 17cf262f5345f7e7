"""Where a coalition stands in its life cycle, with the evidence, and foundations it skipped.

Each stage's questions are answered on a factual scale (done / under way / not started), so each
stage has a progress from 0 to 1. The coalition's path depends on its type (content/stages.yaml:
a knowledge network does not negotiate a treaty) and on stages it marks "not applicable".

The position along the path is the sum of each stage's progress, where a stage is credited with
the progress of the stage after it (work under way on implementation means negotiation is behind
you, even if its questions were answered cautiously). The current stage is the one being worked
on at that position; close to a boundary the diagnosis says "between X and Y" instead of flipping.
Because one answer moved by one step changes the sum by at most one, the diagnosis then moves by
at most one step: from a stage to "between", or from "between" to the next stage.

Between two stages, the diagnosis names both, their advice applies together, and the current stage
is the later one: the most advanced under way, as a coalition bargaining over a text is negotiating
even while officials have not all come round. A stage can name the item that closes
it (`closed_by` in content/stages.yaml): once the decision on the coalition's future is taken,
the evaluation is behind it and the coalition is placed at the work it carries on, never further
than the stage before (a cap moves the place by at most one step, so stability holds). A stage can
also name the item that opens it (`opened_by`): at the drafting table a coalition is negotiating, with
commitments being put into practice it is implementing, and with its overall review under way it is
evaluating, so a coalition three quarters through the stage
before is placed between the two while the opened stage is unfinished (half a step, from a place
that half_step would otherwise round down).
"""

from __future__ import annotations

import math
from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assessment.grammar import sentence
from assessment.i18n import N_, Translator, translator
from assessment.loader import CONTENT_DIR, read_yaml, visible
from assessment.model import COALITION_TYPES, DONT_KNOW, NOT_APPLICABLE, STAGES, Instrument, Item, text_in
from assessment.scoring import item_score
from assessment.translation import TranslatedText

DONE = 0.999  # a stage is done when all of its work is done; anything started but not finished is under way
SKIPPED_AT_MOST = 0.0  # an earlier stage is a skipped foundation only when none of its work was started
JUST_STARTED = 0.25  # progress into the next stage below which the coalition is "between" two stages
NEARLY_THROUGH = 0.75  # progress through a stage from which an opened next stage makes it "between" them


class StageInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    title: TranslatedText  # reads as English; text_in(stage.title, "fr") for French
    description: TranslatedText
    skipped: TranslatedText
    chapter: str
    weights: dict[str, float] = {}
    closed_by: str | None = None  # an item whose answer "done" means this stage is over (see the module doc)
    opened_by: str | None = None  # an item whose answer "under way" or "done" means this stage has begun

    @property
    def name(self) -> str:
        """The title in English."""
        return text_in(self.title)

    def name_in(self, language: str) -> str:
        return text_in(self.title, language)

    @model_validator(mode="after")
    def _weights_in_range(self) -> StageInfo:
        bad = {d: w for d, w in self.weights.items() if not 0.3 <= w <= 2.0}
        if bad:
            raise ValueError(f"stage '{self.id}': weights must be between 0.3 and 2, got {bad}")
        return self


class StageModel(BaseModel):
    """content/stages.yaml: the stages in order and each coalition type's path through them."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    stages: list[StageInfo]
    paths: dict[str, list[str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> StageModel:
        if [s.id for s in self.stages] != list(STAGES):
            raise ValueError(f"stages must be {', '.join(STAGES)} in that order")
        missing = (set(COALITION_TYPES) | {"default"}) - set(self.paths)
        if missing:
            raise ValueError(f"paths must name every coalition type and 'default'; missing {sorted(missing)}")
        for kind, path in self.paths.items():
            if kind not in (*COALITION_TYPES, "default"):
                raise ValueError(f"paths: unknown coalition type '{kind}'")
            if not path or [s for s in STAGES if s in path] != path:
                raise ValueError(f"paths.{kind}: stages must be known and in life-cycle order, got {path}")
        return self

    def path(self, coalition_type: str | None) -> list[str]:
        return self.paths.get(coalition_type or "default", self.paths["default"])

    def weight(self, stage_ids: list[str], dimension: str) -> float:
        """How much a dimension matters at this stage (the mean over two stages when between them)."""
        info = {s.id: s for s in self.stages}
        weights = [info[s].weights.get(dimension, 1.0) for s in stage_ids if s in info]
        return round(mean(weights), 3) if weights else 1.0


class Skipped(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    title: str
    note: str
    level: float


class StageDiagnosis(BaseModel):
    """`id` is the stage being worked on; `between` names the two stages when the evidence is split
    (then `id` is the later one, the most advanced under way, and the advice and the chart's "you are
    here" cover both). `levels` is each stage's progress (0–100), `status` its word (done / under way
    / not started), `position` the place along this coalition's `path` (0 = its first stage; a half
    means between two stages)."""

    model_config = ConfigDict(frozen=True)
    id: str | None
    title: str | None
    evidence: list[str]
    skipped: list[Skipped]
    levels: dict[str, float | None]
    status: dict[str, str | None] = {}
    between: list[str] = []
    position: float | None = None
    path: list[str] = list(STAGES)
    inferred: bool = False
    unsure: int = 0  # life-cycle questions answered "don't know" when nothing places the coalition
    unasked: list[str] = []  # stages of the path this questionnaire has no question on (the quick check's)

    @property
    def stages(self) -> list[str]:
        """The stage or stages whose advice applies now."""
        return list(self.between) or ([self.id] if self.id else [])


def load_stage_model(path: Path = CONTENT_DIR / "stages.yaml") -> StageModel:
    try:
        return StageModel.model_validate(read_yaml(path))
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def load_stages(path: Path = CONTENT_DIR / "stages.yaml") -> list[StageInfo]:
    return load_stage_model(path).stages


STATUS_WORDS = (N_("done"), N_("under way"), N_("not started"))  # keys too; sentences translate them


def status_of(progress: float | None) -> str | None:
    if progress is None:
        return None
    if progress >= DONE:
        return "done"
    return "under way" if progress > 0 else "not started"


def stage_progress(instrument: Instrument, answers: dict[str, Any]) -> tuple[dict[str, float | None], set[str]]:
    """Each stage's progress (0–1; None when nothing was answered) and the stages marked not applicable."""
    progress: dict[str, float | None] = {}
    not_applicable: set[str] = set()
    for stage in STAGES:
        items = [i for i in instrument.items if i.stage == stage and visible(i, answers)]
        scores = [item_score(instrument, i, answers[i.id]) / 100 for i in items if _given(answers.get(i.id))
                  and 1 <= answers[i.id] <= instrument.scale_of(i).points]
        progress[stage] = round(mean(scores), 3) if scores else None
        if not scores and any(answers.get(i.id) == NOT_APPLICABLE for i in items):
            not_applicable.add(stage)
    return progress, not_applicable


def _given(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def half_step(position: float, gaps: list[bool], opened: list[bool] | None = None) -> float:
    """The place (in halves) along the answered stages for a summed progress.

    `gaps[k]` says whether unanswered stages of the path lie between answered stage k and k+1, and
    `opened[k]` whether the opening work of answered stage k+1 has begun (see `_opened`): then from
    three quarters through stage k the coalition is between the two. Monotone, two half steps per
    unit of progress, so a change of at most 1 moves it by at most 1.
    """
    if position <= 0:
        return 0.0
    k = math.ceil(position) - 1
    into = position - k
    opens = k < len(gaps) and bool(opened and opened[k])
    if math.isclose(into, 1.0):  # stage k done and the next answered one not started
        return k + 0.5 if opens or (k < len(gaps) and gaps[k]) else float(k)
    if into <= JUST_STARTED and k >= 1:
        return k - 0.5
    return k + 0.5 if opens and into >= NEARLY_THROUGH else float(k)


def diagnose_stage(instrument: Instrument, answers: dict[str, Any], model: StageModel | list[StageInfo] | None = None,
                   coalition_type: str | None = None, language: str = "en") -> StageDiagnosis:
    """The stage with its evidence; titles, notes and evidence worded in `language`."""
    model = _model(model)
    t = translator(language)
    info = {s.id: s for s in model.stages}
    progress, not_applicable = stage_progress(instrument, answers)
    levels = {s: None if p is None else round(p * 100, 1) for s, p in progress.items()}
    status = {s: status_of(p) for s, p in progress.items()}
    type_path = model.path(coalition_type)
    path = [s for s in type_path if s not in not_applicable]
    asked = [i for i, s in enumerate(path) if progress[s] is not None]
    if not asked:
        unsure = sum(1 for i in instrument.items if i.stage and answers.get(i.id) == DONT_KNOW)
        said = (t.gettext("The life-cycle questions were answered “Don't know”, so the stage is not known.")
                if unsure else t.gettext("No life-cycle questions were answered, so the stage is not known."))
        return StageDiagnosis(id=None, title=None, levels=levels, status=status, skipped=[], path=path,
                              evidence=[said], unsure=unsure)
    unasked = [s for s in path if not any(i.stage == s and visible(i, answers) for i in instrument.items)]
    values = [progress[path[i]] for i in asked]
    credited = [max(v, values[j + 1] if j + 1 < len(values) else 0.0) for j, v in enumerate(values)]
    opened = [_opened(path[asked[j + 1]], answers, info, instrument, progress) for j in range(len(asked) - 1)] \
        if _every_question_answered(instrument, answers, path) else None
    gaps = [asked[j + 1] - asked[j] > 1 for j in range(len(asked) - 1)]
    summed = sum(credited)
    q = half_step(summed, gaps, opened)
    opened_now = path[asked[math.ceil(q)]] if q != half_step(summed, gaps) else None  # the opening rule moved it
    low, high = asked[math.floor(q)], asked[math.ceil(q)]
    x = (low + high) / 2
    closed = _closed(path, answers, info, instrument)
    capped = closed is not None and x > closed
    if capped:
        x = float(closed)
    if x.is_integer():
        current, between = path[int(x)], []
    else:
        between = [path[math.floor(x)], path[math.ceil(x)]]
        current = between[1]
    index = path.index(current)
    skipped = [Skipped(id=s, title=info[s].name_in(language), note=text_in(info[s].skipped, language), level=levels[s])
               for s in path[:index] if s not in between and progress[s] is not None
               and progress[s] <= SKIPPED_AT_MOST]
    title = t.gettext("Between {first} and {second}").format(
        first=info[between[0]].name_in(language).lower(), second=info[between[1]].name_in(language).lower()) \
        if between else info[current].name_in(language)
    title = title[0].upper() + title[1:]
    opened_note = _opened_note(instrument, answers, opened_now, info, t) if opened_now in between else None
    evidence = _evidence(instrument, answers, current, between, path, type_path, not_applicable, progress, info,
                         coalition_type, t, opened_note)
    if unasked and progress[current] is not None:  # an inferred stage says so in its own words
        evidence.append(t.gettext("This questionnaire has no question on {stages}; the full diagnostic asks about "
                                  "every stage.").format(stages=t.join(info[s].name_in(language).lower()
                                                                       for s in unasked)))
    if capped:
        evidence.append(_closed_note(instrument, path[closed + 1], info, t))
    return StageDiagnosis(id=current, title=title, evidence=evidence, skipped=skipped, levels=levels, status=status,
                          between=between, position=x, path=path, inferred=progress[current] is None,
                          unasked=unasked)


def _opened(stage: str, answers: dict[str, Any], info: dict[str, StageInfo], instrument: Instrument,
            progress: dict[str, float | None]) -> bool:
    """Whether the stage's opening work has begun (its `opened_by` item is past its lowest point) while the
    stage is unfinished. Bargaining at the table means the coalition is negotiating, commitments put into
    practice that it is implementing, and a review of the whole effort under way that it is evaluating,
    even while the work before is not all done."""
    item_id = info[stage].opened_by
    item = instrument.item(item_id) if item_id else None
    return (item is not None and _given(answers.get(item_id)) and answers[item_id] > 1
            and (progress[stage] or 0) < DONE)


def _every_question_answered(instrument: Instrument, answers: dict[str, Any], path: list[str]) -> bool:
    """Whether each stage on the path has all its questions answered on the scale.

    With a question left as "don't know", one answer moves its stage's progress twice as far, and the
    sum by up to a whole unit; a half step for an opened stage on top of that could move the place by
    a stage and a half, so the opening rule waits until every stage question is answered."""
    return all(_given(answers.get(i.id)) for i in instrument.items if i.stage in path and visible(i, answers))


def _closed(path: list[str], answers: dict[str, Any], info: dict[str, StageInfo], instrument: Instrument) -> int | None:
    """The furthest place allowed when a stage on the path was closed by its `closed_by` item answered
    "done" (its top point): the index of the stage before the closed one."""
    for index, stage in enumerate(path):
        item_id = info[stage].closed_by
        item = instrument.item(item_id) if item_id else None
        if index and item is not None and answers.get(item_id) == instrument.scale_of(item).points:
            return index - 1
    return None


def _opened_note(instrument: Instrument, answers: dict[str, Any], stage: str, info: dict[str, StageInfo],
                 t: Translator) -> str:
    item = instrument.item(info[stage].opened_by)
    return t.gettext("{answer}, so the {stage} stage has begun although the work before it is not all done: "
                     "the coalition is placed between the two.").format(
        answer=_answered(instrument, item, answers, t), stage=info[stage].name_in(t.language).lower())


def _closed_note(instrument: Instrument, stage: str, info: dict[str, StageInfo], t: Translator) -> str:
    item = instrument.item(info[stage].closed_by)
    return t.gettext("“{question}” is done. The {stage} stage ends with that decision, so the coalition is placed "
                     "at the work it now carries on, not at that stage.").format(
        question=text_in(item.text, t.language).rstrip("."), stage=info[stage].name_in(t.language).lower())


def _model(model: StageModel | list[StageInfo] | None) -> StageModel:
    if isinstance(model, StageModel):
        return model
    if model is None:
        return load_stage_model()
    default = load_stage_model()
    return StageModel(stages=model, paths=default.paths)


def _evidence(instrument: Instrument, answers: dict[str, Any], current: str, between: list[str], path: list[str],
              type_path: list[str], not_applicable: set[str], progress: dict[str, float | None],
              info: dict[str, StageInfo], coalition_type: str | None, t: Translator | None = None,
              opened_note: str | None = None) -> list[str]:
    t = t or translator("en")
    _ = t.gettext
    name = {s: info[s].name_in(t.language).lower() for s in STAGES}

    def status(stage: str) -> str:
        return _(status_of(progress[stage]))

    lines = []
    for stage in between or [current]:
        if progress[stage] is None:
            continue
        given = [item for item in instrument.items if item.stage == stage and _given(answers.get(item.id))]
        alike = len({answers[item.id] for item in given}) == 1  # "under way: “…” (under way)" says it twice
        answered = [_answered(instrument, item, answers, t, with_answer=not alike) for item in given]
        lines.append(sentence(_("{stage} is {status}: {answers}").format(
            stage=info[stage].name_in(t.language), status=status(stage), answers=t.semicolons(answered))))
    if between:
        lines.append(_("The evidence is split between {first} and {second}, so the advice for both stages "
                       "applies.").format(first=name[between[0]], second=name[between[1]]))
    if opened_note:
        lines.append(opened_note)
    if not between and progress[current] is not None:
        lines += _why_here(current, path, progress, name, status, t)
    if progress[current] is None:
        before = [s for s in path[:path.index(current)] if progress[s] is not None]
        after = [s for s in path[path.index(current) + 1:] if progress[s] is not None]
        known = t.join(f"{name[s]} ({status(s)})" for s in (before[-1:] + after[:1]))
        lines.append(_("No question here asks about {stage}; it is inferred from {known}. The full diagnostic places "
                       "the coalition more precisely.").format(stage=name[current], known=known))
    index = path.index(current)
    done_before = [name[s] for s in path[:index] if s not in between and status_of(progress[s]) == "done"]
    if done_before:
        lines.append(sentence(_("Done before it: {stages}").format(stages=t.semicolons(done_before))))
    unfinished = [f"{name[s]} ({status(s)})" for s in path[:index]
                  if s not in between and status_of(progress[s]) == "under way"]
    if unfinished:  # passed, by the later work under way, but not finished: the chart shows its bar short
        lines.append(sentence(_("Before it, still unfinished: {stages}").format(stages=t.semicolons(unfinished))))
    later = [s for s in path[index + 1:] if progress[s] is not None]  # a "between" ends at `current`
    started = [f"{name[s]} ({status(s)})" for s in later if progress[s] > 0]
    if started:
        lines.append(sentence(_("Later work already started: {stages}").format(stages=t.semicolons(started))))
    elif later:
        lines.append(sentence(_("Not started yet: {stages}").format(stages=t.semicolons(name[s] for s in later))))
    off_type = [name[s] for s in STAGES if s not in type_path]
    if off_type:
        kinds = _(COALITION_KINDS.get(coalition_type or "", "coalitions of this kind"))
        lines.append(sentence(_("Left out of the path: {stages}, which {kinds} do not usually go "
                                "through").format(stages=t.semicolons(off_type), kinds=kinds)))
    if not_applicable & set(type_path):
        lines.append(sentence(_("Left out because you answered “not applicable”: {stages}").format(
            stages=t.semicolons(name[s] for s in STAGES if s in not_applicable and s in type_path))))
    unknown = [s for s in path if progress[s] is None and s != current and _all_dont_know(instrument, answers, s)]
    if unknown:  # the place then moves from one known stage to the next, over these
        lines.append(t.ngettext(
            "Stage not counted, because its questions were all answered “Don't know”: {stages}. An answer there would "
            "place the coalition more precisely.",
            "Stages not counted, because their questions were all answered “Don't know”: {stages}. Answers there would "
            "place the coalition more precisely.", len(unknown)).format(stages=t.semicolons(name[s] for s in unknown)))
    return lines


def _why_here(current: str, path: list[str], progress: dict[str, float | None], name: dict[str, str],
              status: Any, t: Translator) -> list[str]:
    """Why the coalition is placed at a stage whose own bar says otherwise: a stage not started, with
    later work begun, is the gap to close; a stage done, with the next not started, is where it stands.
    A leader reading "You are here" beside a bar of 0 (or of 100) needs the reason in words."""
    later = [s for s in path[path.index(current) + 1:] if progress[s] is not None]
    ahead = [s for s in later if progress[s] > progress[current]]
    if ahead and progress[current] < DONE:
        said = t.gettext("Later work has started while {stage} is {status}, so the coalition is placed there: that "
                         "is the work to do now.").format(stage=name[current], status=status(current))
    elif progress[current] >= DONE and later and progress[later[0]] == 0:
        said = t.gettext("{stage} is done and {next} has not started, so the coalition is placed at the end of "
                         "{stage}.").format(stage=name[current], next=name[later[0]])
    else:
        return []
    return [said[:1].upper() + said[1:]]


def _all_dont_know(instrument: Instrument, answers: dict[str, Any], stage: str) -> bool:
    """Whether the stage's questions were asked and all answered "don't know" (not merely left blank)."""
    items = [i for i in instrument.items if i.stage == stage and visible(i, answers)]
    return bool(items) and all(answers.get(i.id) == DONT_KNOW for i in items)


# The coalition types in "which {kinds} do not usually go through".
COALITION_KINDS = {"advocacy": N_("advocacy coalitions"), "standard_setting": N_("standard-setting coalitions"),
                   "implementation": N_("implementation coalitions"), "knowledge": N_("knowledge coalitions"),
                   "stewardship": N_("stewardship coalitions"), "": N_("coalitions of this kind")}


def _answered(instrument: Instrument, item: Item, answers: dict[str, Any], t: Translator | None = None,
              with_answer: bool = True) -> str:
    t = t or translator("en")
    if not with_answer:
        return t.gettext("“{question}”").format(question=text_in(item.text, t.language).rstrip("."))
    scale = instrument.scale_of(item)
    value = answers[item.id]
    label = text_in(scale.choices.get(str(value), str(value)), t.language) if scale else value
    return t.gettext("“{question}” ({answer})").format(question=text_in(item.text, t.language).rstrip("."),
                                                      answer=str(label).lower())
