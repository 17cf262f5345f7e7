"""Showing text that came from a person or a file: never as HTML, never as live Markdown."""

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~$:])")
# Streamlit's Markdown turns bare web and e-mail addresses into links after escapes are read, so a
# backslash cannot stop it. A word joiner (U+2060, invisible, never a line break) inside the pattern can.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|www|mailto)(?=[:.])|(@)")
_WORD_JOINER = "\u2060"


def inert(text: str) -> str:
    """Escape Markdown so user text shows exactly as typed (no links, images, emphasis or HTML)."""
    defused = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2)) + _WORD_JOINER, str(text))
    return _MARKDOWN.sub(r"\\\1", defused)
