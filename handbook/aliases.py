"""Aliases for search: "ICC" and "International Criminal Court" read as one word.

Each alias and its meaning share one canonical form, the side with fewer words ("icc"; for two
spellings of equal length, the meaning). A query is rewritten to canonical forms; an indexed text
keeps its own words and gains the canonical form of every alias or meaning it contains, overlaps
included, so "Coalition for the International Criminal Court" is found by "ICC", by "CICC" and by
its own words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from handbook.model import Alias


def is_abbreviation(alias: Alias) -> bool:
    """An acronym ("ICC", "SDGs"): shorter than its meaning and written with capitals.

    Search explains an abbreviation ("ICC: International Criminal Court") and reports any other
    alias ("kimberly process", "multistakeholder") as a correction of the query.
    """
    return len(alias.alias_terms) < len(alias.means_terms) and any(ch.isupper() for ch in alias.alias)


def canonical(alias: Alias) -> tuple[str, ...]:
    """The side with fewer words ("icc"); for two spellings of one length, the meaning."""
    shorter_alias = len(alias.alias_terms) < len(alias.means_terms)
    return alias.alias_terms if shorter_alias else alias.means_terms


class Synonyms:
    def __init__(self, aliases: Iterable[Alias]):
        self.aliases = list(aliases)
        self._by_first: dict[str, list[tuple[tuple[str, ...], Alias]]] = {}
        for alias in self.aliases:
            for phrase in {alias.alias_terms, alias.means_terms}:
                self._by_first.setdefault(phrase[0], []).append((phrase, alias))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda pair: -len(pair[0]))  # the longest phrase wins: "cicc" before "icc"

    @property
    def words(self) -> set[str]:
        """Every term an alias is written with (a typo in one can still be corrected to it)."""
        return {term for alias in self.aliases for term in alias.alias_terms}

    def rewrite(self, sequence: Sequence[str]) -> tuple[list[str], list[Alias]]:
        """The terms with each alias or meaning replaced by its canonical form, and the aliases typed.

        An alias counts as typed only when its own words were (not its meaning), so a reader who
        wrote "Kimberley Process" is not told about the misspelling "kimberly process".
        """
        out: list[str] = []
        used: list[Alias] = []
        i = 0
        while i < len(sequence):
            found = self._phrases_at(sequence, i)
            if not found:
                out.append(sequence[i])
                i += 1
                continue
            phrase, alias = found[0]
            out.extend(canonical(alias))
            if phrase == alias.alias_terms and alias not in used:
                used.append(alias)
            i += len(phrase)
        return out, used

    def covered(self, sequence: Sequence[str]) -> set[int]:
        """Positions that belong to an alias or a meaning (such words are not typos to correct)."""
        return {j for i in range(len(sequence)) for phrase, _ in self._phrases_at(sequence, i)
                for j in range(i, i + len(phrase))}

    def additions(self, sequence: Sequence[str]) -> list[str]:
        """Canonical terms for every alias or meaning in a text, overlaps included, beyond its own words."""
        added: list[str] = []
        for i in range(len(sequence)):
            for phrase, alias in self._phrases_at(sequence, i):
                if phrase != canonical(alias):
                    added.extend(canonical(alias))
        return added

    def _phrases_at(self, sequence: Sequence[str], i: int) -> list[tuple[tuple[str, ...], Alias]]:
        return [(phrase, alias) for phrase, alias in self._by_first.get(sequence[i], ())
                if tuple(sequence[i : i + len(phrase)]) == phrase]

    def marks(self, searched: Iterable[str]) -> set[tuple[str, ...]]:
        """Phrases to highlight for a search: both sides of every alias whose canonical form was searched."""
        searched = set(searched)
        return {phrase for a in self.aliases if set(canonical(a)) <= searched
                for phrase in (a.alias_terms, a.means_terms)}
