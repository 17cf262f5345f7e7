"""Home: what the app is, and three doors (read, assess, run a workshop)."""

import streamlit as st

from ui.assessment_state import NEW, RESUME
from ui.content import get_handbook
from ui.links import HANDBOOK_PAGE

handbook = get_handbook()

st.title("Coalition Handbook")
st.markdown(
    "A practical guide for **multi-stakeholder coalitions** in global governance: the alliances of "
    "governments, international organisations, NGOs, companies and communities that take on problems "
    "none of them can solve alone."
)

read, assess, workshop = st.columns(3)
with read.container(border=True):
    st.subheader(":material/menu_book: Read the handbook")
    st.write(
        f"{len(handbook.reading_chapters)} practical chapters on legitimacy, representation, dissent, money, "
        f"evidence and more, each ending with a checklist and questions for your group, and a toolkit of "
        f"{len(handbook.tools)} model texts and exercises."
    )
    st.page_link(HANDBOOK_PAGE, label="Open the contents", icon=":material/arrow_forward:")
with assess.container(border=True):
    st.subheader(":material/explore: Assess your coalition")
    st.write(
        "Answer a 7-minute quick check or the full diagnostic, map your stakeholders, and leave with "
        "where you stand and a short, ranked list of actions tied to the handbook."
    )
    if st.session_state.get("resume_token"):  # an assessment is open in this tab: offer both ways
        st.page_link("pages/assess.py", label="Continue your assessment", icon=":material/arrow_forward:",
                     query_params={RESUME: st.session_state.resume_token})
        st.page_link("pages/assess.py", label="Start a new assessment", icon=":material/add_circle:",
                     query_params={NEW: "1"})
    else:
        st.page_link("pages/assess.py", label="Start an assessment", icon=":material/arrow_forward:")
with workshop.container(border=True):
    st.subheader(":material/groups: Run a workshop")
    st.write(
        "Put the questions to a room of people on their phones and see where stakeholder groups agree "
        "and differ, then lead the discussion from the most contested statements."
    )
    st.page_link("pages/facilitate.py", label="Open a workshop", icon=":material/arrow_forward:")
    st.page_link(HANDBOOK_PAGE, label="Facilitator's guide", icon=":material/menu_book:",
                 query_params={"chapter": "running-a-self-assessment-workshop"})

st.divider()
st.caption(
    "Built from the 2016 policy memo *Multistakeholder Coalitions: Innovating or Complicating Global "
    "Governance?* (Stanley Foundation, New America and Stimson Center), with original writing and the "
    "research listed in the resource guide."
)
