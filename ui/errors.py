"""What a visitor sees when a page fails: a plain message and an error id, never a traceback.

The id is also written to the server log with the full traceback, so a visitor who reports it can
be helped. When the failure is the database being unreachable, the page says so and reruns itself
as soon as the database answers again.
"""

from __future__ import annotations

import logging
import secrets

import streamlit as st
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger("coalition.app")


def on_script_error(exc: Exception) -> bool:
    """st.App's hook for uncaught exceptions in a page; True means "do not show the default box"."""
    if isinstance(exc, DBAPIError):
        log.warning("database unavailable: %s", type(exc).__name__)
        _reconnecting()
        return True
    error_id = secrets.token_hex(4)
    log.error("error %s in a page", error_id, exc_info=exc)
    st.error(f"Something went wrong on our side (error id {error_id}). What you entered before this is saved; "
             "reload the page to continue. If it happens again, tell us the error id.", icon=":material/error:")
    return True


def database_answers() -> bool:
    from assessment.storage import shared_store

    try:
        with shared_store().engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError:
        return False
    return True


def _reconnecting() -> None:
    st.warning("Reconnecting to the database… Your saved answers are safe; this page comes back by itself.",
               icon=":material/sync:")

    @st.fragment(run_every=3)
    def wait_for_database() -> None:
        if database_answers():
            st.rerun(scope="app")

    wait_for_database()
