"""The domain packages are plain Python: no Streamlit, so every computation runs without a server."""

import ast

import pytest

from tests.conftest import ROOT

DOMAIN = ("handbook", "assessment", "workshop")


def imported_modules(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("path", [p for d in DOMAIN for p in sorted((ROOT / d).rglob("*.py"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_domain_module_does_not_import_streamlit(path):
    assert not [m for m in imported_modules(path) if m.split(".")[0] in ("streamlit", "ui", "pages")]
