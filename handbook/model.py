"""Typed content objects. Pydantic validates every file at the edge, so pages can trust them."""

from __future__ import annotations

import math
import re
from functools import cached_property
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assessment.translation import TranslatedText
from handbook.anchors import anchor_for
from handbook.parts import PARTS
from handbook.text import terms

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
WORDS_PER_MINUTE = 220
_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")
_WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’][A-Za-z]+)?")
# A place a coalition adapts in a model text: `[name of the coalition]`, `[60] days`. Not a link
# (no `(` after it) and not a checkbox (`[ ]`, `[x]`).
PLACEHOLDER = re.compile(r"\[(?![xX]\])([A-Za-z0-9][^\]\n]*)\](?![(\[])")
_NUMBERED = re.compile(r"^\d+\.\s+\S", re.M)


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a field name must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Section(Strict):
    anchor: str
    title: str
    level: int
    markdown: str


class Chapter(Strict):
    """One handbook chapter: front matter fields plus the Markdown body."""

    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    slug: str = Field(pattern=SLUG)
    title: str = Field(min_length=3)
    part: str
    order: int = Field(ge=1)
    summary: str = Field(min_length=10)
    tags: list[str] = []
    dimensions: list[str] = []
    sources: list[str] = []
    body: str
    path: Path | None = None

    @field_validator("part")
    @classmethod
    def _known_part(cls, value: str) -> str:
        if value not in PARTS:
            raise ValueError(f"must be one of {', '.join(PARTS)}")
        return value

    @cached_property
    def sections(self) -> list[Section]:
        """The body split at `##`/`###` headings; text before the first heading is the intro."""
        sections, title, level, anchor, lines = [], "", 1, "", []
        for line in self.body.splitlines():
            match = _HEADING.match(line)
            if match:
                sections.append(Section(anchor=anchor, title=title, level=level, markdown="\n".join(lines).strip()))
                level, title = len(match.group(1)), match.group(2).strip()
                anchor, lines = anchor_for(title), []
            else:
                lines.append(line)
        sections.append(Section(anchor=anchor, title=title, level=level, markdown="\n".join(lines).strip()))
        return [s for s in sections if s.anchor or s.markdown]

    @cached_property
    def anchors(self) -> set[str]:
        return {s.anchor for s in self.sections if s.anchor}

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.body))

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))

    def section(self, anchor: str) -> Section | None:
        return next((s for s in self.sections if s.anchor == anchor), None)

    @property
    def facts(self) -> str:
        return f"{self.reading_minutes} min read"

    @property
    def caption(self) -> str:
        """The line under a page title: its part, then how long it takes (`Challenges… · 7 min read`)."""
        return f"{PARTS[self.part][0]} · {self.facts}"


TOOL_PART = "toolkit"
# Each kind of tool, its label and its `##` sections in order: one format per kind, so a facilitator
# who has used one exercise can find their way around any other.
TOOL_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "exercise": ("Exercise", ("Purpose", "When to use it", "Time", "People", "Materials", "Steps",
                              "What you get", "Pitfalls", "Variations", "Sources", "See also")),
    "model-text": ("Model text", ("How to use it", "Model text", "Notes", "Sources", "See also")),
}
MIN_PLACEHOLDERS = 3
MIN_STEPS = 3


