"""Join a workshop on a phone: code, optional group, one section at a time, saved as given."""

from __future__ import annotations

import streamlit as st

from assessment.loader import visible
from assessment.model import text_in
from ui.assessment_state import get_engine
from ui.questions import render_item
from ui.safe import inert
from ui.workshop_view import get_workshops, room_results
from workshop.workshops import WorkshopError, normalise_code, workshop_sections

engine = get_engine()
workshops = get_workshops()
NO_GROUP = ""


def enter_code() -> None:
    st.title("Join a workshop")
    with st.form("join_code_form"):
        code = st.text_input("Workshop code", key="join_code", max_chars=12, placeholder="6 letters and digits")
        if st.form_submit_button("Continue", type="primary", width="stretch"):
            workshop = workshops.by_code(code)
            if workshop is None:
                st.error("No workshop has this code. Check the code on the screen and try again.")
            else:
                st.query_params["code"] = workshop.code
                st.rerun()


def choose_group(workshop) -> None:
    st.title(inert(workshop.title))
    if workshop.status != "open":
        st.warning("This workshop is not taking answers at the moment. Ask the facilitator.")
        st.stop()
    st.write("Your answers are anonymous: nobody, including the facilitator, sees who gave them.")
    options = [NO_GROUP, *workshop.groups]
    group = st.radio("Which stakeholder group do you speak for? (optional)", options, key="join_group",
                     format_func=lambda g: "I'd rather not say" if g == NO_GROUP else g)
    if workshop.groups:
        st.caption(f"Results of a group are shown only when at least {workshop.threshold} people chose it.")
    if st.button("Join", key="join_button", type="primary", width="stretch"):
        try:
            _, token = workshops.join(workshop.code, group or None)
        except WorkshopError as exc:
            st.error(str(exc))
            return
        st.query_params["p"] = token
        st.rerun()


def answer(workshop, participant) -> None:
    instrument = engine.instruments[workshop.instrument_id]
    sections = workshop_sections(instrument, workshop)
    st.title(inert(workshop.title))
    if participant.finished:
        st.success("Thank you: your answers are in.")
        results(workshop, instrument)
        return
    if workshop.status != "open":
        st.info("Answering is closed. Your answers so far are kept.")
        results(workshop, instrument)
        return
    led = workshop.pace == "led"
    index = min(workshop.current_section if led else participant.section, len(sections) - 1)
    section = sections[index]
    st.progress((index + 1) / len(sections), text=f"Part {index + 1} of {len(sections)}")
    st.header(text_in(section.title), anchor=False)
    if section.intro:
        st.caption(text_in(section.intro))

    def save(item_id, value):
        try:
            workshops.save_answer(participant, item_id, value)
        except WorkshopError as exc:
            st.toast(str(exc))

    for item in section.items:
        if visible(item, participant.answers):
            render_item(instrument, item, participant.answers.get(item.id), save)
    last = index + 1 == len(sections)
    if led and not last:
        st.info("The facilitator will move the group to the next part.")
        follow_facilitator(workshop.id, index)
    elif not last and st.button("Next", key="join_next", type="primary", width="stretch"):
        workshops.set_section(participant, index + 1)
        st.rerun()
    if not led and index > 0 and st.button("Back", key="join_back", width="stretch"):
        workshops.set_section(participant, index - 1)
        st.rerun()
    if last and st.button("Finish", key="join_finish", type="primary", width="stretch"):
        workshops.finish(participant)
        st.rerun()


def follow_facilitator(workshop_id: str, shown: int) -> None:
    """Rerun the page when the facilitator moves the group on (polls the database)."""

    @st.fragment(run_every=3)
    def watch() -> None:
        current = workshops.get(workshop_id)
        if current is None or current.current_section != shown or current.status != "open":
            st.rerun(scope="app")

    watch()


def results(workshop, instrument) -> None:
    @st.fragment(run_every=5)
    def wait_for_reveal() -> None:
        current = workshops.get(workshop.id)
        if current is None:
            st.info("This workshop has been deleted.")
        elif current.revealed:
            room_results(current, instrument, "room")
        else:
            st.caption("The group's results appear here when the facilitator reveals them.")

    wait_for_reveal()


token = st.query_params.get("p", "")
code = normalise_code(st.query_params.get("code", ""))
participant = workshops.participant(token) if token else None
if token and participant is None:
    st.title("Join a workshop")
    st.error("This participant link is not valid any more; the workshop may have been deleted. Join again with "
             "the code.")
    st.query_params.pop("p", None)
    enter_code()
elif participant is not None:
    answer(workshops.get(participant.workshop_id), participant)
elif code:
    found = workshops.by_code(code)
    if found is None:
        st.title("Join a workshop")
        st.error("No workshop has this code. Check the code on the screen and try again.")
        enter_code()
    else:
        choose_group(found)
else:
    enter_code()
