"""The chapter view and the friendly not-found view, shared by the handbook page."""

from __future__ import annotations

import difflib

import streamlit as st

from assessment.model import text_in
from handbook.export import chapter_to_html, chapter_to_markdown
from handbook.library import Handbook
from handbook.model import Chapter
from handbook.parts import part_title
from ui.links import HANDBOOK_PAGE, app_markdown
from ui.scroll import scroll_to
from ui.toolkit import tool_downloads, word_button

# The sidebar contents: compact, readable, and out of the way of the navigation above it. The inline
# copy is for screens where Streamlit folds the sidebar away (its breakpoint is 768 px). Previous and
# next links wrap and are full-size tap targets on a phone.
_STYLE = """<style>
.st-key-toc_sidebar ul { padding-left: 0; margin: 0; list-style: none; }
.st-key-toc_sidebar li { margin: 0; padding: 0; }
.st-key-toc_sidebar li a { display: block; padding: 0.3rem 0.5rem; border-radius: 0.4rem; line-height: 1.3;
  font-size: 0.9rem; color: inherit; text-decoration: none; }
.st-key-toc_sidebar li a:hover { background: rgba(0, 114, 178, 0.08); color: #0057a0; }
@media (min-width: 768px) { .st-key-toc_inline { display: none; } }
.st-key-toc_inline li a { display: inline-block; min-height: 44px; padding-top: 0.6rem; }
.st-key-chapter_neighbours [data-testid="stPageLink"] a { min-height: 44px; }
.st-key-chapter_neighbours [data-testid="stPageLink"] a span,
.st-key-chapter_neighbours [data-testid="stPageLink"] p { white-space: normal; overflow: visible; }
</style>"""


def show_chapter(handbook: Handbook, chapter: Chapter, section: str) -> None:
    st.sidebar.html(_STYLE)  # the sidebar, so the style takes no room in the text
    st.page_link(HANDBOOK_PAGE, label=f"Handbook › {part_title(chapter.part)}", icon=":material/arrow_back:")
    st.title(chapter.title, anchor="top")
    st.caption(chapter.caption)
    st.markdown(f"*{chapter.summary}*")
    tool_downloads(handbook, chapter)
    if section and section not in chapter.anchors:
        _section_not_found(chapter, section)
        section = ""
    _on_this_page(chapter)
    for part in chapter.sections:
        if part.anchor:
            heading = st.header if part.level == 2 else st.subheader
            heading(part.title, anchor=part.anchor)
        st.markdown(app_markdown(handbook, part.markdown))
    _related(handbook, chapter)
    _downloads(handbook, chapter)
    _previous_next(handbook, chapter)
    shown = (chapter.slug, section)
    if st.session_state.get("chapter_shown") != shown:  # a chapter or section just opened, not a rerun of it
        st.session_state["chapter_shown"] = shown
        scroll_to(section or "top", chapter.slug)  # a section id checked against the chapter's own anchors


def _on_this_page(chapter: Chapter) -> None:
    """The chapter's sections, kept in view in the sidebar on a wide screen and folded inline on a phone.

    Links are `#anchor` links, which Streamlit opens in place: a click scrolls to the section at once,
    with no rerun. Streamlit folds the sidebar away below 768 px, so the inline copy shows only there.
    """
    sections = [s for s in chapter.sections if s.level == 2]
    if not sections:
        return
    links = "\n".join(f"- [{s.title}](#{s.anchor})" for s in sections)
    with st.sidebar.container(key="toc_sidebar"):
        st.markdown("**On this page**")
        st.markdown(links)
    with st.container(key="toc_inline"), st.expander("On this page"):
        st.markdown(links)


def _section_not_found(chapter: Chapter, section: str) -> None:
    """The link's section is not echoed back: it is visitor-controlled text."""
    st.warning("This chapter has no section with the address you followed; it may have been renamed. "
               "Here is the whole chapter.")
    close = difflib.get_close_matches(section.lower(), sorted(chapter.anchors), n=3, cutoff=0.4)
    for anchor in close:
        st.page_link(HANDBOOK_PAGE, label=f"Go to: {chapter.section(anchor).title}",
                     query_params={"chapter": chapter.slug, "section": anchor})


def _related(handbook: Handbook, chapter: Chapter) -> None:
    dimensions = handbook.dimensions_for(chapter)
    cases = handbook.cases_for(chapter.slug)
    if not (dimensions or cases):
        return
    st.divider()
    if dimensions:
        _assessment_questions(dimensions)
    if cases:
        st.markdown("**Cases:** " + ", ".join(f"[{c.name}](cases?case={c.id})" for c in cases))


def _assessment_questions(dimensions) -> None:
    """The diagnostic's questions on this chapter's dimensions, so a reader can test their coalition."""
    from ui.assessment_state import get_engine  # the Read pages load the engine only when needed

    instrument = get_engine().instruments.get("full-diagnostic")
    ids = {d.id for d in dimensions}
    items = [i for i in instrument.items if i.dimension in ids] if instrument else []
    st.markdown("**In the self-assessment** this chapter explains: "
                + ", ".join(d.title.lower() for d in dimensions) + ".")
    if items:
        with st.expander(f"The {len(items)} questions on this in the full diagnostic"):
            st.markdown("\n".join(f"- {text_in(i.text)}" for i in items))
            st.page_link("pages/assess.py", label="Assess your coalition", icon=":material/checklist:")


def _downloads(handbook: Handbook, chapter: Chapter) -> None:
    left, right, word = st.columns(3)
    left.download_button("Download as HTML", lambda: chapter_to_html(handbook, chapter), f"{chapter.slug}.html",
                         "text/html", key="download_chapter_html", on_click="ignore", icon=":material/download:")
    right.download_button("Download as Markdown", lambda: chapter_to_markdown(handbook, chapter), f"{chapter.slug}.md",
                          "text/markdown", key="download_chapter_md", on_click="ignore", icon=":material/download:")
    word_button(word, handbook, chapter, "download_chapter_docx")


def _previous_next(handbook: Handbook, chapter: Chapter) -> None:
    before, after = handbook.neighbours(chapter.slug)
    left, right = st.container(key="chapter_neighbours").columns(2)
    if before:
        left.page_link(HANDBOOK_PAGE, label=f"Previous: {before.title}", icon=":material/arrow_back:",
                       query_params={"chapter": before.slug})
    if after:
        right.page_link(HANDBOOK_PAGE, label=f"Next: {after.title}", icon=":material/arrow_forward:",
                        query_params={"chapter": after.slug})


def show_not_found(handbook: Handbook, slug: str) -> None:
    """An unknown chapter in a link: say so plainly and offer the closest matches."""
    st.title("Chapter not found")
    st.write("No chapter has the address you followed:")
    st.code(slug, language=None)
    matches = handbook.closest_chapters(slug)
    if matches:
        st.write("Perhaps you meant:")
        for chapter in matches:
            st.page_link(HANDBOOK_PAGE, label=chapter.title, query_params={"chapter": chapter.slug})
    st.page_link(HANDBOOK_PAGE, label="All chapters", icon=":material/menu_book:")
    st.page_link("pages/search.py", label="Search the handbook", icon=":material/search:",
                 query_params={"q": slug.replace("-", " ")[:80]})
