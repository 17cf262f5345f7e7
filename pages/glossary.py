"""Glossary: every term in plain words, each linking to the chapters that explain it."""

import streamlit as st

from handbook.text import terms
from ui.content import get_handbook
from ui.links import HANDBOOK_PAGE

handbook = get_handbook()
st.title("Glossary")
st.write(f"{len(handbook.glossary)} terms used in the handbook and in coalition practice.")

wanted = set(terms(st.text_input("Filter terms", key="glossary_filter", max_chars=100)))
shown = [t for t in handbook.glossary if not wanted or wanted <= set(terms(t.term + " " + t.definition))]
if not shown:
    st.info("No term matches that filter.")
by_id = {t.id: t for t in handbook.glossary}
for term in shown:
    with st.container(border=True, key=f"term_{term.id}"):
        st.subheader(term.term, anchor=term.id)
        st.write(term.definition)
        for slug in term.chapters:
            chapter = handbook.chapter(slug)
            st.page_link(HANDBOOK_PAGE, label=f"Read: {chapter.title}", query_params={"chapter": slug})
        if term.see:
            st.caption("See also: " + ", ".join(by_id[i].term for i in term.see if i in by_id))
