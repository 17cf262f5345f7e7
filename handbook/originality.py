"""Is our content written fresh? Word runs of the source memo, kept only as hashed fingerprints.

The memo is not part of the repository, so the originality test cannot read it on a fresh clone.
Instead the repository keeps a hash of every run of RUN consecutive words of the memo (never the
words themselves); a content file fails when one of its own runs hashes to one of them. Words
inside quotation marks are left out: a quoted, attributed phrase is allowed.

Regenerate the fingerprints when the memo changes (it sits in ../shared/source/ when present):

    python -m handbook.originality ../shared/source/cma-policy-memo-2016.txt
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

RUN = 8
FINGERPRINTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "memo-fingerprints.txt"
MEMO_START = "Executive Summary"  # the title block before it is cited, which is allowed
_WORD = re.compile(r"[a-z0-9]+")
# “Curly” or "straight" double quotes around at most a few lines of text.
_QUOTED = re.compile(r"“[^”]{0,400}”|\"[^\"\n]{0,400}\"")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "").replace("'", ""))


def fingerprint(run: str) -> str:
    return hashlib.blake2b(run.encode(), digest_size=8, person=b"cma-memo").hexdigest()


def runs(text: str, size: int = RUN) -> Iterator[str]:
    found = words(text)
    for start in range(len(found) - size + 1):
        yield " ".join(found[start:start + size])


def memo_fingerprints(memo: str) -> set[str]:
    body = memo[memo.index(MEMO_START):] if MEMO_START in memo else memo
    return {fingerprint(run) for run in runs(body)}


def load_fingerprints(path: Path = FINGERPRINTS) -> set[str]:
    return {line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}


def write_fingerprints(memo_path: Path, path: Path = FINGERPRINTS) -> int:
    prints = sorted(memo_fingerprints(memo_path.read_text()))
    header = (f"# blake2b-64 fingerprints of every {RUN}-word run of {memo_path.name} (from '{MEMO_START}' on).\n"
              "# Made by `python -m handbook.originality MEMO`; the memo's words are not stored here.\n")
    path.write_text(header + "\n".join(prints) + "\n")
    return len(prints)


def unquoted(text: str) -> str:
    """Prose with quoted passages blanked out, so runs never join across a quotation."""
    return _QUOTED.sub(" ¶ ", text)


def prose_of(path: Path) -> list[str]:
    """The prose a content file shows to people: Markdown as is, YAML as its string values."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return [text]
    return list(_strings(yaml.safe_load(text)))


def _strings(node: Any) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def copied_runs(texts: Iterable[str], prints: set[str]) -> list[str]:
    """The runs of these texts (outside quotation marks) whose fingerprint is the memo's."""
    found: list[str] = []
    for text in texts:
        for part in unquoted(text).split("¶"):
            found += [run for run in runs(part) if fingerprint(run) in prints]
    return list(dict.fromkeys(found))


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_file():
        sys.exit("usage: python -m handbook.originality PATH/TO/cma-policy-memo-2016.txt")
    print(f"wrote {write_fingerprints(Path(sys.argv[1]))} fingerprints to {FINGERPRINTS}")
