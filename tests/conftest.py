"""Shared fixtures: the real content, and throwaway content trees written inline by a test."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
import yaml

from handbook.library import Handbook, load_handbook

ROOT = Path(__file__).resolve().parent.parent


def require(available: bool, reason: str) -> None:
    """Skip locally when a browser or server is missing; in CI (CI=true) that is a failure."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def handbook() -> Handbook:
    return load_handbook()


class ContentTree:
    """A minimal content folder a test fills in, so each test reads like a row of the spec."""

    def __init__(self, root: Path):
        self.root = root
        (root / "handbook").mkdir(parents=True)

    def chapter(self, slug: str, body: str = "Intro.\n\n## First part\n\nText.\n", order: int = 1,
                number: int | None = None, **meta) -> Path:
        front = {"slug": slug, "title": slug.replace("-", " ").title(), "part": "foundations",
                 "order": order, "summary": f"What {slug} is about.", **meta}
        path = self.root / "handbook" / f"{number or order:02d}-{slug}.md"
        path.write_text(f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n{textwrap.dedent(body)}")
        return path

    def yaml(self, name: str, data) -> Path:
        path = self.root / name
        path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False))
        return path


@pytest.fixture
def content(tmp_path: Path) -> ContentTree:
    return ContentTree(tmp_path / "content")
