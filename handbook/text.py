"""Plain-text helpers shared by search and export: Markdown to words, and word stems."""

from __future__ import annotations

import re

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`>#|]+|^\s*[-+]\s+(\[[ x]\]\s+)?|^\s*\d+\.\s+", re.M)
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STOPWORDS = frozenset(
    [
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i",
        "in", "is", "it", "its", "of", "on", "or", "our", "should", "that", "the", "their", "them", "they",
        "this", "to", "was", "we", "what", "when", "where", "which", "who", "whom", "why", "will", "with",
        "you", "your",
    ]
)


def plain(markdown: str) -> str:
    """Markdown without link targets or formatting marks, whitespace folded."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def stem(word: str) -> str:
    """A deliberately light stemmer: plurals and -ing, enough to match 'landmines' to 'landmine'."""
    word = word.removesuffix("'s")
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def terms(text: str) -> list[str]:
    """Stemmed search terms of a text, stop words removed."""
    return [stem(t) for t in TOKEN.findall(text.lower().replace("’", "'")) if t not in STOPWORDS]
