"""Every content field the loader accepts is documented in content/README.md (as datasette does)."""

import pytest

from handbook.model import Case, Chapter, GlossaryTerm, Work
from handbook.parts import PARTS
from tests.conftest import ROOT

README = (ROOT / "content" / "README.md").read_text()


@pytest.mark.parametrize(
    ("model", "skip"),
    [(Chapter, {"body", "path"}), (GlossaryTerm, set()), (Case, set()), (Work, set())],
)
def test_every_field_is_documented(model, skip):
    missing = [name for name in model.model_fields if name not in skip and f"`{name}`" not in README]
    assert not missing, f"{model.__name__} fields not in content/README.md: {missing}"


def test_every_part_and_link_kind_is_documented():
    for part in PARTS:
        assert f"`{part}`" in README
    for kind in ("chapter:slug", "chapter:slug#anchor", "case:id", "lit:id"):
        assert kind in README
