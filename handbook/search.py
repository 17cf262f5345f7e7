"""Ranked search over the handbook's chapters (any part), its cases and its glossary.

Scores are field-weighted term frequencies scaled by rarity (IDF), so a query word in a title or
tag outranks the same word in passing prose, and a word every chapter uses counts for little.
A result must contain every word searched for; only when none does are partial matches shown,
and said to be partial. Acronyms and other names declared in content/aliases.yaml are read as
what they mean, and a word found nowhere in the handbook is corrected to the nearest one that is
(RapidFuzz, one edit for short words, two for long ones), with the correction reported.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import OSA

from handbook.aliases import Synonyms, is_abbreviation
from handbook.library import Handbook
from handbook.model import Alias, GlossaryTerm
from handbook.text import STOPWORDS, TOKEN, fold, plain, stem, terms, tokens, without_link_lists

WEIGHTS = {"title": 8.0, "tags": 6.0, "summary": 3.0, "heading": 4.0}
SOURCE_WEIGHT = 0.5  # a chapter that returns to the term throughout is about it, not only mentioning it once
CASE_WEIGHT = 0.8  # a case is a narrower answer than a chapter: it leads only when it is clearly the subject
SNIPPET_WORDS = 32
PAGE_SIZE = 10
LINK_SECTIONS = {"see-also"}  # sections that only point elsewhere; never results of their own


def max_typos(term: str) -> int:
    """Edits allowed when correcting a word: none for short words and acronyms, where guesses go wrong."""
    if len(term) < 4 or any(ch.isdigit() for ch in term):
        return 0
    return 1 if len(term) < 8 else 2


@dataclass(frozen=True)
class Fragment:
    text: str
    hit: bool


@dataclass(frozen=True)
class Hit:
    kind: str  # "chapter" or "case"
    target: str  # the chapter slug or the case id
    title: str
    anchor: str
    heading: str
    score: float
    text: str = field(repr=False)
    marks: frozenset = field(repr=False)

    @cached_property
    def snippet(self) -> tuple[Fragment, ...]:
        """Cut when first shown: a page of ten results need not mark the text of all thirty."""
        return snippet(self.text, self.marks)

    @property
    def ref(self) -> str:
        """The hit as a content link target: `chapter:slug` or `case:id`."""
        return f"{self.kind}:{self.target}"

    @property
    def slug(self) -> str:
        return self.target if self.kind == "chapter" else ""

    @property
    def snippet_markdown(self) -> str:
        """The snippet with matched words in bold; the text comes from our own content."""
        return "".join(f"**{f.text}**" if f.hit else f.text for f in self.snippet)


@dataclass(frozen=True)
class Results:
    """What a search found, and what it understood: corrections and aliases are shown to the reader."""

    query: str
    searched: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()  # (words typed, words searched for)
    aliases: tuple[Alias, ...] = ()  # abbreviations typed, each read as what it stands for
    hits: tuple[Hit, ...] = ()
    partial: bool = False  # no result has every word; these have some
    definitions: tuple[GlossaryTerm, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.hits)

    @property
    def corrected(self) -> str:
        """The query as searched, with each correction written in; "" when nothing was corrected."""
        text = self.query
        for typed, used in self.corrections:
            pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, tokens(typed))) + r"\w*", re.I)
            if not pattern.search(text):
                text = fold(text)  # typed with accents; the typed words are kept without them
            text = pattern.sub(used.replace("\\", r"\\"), text, count=1)
        return text if self.corrections else ""

    def first(self, n: int) -> tuple[Hit, ...]:
        return self.hits[:n]


@dataclass
class _Source:
    """A chapter or a case as a whole: the fields that weigh more than body text."""

    kind: str
    target: str
    title: str
    fields: dict[str, set[str]]
    tag_hits: Counter
    phrase_text: str
    weight: float
    name: frozenset[str] = frozenset()  # the title's words, aliases read as one ("eiti")
    counts: Counter = field(default_factory=Counter)

    def named_by(self, wanted: list[str]) -> bool:
        """A case the query names: its acronym, or at least half the words of its name."""
        return self.kind == "case" and len(self.name & set(wanted)) * 2 >= len(self.name)


@dataclass(frozen=True)
class _Doc:
    source: _Source
    anchor: str
    heading: str
    heading_terms: frozenset[str]
    text: str
    counts: Counter
    phrase_text: str


class SearchIndex:
    def __init__(self, handbook: Handbook):
        self.synonyms = Synonyms(handbook.aliases)
        self.sources: list[_Source] = []
        self.docs: list[_Doc] = []
        self.surface: dict[str, Counter] = {}
        for chapter in handbook.chapters:
            source = self._source("chapter", chapter.slug, chapter.title, chapter.tags, chapter.summary, 1.0)
            for section in chapter.sections:
                if section.anchor not in LINK_SECTIONS:
                    self._add_doc(source, section.anchor, section.title, plain(without_link_lists(section.markdown)))
        for case in handbook.cases:
            source = self._source("case", case.id, case.name, [], "", CASE_WEIGHT)
            self._add_doc(source, "", "", _case_text(case))
        sources_with = Counter(t for s in self.sources for t in set(s.counts) | set().union(*s.fields.values()))
        total = max(1, len(self.sources))
        self.idf = {t: math.log(1 + total / n) for t, n in sources_with.items()}
        self.frequency = sources_with
        glossary_words = {t for g in handbook.glossary for t in self._indexed(f"{g.term} {g.definition}")[0]}
        self.glossary_names = [(t, set(self._indexed(f"{t.term} {t.id}")[0])) for t in handbook.glossary]
        self.vocabulary = sorted(set(sources_with) | glossary_words)
        self.known = set(self.vocabulary)

    # Building -----------------------------------------------------------------------------------

    def _indexed(self, text: str) -> tuple[list[str], list[str]]:
        """A text's terms plus the canonical form of each alias in it, and its canonical phrase."""
        sequence = terms(text)
        return sequence + self.synonyms.additions(sequence), self.synonyms.rewrite(sequence)[0]

    def _source(self, kind: str, target: str, title: str, tags: list[str], summary: str, weight: float) -> _Source:
        title_terms, title_phrase = self._indexed(title)
        tag_terms = [self._indexed(tag) for tag in tags]
        source = _Source(
            kind=kind, target=target, title=title,
            fields={"title": set(title_terms), "tags": {t for found, _ in tag_terms for t in found},
                    "summary": set(self._indexed(summary)[0])},
            # Each tag naming the term counts (up to two): a chapter tagged "landmines" and "Ottawa
            # landmine treaty" is more about landmines than one tagged only "Landmine Monitor".
            tag_hits=Counter(t for found, _ in tag_terms for t in set(found)),
            phrase_text=" | ".join([" ".join(title_phrase), *(" ".join(phrase) for _, phrase in tag_terms)]),
            weight=weight,
            name=frozenset(title_phrase),
        )
        self.sources.append(source)
        self._learn_surface(f"{title} {' '.join(tags)} {summary}")
        return source

    def _add_doc(self, source: _Source, anchor: str, heading: str, text: str) -> None:
        body, phrase = self._indexed(text)
        heading_terms, _ = self._indexed(heading)
        counts = Counter(body) + Counter(heading_terms)
        source.counts.update(counts)
        self.docs.append(_Doc(source, anchor, heading, frozenset(heading_terms), text, counts, " ".join(phrase)))
        self._learn_surface(f"{heading} {text}")

    def _learn_surface(self, text: str) -> None:
        """How each stem is most often written, so a correction can be shown as a real word."""
        for token in tokens(text):
            self.surface.setdefault(stem(token), Counter())[token] += 1

    # Searching ----------------------------------------------------------------------------------

    def search(self, query: str, limit: int = PAGE_SIZE) -> list[Hit]:
        """The best `limit` hits; `find` gives every hit with the count and what was understood."""
        return list(self.find(query).first(limit))

    def find(self, query: str) -> Results:
        """Every result, best first: one per chapter (its best section) and one per case."""
        wanted, corrections, aliases = self.understand(query)
        if not wanted:
            return Results(query)
        scored = [(self._score(doc, wanted), doc) for doc in self.docs]
        best: dict[int, tuple[float, int, _Doc]] = {}
        standing: dict[int, float] = {}  # the best section's standing within its page
        for (score, matched), doc in scored:
            key, within = id(doc.source), _within(score, doc, wanted)
            if matched and within > standing.get(key, -1.0):
                best[key], standing[key] = (score, matched, doc), within
        complete = [entry for entry in best.values() if entry[1] == len(wanted)]
        # A question in one's own words ("how do we handle a member who leaves") has words no page needs:
        # pages with most of them follow the pages with all, ranked lower by their coverage.
        most = [entry for entry in best.values() if len(wanted) >= 3 and 2 * entry[1] >= len(wanted)]
        chosen = list({id(entry[2].source): entry for entry in [*complete, *most]}.values()) if complete \
            else list(best.values())
        # A case the query names comes first: it is the page about that coalition and links to every
        # chapter that uses it, while chapters that tag or discuss it follow by score.
        chosen.sort(key=lambda entry: (not entry[2].source.named_by(wanted), -entry[0]))
        marks = frozenset(wanted) | self.synonyms.marks(wanted)  # terms, and alias phrases to mark where whole
        hits = tuple(self._hit(score, doc, marks) for score, _, doc in chosen)
        return Results(
            query=query, searched=tuple(wanted), corrections=tuple(corrections), aliases=tuple(aliases),
            hits=hits, partial=bool(hits) and not complete, definitions=tuple(self._definitions(wanted)),
            counts=dict(Counter(h.kind for h in hits)),
        )

    def understand(self, query: str) -> tuple[list[str], list[tuple[str, str]], list[Alias]]:
        """The terms to search for, the corrections made (typed, used) and the abbreviations typed.

        Aliases are read first; a word that is neither part of an alias nor anywhere in the handbook
        is then corrected to the nearest word that is. A misspelling declared as an alias is reported
        as a correction too.
        """
        typed = [token for token in tokens(query) if token not in STOPWORDS]
        sequence = [stem(token) for token in typed]
        protected = self.synonyms.covered(sequence)
        corrections: list[tuple[str, str]] = []
        for i, term in enumerate(sequence):
            if i not in protected and term not in self.known:
                better = self.correct(term)
                if better != term:
                    corrections.append((typed[i], self.spelled(better)))
                    sequence[i] = better
        wanted, used = self.synonyms.rewrite(sequence)
        corrections += [(a.alias, a.means) for a in used if not is_abbreviation(a)]
        return list(dict.fromkeys(wanted)), corrections, [a for a in used if is_abbreviation(a)]

    def correct(self, term: str) -> str:
        """The nearest known word within the allowed edits. Ties go to a word of the same length (swapped
        or mistyped letters are commoner than dropped ones: "wolrd" is "world", not "word"), then to
        the word more pages use."""
        limit = max_typos(term)
        if not limit:
            return term
        found = process.extract(term, self.vocabulary, scorer=OSA.distance, score_cutoff=limit, limit=None)
        if not found:
            return term
        best = min(found, key=lambda f: (f[1], abs(len(f[0]) - len(term)), -self.frequency.get(f[0], 0), f[0]))
        return best[0]

    def spelled(self, term: str) -> str:
        """A searched term as people write it ("kimberley" for the stem "kimberley", "policies" for "policy")."""
        forms = self.surface.get(term)
        return forms.most_common(1)[0][0] if forms else term

    def _score(self, doc: _Doc, wanted: list[str]) -> tuple[float, int]:
        source = doc.source
        score, matched = 0.0, 0
        for term in wanted:
            weight = WEIGHTS["title"] * (term in source.fields["title"])
            weight += WEIGHTS["summary"] * (term in source.fields["summary"])
            weight += WEIGHTS["tags"] * min(2, source.tag_hits.get(term, 0))
            weight += WEIGHTS["heading"] * (term in doc.heading_terms)
            weight += math.log1p(doc.counts.get(term, 0))
            weight += SOURCE_WEIGHT * math.log1p(source.counts.get(term, 0))
            matched += weight > 0
            score += self.idf.get(term, 0.0) * weight
        if matched == 0:
            return 0.0, 0
        coverage = matched / len(wanted)
        phrase = " ".join(wanted)
        if len(wanted) > 1 and phrase in source.phrase_text:
            score *= 1.5
        elif len(wanted) > 1 and phrase in doc.phrase_text:
            score *= 1.25
        return score * coverage**2 * source.weight, matched

    def _hit(self, score: float, doc: _Doc, marks: frozenset) -> Hit:
        source = doc.source
        return Hit(kind=source.kind, target=source.target, title=source.title, anchor=doc.anchor,
                   heading=doc.heading, score=round(score, 3), text=doc.text, marks=marks)

    def _definitions(self, wanted: list[str]) -> list[GlossaryTerm]:
        """Glossary terms whose name (or id) holds every searched word: the query names the term."""
        wanted_set = set(wanted)
        named = [term for term, words in self.glossary_names if wanted_set <= words]
        return sorted(named, key=lambda t: len(terms(t.term)))  # "Legitimacy" before "Input legitimacy"


