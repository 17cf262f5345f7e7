"""Showing text that came from a person or a file: never as HTML, never as live Markdown."""

import re

from assessment.cleaning import without_autolinks

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~$:])")


def inert(text: str) -> str:
    """Escape Markdown so user text shows exactly as typed (no links, images, emphasis or HTML)."""
    return _MARKDOWN.sub(r"\\\1", without_autolinks(str(text)))
