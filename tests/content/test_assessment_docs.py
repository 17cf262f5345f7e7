"""Every questionnaire field, item kind, operator and rule condition is documented (datasette-style)."""

import typing

import pytest

from assessment.model import STAGES, Item, Scale
from assessment.recommend import CONDITIONS, Rule
from assessment.representation import FLAGS
from tests.conftest import ROOT

README = (ROOT / "content" / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(set(Item.model_fields)))
def test_item_field_documented(name):
    assert f"`{name}`" in README


@pytest.mark.parametrize("kind", typing.get_args(Item.model_fields["kind"].annotation))
def test_item_kind_documented(kind):
    assert f"`{kind}`" in README


@pytest.mark.parametrize("kind", typing.get_args(Scale.model_fields["kind"].annotation))
def test_scale_kind_documented(kind):
    assert f"`{kind}`" in README


@pytest.mark.parametrize("operator", ["equals", "not_equals", "in", "answered", "at_least", "at_most"])
def test_skip_logic_operator_documented(operator):
    assert f"`{operator}`" in README


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_rule_condition_documented(condition):
    assert f"{{{condition}: " in README


@pytest.mark.parametrize("name", sorted(Rule.model_fields))
def test_rule_field_documented(name):
    assert f"`{name}`" in README


@pytest.mark.parametrize("value", [*FLAGS, *STAGES])
def test_flags_and_stages_documented(value):
    assert f"`{value}`" in README
