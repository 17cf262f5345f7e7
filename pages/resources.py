"""Resource guide: the literature behind the handbook, grouped by topic, one line on each."""

import streamlit as st

from ui.content import get_handbook

handbook = get_handbook()
literature = handbook.literature
st.title("Resource guide")
st.write(f"{len(literature.works)} works for going further, grouped by topic, each with a line on why to read it.")

chosen = st.query_params.get("work", "")
work = handbook.work(chosen) if chosen else None
if work:
    st.info(f"**You followed a citation:** {work.citation}\n\n{work.why}")
elif chosen:
    st.warning("The work in your link was not found; here is the whole guide.")

for topic_id, topic in literature.topics.items():
    works = [w for w in literature.works if w.topic == topic_id]
    if not works:
        continue
    st.header(topic, anchor=f"topic-{topic_id}")
    for item in works:
        st.markdown(f"- {item.citation}  \n  *{item.why}*")