def _within(score: float, doc: _Doc, wanted: list[str]) -> float:
    """A section's standing within its own page: one whose heading holds every word asked for comes
    before one that only mentions them often ("who speaks for the coalition" opens at the section of
    that name, not at the notes). Pages are ranked against each other by their score alone."""
    return score * 1.5 if len(wanted) > 1 and all(term in doc.heading_terms for term in wanted) else score


def _case_text(case) -> str:
    events = " ".join(f"{e.year}: {e.event.rstrip('.')}." for e in case.timeline)
    lessons = " ".join(lesson.rstrip(".") + "." for lesson in case.lessons)
    return plain(f"{case.what}\n\n{case.who}\n\n{events}\n\n{lessons}")


def snippet(text: str, marks, size: int = SNIPPET_WORDS) -> tuple[Fragment, ...]:
    """About `size` words around the densest cluster of hits, from a sentence start where one is near.

    `marks` holds the terms searched for and, as tuples, phrases to mark only where they occur whole
    (an alias's meaning, "international criminal court"); adjacent marked words form one fragment.
    """
    words = re.split(r"(\s+)", text)
    matched = _mark(words, marks)
    positions = [i for i, key in enumerate(matched) if key]
    first = _densest(positions, matched, size * 2)
    start = _sentence_start(words, first, max(0, first - size), max(0, first - size // 3 * 2))
    end = min(len(words), start + size * 2)
    fragments: list[Fragment] = [Fragment("… ", False)] if start > 0 else []
    for i in range(start, end):
        hit = bool(matched[i]) or (not words[i].strip() and 0 < i < end - 1 and bool(matched[i - 1])
                                   and bool(matched[i + 1]))
        if fragments and fragments[-1].hit == hit and (not hit or fragments[-1].text.strip()):
            fragments[-1] = Fragment(fragments[-1].text + words[i], hit)
        else:
            fragments.append(Fragment(words[i], hit))
    if end < len(words):
        fragments.append(Fragment(" …", False))
    return tuple(fragments)


def _mark(words: list[str], marks) -> list[str]:
    """For each piece of the text, the searched term or phrase it belongs to ("" for none)."""
    stems = [(i, stem(token)) for i, word in enumerate(words) if word.strip()
             for token in TOKEN.findall(fold(word)) if token not in STOPWORDS]
    phrases = sorted((m if isinstance(m, tuple) else (m,) for m in marks), key=len, reverse=True)
    firsts = {phrase[0] for phrase in phrases}
    matched = [""] * len(words)
    for k in range(len(stems)):
        if stems[k][1] not in firsts:
            continue
        for phrase in phrases:
            if tuple(term for _, term in stems[k : k + len(phrase)]) == phrase:
                first, last = stems[k][0], stems[k + len(phrase) - 1][0]
                for i in range(first, last + 1):
                    matched[i] = matched[i] or " ".join(phrase)
                break
    return matched


def _densest(positions: list[int], matched: list[str], span: int) -> int:
    """The first hit of the window holding the most different searched words (earliest on a tie)."""
    best, best_count = (positions[0] if positions else 0), 0
    for p in positions:
        count = len({matched[q] for q in positions if p <= q < p + span})
        if count > best_count:
            best, best_count = p, count
    return best


def _sentence_start(words: list[str], first: int, reach: int, fallback: int) -> int:
    """Start at the beginning of the hit's sentence (or table row) when it begins within reach."""
    for i in range(first - 1, reach - 1, -1):
        if words[i].strip() and words[i].rstrip().endswith((".", "?", "!")):
            return i + 1 + (1 if i + 1 < len(words) and not words[i + 1].strip() else 0)
    return 0 if reach == 0 else fallback
