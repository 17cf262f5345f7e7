"""The stakeholder map: who has influence, who has a stake, and how each takes part."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.files import read_stakeholders
from assessment.model import PARTICIPATION, SECTORS
from ui.assessment_state import assessment_nav, get_engine, get_store, open_assessment
from ui.safe import inert

engine = get_engine()
labels = engine.labels
st.title(labels.title)
saved = open_assessment()
if saved is None:
    st.info("Open or start an assessment first; the map is saved with it.")
    st.page_link("pages/assess.py", label="Start an assessment", icon=":material/arrow_forward:")
    st.stop()

assessment_nav("pages/stakeholders.py")
st.write(labels.description)
with st.expander("How to fill in the map"):
    st.markdown("\n".join(f"- **{field.capitalize()}:** {text}" for field, text in labels.help.items()))

COLUMNS = ["name", "sector", "influence", "stake", "participation", "votes"]
if "map_rows" not in st.session_state:
    st.session_state.map_rows = pd.DataFrame([s.model_dump() for s in saved.stakeholders], columns=COLUMNS)

with st.form("map_add", clear_on_submit=True, border=True):
    st.markdown("**Add a stakeholder**")
    name = st.text_input("Name", key="map_add_name", max_chars=200)
    sector = st.selectbox("Sector", list(SECTORS), key="map_add_sector", format_func=labels.sectors.get)
    left, right = st.columns(2)
    influence = left.slider("Influence", 1, 5, 3, key="map_add_influence", help=labels.help.get("influence"))
    stake = right.slider("Stake", 1, 5, 3, key="map_add_stake", help=labels.help.get("stake"))
    participation = st.selectbox("Participation", list(PARTICIPATION), key="map_add_participation",
                                 format_func=labels.participation.get)
    votes = st.number_input("Share of decision votes (%)", 0.0, 100.0, 0.0, 1.0, key="map_add_votes")
    if st.form_submit_button("Add to the map", icon=":material/add:"):
        problems: list[str] = []
        row = {"name": name, "sector": sector, "influence": influence, "stake": stake,
               "participation": participation, "votes": votes}
        added = read_stakeholders([row], problems)
        if added:
            kept = [*get_store().get(saved.id).stakeholders, *added]
            get_store().save_stakeholders(saved.id, kept)
            st.session_state.map_rows = pd.DataFrame([s.model_dump() for s in kept], columns=COLUMNS)
            st.session_state.pop("map_editor", None)
            st.toast(f"Added {inert(added[0].name)}")
        else:
            st.warning("Not added: " + inert("; ".join(problems)))

st.markdown("**The map** (edit cells, add or delete rows, then save)")

edited = st.data_editor(
    st.session_state.map_rows, key="map_editor", num_rows="dynamic", hide_index=True, width="stretch",
    column_config={
        "name": st.column_config.TextColumn("Name", help=labels.help.get("name"), max_chars=200, required=True),
        "sector": st.column_config.SelectboxColumn("Sector", options=list(SECTORS), required=True,
                                                   format_func=labels.sectors.get, help=labels.help.get("sector")),
        "influence": st.column_config.NumberColumn("Influence", min_value=1, max_value=5, step=1, required=True,
                                                   help=labels.help.get("influence")),
        "stake": st.column_config.NumberColumn("Stake", min_value=1, max_value=5, step=1, required=True,
                                               help=labels.help.get("stake")),
        "participation": st.column_config.SelectboxColumn("Participation", options=list(PARTICIPATION),
                                                          required=True, format_func=labels.participation.get,
                                                          help=labels.help.get("participation")),
        "votes": st.column_config.NumberColumn("Votes %", min_value=0, max_value=100, step=0.5, default=0.0,
                                               help=labels.help.get("votes")),
    },
)

if st.button("Save the map", key="map_save", type="primary", icon=":material/save:"):
    st.session_state.map_rows = edited  # what was typed stays on screen even if some rows are invalid
    rows = [{k: v for k, v in row.items() if not (isinstance(v, float) and pd.isna(v)) and v is not None}
            for row in edited.to_dict("records")]
    rows = [row for row in rows if any(str(v).strip() for v in row.values())]
    problems: list[str] = []
    kept = read_stakeholders(rows, problems)
    get_store().save_stakeholders(saved.id, kept)
    st.success(f"Saved {len(kept)} stakeholder{'s' if len(kept) != 1 else ''}.")
    if problems:
        st.warning("These rows were not saved; fix them above and save again:\n\n"
                   + "\n".join(f"- {inert(p)}" for p in problems))
    total = sum(s.votes for s in kept)
    if kept and total and abs(total - 100) > 0.5:
        st.info(f"Decision votes add up to {total:g}%, not 100%; shares are compared as given.")
