"""Search the handbook: ranked chapters, each with the best section and a marked snippet."""

import streamlit as st

from handbook.search import matching_cases, matching_terms
from ui.content import get_handbook, get_search_index
from ui.links import HANDBOOK_PAGE

st.title("Search the handbook")

if "search_query" not in st.session_state:  # a deep link ?q=... fills the box once
    st.session_state.search_query = st.query_params.get("q", "")[:200]

query = st.text_input("Search for", key="search_query", max_chars=200,
                      placeholder="for example: de facto stakeholders, who pays, disagreement")
query = query.strip()
if not query:
    st.caption("Search covers chapter titles, headings and text. Try a question in your own words.")
    st.stop()

st.query_params["q"] = query
hits = get_search_index().search(query)
handbook = get_handbook()
for term in matching_terms(handbook, query)[:3]:
    st.info(f"**{term.term}:** {term.definition}", icon=":material/dictionary:")
cases = matching_cases(handbook, query)[:3]
if cases:
    st.markdown("**Cases:** " + " · ".join(f"[{c.name}](cases?case={c.id})" for c in cases))
if not hits:
    st.info("No chapter matches those words. Try fewer or more general words, or browse the contents.")
    st.page_link(HANDBOOK_PAGE, label="All chapters", icon=":material/menu_book:")
    st.stop()

st.caption(f"{len(hits)} chapter{'s' if len(hits) != 1 else ''} found, best match first.")
for rank, hit in enumerate(hits, start=1):
    with st.container(border=True, key=f"hit_{rank}"):
        params = {"chapter": hit.slug, "section": hit.anchor} if hit.anchor else {"chapter": hit.slug}
        label = f"**{hit.title}**" + (f" › {hit.heading}" if hit.heading else "")
        st.page_link(HANDBOOK_PAGE, label=label, query_params=params)
        st.markdown(hit.snippet_markdown)
