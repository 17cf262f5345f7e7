"""Showing text that came from a person or a file: never as HTML, never as live Markdown."""

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~$:])")


def inert(text: str) -> str:
    """Escape Markdown so user text shows exactly as typed (no links, images, emphasis or HTML)."""
    return _MARKDOWN.sub(r"\\\1", str(text))
