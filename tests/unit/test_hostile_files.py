"""Fuzzing the one answers-file reader, through the upload path and the command line.

Generated files mix valid answers with what attackers and broken tools send: NaN, Infinity, 1e400,
integers of thousands of digits, nesting a thousand levels deep, `instrument` as a list, lone
surrogates, control characters, truncation. The promise: no traceback, no crash, one clear line
when the file is unusable, and every valid answer of a partly valid file kept.
"""

from __future__ import annotations

import json
import subprocess
import sys

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from assessment.cli import main
from assessment.engine import default_engine
from assessment.errors import AssessmentError
from assessment.files import read_answers
from tests.conftest import ROOT

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]
LIKERT = [i for i in QUICK.items if i.kind == "likert"]
RAW_NASTIES = ["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "9" * 5000, "-" + "7" * 4400, '"\\ud800"',
               '"\\udfff x"', '"a\\u0000b"', '"\\u0007\\u001b\\ufffe"', "[" * 1000 + "]" * 1000,
               '{"a": ' * 50 + "1" + "}" * 50, "true", "[]", "{}", '"' + "x" * 3000 + '"', "0.5", "6", "-3"]
NAMES = st.one_of(st.text(max_size=40), st.sampled_from(["a\x00b", "x\x07y", "\u202eevil", "🙂" * 5, "<b>hi</b>",
                                                         "=cmd()", "\ud800", "n" * 10_000]))


@st.composite
def answers_files(draw):
    """(file text, the valid answers it holds) — valid answers sit in slots no mutation touches."""
    valid = {item.id: draw(st.integers(1, QUICK.scale_of(item).points))
             for item in draw(st.lists(st.sampled_from(LIKERT), unique=True))}
    answers: dict = dict(valid)
    bad_slots = []
    for n, item in enumerate(draw(st.lists(st.sampled_from(LIKERT), max_size=5, unique=True))):
        if item.id not in valid:
            answers[item.id] = f"__BAD{n}__"
            bad_slots.append(f'"__BAD{n}__"')
    answers.update(draw(st.dictionaries(NAMES, st.none() | st.integers() | NAMES, max_size=3)))
    data = {
        "instrument": draw(st.sampled_from(["quick-check", "quick-check", "quick-check", ["quick-check"], 7, None,
                                            "\ud800", {"id": "quick-check"}])),
        "answers": answers,
        "stakeholders": draw(st.lists(st.fixed_dictionaries({
            "name": NAMES, "sector": st.sampled_from(["ngo", "business", "nope", "\x00"]),
            "influence": st.integers(-2, 7) | st.just("__BADS__"), "stake": st.integers(1, 5),
            "participation": st.sampled_from(["core", "opposed", "x"])}), max_size=3)),
        "profile": draw(st.fixed_dictionaries({"name": NAMES}, optional={"founded": st.integers(1700, 2200),
                                                                           "type": NAMES})),
    }
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), default=str)
    for slot in [*bad_slots, '"__BADS__"']:
        text = text.replace(slot, draw(st.sampled_from(RAW_NASTIES)))
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # truncated
    return text, valid


def _is_usable(text: str) -> bool:
    return text.lstrip().startswith('{"instrument": "quick-check"')


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_files())
def test_upload_reader_keeps_every_valid_answer_and_names_the_rest(case):
    text, valid = case
    try:
        parsed = read_answers(text.encode("utf-8", "surrogatepass"), ENGINE.instruments, "upload.json")
    except AssessmentError as error:
        message = str(error)
        assert message.startswith("upload.json") and "\n" not in message and "Traceback" not in message
        message.encode("utf-8")  # printable anywhere: no lone surrogate in a message
        return
    for item_id, value in valid.items():
        assert parsed.answers.get(item_id) == value
    for problem in parsed.problems:
        assert "\n" not in problem
        problem.encode("utf-8")


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                    HealthCheck.function_scoped_fixture])
@given(case=answers_files())
def test_command_line_never_prints_a_traceback(case, tmp_path, capsys):
    text, valid = case
    path = tmp_path / "answers.json"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    code = main(["score", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (0, 2), err
    if code == 2:
        assert err.startswith("error: ") and err.count("\n") == 1
    elif valid:
        scored = json.loads(out)
        assert scored["instrument"] == "quick-check"


def test_every_answer_invalid_is_an_error_not_a_success(tmp_path, capsys):
    path = tmp_path / "bad.json"
    first, second = LIKERT[0].id, LIKERT[1].id
    path.write_text(f'{{"instrument": "quick-check", "answers": {{"{first}": NaN, "{second}": 1e400}}}}')
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert "nothing in this file could be used" in err and "not a usable number" in err


@pytest.mark.parametrize("nasty", ["NaN", "1e400", "9" * 5000, '"\\ud800"'])
def test_report_from_a_hostile_file_runs_in_its_own_process_and_exits_cleanly(tmp_path, nasty):
    """Subprocesses, because the chart renderer used to abort the whole interpreter (exit 134)."""
    path = tmp_path / "a.json"
    answers = f'"{LIKERT[0].id}": 3, "{LIKERT[1].id}": {nasty}'
    path.write_text('{"instrument": "quick-check", "answers": {' + answers + '}, "stakeholders": '
                    '[{"name": "a\\u0000b\\u0007\\ufffe", "sector": "ngo", "influence": 5, "stake": 4, '
                    '"participation": "opposed"}], "profile": {"name": "x\\u0007y\\u202e"}}')
    result = subprocess.run([sys.executable, "-m", "assessment", "report", str(path), "-o", str(tmp_path / "r.html")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = (tmp_path / "r.html").read_text()
    assert "ab" in report and "\x00" not in report and "\x07" not in report
