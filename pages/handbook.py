"""The handbook: contents grouped by part, or one chapter when `?chapter=slug` is given."""

import streamlit as st

from handbook.parts import PARTS
from ui.chapter import show_chapter, show_not_found
from ui.content import get_handbook
from ui.links import HANDBOOK_PAGE
from ui.toolkit import contents_label

handbook = get_handbook()
slug = st.query_params.get("chapter", "")

if slug:
    chapter = handbook.chapter(slug)
    if chapter is None:
        show_not_found(handbook, slug)
    else:
        section = st.query_params.get("section", "")
        # A link to this same page does not change the address bar on its own: write the chapter into
        # it, so Reload, Back and a copied address open the chapter being read.
        st.query_params.from_dict({"chapter": slug, **({"section": section} if section else {})})
        show_chapter(handbook, chapter, section)
    st.stop()

st.title("Handbook")
st.write(
    f"{len(handbook.reading_chapters)} chapters and {len(handbook.tools)} tools in {len(PARTS)} parts, about "
    f"{sum(c.reading_minutes for c in handbook.chapters)} minutes of reading in all."
)
for part_id, (title, description) in PARTS.items():
    chapters = [c for c in handbook.chapters if c.part == part_id]
    if not chapters:
        continue
    st.header(title, anchor=f"part-{part_id}")
    st.caption(description)
    for chapter in chapters:
        st.page_link(HANDBOOK_PAGE, label=contents_label(chapter), query_params={"chapter": chapter.slug})
        st.caption(chapter.summary)
