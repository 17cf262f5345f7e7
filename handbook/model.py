"""Typed content objects. Pydantic validates every file at the edge, so pages can trust them."""

from __future__ import annotations

import math
import re
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from handbook.anchors import anchor_for
from handbook.parts import PARTS
from handbook.text import terms

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
WORDS_PER_MINUTE = 220
_HEADING = re.compile(r"^(#{2,3})\s+(.+?)\s*#*\s*$")
_WORD = re.compile(r"[A-Za-z0-9À-ÿ]+(?:['’][A-Za-z]+)?")


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
    title: str
    description: str
    chapter: str
