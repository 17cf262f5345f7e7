"""The engine, the store, and which saved assessment this visitor has open.

The open assessment is named by the private `resume` token in the URL, never only by session
state, so a reload, a new tab or a link sent to a colleague reopens the same answers.
"""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from assessment.engine import Engine, default_engine
from assessment.i18n import translator
from assessment.storage import Saved, Store, shared_store
from assessment.translation import text_in
from ui.language import language_choice, words
from ui.links import base_url
from ui.safe import inert

RESUME = "resume"


@st.cache_resource(show_spinner=False)
def get_engine() -> Engine:
    return default_engine()


@st.cache_resource(show_spinner=False)
def get_store() -> Store:
    return shared_store()


NEW = "new"


def resume_token() -> str:
    """The token in the URL; failing that, the one this browser tab last used (sidebar links drop
    query parameters), which is then put back in the URL so a reload or a bookmark keeps it.

    `?new=1` (the "Start a new assessment" links) sets the open assessment aside, remembered as the
    previous one so the start screen can offer to assess the same coalition again."""
    if st.query_params.get(NEW):
        if st.session_state.get("resume_token"):
            st.session_state.previous_token = st.session_state.pop("resume_token")
        return ""
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
    said = words(saved)
    _ = said.gettext
    if saved is not None and st.session_state.get("open_assessment") != saved.id:
        for key in [k for k in st.session_state if str(k).startswith(("q_", "map_"))]:
            del st.session_state[key]  # widgets of another assessment must not leak into this one
        st.session_state.open_assessment = saved.id
    if saved is not None and saved.notes:
        st.info("\n\n".join(inert(text_in(note, said.language)) for note in saved.notes), icon=":material/update:")
    if saved is None:
        st.error(_("This resume link does not open any saved assessment. Check that you copied the whole link; "
                   "links are private and cannot be recovered if lost."))
    return saved


def resume_params() -> dict[str, str]:
    return {RESUME: resume_token()}


def assessment_nav(current: str, saved=None) -> None:
    """Links between the steps of one assessment, carrying the private token, and the way out to
    a different assessment (without it, every Assess link reopens the one open in this tab). A
    wrapping row, so no label is cut short on a phone. With the open assessment, its language switch."""
    _ = words(saved).gettext
    steps = [("pages/assess.py", _("Questions"), ":material/checklist:"),
             ("pages/stakeholders.py", _("Stakeholder map"), ":material/hub:"),
             ("pages/results.py", _("Results"), ":material/insights:"),
             ("pages/trend.py", _("Trend"), ":material/trending_up:")]
    with st.container(horizontal=True, gap="small", vertical_alignment="center", key="assessment_nav"):
        for page, label, icon in steps:
            st.page_link(page, label=label, icon=icon, query_params=resume_params(), disabled=page == current,
                         width="content")
        st.space("stretch")
        st.page_link("pages/assess.py", label=_("Start a new assessment"), icon=":material/add_circle:",
                     query_params={NEW: "1"}, width="content")
    if saved is not None:
        language_choice(saved, get_store())


def previous_assessment() -> Saved | None:
    """The assessment this tab had open before "Start a new assessment" was followed, if any."""
    token = st.session_state.get("previous_token")
    return get_store().open(token) if token else None


def show_resume_link(token: str, language: str | None = None) -> None:
    _ = (words() if language is None else translator(language)).gettext
    st.success(_("Your answers are saved as you go. Keep this private link to come back to them: "
                 "anyone who has it can see and change this assessment."), icon=":material/key:")
    base = base_url()
    link = f"{base}/assess?{RESUME}={token}" if base else f"assess?{RESUME}={token}"
    with st.container(key="resume_link"):
        st.code(link, language=None, wrap_lines=True)  # wrapped: the whole link is readable on a phone
        subject = quote(_("Coalition assessment link"))
        body = quote(_("My private link to the coalition assessment (keep it to yourself): {link}").format(link=link))
        st.link_button(_("Email the link to myself"), f"mailto:?subject={subject}&body={body}", icon=":material/mail:")
    st.html(RESUME_CSS)


# Streamlit shows a code block's copy button on hover only, which a touch screen never has.
RESUME_CSS = """<style>
.st-key-resume_link [data-testid="stCode"] > div, .st-key-resume_link [data-testid="stCode"] > div * {
  opacity: 1 !important; visibility: visible !important; }
.st-key-resume_link [data-testid="stBaseButton-elementToolbar"] { min-width: 44px; min-height: 44px; }
.st-key-resume_link [data-testid="stCode"] pre { padding-right: 3.5rem !important; }
</style>"""
