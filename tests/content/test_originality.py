"""Content is written fresh: no run of ten consecutive words from the source memo anywhere."""

import re

import pytest

from tests.conftest import ROOT

MEMO = ROOT.parent / "shared" / "source" / "cma-policy-memo-2016.txt"
RUN = 10


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))


def runs(text: str) -> set[str]:
    w = words(text)
    return {" ".join(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


def content_files():
    root = ROOT / "content"
    return sorted(p for p in root.rglob("*") if p.suffix in {".md", ".yaml", ".yml"} and p.is_file())


@pytest.fixture(scope="module")
def memo_runs():
    if not MEMO.exists():
        pytest.fail(f"the source memo is expected beside the repository at {MEMO}")
    text = MEMO.read_text()
    body = text[text.index("Executive Summary"):]  # the title block is cited, which is allowed
    return runs(body)


def test_detector_catches_a_copied_sentence(memo_runs):
    copied = "As they said: " + " ".join(words(MEMO.read_text())[500:512]) + " and more."
    assert runs(copied) & memo_runs


@pytest.mark.parametrize("path", content_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_ten_word_run_of_the_memo(path, memo_runs):
    shared = runs(path.read_text()) & memo_runs
    assert not shared, f"{path.name} repeats the memo: {sorted(shared)[:3]}"
