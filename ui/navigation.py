"""The sidebar's pages, named in the language of the pages a person is working in.

The assessment pages speak the open assessment's language, chosen by its leader; before one is open,
the one chosen on the start screen, else the browser's. The menu follows, so a French leader does not
read French pages under an English menu. The handbook and the facilitator's pages are English for now,
and their menu entries say so.
"""

from __future__ import annotations

import streamlit as st

from assessment.i18n import N_, Translator, translator
from ui.assessment_state import NEW, RESUME, get_store
from ui.language import page_language

READ = N_("Read (in English)")
FACILITATE = N_("Run a workshop (in English)")


def navigation_language() -> str:
    """The open assessment's language when the address or this tab holds one, else the page language.
    Reads the token without the side effects of `resume_token` (a handbook page keeps its address)."""
    token = "" if st.query_params.get(NEW) else st.query_params.get(RESUME) or st.session_state.get("resume_token")
    return (get_store().language_of(token) if token else None) or page_language()


def pages(t: Translator | None = None) -> dict[str, list[st.Page]]:
    """Every page of the app under its section; titles in `t`'s language, addresses the same in all."""
    _ = (t or translator("en")).gettext
    english_only = bool(t and t.language != "en")  # the handbook and the facilitator's pages, for now
    read = _(READ) if english_only else _("Read")
    return {
        "": [st.Page("pages/home.py", title=_("Home"), icon=":material/home:", url_path="home", default=True)],
        read: [
            st.Page("pages/handbook.py", title=_("Handbook"), icon=":material/menu_book:", url_path="handbook"),
            st.Page("pages/search.py", title=_("Search"), icon=":material/search:", url_path="search"),
            st.Page("pages/glossary.py", title=_("Glossary"), icon=":material/dictionary:", url_path="glossary"),
            st.Page("pages/cases.py", title=_("Cases"), icon=":material/public:", url_path="cases"),
            st.Page("pages/resources.py", title=_("Resource guide"), icon=":material/library_books:",
                    url_path="resources"),
            st.Page("pages/download.py", title=_("Download"), icon=":material/download:", url_path="download"),
        ],
        _("Assess"): [
            st.Page("pages/assess.py", title=_("Take an assessment"), icon=":material/checklist:", url_path="assess"),
            st.Page("pages/stakeholders.py", title=_("Stakeholder map"), icon=":material/hub:",
                    url_path="stakeholders"),
            st.Page("pages/results.py", title=_("Results"), icon=":material/insights:", url_path="results"),
            st.Page("pages/trend.py", title=_("Trend"), icon=":material/trending_up:", url_path="trend"),
        ],
        _("Workshop"): [
            st.Page("pages/facilitate.py", title=_(FACILITATE) if english_only else _("Run a workshop"),
                    icon=":material/co_present:", url_path="facilitate"),
            st.Page("pages/join.py", title=_("Join a workshop"), icon=":material/qr_code_2:", url_path="join"),
        ],
    }
