"""The one cleaning boundary for text that a person or a file gives us.

Names, titles, group names and free-text answers pass through `clean_text` before anything else
sees them, because the chart renderer (vl-convert) aborts the whole server process on some control
characters, and bidirectional overrides can make a name read differently from what is stored.
Cleaning, rather than refusing, keeps what the person meant: "Ministry\\x07 of Mines" becomes
"Ministry of Mines". Lone surrogates cannot be encoded at all, so text holding one is refused.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import BeforeValidator

# Bidirectional embeddings, overrides and isolates: legitimate right-to-left text needs none of them.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BLANK_RUNS = re.compile(r"[ \t]+")


UNSAFE_SURROGATE = "contains an invalid character (a lone surrogate); retype it"


class UnsafeText(ValueError):
    """Text that cannot be kept at all (it holds a lone surrogate, which no encoding can carry)."""


def is_noncharacter(ch: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane: never text, and fatal to SVG."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


def has_surrogate(text: str) -> bool:
    return bool(_SURROGATE.search(text))


def clean_text(value: Any, limit: int, multiline: bool = False) -> str:
    """Normalised (NFC), without control characters (tab and, when multiline, newline kept),
    without bidirectional overrides, trimmed, and at most `limit` characters long."""
    text = str(value)
    if has_surrogate(text):
        raise UnsafeText(UNSAFE_SURROGATE)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = "\n" if multiline else ""
    text = "".join(ch for ch in text if ch in kept or ch == "\t"
                   or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS and not is_noncharacter(ch)))
    if not multiline:
        text = _BLANK_RUNS.sub(" ", text.replace("\t", " "))
    return text.strip()[:limit].rstrip()


def xml_safe(text: str) -> str:
    """Only characters XML 1.0 allows (charts become SVG, whose renderer aborts on any other)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and not is_noncharacter(ch)
                                                             and not 0xD800 <= ord(ch) <= 0xDFFF))


def xml_safe_tree(node: Any) -> Any:
    """Every string in a nested structure (a chart spec, say) made XML-safe."""
    if isinstance(node, str):
        return xml_safe(node)
    if isinstance(node, dict):
        return {xml_safe_tree(k): xml_safe_tree(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [xml_safe_tree(v) for v in node]
    return node


def safe_repr(value: Any, limit: int = 60) -> str:
    """A value quoted for an error message: printable whatever it holds, and short. Letters of any
    script stay as they are ("Ministère", not "Minist\\xe8re"); control, format and direction characters
    and lone surrogates become "?", so a terminal or a page shows exactly what the message says."""
    text = repr(value) if not isinstance(value, str) else "'" + value + "'"
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cleaner(limit: int, multiline: bool):
    def clean(value: Any) -> Any:
        return clean_text(value, limit, multiline) if isinstance(value, str) else value

    return clean


def CleanText(limit: int, multiline: bool = False) -> Any:
    """A pydantic string type that is cleaned on the way in: `name: CleanText(200)`."""
    return Annotated[str, BeforeValidator(_cleaner(limit, multiline))]


# Markdown viewers (Streamlit's among them) turn bare web and e-mail addresses into links after
# escapes are read, so a backslash cannot stop it. A word joiner (U+2060, invisible, never a line
# break) inside the pattern can.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|www|mailto)(?=[:.])|(@)")
WORD_JOINER = "\u2060"


def without_autolinks(text: str) -> str:
    """The text as typed, except that no Markdown viewer will make a link of an address in it."""
    return _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2)) + WORD_JOINER, text)

