"""Search the handbook: chapters and cases ranked together, each with its best section and a marked snippet."""

import streamlit as st

from handbook.parts import part_title
from handbook.search import PAGE_SIZE, Results
from ui.content import get_handbook, get_search_index
from ui.links import HANDBOOK_PAGE
from ui.safe import inert

# Result titles are links a reader scans, so they are larger than the snippets and wrap on a phone
# (Streamlit's page links are one clipped line of small text by default).
STYLE = """<style>
.st-key-search_results [data-testid="stPageLink"] a { padding-left: 0; min-height: 44px; }
.st-key-search_results [data-testid="stPageLink"] a span { white-space: normal; overflow: visible; }
.st-key-search_results [data-testid="stPageLink"] p {
  white-space: normal; font-size: 1.2rem; font-weight: 600; line-height: 1.35; color: #0057a0; }
</style>"""

st.title("Search the handbook")

if "search_query" not in st.session_state:  # a deep link ?q=... fills the box once
    st.session_state.search_query = st.query_params.get("q", "")[:200]

query = st.text_input("Search for", key="search_query", max_chars=200,
                      placeholder="for example: de facto stakeholders, who pays, disagreement, EITI")
query = query.strip()
if not query:
    st.caption("Search covers every chapter, the cases and the glossary. Try a question in your own words; "
               "acronyms such as ICC, EITI or OGP work too.")
    st.stop()

st.query_params["q"] = query
results: Results = get_search_index().find(query)
handbook = get_handbook()


def _understood(results: Results) -> None:
    """Say what was searched when it differs from what was typed, so a correction is never silent."""
    if results.corrected:
        st.markdown(f"Showing results for **{inert(results.corrected)}** (you typed *{inert(results.query)}*).")
    if results.aliases:
        st.caption(" · ".join(f"{a.alias}: {a.means}" for a in results.aliases))


def _definitions(results: Results) -> None:
    for term in results.definitions[:3]:
        with st.container(border=True, key=f"definition_{term.id}"):
            st.markdown(f":material/dictionary: **{term.term}:** {term.definition}")
            st.page_link("pages/glossary.py", label="Open in the glossary", icon=":material/arrow_forward:",
                         query_params={"term": term.id})


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _count(results: Results, shown: int) -> str:
    """ "Showing 10 of 25 results, best match first (in all, 21 chapters and 4 cases)." """
    kinds = " and ".join(_plural(results.counts[k], k) for k in ("chapter", "case") if results.counts.get(k))
    total = _plural(results.total, "result")
    lead = f"Showing {shown} of {total}" if shown < results.total else total.capitalize()
    return f"{lead}, best match first ({'in all, ' if shown < results.total else ''}{kinds})."


def _hit(rank: int, hit) -> None:
    with st.container(border=True, key=f"hit_{rank}"):
        if hit.kind == "case":
            case = handbook.case(hit.target)
            st.page_link("pages/cases.py", label=hit.title, query_params={"case": hit.target})
            st.caption(f"Case · {case.years}")
        else:
            chapter = handbook.chapter(hit.target)
            params = {"chapter": hit.slug, "section": hit.anchor} if hit.anchor else {"chapter": hit.slug}
            st.page_link(HANDBOOK_PAGE, label=hit.title, query_params=params)
            st.caption(" › ".join(filter(None, [part_title(chapter.part), hit.heading])))
        st.markdown(hit.snippet_markdown)


_understood(results)
_definitions(results)
if not results.hits:
    st.info("Nothing in the handbook matches those words. Try fewer or more general words, or browse the contents.")
    st.page_link(HANDBOOK_PAGE, label="All chapters", icon=":material/menu_book:")
    st.stop()

if st.session_state.get("search_shown_for") != query:  # a new query starts again at the first page
    st.session_state.search_shown_for = query
    st.session_state.search_shown = PAGE_SIZE
shown = min(st.session_state.search_shown, results.total)

if results.partial:
    st.warning("No page has every word you searched for; these have some of them.", icon=":material/info:")
st.caption(_count(results, shown))
st.html(STYLE)
with st.container(key="search_results"):
    for rank, hit in enumerate(results.first(shown), start=1):
        _hit(rank, hit)
if shown < results.total:
    more = min(PAGE_SIZE, results.total - shown)
    st.button(f"Show {more} more", key="search_more", icon=":material/expand_more:",
              on_click=lambda: st.session_state.update(search_shown=shown + PAGE_SIZE))