class Tool(Chapter):
    """A toolkit page: a model text to adapt or a facilitation exercise to run.

    It is a chapter in every other respect (links, search, deep links and exports treat it as one);
    the extra fields say how long an exercise takes and for how many people, and the checks below
    hold every tool of a kind to the same structure.
    """

    kind: Literal["exercise", "model-text"]
    minutes: int | None = Field(default=None, ge=5, le=480)
    people: str | None = Field(default=None, min_length=1, max_length=60)

    @property
    def kind_label(self) -> str:
        return TOOL_KINDS[self.kind][0]

    @property
    def facts(self) -> str:
        """One line for headers: `Exercise · 90 minutes · 6–30 people`."""
        parts = [self.kind_label]
        if self.minutes:
            parts.append(f"{self.minutes} minutes")
        if self.people:
            parts.append(f"{self.people} people")
        return " · ".join(parts)

    @property
    def placeholders(self) -> list[str]:
        """The bracketed places a coalition fills in, in order of first appearance."""
        return list(dict.fromkeys(PLACEHOLDER.findall(self.body)))

    @model_validator(mode="after")
    def _follows_its_format(self) -> Tool:
        if self.part != TOOL_PART:
            raise ValueError(f"a tool belongs to the part '{TOOL_PART}', not '{self.part}'")
        expected = TOOL_KINDS[self.kind][1]
        found = tuple(s.title for s in self.sections if s.level == 2)
        if found != expected:
            missing = [t for t in expected if t not in found]
            extra = [t for t in found if t not in expected]
            raise ValueError(
                f"a {self.kind} has the sections {', '.join(expected)} in that order"
                + (f"; missing: {', '.join(missing)}" if missing else "")
                + (f"; not expected: {', '.join(extra)}" if extra else "")
            )
        nested = [p for p in PLACEHOLDER.findall(self.body) if "[" in p]
        if nested:
            raise ValueError(f"brackets are nested in '[{nested[0]}]'; a place to adapt holds no other brackets")
        if self.kind == "exercise":
            self._check_exercise()
        else:
            self._check_model_text()
        return self

    def _check_exercise(self) -> None:
        if self.minutes is None or self.people is None:
            raise ValueError("an exercise gives `minutes` and `people` in its front matter")
        if f"{self.minutes} minutes" not in self.section("time").markdown:
            raise ValueError(f"the Time section should state the total, '{self.minutes} minutes'")
        if len(_NUMBERED.findall(self.section("steps").markdown)) < MIN_STEPS:
            raise ValueError(f"the Steps section needs a numbered list of at least {MIN_STEPS} steps")

    def _check_model_text(self) -> None:
        if self.minutes is not None or self.people is not None:
            raise ValueError("a model text has no `minutes` or `people`; those are for exercises")
        text = "\n".join(s.markdown for s in self._model_text_sections())
        if len(set(PLACEHOLDER.findall(text))) < MIN_PLACEHOLDERS:
            raise ValueError(f"the Model text needs at least {MIN_PLACEHOLDERS} [bracketed] places to adapt")

    def _model_text_sections(self) -> list[Section]:
        """The `## Model text` section and the `###` sections under it."""
        inside, found = False, []
        for section in self.sections:
            if section.level == 2:
                inside = section.anchor == "model-text"
            if inside:
                found.append(section)
        return found


class GlossaryTerm(Strict):
    id: str = Field(pattern=SLUG)
    term: str
    definition: str
    chapters: list[str] = Field(min_length=1)
    see: list[str] = []  # ids of related terms, shown as links ("See also"); each must exist

    @model_validator(mode="after")
    def _see_others(self) -> GlossaryTerm:
        if self.id in self.see:
            raise ValueError(f"term '{self.id}' lists itself under 'see'")
        if len(set(self.see)) != len(self.see):
            raise ValueError(f"term '{self.id}' lists a related term twice under 'see'")
        return self


class Alias(Strict):
    """What a reader may type (an acronym, another spelling, a common misspelling) and what the handbook calls it.

    Search reads the alias as its meaning, in the query and in the text alike, so "ICC" finds pages
    that spell out "International Criminal Court" and the reverse.
    """

    alias: str = Field(min_length=2)
    means: str = Field(min_length=2)

    @field_validator("alias", "means")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not terms(value):
            raise ValueError("must contain at least one word that is not a stop word (the, of, and ...)")
        return value

    @property
    def alias_terms(self) -> tuple[str, ...]:
        return tuple(terms(self.alias))

    @property
    def means_terms(self) -> tuple[str, ...]:
        return tuple(terms(self.means))


class TimelineEvent(Strict):
    year: int = Field(ge=1800, le=2100)
    event: str


class Case(Strict):
    id: str = Field(pattern=SLUG)
    name: str
    years: str
    what: str
    who: str
    timeline: list[TimelineEvent] = Field(min_length=1)
    lessons: list[str] = Field(min_length=1)
    chapters: list[str] = Field(min_length=1)
    sources: list[str] = []


class Work(Strict):
    id: str = Field(pattern=SLUG)
    authors: str
    year: int = Field(ge=1600, le=2100)
    title: str
    published: str
    topic: str
    why: str
    doi: str | None = Field(default=None, pattern=r"^10\.\d{4,9}/\S+$")
    url: str | None = Field(default=None, pattern=r"^https://\S+$")

    @property
    def link(self) -> str | None:
        """Where to read the work: its DOI resolver address, or else its publisher's or author's page."""
        return f"https://doi.org/{quote(self.doi, safe='/')}" if self.doi else self.url

    @property
    def link_label(self) -> str:
        return f"doi:{self.doi}" if self.doi else (self.url or "").removeprefix("https://").removeprefix("www.").split("/")[0]

    @property
    def citation(self) -> str:
        """Author (year). Title. Where published."""
        title = self.title if self.title.endswith(("?", ".", "!")) else self.title + "."
        return f"{self.authors} ({self.year}). {title} {self.published}."


class Literature(Strict):
    topics: dict[str, str]
    works: list[Work]


class Dimension(Strict):
    """An assessment dimension, shared by the handbook (related chapters) and the questionnaires."""

    id: str = Field(pattern=ID)
    title: TranslatedText  # reads as English; text_in(dimension.title, "fr") for French
    description: TranslatedText
    chapter: str
