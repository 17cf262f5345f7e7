"""Loaded content, cached once per server process.

Content files change only with a deploy, so a resource cache is right; a content error is shown
to the person as a message naming the file, never as a traceback.
"""

from __future__ import annotations

import streamlit as st

from handbook.errors import ContentError
from handbook.library import Handbook, shared_handbook
from handbook.search import SearchIndex


def get_handbook() -> Handbook:
    try:
        return shared_handbook()
    except ContentError as exc:
        st.error(f"The handbook content could not be loaded. {exc}")
        st.stop()


@st.cache_resource(show_spinner=False)
def get_search_index() -> SearchIndex:
    return SearchIndex(get_handbook())
