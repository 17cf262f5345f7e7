"""The stakeholder map: who has influence, who has a stake, and how each takes part. It saves as it
is edited, like the questionnaire; there is no save button to forget."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from assessment.model import PARTICIPATION, SECTORS, Stakeholder
from ui.assessment_state import assessment_nav, get_engine, get_store, open_assessment
from ui.language import words
from ui.safe import inert
from ui.stakeholder_map import (
    FIELD_NAMES,
    LAYOUT_CSS,
    REMOVED,
    Wording,
    cards,
    column_config,
    frame,
    removed_by_table,
    undo_removal,
    unsaved_rows,
    validate,
    validate_table,
)

engine = get_engine()
store = get_store()
heading = st.empty()  # the title comes first; its language is the open assessment's
saved = open_assessment()
t = words(saved)
_ = t.gettext
language = t.language
labels = Wording.of(engine.labels, language)
heading.title(labels.title)
if saved is None:
    st.info(_("Open or start an assessment first; the map is saved with it."))
    st.page_link("pages/assess.py", label=_("Start an assessment"), icon=":material/arrow_forward:")
    st.stop()

assessment_nav("pages/stakeholders.py", saved)
st.write(labels.description)
with st.expander(_("How to fill in the map")):
    st.markdown("\n".join(f"- **{t.colon(_(FIELD_NAMES.get(field, field.capitalize())))}** {text}"
                           for field, text in labels.help.items()))
st.html(LAYOUT_CSS)


def editor_key() -> str:
    """The table's widget key. A new one each time the table is rebuilt from what was saved: the browser
    keeps a table's edits (rows deleted, cells typed) and applies them again to rows given under the same
    key, so an Undo that gave back the very rows the table started from showed them deleted still, and the
    next edit deleted them again."""
    return f"map_editor_{st.session_state.get('map_table_generation', 0)}"


def save(stakeholders: list[Stakeholder], *, from_table: bool = False) -> None:
    """Save the whole map. Unless the table made the change, the table is rebuilt from what was
    saved, keeping its half-typed rows (its pending edits are relative to the rows it started from)."""
    store.save_stakeholders(saved.id, stakeholders)
    st.session_state.map_saved_at = datetime.now()
    st.session_state.map_revision = st.session_state.get("map_revision", 0) + 1
    if not from_table:
        st.session_state.map_rows = frame(stakeholders, unsaved_rows(st.session_state.pop(editor_key(), None)))
        st.session_state.map_table_generation = st.session_state.get("map_table_generation", 0) + 1
        st.session_state.map_rows_rebuilt = True


current = store.get(saved.id).stakeholders
rebuilt = st.session_state.pop("map_rows_rebuilt", False)
if not rebuilt and (editor_key() not in st.session_state or "map_rows" not in st.session_state):
    st.session_state.map_rows = frame(current)  # a fresh visit starts from what is saved, never a stale copy

status = st.empty()
undo_note = st.container()  # filled once the table's change of this run is known
problems: list[str] = []
with st.container(key="map_table"):
    st.markdown("**" + _("The map.") + "** " + _("Edit any cell, add a row at the bottom, or select rows and "
                                                 "delete them."))
    edited = st.data_editor(st.session_state.map_rows, key=editor_key(), num_rows="dynamic", hide_index=True,
                            width="stretch", column_config=column_config(labels, language))
    kept, problems = validate_table(edited, st.session_state.map_rows, language)
    if kept != current:
        if len(kept) < len(current):  # rows deleted: kept for Undo, as a card's Remove is
            st.session_state[REMOVED] = {"by": "table", "rows": removed_by_table(current, kept)}
        save(kept, from_table=True)
        current = kept
with undo_note:
    undo_removal(current, save, language)

with st.container(key="map_cards"):
    count = t.ngettext("{n} stakeholder", "{n} stakeholders", len(current)).format(n=len(current))
    st.markdown("**" + _("The map: {count}.").format(count=count) + "** "
                + _("Open a card to change it; changes save as you make them."))
    cards(current, labels, st.session_state.get("map_revision", 0), save, language)

with st.form("map_add", clear_on_submit=True, border=True):
    st.markdown("**" + _("Add a stakeholder") + "**")
    name = st.text_input(_("Name"), key="map_add_name", max_chars=200)
    sector = st.selectbox(_("Sector"), list(SECTORS), key="map_add_sector", format_func=labels.sectors.get)
    left, right = st.columns(2)
    influence = left.slider(_("Influence"), 1, 5, 3, key="map_add_influence", help=labels.help.get("influence"))
    stake = right.slider(_("Stake"), 1, 5, 3, key="map_add_stake", help=labels.help.get("stake"))
    participation = st.selectbox(_("Taking part"), list(PARTICIPATION), key="map_add_participation",
                                 format_func=labels.participation.get, help=labels.help.get("participation"))
    votes = st.number_input(_("Share of decision votes (%)"), 0.0, 100.0, 0.0, 1.0, key="map_add_votes", format="%g")
    if st.form_submit_button(_("Add to the map"), icon=":material/add:"):
        added, not_added = validate([{"name": name, "sector": sector, "influence": influence, "stake": stake,
                                      "participation": participation, "votes": votes}], language=language)
        if added:
            save([*current, *added])
            st.session_state.map_added = added[0].name
            st.rerun()  # the table above must show the new row
        else:
            st.warning(_("Not added: {problem}").format(problem=inert(not_added[0].split(": ", 1)[-1])))
if "map_added" in st.session_state:
    st.toast(_("Added {name}").format(name=inert(st.session_state.pop("map_added"))))

card_problem = st.session_state.pop("map_card_problem", "")
saved_at = st.session_state.get("map_saved_at")
count = t.ngettext("{n} stakeholder", "{n} stakeholders", len(current)).format(n=len(current))
if problems or card_problem:
    status.warning("\n\n".join(inert(p) for p in [*problems, card_problem] if p)
                   + "\n\n" + _("Everything else is saved ({count}).").format(count=count),
                   icon=":material/edit_note:")
else:
    saved_line = _("All changes saved at {time} · {count}") if saved_at else _("All changes saved · {count}")
    status.success(saved_line.format(time=f"{saved_at:%H:%M}" if saved_at else "", count=count),
                   icon=":material/cloud_done:")
total = sum(s.votes for s in current)
if current and total and abs(total - 100) > 0.5:
    st.info(_("Decision votes add up to {total}%, not 100%; shares are compared as given.").format(
        total=f"{total:g}"))
