"""The ASGI entry `make run` serves: the Streamlit app (app.py) and, beside it on the same server,
the light participant path for phones (participant/, mounted at /w). `streamlit run server.py`
finds the `st.App` below and serves both; see participant/__init__.py for why there are two."""

import sys

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from participant.app import routes
from ui import tcp
from ui.errors import on_script_error

tcp.install()  # every response at once, not 40 ms later (see ui/tcp.py)
# One process serves a thousand phones and the facilitator's dashboard. While the dashboard's script
# summarises the room (pure Python, ~100 ms at 1,000 people), every phone's request needs the GIL
# back after each database call or socket write, and by default waits up to 5 ms each time. At
# 0.5 ms the answers' p95 in bench/room_load.py went from 579–900 ms to 255 and 477 ms in two runs of
# three (the third gave 2 s: figures vary a lot on a shared machine; see the README's benchmarks).
sys.setswitchinterval(0.0005)

# app.py routes with st.navigation. Without this, Streamlit sees the pages/ folder and, when a deep
# link (a QR code, a shared chapter) is a fresh server's first request, runs that page alone in its
# legacy multipage mode, for every visitor after it. Deciding before any session starts avoids it.
PagesManager.uses_pages_directory = False

app = st.App("app.py", routes=routes(), on_script_error=on_script_error)
