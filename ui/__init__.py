"""Streamlit pieces shared by several pages. Domain logic lives in handbook/ and assessment/.

Importing this package also keeps the router in charge. Streamlit treats a folder named pages/ as
a legacy multipage app until app.py's st.navigation has run once in the server process, so a
deep link (a QR code, a shared chapter link) that happens to be a fresh server's first request
would run the page alone: no sidebar sections, no page config, for every visitor after it. Every
page imports ui, so the first such run switches Streamlit to st.navigation and reruns through
app.py.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
