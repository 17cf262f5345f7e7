"""One call from answers to a full result: scores, stage, representation, recommendations."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from assessment.calibration import Calibration, load_calibration
from assessment.files import AnswersFile
from assessment.i18n import language_of
from assessment.loader import CONTENT_DIR, load_instruments
from assessment.model import Instrument, Profile, Stakeholder, text_in
from assessment.ranking import named_choices, rank
from assessment.recommend import Evidence, Recommendation, Rule, fired_rules, load_rules
from assessment.representation import MapLabels, Representation, analyse, load_labels
from assessment.scoring import DimensionScore, score_dimensions
from assessment.stage import StageDiagnosis, StageInfo, StageModel, diagnose_stage, load_stage_model
from handbook.loader import load_dimensions


class Result(BaseModel):
    """`recommendations` are the actions shown (the first five, then at most ten "also worth doing",
    grouped by dimension); `recommendations_not_shown` counts the rest."""

    model_config = ConfigDict(frozen=True)
    instrument: str
    instrument_title: str
    version: int
    profile: Profile
    dimensions: dict[str, DimensionScore]
    stage: StageDiagnosis
    representation: Representation
    recommendations: list[Recommendation]
    recommendations_not_shown: int = 0
    problems: list[str] = []
    notes: list[str] = []
    language: str = "en"  # of every text in it; reports of the result are written in it too
    obstacles: list[str] = []  # what the leader named as standing most in the way, as worded to them
    obstacles_not_shown: int = 0  # actions that tackle them but are not shown, to keep the list short


class Engine:
    """Content loaded once; `assess` is then a pure function of the answers."""

    def __init__(self, instruments: dict[str, Instrument], rules: list[Rule], stages: StageModel | list[StageInfo],
                 labels: MapLabels, titles: dict[str, str], calibration: Calibration | None = None):
        self.stage_model = stages if isinstance(stages, StageModel) else StageModel(
            stages=stages, paths=load_stage_model().paths)
        self.instruments, self.rules, self.stages, self.labels, self.titles = (
            instruments, rules, self.stage_model.stages, labels, titles)
        self.calibration = calibration or Calibration()

    def assess(self, instrument: Instrument, answers: dict[str, Any], stakeholders: list[Stakeholder] = (),
               profile: Profile | None = None, problems: list[str] = (), notes: list[str] = (),
               as_of: int | None = None, language: str = "en") -> Result:
        """`as_of` is the year the answers describe (this year unless a file says otherwise); it dates the
        coalition's age from `profile.founded`. Every text of the result is in `language` (en, fr, es);
        the figures do not depend on it."""
        language = language_of(language)
        profile = profile or Profile()
        evidence = self.evidence(instrument, answers, stakeholders, profile, as_of, language)
        dimensions, stage, representation = evidence.dimensions, evidence.stage, evidence.representation
        ranking = rank(fired_rules(self.rules, evidence), evidence, self.stage_model.weight, self.titles,
                       {s.id: s.name_in(language).lower() for s in self.stages}, self.calibration)
        return Result(
            instrument=instrument.id, instrument_title=text_in(instrument.title, language),
            version=instrument.version, profile=profile, dimensions=dimensions, stage=stage,
            representation=representation, recommendations=ranking.shown, recommendations_not_shown=ranking.not_shown,
            problems=[text_in(p, language) for p in problems], notes=[text_in(n, language) for n in notes],
            language=language,
            obstacles=[label for label, _ in named_choices(instrument, answers, language)],
            obstacles_not_shown=ranking.not_shown_named)

    def evidence(self, instrument: Instrument, answers: dict[str, Any], stakeholders: list[Stakeholder] = (),
                 profile: Profile | None = None, as_of: int | None = None, language: str = "en") -> Evidence:
        """What the rules read: scores, stage and representation (the calibration counts which rules fire on it)."""
        profile = profile or Profile()
        dimensions = score_dimensions(instrument, answers, self.titles, language)
        stage = diagnose_stage(instrument, answers, self.stage_model, profile.type, language)
        groups = instrument.scales.get("unseen_groups")
        group_labels = {k: text_in(v, language) for k, v in groups.choices.items()} if groups else {}
        representation = analyse(list(stakeholders), profile, answers, self.labels, group_labels, language)
        return Evidence(dimensions=dimensions, answers=answers, stage=stage, representation=representation,
                        instrument=instrument, profile=profile, as_of=as_of or date.today().year, language=language)

    def assess_file(self, parsed: AnswersFile, as_of: int | None = None, language: str = "en") -> Result:
        return self.assess(parsed.instrument, parsed.answers, parsed.stakeholders, parsed.profile, parsed.problems,
                           parsed.notes, as_of, language)


@cache
def default_engine() -> Engine:
    titles = {d.id: d.title for d in load_dimensions(CONTENT_DIR / "dimensions.yaml")}  # English; text_in for others
    return Engine(load_instruments(), load_rules(), load_stage_model(), load_labels(), titles, load_calibration())
