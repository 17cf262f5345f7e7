"""Every content field the loader accepts is documented in content/README.md (as datasette does)."""

import pytest

from handbook.model import Alias, Case, Chapter, GlossaryTerm, Work
from handbook.parts import PARTS
from tests.conftest import ROOT

README = (ROOT / "content" / "README.md").read_text()


@pytest.mark.parametrize(
    ("model", "skip"),
    [(Chapter, {"body", "path"}), (GlossaryTerm, set()), (Case, set()), (Work, set()), (Alias, set())],
)
def test_every_field_is_documented(model, skip):
    missing = [name for name in model.model_fields if name not in skip and f"`{name}`" not in README]
    assert not missing, f"{model.__name__} fields not in content/README.md: {missing}"


def test_every_part_and_link_kind_is_documented():
    for part in PARTS:
        assert f"`{part}`" in README
    for kind in ("chapter:slug", "chapter:slug#anchor", "case:id", "lit:id"):
        assert kind in README


def test_readme_links_and_images_point_to_files_that_exist():
    import re

    readme = (ROOT / "README.md").read_text()
    targets = re.findall(r"\]\(([^)#\s]+)\)", readme)
    local = [t for t in targets if not t.startswith(("http://", "https://", "chapter:", "case:", "lit:"))]
    assert local, "the README should link its screenshot and the content reference"
    missing = [t for t in local if not (ROOT / t).exists()]
    assert not missing


def test_readme_documents_every_environment_variable_the_code_reads():
    import re

    code = "\n".join(p.read_text() for folder in ("assessment", "handbook", "ui", "pages", "tests")
                     for p in (ROOT / folder).rglob("*.py"))
    names = set(re.findall(r"os\.environ(?:\.get)?\(\s*\"([A-Z0-9_]+)\"", code))
    names |= set(re.findall(r"os\.environ\[\"([A-Z0-9_]+)\"\]", code))
    readme = (ROOT / "README.md").read_text()
    assert {"DATABASE_URL", "COALITION_DATA_DIR"} <= names
    assert not [n for n in names if f"`{n}`" not in readme]
