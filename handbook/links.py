"""Cross-links in content: `[text](chapter:slug#section)`, `case:id`, `lit:id`.

Links are written by meaning, not by URL, so the app, the HTML export and the Markdown export can
each turn them into their own kind of address, and a test can prove that every one resolves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from handbook.library import Handbook

LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<kind>chapter|case|lit):(?P<target>[^)\s]+)\)")


@dataclass(frozen=True)
class Link:
    text: str
    kind: str
    target: str

    @property
    def slug(self) -> str:
        return self.target.partition("#")[0]

    @property
    def section(self) -> str:
        return self.target.partition("#")[2]


def find_links(markdown: str) -> list[Link]:
    return [Link(m["text"], m["kind"], m["target"]) for m in LINK.finditer(markdown)]


def rewrite_links(markdown: str, render: Callable[[Link], str]) -> str:
    """Replace every content link with what `render` returns for it (Markdown)."""
    return LINK.sub(lambda m: render(Link(m["text"], m["kind"], m["target"])), markdown)


def resolve(handbook: Handbook, link: Link) -> str | None:
    """None when the link resolves, otherwise what is wrong with it."""
    if link.kind == "case":
        return None if handbook.case(link.target) else f"unknown case '{link.target}'"
    if link.kind == "lit":
        return None if handbook.work(link.target) else f"unknown work '{link.target}' in literature.yaml"
    chapter = handbook.chapter(link.slug)
    if chapter is None:
        return f"unknown chapter '{link.slug}'"
    if link.section and link.section not in chapter.anchors:
        return f"chapter '{link.slug}' has no section '{link.section}'"
    return None


def check_handbook(handbook: Handbook) -> list[str]:
    """Every reference between content files that does not resolve, one line each."""
    problems: list[str] = []
    chapters = {c.slug for c in handbook.chapters}
    dimensions = {d.id for d in handbook.dimensions}
    works = {w.id for w in handbook.literature.works}
    terms = {t.id for t in handbook.glossary}

    def missing(where: str, kind: str, values: list[str], known: set[str]) -> None:
        problems.extend(f"{where}: unknown {kind} '{v}'" for v in values if v not in known)

    for chapter in handbook.chapters:
        where = str(chapter.path or chapter.slug)
        for link in find_links(chapter.body):
            problem = resolve(handbook, link)
            if problem:
                problems.append(f"{where}: link [{link.text}]: {problem}")
        missing(where, "dimension", chapter.dimensions, dimensions)
        missing(where, "source", chapter.sources, works)
    for term in handbook.glossary:
        missing(f"glossary.yaml term '{term.id}'", "chapter", term.chapters, chapters)
        missing(f"glossary.yaml term '{term.id}'", "term", term.see, terms)
    for case in handbook.cases:
        missing(f"cases.yaml case '{case.id}'", "chapter", case.chapters, chapters)
        missing(f"cases.yaml case '{case.id}'", "source", case.sources, works)
    for dimension in handbook.dimensions:
        missing(f"dimensions.yaml '{dimension.id}'", "chapter", [dimension.chapter], chapters)
    return problems
