"""Download the handbook, whole or one chapter, as self-contained HTML or Markdown."""

import streamlit as st

from handbook.export import chapter_to_html, chapter_to_markdown, handbook_to_html, handbook_to_markdown
from ui.content import get_handbook
from ui.toolkit import word_button

handbook = get_handbook()


@st.cache_data(show_spinner=False)
def _whole(kind: str) -> str:
    return handbook_to_html(handbook) if kind == "html" else handbook_to_markdown(handbook)


st.title("Download")
st.write("Take the handbook with you. The HTML files open in any browser without a network "
         "connection and print cleanly; the Markdown files suit editors and wikis; the Word files of "
         "chapters and tools are ready to adapt and print.")

st.subheader("The whole handbook")
st.caption("Every chapter, the glossary, the cases and the resource guide in one file.")
left, right = st.columns(2)
left.download_button("Handbook as HTML", lambda: _whole("html"), "coalition-handbook.html", "text/html",
                     key="download_all_html", on_click="ignore", icon=":material/download:", type="primary")
right.download_button("Handbook as Markdown", lambda: _whole("md"), "coalition-handbook.md", "text/markdown",
                      key="download_all_md", on_click="ignore", icon=":material/download:")

st.subheader("One chapter or tool")
slugs = [c.slug for c in handbook.chapters]
slug = st.selectbox("Chapter or tool", slugs, key="download_chapter",
                    format_func=lambda s: handbook.chapter(s).title)
chapter = handbook.chapter(slug)
left, right, word = st.columns(3)
left.download_button("Chapter as HTML", lambda: chapter_to_html(handbook, chapter), f"{slug}.html", "text/html",
                     key="download_one_html", on_click="ignore", icon=":material/download:")
right.download_button("Chapter as Markdown", lambda: chapter_to_markdown(handbook, chapter), f"{slug}.md",
                      "text/markdown", key="download_one_md", on_click="ignore", icon=":material/download:")
word_button(word, handbook, chapter, "download_one_docx", "Chapter as Word")
