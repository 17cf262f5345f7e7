"""Questionnaires as data: instruments, scales, items and skip logic, validated by pydantic.

Modelled on XLSForm/ODK and SurveyJS: typed questions, named choice lists, relevance as data
(never eval), and every human-readable text either plain English or a map of language to text. Texts
load as `Translated` strings: they read as English, and `text_in(item.text, "fr")` gives French.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assessment.cleaning import CleanText
from assessment.translation import Text, TranslatedText, text_in  # noqa: F401  (Text and text_in are read from here)

ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
NAME_LIMIT = 200  # names of coalitions, stakeholders, issue areas: longer text is cut, not refused
DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
EXTRAS = (DONT_KNOW, NOT_APPLICABLE)
STAGES = ("forming", "agenda_setting", "negotiation", "implementation", "monitoring", "evaluation")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scale(Strict):
    """A named list of choices. Likert scales are ordered 1..n and can be scored."""

    kind: Literal["likert", "single", "multiple"]
    choices: dict[str, TranslatedText] = Field(min_length=2)
    extra: list[Literal["dont_know", "not_applicable"]] = []

    @field_validator("choices", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value

    @model_validator(mode="after")
    def _likert_is_1_to_n(self) -> Scale:
        if self.kind == "likert" and list(self.choices) != [str(i) for i in range(1, len(self.choices) + 1)]:
            raise ValueError("a likert scale's choices must be numbered 1, 2, 3, ... in order")
        return self

    @property
    def points(self) -> int:
        return len(self.choices)


Operator = Literal["equals", "not_equals", "in", "answered", "at_least", "at_most"]


class Relevance(Strict):
    """Show an item only when another item's answer satisfies one condition (skip logic as data)."""

    item: str
    equals: Any = None
    not_equals: Any = None
    in_: list[Any] | None = Field(default=None, alias="in")
    answered: bool | None = None
    at_least: float | None = None
    at_most: float | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_operator(self) -> Relevance:
        given = [name for name in ("equals", "not_equals", "in_", "answered", "at_least", "at_most")
                 if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of equals, not_equals, in, answered, at_least, at_most")
        return self


class Item(Strict):
    id: str = Field(pattern=ID)
    kind: Literal["likert", "single", "multiple", "number", "text"] = "likert"
    text: TranslatedText
    help: TranslatedText | None = None
    # The help as a member reads it on a workshop phone, where `help` speaks to a leader ("ask a newer
    # member..."); without it, phones show `help`.
    room_help: TranslatedText | None = None
    dimension: str | None = None
    scale: str | None = None
    weight: float = Field(default=1.0, gt=0, le=10)
    reverse: bool = False
    stage: Literal[STAGES] | None = None  # type: ignore[valid-type]
    relevant: Relevance | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = Field(default=2000, ge=1, le=20000)
    ask_members: bool = Field(default=False, description="only members can answer it well: ask them, ideally in "
                                                         "a workshop")
    max_choices: int | None = Field(default=None, ge=1, description="for a multiple-choice item: at most this many")
    # For a question whose choices name the coalition's obstacles: the themes (content/themes.yaml) each
    # choice concerns. Actions serving a theme the leader named rank higher (assessment/ranking.py).
    choice_themes: dict[str, list[str]] = {}

    @model_validator(mode="after")
    def _kind_needs(self) -> Item:
        if self.kind in ("likert", "single", "multiple") and not self.scale:
            raise ValueError(f"a {self.kind} item needs a scale")
        if self.kind in ("number", "text") and self.scale:
            raise ValueError(f"a {self.kind} item takes no scale")
        if self.reverse and self.kind != "likert":
            raise ValueError("only likert items can be reverse-scored")
        if (self.max_choices is not None or self.choice_themes) and self.kind != "multiple":
            raise ValueError("only multiple-choice items take max_choices or choice_themes")
        return self

    @property
    def scored(self) -> bool:
        return self.kind == "likert" and self.dimension is not None and self.dimension != "stage"

    def __hash__(self) -> int:
        """By id: `choice_themes` is a dict, which a frozen model cannot hash field by field."""
        return hash((Item, self.id))


class Section(Strict):
    id: str = Field(pattern=ID)
    title: TranslatedText
    intro: TranslatedText | None = None
    items: list[Item] = Field(min_length=1)


class DimensionRef(Strict):
    """A dimension an instrument scores; title and chapter default to content/dimensions.yaml."""

    id: str = Field(pattern=ID)
    title: TranslatedText | None = None
    chapter: str | None = None


class Rescale(Strict):
    """Answers of these items move from an old scale to the new one by this map (old value: new value)."""

    items: list[str] = Field(min_length=1)
    map: dict[str, int | str | None]

    @field_validator("map", mode="before")
    @classmethod
    def _keys_as_text(cls, value: Any) -> Any:
        return {str(k): v for k, v in value.items()} if isinstance(value, dict) else value


class Upgrade(Strict):
    """What changed from an earlier version, as data, so answers given to it are carried over."""

    from_version: int = Field(alias="from", ge=1)
    note: TranslatedText
    renamed: dict[str, str] = {}
    split: dict[str, list[str]] = {}
    removed: list[str] = []
    rescaled: list[Rescale] = []

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Instrument(Strict):
    id: str = Field(pattern=ID)
    version: int = Field(ge=1)
    title: TranslatedText
    description: TranslatedText = ""
    minutes: int = Field(ge=1, le=240)
    languages: list[str] = ["en"]
    use: list[Literal["self", "workshop"]] = ["self"]
    dimensions: list[DimensionRef] = []
    scales: dict[str, Scale]
    sections: list[Section] = Field(min_length=1)
    upgrades: list[Upgrade] = []

    @cached_property
    def items(self) -> list[Item]:
        """Every item in order (computed once: instruments are frozen)."""
        return [item for section in self.sections for item in section.items]

    @cached_property
    def by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    def item(self, item_id: str) -> Item | None:
        return self.by_id.get(item_id)

    @property
    def ask_members_items(self) -> list[Item]:
        """Items only members can answer well: the ones to bring to a workshop."""
        return [item for item in self.items if item.ask_members]

    def scale_of(self, item: Item) -> Scale | None:
        return self.scales.get(item.scale) if item.scale else None


# --- answers -------------------------------------------------------------------------------------

PARTICIPATION = ("core", "member", "consulted", "not_engaged", "opposed")
SECTORS = ("national_government", "subnational_government", "intergovernmental", "ngo", "civil_society",
           "affected_community", "business", "academia", "donor", "media", "other")


class Stakeholder(Strict):
    name: CleanText(NAME_LIMIT)
    sector: Literal[SECTORS]  # type: ignore[valid-type]
    influence: int = Field(ge=1, le=5)
    stake: int = Field(ge=1, le=5)
    participation: Literal[PARTICIPATION]  # type: ignore[valid-type]
    votes: float = Field(default=0.0, ge=0, le=100, description="share of decision votes, in percent")

    @field_validator("name")
    @classmethod
    def _strip(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("a stakeholder needs a name")
        return value


COALITION_TYPES = ("advocacy", "standard_setting", "implementation", "knowledge", "stewardship")


class Profile(Strict):
    name: CleanText(NAME_LIMIT) = ""
    type: Literal[COALITION_TYPES] | None = None  # type: ignore[valid-type]
    issue_area: CleanText(NAME_LIMIT) = ""
    scope: Literal["local", "national", "regional", "international"] | None = None
    founded: int | None = Field(default=None, ge=1800, le=2100)


AnswerValue = int | float | str | list[str] | None
