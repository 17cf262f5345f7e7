"""Plain-text helpers for search: Markdown to readable words, and word stems."""

from __future__ import annotations

import re
import unicodedata

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"[*_`>#|]+|^\s*[-+]\s+(\[[ x]\]\s+)?|^\s*\d+\.\s+", re.M)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[[^\]]+\]\([^)]+\)")
CELL_SEPARATOR = " · "
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
    """Markdown as readable text: no link targets or formatting marks, table cells kept apart.

    A table row becomes its cells joined by " · " and closed as a sentence, so a snippet cut from a
    table reads "Input · Who gets a say? · Seats for affected groups" rather than running cells together.
    """
    lines = [_table_row(line) if line.lstrip().startswith("|") else line
             for line in markdown.splitlines() if not _TABLE_RULE.match(line)]
    text = _LINK.sub(r"\1", "\n".join(lines))
    text = _MARKS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _table_row(line: str) -> str:
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    row = CELL_SEPARATOR.join(cell for cell in cells if cell)
    return row if not row or row.endswith((".", "?", "!", ":")) else row + "."


def without_link_lists(markdown: str) -> str:
    """The Markdown without lists whose every item starts with a link ("See also" style lists).

    Such lists repeat other chapters' titles; indexed, they make every chapter a hit for every title.
    """
    blocks: list[list[str]] = []
    for line in markdown.splitlines():
        in_list = bool(blocks) and blocks[-1] and _LIST_ITEM.match(blocks[-1][0])
        continues = in_list and (_LIST_ITEM.match(line) or (line.startswith((" ", "\t")) and line.strip()))
        if continues:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    kept = [block for block in blocks if not _is_link_list(block)]
    return "\n".join(line for block in kept for line in block)


def _is_link_list(block: list[str]) -> bool:
    items = [line for line in block if _LIST_ITEM.match(line)]
    return bool(items) and all(_LINK_ITEM.match(item) for item in items)


def stem(word: str) -> str:
    """A deliberately light stemmer: plurals and -ing, enough to match 'landmines' to 'landmine'."""
    word = word.removesuffix("'s")
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def fold(text: str) -> str:
    """Lower case without accents, so "Bäckstrand" and "Backstrand" are the same word."""
    text = text.lower().replace("’", "'")
    if text.isascii():  # the common case, and the fast one
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    """The words of a text, folded, before stemming or dropping stop words."""
    return TOKEN.findall(fold(text))


def terms(text: str) -> list[str]:
    """Stemmed search terms of a text, stop words removed."""
    return [stem(t) for t in tokens(text) if t not in STOPWORDS]
