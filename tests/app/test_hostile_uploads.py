"""Malformed answers files on the assessment page: a clear message, never a traceback, and the valid
answers of a partly valid file kept (the same reader as the command line)."""

import json

import pytest

from assessment.engine import default_engine

QUICK = default_engine().instruments["quick-check"]
LIKERT = [i.id for i in QUICK.items if i.kind == "likert"]
DEEP = "[" * 5000 + "]" * 5000


def upload(open_page, content: bytes):
    app = open_page("assess")
    app.file_uploader(key="upload_answers").set_value(("answers.json", content, "application/json")).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


@pytest.mark.parametrize(("content", "says"), [
    (b"{not json", "not valid JSON"),
    (DEEP.encode(), "nested more than"),
    (json.dumps({"instrument": ["quick-check"], "answers": {}}).encode(), "unknown questionnaire"),
    (b'{"instrument": "quick-check", "answers": {"%s": NaN}}' % LIKERT[0].encode(), "nothing in it could be used"),
    (b'{"instrument": "quick-check", "answers": {"%s": "\\ud800"}}' % LIKERT[0].encode(),
     "nothing in it could be used"),
    (b'{"instrument": "quick-check", "answers": {"%s": %s}}' % (LIKERT[0].encode(), b"9" * 5000),
     "nothing in it could be used"),
])
def test_unusable_files_get_one_clear_line(open_page, content, says):
    app = upload(open_page, content)
    message = app.error[0].value
    assert says in message and "Traceback" not in message and ".py" not in message


def test_a_partly_valid_file_keeps_every_valid_answer(open_page):
    answers = {LIKERT[0]: 4, LIKERT[1]: 2, LIKERT[2]: "NaN-ish", LIKERT[3]: 9}
    raw = json.dumps({"instrument": "quick-check", "answers": answers}).replace('"NaN-ish"', "NaN").encode()
    app = upload(open_page, raw)
    assert "Continue with 2 answers" in app.button(key="upload_continue").label
    warning = app.warning[0].value
    assert LIKERT[2] in warning.replace("\\", "") and LIKERT[3] in warning.replace("\\", "")


def test_files_people_upload_by_mistake_are_named_for_what_they_are(open_page):
    assert upload(open_page, b"  \n").error[0].value == "This file cannot be used: it is empty."
    big = b'{"instrument": "quick-check", "answers": {}, "pad": "' + b"x" * (5 * 1024 * 1024 + 300_000) + b'"}'
    assert upload(open_page, big).error[0].value == "This file cannot be used: it is 5.3 MB and the limit is 5 MB."
    results = {"instrument": "quick-check", "instrument_title": "Quick check", "version": 2, "dimensions": {},
               "stage": {}, "representation": {}, "recommendations": []}  # the app's own "Result (JSON)"
    message = upload(open_page, json.dumps(results).encode()).error[0].value
    assert message.startswith("This is a results file, not an answers file.")
    assert "“Answers file (JSON, to resume elsewhere)”" in message


def test_a_whole_questionnaire_uploaded_counts_as_finished(open_page, store):
    answers = {item.id: 3 for item in QUICK.items if item.kind == "likert"} | {"st_main_obstacles": ["money"]}
    app = upload(open_page, json.dumps({"instrument": "quick-check", "answers": answers}).encode())
    app.button(key="upload_continue").click().run()
    token = app.query_params["resume"]
    saved = store.open(token if isinstance(token, str) else token[0])
    assert saved.completed_at is not None  # so the trend counts it without a detour through the last page
    partial = upload(open_page, json.dumps({"instrument": "quick-check", "answers": {LIKERT[0]: 2}}).encode())
    partial.button(key="upload_continue").click().run()
    token = partial.query_params["resume"]
    assert store.open(token if isinstance(token, str) else token[0]).completed_at is None
