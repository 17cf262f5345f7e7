"""The engine, the store, and which saved assessment this visitor has open.

The open assessment is named by the private `resume` token in the URL, never only by session
state, so a reload, a new tab or a link sent to a colleague reopens the same answers.
"""

from __future__ import annotations

import streamlit as st

from assessment.engine import Engine, default_engine
from assessment.storage import Saved, Store
from ui.links import base_url

RESUME = "resume"


@st.cache_resource(show_spinner=False)
def get_engine() -> Engine:
    return default_engine()


@st.cache_resource(show_spinner=False)
def get_store() -> Store:
    return Store()


def resume_token() -> str:
    """The token in the URL; failing that, the one this browser tab last used (sidebar links drop
    query parameters), which is then put back in the URL so a reload or a bookmark keeps it."""
    token = st.query_params.get(RESUME, "")
    if token:
        st.session_state.resume_token = token
    elif st.session_state.get("resume_token"):
        token = st.session_state.resume_token
        st.query_params[RESUME] = token
    return token


def open_assessment() -> Saved | None:
    """The assessment named in the URL; a bad or old link gets a clear message, not an error."""
    token = resume_token()
    if not token:
        return None
    saved = get_store().open(token)
    if saved is not None and st.session_state.get("open_assessment") != saved.id:
        for key in [k for k in st.session_state if str(k).startswith(("q_", "map_"))]:
            del st.session_state[key]  # widgets of another assessment must not leak into this one
        st.session_state.open_assessment = saved.id
    if saved is not None and saved.notes:
        st.info("\n\n".join(saved.notes), icon=":material/update:")
    if saved is None:
        st.error("This resume link does not open any saved assessment. Check that you copied the whole link; "
                 "links are private and cannot be recovered if lost.")
    return saved


def resume_params() -> dict[str, str]:
    return {RESUME: resume_token()}


def assessment_nav(current: str) -> None:
    """Links between the steps of one assessment, carrying the private token."""
    steps = [("pages/assess.py", "Questions", ":material/checklist:"),
             ("pages/stakeholders.py", "Stakeholder map", ":material/hub:"),
             ("pages/results.py", "Results", ":material/insights:"),
             ("pages/trend.py", "Trend", ":material/trending_up:")]
    columns = st.columns(len(steps))
    for column, (page, label, icon) in zip(columns, steps, strict=True):
        column.page_link(page, label=label, icon=icon, query_params=resume_params(), disabled=page == current)


def show_resume_link(token: str) -> None:
    st.success("Your answers are saved as you go. Keep this private link to come back to them: "
               "anyone who has it can see and change this assessment.", icon=":material/key:")
    base = base_url()
    st.code(f"{base}/assess?{RESUME}={token}" if base else f"assess?{RESUME}={token}", language=None)
