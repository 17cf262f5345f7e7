"""What a visitor sees when something fails: a message and an error id, never a traceback or a path;
a database outage says "reconnecting" and the page retries by itself."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import OperationalError
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from participant.app import participant_app


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setenv("COALITION_DATA_DIR", str(tmp_path))
    from assessment.storage import shared_store
    from workshop.room import shared_rooms

    shared_store.cache_clear()
    shared_rooms.cache_clear()
    app = participant_app()
    yield app, TestClient(app, raise_server_exceptions=False)
    shared_store.cache_clear()  # the next test's process-wide store and rooms use the real data folder
    shared_rooms.cache_clear()


def fail_with(app, exc: Exception) -> None:
    def broken(*_args, **_kwargs):
        raise exc

    app.state.ctx.service.by_code = broken


def test_a_bug_shows_an_error_id_the_log_also_holds(client, caplog):
    app, http = client
    fail_with(app, RuntimeError("secret detail /srv/app/participant/views.py"))
    with caplog.at_level(logging.ERROR, "coalition.participant"):
        response = http.get("/ACEFGH")
    assert response.status_code == 500 and "Something went wrong" in response.text
    error_id = response.text.split("error id ")[1][:8]
    assert error_id in caplog.text and "Traceback" in caplog.text  # the log has everything...
    for leak in ("Traceback", "secret detail", "/srv/", ".py", "RuntimeError"):  # ...the page nothing
        assert leak not in response.text


def test_a_database_outage_says_reconnecting_and_retries(client):
    app, http = client
    fail_with(app, OperationalError("SELECT 1", {}, Exception("connection refused")))
    page = http.get("/ACEFGH")
    assert page.status_code == 503 and "Reconnecting" in page.text and 'http-equiv="refresh"' in page.text
    assert "connection refused" not in page.text and "SELECT" not in page.text
    answer = http.post("/ACEFGH", data={"group": "-"}, headers={"Accept": "application/json"})
    assert answer.status_code == 503 and answer.json()["retry"] is True


def test_unknown_pages_are_friendly(client):
    _, http = client
    response = http.get("/p/nope/extra/path")
    assert response.status_code == 404 and "join a workshop" in response.text.lower()


def test_a_failing_streamlit_page_shows_an_error_id_not_a_traceback():
    def page():
        import streamlit as st

        from ui.errors import on_script_error

        try:
            raise ValueError("internal /srv/secret.py")
        except ValueError as exc:
            on_script_error(exc)
        st.write("after")

    app = AppTest.from_function(page).run()
    message = app.error[0].value
    assert "error id" in message and "secret" not in message and "Traceback" not in message


def test_a_streamlit_page_on_a_lost_database_says_reconnecting():
    def page():
        from sqlalchemy.exc import OperationalError

        import ui.errors

        ui.errors.database_answers = lambda: False  # still down
        ui.errors.on_script_error(OperationalError("SELECT 1", {}, Exception("refused")))

    import ui.errors

    original = ui.errors.database_answers
    try:
        app = AppTest.from_function(page).run()
    finally:
        ui.errors.database_answers = original
    assert "Reconnecting to the database" in app.warning[0].value


def test_joins_from_one_address_are_limited_with_a_plain_message(client):
    from participant.throttle import Policy, Throttle

    app, http = client
    ctx = app.state.ctx
    ctx.throttle = Throttle(Policy(wrong_codes_per_minute=10, joins_per_minute=2, max_participants=100))
    from assessment.engine import default_engine

    workshop, _ = ctx.service.create("Busy", default_engine().instruments["quick-check"], [])
    codes = []
    for _ in range(3):
        http.cookies.clear()  # three different browsers on one address
        codes.append(http.post(f"/{workshop.code}", data={"group": "-"}, follow_redirects=False).status_code)
    assert codes == [303, 303, 429]
    page = http.post(f"/{workshop.code}", data={"group": "-"}, follow_redirects=False)
    assert "Too many people joined from this network" in page.text
    assert ctx.service.counts(workshop.id)["joined"] == 2
