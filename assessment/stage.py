"""Where a coalition stands in its life cycle, with the evidence, and foundations it skipped.

The current stage is the latest one whose evidence items the respondent agrees with on average;
an earlier stage whose items they disagree with is a skipped foundation (for example,
implementing with no agreed monitoring).
"""

from __future__ import annotations

from pathlib import Path
from statistics import mean
from typing import Any

from pydantic import BaseModel, ConfigDict

from assessment.loader import CONTENT_DIR, read_yaml, visible
from assessment.model import STAGES, Instrument, text_in
from assessment.scoring import item_score

REACHED = 62.5  # 3.5 on a 1–5 scale: agreement on average
WEAK = 50.0  # 3.0 on a 1–5 scale: below neutral


class StageInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    title: str
    description: str
    skipped: str
    chapter: str


class Skipped(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str
    title: str
    note: str
    level: float


class StageDiagnosis(BaseModel):
    model_config = ConfigDict(frozen=True)
    id: str | None
    title: str | None
    evidence: list[str]
    skipped: list[Skipped]
    levels: dict[str, float | None]


def load_stages(path: Path = CONTENT_DIR / "stages.yaml") -> list[StageInfo]:
    stages = [StageInfo.model_validate(s) for s in read_yaml(path)]
    if [s.id for s in stages] != list(STAGES):
        raise ValueError(f"{path}: stages must be {', '.join(STAGES)} in that order")
    return stages


def stage_levels(instrument: Instrument, answers: dict[str, Any]) -> dict[str, float | None]:
    """Mean agreement (0–100) with each stage's evidence items; None when none was answered."""
    levels: dict[str, float | None] = {}
    for stage in STAGES:
        scores = [item_score(instrument, item, answers[item.id]) for item in instrument.items
                  if item.stage == stage and visible(item, answers) and isinstance(answers.get(item.id), int)]
        levels[stage] = round(mean(scores), 1) if scores else None
    return levels


def diagnose_stage(instrument: Instrument, answers: dict[str, Any],
                   stages: list[StageInfo] | None = None) -> StageDiagnosis:
    stages = stages or load_stages()
    info = {s.id: s for s in stages}
    levels = stage_levels(instrument, answers)
    if all(level is None for level in levels.values()):
        return StageDiagnosis(id=None, title=None, levels=levels, skipped=[],
                              evidence=["No life-cycle questions were answered, so the stage is not known."])
    reached = [s for s in STAGES if levels[s] is not None and levels[s] >= REACHED]
    current = reached[-1] if reached else STAGES[0]
    evidence = _evidence(instrument, answers, current, levels)
    skipped = [Skipped(id=s, title=info[s].title, note=info[s].skipped, level=levels[s])
               for s in STAGES[: STAGES.index(current)] if levels[s] is not None and levels[s] < WEAK]
    return StageDiagnosis(id=current, title=info[current].title, evidence=evidence, skipped=skipped, levels=levels)


def _evidence(instrument: Instrument, answers: dict[str, Any], current: str,
              levels: dict[str, float | None]) -> list[str]:
    agreed = [text_in(item.text) for item in instrument.items
              if item.stage == current and isinstance(answers.get(item.id), int)
              and item_score(instrument, item, answers[item.id]) >= 75]
    lines = [f"You agreed: “{text}”" for text in agreed]
    if levels[current] is None or levels[current] < REACHED:
        lines.append("No stage shows clear evidence yet (agreement with its statements), so the coalition is "
                     "placed at the start of the life cycle.")
        return lines
    later = [s for s in STAGES[STAGES.index(current) + 1:] if levels[s] is not None]
    if later:
        lines.append("Evidence for later stages is weaker: "
                     + ", ".join(f"{s.replace('_', ' ')} {levels[s]:.0f}/100" for s in later) + ".")
    return lines
