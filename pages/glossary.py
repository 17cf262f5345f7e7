"""Glossary: every term in plain words, each linking to the chapters that explain it and to related terms."""

import streamlit as st

from handbook.text import terms
from ui.content import get_handbook
from ui.links import HANDBOOK_PAGE
from ui.scroll import scroll_to

GLOSSARY_PAGE = "pages/glossary.py"
# Links are comfortable tap targets on a phone and wrap rather than clip; related terms sit in one
# wrapping row.
STYLE = """<style>
[class*="st-key-term_"] [data-testid="stPageLink"] a { min-height: 44px; }
[class*="st-key-term_"] [data-testid="stPageLink"] a span,
[class*="st-key-term_"] [data-testid="stPageLink"] p { white-space: normal; overflow: visible; }
[class*="st-key-see_"] [data-testid="stPageLink"] a { padding: 0 0.6rem; }
[class*="st-key-see_"] [data-testid="stPageLink"] p { color: #0057a0; }
</style>"""

handbook = get_handbook()
by_id = {t.id: t for t in handbook.glossary}
focus = st.query_params.get("term", "")
arrived = focus in by_id and st.session_state.get("glossary_focus") != focus
if arrived:  # a link to one term (from search or a "See also"): clear any filter that would hide it
    st.session_state.glossary_focus = focus
    st.session_state.glossary_filter = ""
if focus in by_id:
    st.query_params["term"] = focus  # a link to this same page leaves the address as it was otherwise

st.title("Glossary")
st.write(f"{len(handbook.glossary)} terms used in the handbook and in coalition practice.")
if focus and focus not in by_id:
    st.warning("The term in your link was not found; here is the whole glossary.")

wanted = set(terms(st.text_input("Filter terms", key="glossary_filter", max_chars=100)))


def matches(term) -> bool:
    """Every word typed begins a word of the term or its definition: "legit" finds legitimacy."""
    text = term.term + " " + term.definition
    words = set(terms(text)) | {word.lower().strip(".,;:()“”\"'’") for word in text.split()}
    return all(any(word.startswith(query) for word in words) for query in wanted)


shown = [t for t in handbook.glossary if matches(t)]
if not shown:
    st.info("No term matches that filter.")
st.html(STYLE)
for term in shown:
    with st.container(border=True, key=f"term_{term.id}"):
        st.subheader(term.term, anchor=term.id)
        st.write(term.definition)
        for slug in term.chapters:
            chapter = handbook.chapter(slug)
            st.page_link(HANDBOOK_PAGE, label=f"Read: {chapter.title}", query_params={"chapter": slug})
        related = [by_id[i] for i in term.see if i in by_id]
        if related:
            st.caption("See also")
            with st.container(horizontal=True, gap="small", key=f"see_{term.id}"):
                for other in related:
                    st.page_link(GLOSSARY_PAGE, label=other.term, query_params={"term": other.id},
                                 icon=":material/arrow_right_alt:")
if arrived:
    scroll_to(focus)
