"""Take an assessment: choose a questionnaire, answer a page at a time, saved as you go."""

from __future__ import annotations

import streamlit as st

from assessment.errors import AssessmentError
from assessment.files import MAX_BYTES, read_answers
from assessment.loader import visible
from assessment.model import COALITION_TYPES, Profile, text_in
from assessment.paging import page_of_section, pages_of
from ui.assessment_state import (
    NEW,
    RESUME,
    assessment_nav,
    get_engine,
    get_store,
    open_assessment,
    previous_assessment,
    resume_params,
    show_resume_link,
)
from ui.questions import QUESTIONNAIRE_CSS, render_item
from ui.safe import inert

engine = get_engine()
store = get_store()
saved = open_assessment()

TYPE_LABELS = {"advocacy": "Advocacy and norm-building", "standard_setting": "Standard-setting and certification",
               "implementation": "Implementation and service delivery", "knowledge": "Knowledge and evidence",
               "stewardship": "Stewardship of a shared resource"}
SAME, OTHER = "same", "other"


def opened(token: str) -> None:
    """Put the new assessment in the URL (dropping ?new) and show its questions."""
    st.query_params.pop(NEW, None)
    st.query_params.pop("instrument", None)
    st.query_params[RESUME] = token
    st.session_state.new_token = token
    st.session_state.pop("previous_token", None)
    st.rerun()


def start_screen() -> None:
    st.title("Assess your coalition")
    st.write("Answer a questionnaire about how your coalition works. You get a profile of ten dimensions, "
             "where you stand in the life cycle, representation gaps and a short list of actions, each "
             "linked to the handbook. Your answers are saved as you go; nobody else can see them.")
    choices = {i.id: i for i in engine.instruments.values() if "self" in i.use}
    wanted = st.query_params.get("instrument")
    if wanted in choices and "start_instrument" not in st.session_state:
        st.session_state.start_instrument = wanted
    previous = previous_assessment()
    with st.form("start_form"):
        chosen = st.radio("Questionnaire", list(choices), key="start_instrument",
                          format_func=lambda i: f"{text_in(choices[i].title)} · about {choices[i].minutes} minutes",
                          captions=[text_in(choices[i].description) for i in choices])
        which = OTHER
        if previous is not None:
            name = previous.profile.name or "the coalition you were assessing"
            which = st.radio("Which coalition?", [SAME, OTHER], key="start_which",
                             format_func={SAME: f"{name}, again", OTHER: "Another coalition"}.get,
                             captions=["Adds to its trend and starts from its latest stakeholder map.",
                                       "A new profile, an empty map."])
        st.caption("About a new coalition (optional; it tailors the representation analysis)")
        name = st.text_input("Coalition name", key="start_name", max_chars=200)
        kind = st.selectbox("Main purpose", [None, *COALITION_TYPES], key="start_type",
                            format_func=lambda t: "Choose…" if t is None else TYPE_LABELS[t])
        issue = st.text_input("Issue area", key="start_issue", max_chars=200, placeholder="e.g. landmines")
        scope = st.selectbox("Scope", [None, "local", "national", "regional", "international"], key="start_scope",
                             format_func=lambda s: "Choose…" if s is None else s.capitalize())
        founded = st.number_input("Year founded", min_value=1800, max_value=2100, value=None, step=1,
                                  key="start_founded")
        if st.form_submit_button("Start", type="primary"):
            if which == SAME:
                _, token = store.repeat(previous.coalition_id, choices[chosen])
            else:
                profile = Profile(name=name.strip(), type=kind, issue_area=issue.strip(), scope=scope,
                                  founded=int(founded) if founded else None)
                _, token = store.start(choices[chosen], profile)
            opened(token)
    upload_box()


def upload_box() -> None:
    with st.expander("Continue from an answers file (JSON)"):
        st.caption(f"A file downloaded from this app or made with `python -m assessment template`. Up to "
                   f"{MAX_BYTES // 1024 // 1024} MB; partial files are fine.")
        upload = st.file_uploader("Answers file", type=["json"], key="upload_answers", max_upload_size=6)
        if upload is None:
            return
        try:
            parsed = read_answers(upload.getvalue(), engine.instruments, source=upload.name)
        except AssessmentError as exc:
            st.error(f"This file cannot be used: {inert(exc)}")
            return
        if parsed.notes:
            st.info("\n\n".join(inert(note) for note in parsed.notes), icon=":material/update:")
        if parsed.problems:
            st.warning("Some entries were left out; everything else was kept:\n\n"
                       + "\n".join(f"- {inert(p)}" for p in parsed.problems))
        if st.button(f"Continue with {len(parsed.answers)} answers and {len(parsed.stakeholders)} stakeholders",
                     key="upload_continue", type="primary"):
            assessment_id, token = store.start(parsed.instrument, parsed.profile)
            store.save_answers(assessment_id, parsed.answers)
            store.save_stakeholders(assessment_id, parsed.stakeholders)
            opened(token)


def questions(saved) -> None:
    instrument = engine.instruments.get(saved.instrument_id)
    if instrument is None:
        st.error("The questionnaire of this assessment no longer exists.")
        st.stop()
    st.title(text_in(instrument.title))
    assessment_nav("pages/assess.py")
    if st.session_state.get("new_token") == resume_params()[RESUME]:
        show_resume_link(st.session_state.new_token)
    pages = pages_of(instrument.sections)
    index = min(saved.section, len(pages) - 1)
    wanted = page_of_section(pages, st.query_params.get("section", ""))
    if wanted is not None:  # a link such as "answer the life-cycle questions" from the results
        st.query_params.pop("section")
        if wanted != index:
            store.set_section(saved.id, wanted)
            index = wanted
    answers = dict(saved.answers)
    answered = sum(1 for i in instrument.items if i.id in answers)
    where = f"Page {index + 1} of {len(pages)}" if len(pages) > 1 else "One page"
    st.progress(answered / len(instrument.items), text=f"{where} · {answered} of {len(instrument.items)} answered")
    st.html(QUESTIONNAIRE_CSS)
    with st.container(key="questionnaire"):
        for section in pages[index]:
            heading = st.header if len(pages[index]) == 1 else st.subheader
            heading(text_in(section.title), anchor=f"section-{section.id}")
            if section.intro:
                st.caption(text_in(section.intro))
            for item in section.items:
                if visible(item, answers):
                    render_item(instrument, item, answers.get(item.id),
                                lambda i, v: store.save_answer(saved.id, i, v))
    page_buttons(saved, index, len(pages))


def page_buttons(saved, index: int, count: int) -> None:
    back, forward = st.columns(2)
    if index > 0 and back.button("Back", key="section_back", icon=":material/arrow_back:", width="stretch"):
        store.set_section(saved.id, index - 1)
        st.rerun()
    if index + 1 < count:
        if forward.button("Next page", key="section_next", type="primary", icon=":material/arrow_forward:",
                          width="stretch"):
            store.set_section(saved.id, index + 1)
            st.rerun()
    elif forward.button("See results", key="finish", type="primary", icon=":material/insights:", width="stretch"):
        store.complete(saved.id)
        st.switch_page("pages/results.py", query_params=resume_params())


if saved is None:
    start_screen()
else:
    questions(saved)
