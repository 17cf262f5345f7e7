"""`python -m assessment`: the same engine from a terminal; exit 2 with one line on bad input."""

import json
import subprocess
import sys

import pytest

from assessment.cli import main
from tests.conftest import ROOT


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def answers_file(tmp_path):
    def write(data, name="answers.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data))
        return str(path)

    return write


def test_validate_passes_on_the_shipped_content(capsys):
    code, out, err = run(capsys, "validate")
    assert code == 0, err
    assert out.startswith("OK: ") and "questionnaires" in out and "rules" in out


def test_template_lists_every_item_with_null(capsys):
    code, out, _ = run(capsys, "template", "quick-check")
    data = json.loads(out)
    assert code == 0 and data["instrument"] == "quick-check"
    assert len(data["answers"]) >= 12 and set(data["answers"].values()) == {None}


def test_template_unknown_instrument(capsys):
    code, _, err = run(capsys, "template", "nope")
    assert code == 2 and err.count("\n") == 1 and "unknown questionnaire 'nope'" in err


def test_score_json_has_the_documented_shape(capsys, answers_file):
    path = answers_file({"instrument": "quick-check", "answers": {"le_members_accept_decisions": 1},
                         "stakeholders": [{"name": "Army", "sector": "national_government", "influence": 5,
                                           "stake": 3, "participation": "opposed"}],
                         "profile": {"name": "X", "type": "advocacy"}})
    code, out, _ = run(capsys, "score", path)
    result = json.loads(out)
    assert code == 0
    assert result["instrument"] == "quick-check"
    legitimacy = result["dimensions"]["legitimacy"]
    assert {"score", "band", "answered", "dont_know"} <= set(legitimacy)
    assert legitimacy["score"] == 0.0 and legitimacy["band"] == "at risk" and legitimacy["answered"] == 1
    assert {"id", "evidence"} <= set(result["stage"])
    assert any(g["kind"] == "de_facto_excluded" for g in result["representation"]["gaps"])
    for rec in result["recommendations"]:
        assert {"id", "title", "priority", "chapter", "why"} <= set(rec)
    assert [r["rank"] for r in result["recommendations"]] == list(range(1, len(result["recommendations"]) + 1))
    assert len(result["recommendations"]) <= 15 and result["recommendations_not_shown"] >= 0
    assert {r["group"] for r in result["recommendations"]} <= {"top", "also"}
    assert all(r["priority_label"] and r["rank_reason"] and r["themes"] for r in result["recommendations"])


def test_score_markdown(capsys, answers_file):
    code, out, _ = run(capsys, "score", answers_file({"instrument": "quick-check", "answers": {}}),
                       "--format", "markdown")
    assert code == 0 and out.startswith("# Your coalition: Quick check") and "## Dimensions" in out


def test_partial_file_reports_problems_on_stderr_and_scores_the_rest(capsys, answers_file):
    path = answers_file({"instrument": "quick-check", "answers": {"le_members_accept_decisions": 9, "ghost": 1,
                                                                  "ac_members_can_name_deciders": 5}})
    code, out, err = run(capsys, "score", path)
    assert code == 0
    assert "item 'le_members_accept_decisions': expected 1 to 5, got 9" in err and "item 'ghost'" in err
    assert json.loads(out)["dimensions"]["accountability"]["answered"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [("{oops", "not valid JSON"), ("[]", "expected a JSON object"), ('{"instrument": "x"}', "unknown questionnaire")],
)
def test_bad_files_exit_2_with_one_line(capsys, answers_file, content, message):
    code, out, err = run(capsys, "score", answers_file(content))
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err and "answers.json" in err


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "score", str(tmp_path / "none.json"))
    assert code == 2 and "cannot read the file" in err


def test_report_html_and_markdown(capsys, answers_file, tmp_path):
    path = answers_file({"instrument": "quick-check", "answers": {"le_members_accept_decisions": 2},
                         "profile": {"name": "<script>alert(1)</script>"}})
    code, _, _ = run(capsys, "report", path, "-o", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text()
    assert code == 0 and "<svg" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    code, _, _ = run(capsys, "report", path, "-o", str(tmp_path / "r.md"))
    assert code == 0 and "\\<script\\>" in (tmp_path / "r.md").read_text()
    code, _, err = run(capsys, "report", path, "-o", str(tmp_path / "r.pdf"))
    assert code == 2 and ".html or .md" in err


def test_module_entry_point_never_prints_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe")
    done = subprocess.run([sys.executable, "-m", "assessment", "score", str(bad)], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "not UTF-8" in done.stderr
