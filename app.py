"""Coalition Handbook: the router. Page config and navigation only; pages live in pages/."""

import streamlit as st

st.set_page_config(page_title="Coalition Handbook", page_icon="🤝", layout="centered")

PAGES = {
    "": [st.Page("pages/home.py", title="Home", icon="🏠", url_path="home", default=True)],
    "Read": [
        st.Page("pages/handbook.py", title="Handbook", icon="📖", url_path="handbook"),
        st.Page("pages/search.py", title="Search", icon="🔎", url_path="search"),
        st.Page("pages/glossary.py", title="Glossary", icon="🔤", url_path="glossary"),
        st.Page("pages/cases.py", title="Cases", icon="🌍", url_path="cases"),
        st.Page("pages/resources.py", title="Resource guide", icon="📚", url_path="resources"),
        st.Page("pages/download.py", title="Download", icon="⬇️", url_path="download"),
    ],
}

st.navigation(PAGES).run()
