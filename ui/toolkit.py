"""What a toolkit page adds to the chapter view: its facts line and its downloads at the top.

A reader who opens a model text has come to take it away and adapt it, so the Word and Markdown
buttons sit under the title, not after the last section; an exercise shows how long it takes and for
how many people before anything else. Every other page keeps the chapter layout unchanged.
"""

from __future__ import annotations

import streamlit as st

from handbook.export import chapter_to_markdown
from handbook.library import Handbook
from handbook.model import Chapter, Tool
from handbook.word import DOCX_MIME, docx_name, page_to_docx


def contents_label(chapter: Chapter) -> str:
    """A line of the contents page: the title, then how long it takes to read or to run, or "template".

    Kept short because page links do not wrap on a phone; the kind and group size are on the page itself.
    """
    if isinstance(chapter, Tool):
        return f"**{chapter.title}** · " + (f"{chapter.minutes} min" if chapter.minutes else "template")
    return f"**{chapter.title}** · {chapter.reading_minutes} min"


def word_button(container, handbook: Handbook, chapter: Chapter, key: str, label: str = "Download as Word",
                primary: bool = False) -> None:
    """A .docx download built only when clicked (python-docx takes a few tens of milliseconds)."""
    container.download_button(label, lambda: page_to_docx(handbook, chapter), docx_name(chapter), DOCX_MIME,
                              key=key, on_click="ignore", icon=":material/description:",
                              type="primary" if primary else "secondary")


def tool_downloads(handbook: Handbook, chapter: Chapter) -> None:
    """Under a tool's title: Word first (to adapt), then Markdown (for wikis and shared drives)."""
    if not isinstance(chapter, Tool):
        return
    left, right = st.columns(2)
    noun = "template" if chapter.kind == "model-text" else "exercise"
    word_button(left, handbook, chapter, "download_tool_docx", f"Word {noun} (.docx)", primary=True)
    right.download_button(f"Markdown {noun} (.md)", lambda: chapter_to_markdown(handbook, chapter),
                          f"{chapter.slug}.md", "text/markdown", key="download_tool_md", on_click="ignore",
                          icon=":material/download:")
    if chapter.kind == "model-text":
        st.caption(f"{len(chapter.placeholders)} [bracketed] places to adapt; the Word file highlights each one.")
