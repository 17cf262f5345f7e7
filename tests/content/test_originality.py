"""Content is written fresh: no run of eight consecutive words of the source memo outside quotation marks.

The memo itself is not in the repository; its word runs are kept as hashed fingerprints
(handbook/originality.py), so this test runs on any clone.
"""

import pytest

from handbook.originality import (
    FINGERPRINTS,
    RUN,
    copied_runs,
    fingerprint,
    load_fingerprints,
    memo_fingerprints,
    prose_of,
    runs,
)
from tests.conftest import ROOT

MEMO = ROOT.parent / "shared" / "source" / "cma-policy-memo-2016.txt"


def content_files():
    root = ROOT / "content"
    return sorted(p for p in root.rglob("*") if p.suffix in {".md", ".yaml", ".yml"} and p.is_file())


@pytest.fixture(scope="module")
def prints() -> set[str]:
    return load_fingerprints()


def test_fingerprints_are_hashes_not_text(prints):
    assert len(prints) > 2000
    assert all(len(p) == 16 and set(p) <= set("0123456789abcdef") for p in prints)
    assert "coalition" not in FINGERPRINTS.read_text()


def test_fingerprints_match_the_memo_when_it_is_present(prints):
    if not MEMO.exists():
        pytest.skip("the source memo is not beside this clone; the stored fingerprints are used as they are")
    assert memo_fingerprints(MEMO.read_text()) == prints, "regenerate: python -m handbook.originality " + str(MEMO)


def test_detector_catches_a_run_and_spares_a_quotation():
    sentence = "coalitions must earn their standing with the people they claim to speak for every year"
    sample = {fingerprint(run) for run in runs(sentence)}
    assert copied_runs([f"As we said, {sentence}."], sample)
    assert not copied_runs([f"As the memo put it, “{sentence}”."], sample)
    assert not copied_runs([f'As the memo put it, "{sentence}".'], sample)
    shorter = " ".join(sentence.split()[: RUN - 1])
    assert not copied_runs([shorter], sample)


def test_quotation_marks_do_not_join_runs_across_them():
    sample = {fingerprint("alpha beta gamma delta epsilon zeta eta theta")}
    assert not copied_runs(["alpha beta gamma delta “quoted words” epsilon zeta eta theta"], sample)


@pytest.mark.parametrize("path", content_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_eight_word_run_of_the_memo(path, prints):
    copied = copied_runs(prose_of(path), prints)
    assert not copied, f"{path.name} repeats the memo outside quotation marks: {copied[:3]}"
