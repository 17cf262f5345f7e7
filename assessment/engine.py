"""One call from answers to a full result: scores, stage, representation, recommendations."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from assessment.files import AnswersFile
from assessment.loader import CONTENT_DIR, load_instruments, read_yaml
from assessment.model import Instrument, Profile, Stakeholder, text_in
from assessment.recommend import Evidence, Recommendation, Rule, load_rules, recommend
from assessment.representation import MapLabels, Representation, analyse, load_labels
from assessment.scoring import DimensionScore, score_dimensions
from assessment.stage import StageDiagnosis, StageInfo, diagnose_stage, load_stages


class Result(BaseModel):
    model_config = ConfigDict(frozen=True)
    instrument: str
    instrument_title: str
    version: int
    profile: Profile
    dimensions: dict[str, DimensionScore]
    stage: StageDiagnosis
    representation: Representation
    recommendations: list[Recommendation]
    problems: list[str] = []


class Engine:
    """Content loaded once; `assess` is then a pure function of the answers."""

    def __init__(self, instruments: dict[str, Instrument], rules: list[Rule], stages: list[StageInfo],
                 labels: MapLabels, titles: dict[str, str]):
        self.instruments, self.rules, self.stages, self.labels, self.titles = (
            instruments, rules, stages, labels, titles)

    def assess(self, instrument: Instrument, answers: dict[str, Any], stakeholders: list[Stakeholder] = (),
               profile: Profile | None = None, problems: list[str] = ()) -> Result:
        profile = profile or Profile()
        dimensions = score_dimensions(instrument, answers, self.titles)
        stage = diagnose_stage(instrument, answers, self.stages)
        groups = instrument.scales.get("unseen_groups")
        group_labels = {k: text_in(v) for k, v in groups.choices.items()} if groups else {}
        representation = analyse(list(stakeholders), profile, answers, self.labels, group_labels)
        evidence = Evidence(dimensions=dimensions, answers=answers, stage=stage, representation=representation,
                            instrument=instrument)
        return Result(
            instrument=instrument.id, instrument_title=text_in(instrument.title), version=instrument.version,
            profile=profile, dimensions=dimensions, stage=stage, representation=representation,
            recommendations=recommend(self.rules, evidence), problems=list(problems))

    def assess_file(self, parsed: AnswersFile) -> Result:
        return self.assess(parsed.instrument, parsed.answers, parsed.stakeholders, parsed.profile, parsed.problems)


@cache
def default_engine() -> Engine:
    titles = {d["id"]: d["title"] for d in read_yaml(CONTENT_DIR / "dimensions.yaml")}
    return Engine(load_instruments(), load_rules(), load_stages(), load_labels(), titles)
