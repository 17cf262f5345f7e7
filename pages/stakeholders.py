"""The stakeholder map: who has influence, who has a stake, and how each takes part. It saves as it
is edited, like the questionnaire; there is no save button to forget."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from assessment.model import PARTICIPATION, SECTORS, Stakeholder
from ui.assessment_state import assessment_nav, get_engine, get_store, open_assessment
from ui.safe import inert
from ui.stakeholder_map import LAYOUT_CSS, cards, column_config, frame, validate, validate_table

engine = get_engine()
store = get_store()
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
st.html(LAYOUT_CSS)


def save(stakeholders: list[Stakeholder], *, from_table: bool = False) -> None:
    """Save the whole map. Unless the table made the change, the table is rebuilt from what was
    saved (its pending edits are relative to the rows it started from)."""
    store.save_stakeholders(saved.id, stakeholders)
    st.session_state.map_saved_at = datetime.now()
    st.session_state.map_revision = st.session_state.get("map_revision", 0) + 1
    if not from_table:
        st.session_state.pop("map_editor", None)
        st.session_state.pop("map_rows", None)


current = store.get(saved.id).stakeholders
if "map_editor" not in st.session_state or "map_rows" not in st.session_state:
    st.session_state.map_rows = frame(current)  # a fresh visit starts from what is saved, never a stale copy

status = st.empty()
problems: list[str] = []
with st.container(key="map_table"):
    st.markdown("**The map.** Edit any cell, add a row at the bottom, or select rows and delete them.")
    edited = st.data_editor(st.session_state.map_rows, key="map_editor", num_rows="dynamic", hide_index=True,
                            width="stretch", column_config=column_config(labels))
    kept, problems = validate_table(edited, st.session_state.map_rows)
    if kept != current:
        save(kept, from_table=True)
        current = kept

with st.container(key="map_cards"):
    st.markdown(f"**The map: {len(current)} stakeholder{'s' if len(current) != 1 else ''}.** "
                "Open a card to change it; changes save as you make them.")
    cards(current, labels, st.session_state.get("map_revision", 0), save)

with st.form("map_add", clear_on_submit=True, border=True):
    st.markdown("**Add a stakeholder**")
    name = st.text_input("Name", key="map_add_name", max_chars=200)
    sector = st.selectbox("Sector", list(SECTORS), key="map_add_sector", format_func=labels.sectors.get)
    left, right = st.columns(2)
    influence = left.slider("Influence", 1, 5, 3, key="map_add_influence", help=labels.help.get("influence"))
    stake = right.slider("Stake", 1, 5, 3, key="map_add_stake", help=labels.help.get("stake"))
    participation = st.selectbox("Taking part", list(PARTICIPATION), key="map_add_participation",
                                 format_func=labels.participation.get, help=labels.help.get("participation"))
    votes = st.number_input("Share of decision votes (%)", 0.0, 100.0, 0.0, 1.0, key="map_add_votes")
    if st.form_submit_button("Add to the map", icon=":material/add:"):
        added, not_added = validate([{"name": name, "sector": sector, "influence": influence, "stake": stake,
                                      "participation": participation, "votes": votes}])
        if added:
            save([*current, *added])
            st.session_state.map_added = added[0].name
            st.rerun()  # the table above must show the new row
        else:
            st.warning("Not added: " + inert(not_added[0].split(": ", 1)[-1]))
if "map_added" in st.session_state:
    st.toast(f"Added {inert(st.session_state.pop('map_added'))}")

card_problem = st.session_state.pop("map_card_problem", "")
saved_at = st.session_state.get("map_saved_at")
count = f"{len(current)} stakeholder{'s' if len(current) != 1 else ''}"
if problems or card_problem:
    status.warning("\n\n".join(inert(p) for p in [*problems, card_problem] if p)
                   + f"\n\nEverything else is saved ({count}).", icon=":material/edit_note:")
else:
    when = f" at {saved_at:%H:%M}" if saved_at else ""
    status.success(f"All changes saved{when} · {count}", icon=":material/cloud_done:")
total = sum(s.votes for s in current)
if current and total and abs(total - 100) > 0.5:
    st.info(f"Decision votes add up to {total:g}%, not 100%; shares are compared as given.")
