"""The light participant path: plain HTML pages for phones, served by the same server as the app.

A participant is one of hundreds of phones on conference Wi-Fi. A Streamlit session would cost each
of them a websocket, a multi-megabyte bundle and a script run per tap; these Starlette routes cost a
few milliseconds per answer and work without JavaScript. They call workshop/ only, like the
facilitator pages, and keep nothing about a workshop in this process's memory but short caches.
"""
