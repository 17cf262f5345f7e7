import pytest

from handbook.anchors import anchor_for


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Who is in charge?", "who-is-in-charge"),
        ("Input, throughput and output", "input-throughput-and-output"),
        ("Money & power", "money-and-power"),
        ("Step 1: Test the idea", "step-1-test-the-idea"),
        ("São Paulo, 2014", "sao-paulo-2014"),
        ("**Bold** and `code`", "bold-and-code"),
        ("See [the memo](lit:cma-memo-2016) again", "see-the-memo-again"),
        ("  --Trim--  ", "trim"),
    ],
)
def test_anchor_for(heading, anchor):
    assert anchor_for(heading) == anchor
