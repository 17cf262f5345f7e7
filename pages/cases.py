"""Cases: real coalitions, what they did, when, who took part, and what they teach."""

import streamlit as st

from ui.content import get_handbook
from ui.links import HANDBOOK_PAGE
from ui.scroll import scroll_to

handbook = get_handbook()
st.title("Cases")
st.write("Real coalitions the handbook draws on. Open one to see its timeline, lessons and chapters.")

chosen = st.query_params.get("case", "")
if chosen and handbook.case(chosen) is None:
    st.warning("The case in your link was not found; here are all the cases.")

for case in handbook.cases:
    with st.container(key=f"case_{case.id}"), st.expander(f"**{case.name}** ({case.years})",
                                                          expanded=case.id == chosen):
        st.write(case.what)
        st.markdown(f"**Who:** {case.who}")
        st.markdown("**Timeline**")
        st.markdown("\n".join(f"- **{e.year}** · {e.event}" for e in case.timeline))
        st.markdown("**What it teaches**")
        st.markdown("\n".join(f"- {lesson}" for lesson in case.lessons))
        st.markdown("**Read more in**")
        for slug in case.chapters:
            st.page_link(HANDBOOK_PAGE, label=handbook.chapter(slug).title, query_params={"chapter": slug})
        sources = [w for w in (handbook.work(i) for i in case.sources) if w]
        if sources:
            st.caption("Sources:\n" + "\n".join(f"- {w.citation}" for w in sources))
if handbook.case(chosen):
    scroll_to(f"case_{chosen}", chosen)  # the opened case, not the top of a list of 27 closed ones
