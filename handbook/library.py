"""The whole handbook: chapters with their glossary, cases, literature and dimensions.

One object loaded once (the app caches it), with the look-ups pages need.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from handbook import loader
from handbook.model import Alias, Case, Chapter, Dimension, GlossaryTerm, Literature, Tool, Work
from handbook.parts import PARTS

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class Handbook:
    chapters: list[Chapter]
    glossary: list[GlossaryTerm] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    literature: Literature = field(default_factory=lambda: Literature(topics={}, works=[]))
    dimensions: list[Dimension] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)

    @property
    def tools(self) -> list[Tool]:
        """The toolkit's pages (model texts and exercises), in reading order."""
        return [c for c in self.chapters if isinstance(c, Tool)]

    @property
    def reading_chapters(self) -> list[Chapter]:
        """The chapters proper, without the toolkit's pages (for counts such as "25 chapters")."""
        return [c for c in self.chapters if not isinstance(c, Tool)]

    def tool(self, slug: str) -> Tool | None:
        return next((t for t in self.tools if t.slug == slug), None)

    def chapter(self, slug: str) -> Chapter | None:
        return next((c for c in self.chapters if c.slug == slug), None)

    def case(self, case_id: str) -> Case | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def work(self, work_id: str) -> Work | None:
        return next((w for w in self.literature.works if w.id == work_id), None)

    def dimension(self, dimension_id: str) -> Dimension | None:
        return next((d for d in self.dimensions if d.id == dimension_id), None)

    def contents(self) -> list[Chapter]:
        """Chapters as the contents page lists them: part by part, then by `order` within a part.

        A chapter added later to an earlier part (with a higher `order`) is read at the end of
        its part, not after the last part, so "previous" and "next" follow what the reader sees.
        """
        rank = {part_id: position for position, part_id in enumerate(PARTS)}
        return sorted(self.chapters, key=lambda c: (rank.get(c.part, len(rank)), c.order))

    def neighbours(self, slug: str) -> tuple[Chapter | None, Chapter | None]:
        """The chapters before and after, in the order of the contents page."""
        chapters = self.contents()
        index = [c.slug for c in chapters].index(slug)
        before = chapters[index - 1] if index > 0 else None
        after = chapters[index + 1] if index + 1 < len(chapters) else None
        return before, after

    def closest_chapters(self, wrong: str, limit: int = 3) -> list[Chapter]:
        """Chapters whose slug or title is nearest to a mistyped or outdated slug."""
        wrong = wrong.lower().strip()
        names = {c.slug: c for c in self.chapters}
        names.update({c.title.lower(): c for c in self.chapters})
        found: list[Chapter] = []
        for name in difflib.get_close_matches(wrong, list(names), n=limit * 2, cutoff=0.3):
            if names[name] not in found:
                found.append(names[name])
        for chapter in self.chapters:  # words in common, for slugs too far off for difflib
            if len(found) < limit and chapter not in found and set(wrong.split("-")) & set(chapter.slug.split("-")):
                found.append(chapter)
        return found[:limit]

    def terms_for(self, slug: str) -> list[GlossaryTerm]:
        return [t for t in self.glossary if slug in t.chapters]

    def cases_for(self, slug: str) -> list[Case]:
        return [c for c in self.cases if slug in c.chapters]

    def dimensions_for(self, chapter: Chapter) -> list[Dimension]:
        return [d for d in self.dimensions if d.id in chapter.dimensions]


def load_handbook(root: Path = CONTENT_DIR) -> Handbook:
    """Load and validate everything under content/; raises ContentError on the first problem."""
    optional = {
        "glossary": (root / "glossary.yaml", loader.load_glossary),
        "cases": (root / "cases.yaml", loader.load_cases),
        "literature": (root / "literature.yaml", loader.load_literature),
        "dimensions": (root / "dimensions.yaml", loader.load_dimensions),
        "aliases": (root / "aliases.yaml", loader.load_aliases),
    }
    parts = {name: load(path) for name, (path, load) in optional.items() if path.exists()}
    pages = loader.load_chapters(root / "handbook")
    if (root / "toolkit").is_dir():  # the toolkit's pages join the chapters, so links and search need nothing new
        pages = loader.in_reading_order(root, pages + loader.load_tools(root / "toolkit"))
    return Handbook(chapters=pages, **parts)


@cache
def shared_handbook() -> Handbook:
    """The product's own content, loaded once per process and shared by the pages and the reports
    (the load takes about half a second; a second copy would double it and the memory)."""
    return load_handbook()

