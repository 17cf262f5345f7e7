"""Ranked search over chapter titles, tags, summaries, headings and text.

Scores are field-weighted term frequencies scaled by rarity (IDF), so a query word in a title or
tag outranks the same word in passing prose, and a word every chapter uses counts for little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from handbook.library import Handbook
from handbook.model import Chapter
from handbook.text import TOKEN, plain, stem, terms

WEIGHTS = {"title": 8.0, "tags": 6.0, "summary": 3.0, "heading": 4.0}
CHAPTER_WEIGHT = 0.5
SNIPPET_WORDS = 32


@dataclass(frozen=True)
class Fragment:
    text: str
    hit: bool


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    anchor: str
    heading: str
    score: float
    snippet: tuple[Fragment, ...]

    @property
    def snippet_markdown(self) -> str:
        """The snippet with matched words in bold; the text comes from our own content."""
        return "".join(f"**{f.text}**" if f.hit else f.text for f in self.snippet)


@dataclass(frozen=True)
class _Doc:
    chapter: Chapter
    anchor: str
    heading: str
    text: str
    counts: Counter


class SearchIndex:
    def __init__(self, handbook: Handbook):
        self.docs: list[_Doc] = []
        self.fields: dict[str, dict[str, set[str]]] = {}
        self.tag_hits: dict[str, Counter] = {}
        for chapter in handbook.chapters:
            self.fields[chapter.slug] = {
                "title": set(terms(chapter.title)),
                "tags": set(terms(" ".join(chapter.tags))),
                "summary": set(terms(chapter.summary)),
            }
            self.tag_hits[chapter.slug] = Counter(t for tag in chapter.tags for t in set(terms(tag)))
            for section in chapter.sections:
                text = plain(section.markdown)
                counts = Counter(terms(text)) + Counter(terms(section.title))
                self.docs.append(_Doc(chapter, section.anchor, section.title, text, counts))
        self.chapter_counts: dict[str, Counter] = {}
        for doc in self.docs:
            self.chapter_counts.setdefault(doc.chapter.slug, Counter()).update(doc.counts)
        chapters_with = Counter(t for slug in self.fields for t in self._chapter_terms(slug))
        total = max(1, len(self.fields))
        self.idf = {t: math.log(1 + total / n) for t, n in chapters_with.items()}

    def _chapter_terms(self, slug: str) -> set[str]:
        found = set().union(*self.fields[slug].values())
        return found.union(*(d.counts for d in self.docs if d.chapter.slug == slug))

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Best chapters first, each with its best-matching section and a marked snippet."""
        wanted = list(dict.fromkeys(terms(query)))
        if not wanted:
            return []
        best: dict[str, tuple[float, _Doc]] = {}
        for doc in self.docs:
            score = self._score(doc, wanted, query)
            slug = doc.chapter.slug
            if score > 0 and (slug not in best or score > best[slug][0]):
                best[slug] = (score, doc)
        ranked = sorted(best.values(), key=lambda pair: -pair[0])[:limit]
        return [self._hit(score, doc, wanted) for score, doc in ranked]

    def _score(self, doc: _Doc, wanted: list[str], query: str) -> float:
        fields = self.fields[doc.chapter.slug]
        heading = set(terms(doc.heading))
        score, matched = 0.0, 0
        for term in wanted:
            idf = self.idf.get(term, 0.0)
            weight = sum(w for name, w in WEIGHTS.items() if name not in ("heading", "tags") and term in fields[name])
            # Each tag naming the term counts (up to two): a chapter tagged "landmines" and "Ottawa
            # landmine treaty" is more about landmines than one tagged only "Landmine Monitor".
            weight += WEIGHTS["tags"] * min(2, self.tag_hits[doc.chapter.slug].get(term, 0))
            weight += WEIGHTS["heading"] if term in heading else 0.0
            weight += math.log1p(doc.counts.get(term, 0))
            # A chapter that returns to the term throughout is about it, not only mentioning it once.
            weight += CHAPTER_WEIGHT * math.log1p(self.chapter_counts[doc.chapter.slug].get(term, 0))
            matched += weight > 0
            score += idf * weight
        if matched == 0:
            return 0.0
        coverage = matched / len(wanted)
        phrase = " ".join(wanted)
        if len(wanted) > 1 and phrase in " ".join(terms(doc.chapter.title + " " + " ".join(doc.chapter.tags))):
            score *= 1.5
        elif len(wanted) > 1 and phrase in " ".join(terms(doc.text)):
            score *= 1.25
        return score * coverage**2

    def _hit(self, score: float, doc: _Doc, wanted: list[str]) -> Hit:
        return Hit(
            slug=doc.chapter.slug,
            title=doc.chapter.title,
            anchor=doc.anchor,
            heading=doc.heading,
            score=round(score, 3),
            snippet=snippet(doc.text or doc.chapter.summary, wanted),
        )


def snippet(text: str, wanted: list[str], size: int = SNIPPET_WORDS) -> tuple[Fragment, ...]:
    """A window of about `size` words around the first hit, with each matching word marked."""
    words = re.split(r"(\s+)", text)
    is_hit = [bool(w.strip()) and _matches(w, wanted) for w in words]
    first = next((i for i, h in enumerate(is_hit) if h), 0)
    start = max(0, first - size // 3 * 2)
    end = min(len(words), start + size * 2)
    fragments: list[Fragment] = [Fragment("… ", False)] if start > 0 else []
    for word, hit in zip(words[start:end], is_hit[start:end], strict=True):
        if fragments and fragments[-1].hit == hit and not hit:
            fragments[-1] = Fragment(fragments[-1].text + word, False)
        else:
            fragments.append(Fragment(word, hit))
    if end < len(words):
        fragments.append(Fragment(" …", False))
    return tuple(fragments)


def _matches(word: str, wanted: list[str]) -> bool:
    return any(stem(token) in wanted for token in TOKEN.findall(word.lower().replace("’", "'")))


def matching_terms(handbook, query: str) -> list:
    """Glossary terms whose name contains every query word (stemmed)."""
    wanted = set(terms(query))
    return [t for t in handbook.glossary if wanted and wanted <= set(terms(t.term + " " + t.id))]


def matching_cases(handbook, query: str) -> list:
    """Cases whose name, years or description mention every query word (stemmed)."""
    wanted = set(terms(query))
    return [c for c in handbook.cases if wanted and wanted <= set(terms(f"{c.name} {c.years} {c.what} {c.who}"))]
