"""Resource guide: the literature behind the handbook, grouped by topic, one line on each, with a link to read it."""

import streamlit as st

from handbook.model import Work
from ui.content import get_handbook

handbook = get_handbook()
literature = handbook.literature
linked = sum(1 for w in literature.works if w.link)
st.title("Resource guide")
st.write(f"{len(literature.works)} works for going further, grouped by topic, each with a line on why to read it "
         f"and, for {linked} of them, a DOI or web address to find it.")


def entry(work: Work) -> str:
    """Citation, then its DOI or address as a link (content text from our own files, not from a visitor)."""
    link = f" [{work.link_label}]({work.link})" if work.link else ""
    return f"{work.citation}{link}"


chosen = st.query_params.get("work", "")
work = handbook.work(chosen) if chosen else None
if work:
    st.info(f"**You followed a citation:** {entry(work)}\n\n{work.why}")
elif chosen:
    st.warning("The work in your link was not found; here is the whole guide.")

for topic_id, topic in literature.topics.items():
    works = [w for w in literature.works if w.topic == topic_id]
    if not works:
        continue
    st.header(topic, anchor=f"topic-{topic_id}")
    for item in works:
        st.markdown(f"- {entry(item)}  \n  *{item.why}*")
