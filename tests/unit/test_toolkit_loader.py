"""Toolkit pages load beside the chapters, and a tool that breaks its kind's format fails loudly, naming the file."""

import textwrap

import pytest
import yaml

from handbook.errors import ContentError
from handbook.library import load_handbook
from handbook.links import check_handbook
from handbook.model import PLACEHOLDER
from handbook.search import SearchIndex

EXERCISE = """\
## Purpose

Why.

## When to use it

- Early.

## Time

45 minutes in all.

## People

- Six.

## Materials

- Cards.

## Steps

1. **One (15 minutes).** Do it.
2. **Two (15 minutes).** Do more.
3. **Three (15 minutes).** Finish.

## What you get

- A list.

## Pitfalls

- Rushing.

## Variations

- Online.

## Sources

- A source.

## See also

- [The chapter](chapter:one).
"""
MODEL_TEXT = """\
## How to use it

Fill in the places.

## Model text

### 1. Purpose

The [name of the coalition] exists to [purpose] by [date]. Checkbox: - [ ] and a [link](chapter:one).

## Notes

- Keep it short.

## Sources

- A source.

## See also

- [The chapter](chapter:one).
"""


def write_tool(content, slug, body, order=51, number=None, **meta):
    folder = content.root / "toolkit"
    folder.mkdir(exist_ok=True)
    front = {"slug": slug, "title": slug.replace("-", " ").capitalize(), "part": "toolkit", "order": order,
             "summary": f"What {slug} is for.", **meta}
    path = folder / f"{number or order:02d}-{slug}.md"
    path.write_text(f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n{textwrap.dedent(body)}")
    return path


def exercise(content, slug="problem-tree", body=EXERCISE, **meta):
    return write_tool(content, slug, body, **{"kind": "exercise", "minutes": 45, "people": "6–20", **meta})


def model_text(content, slug="charter", body=MODEL_TEXT, **meta):
    return write_tool(content, slug, body, **{"kind": "model-text", **meta})


def test_tools_join_the_chapters_in_reading_order(content):
    content.chapter("one", order=1)
    exercise(content, order=52)
    model_text(content, order=51)
    handbook = load_handbook(content.root)
    assert [c.slug for c in handbook.chapters] == ["one", "charter", "problem-tree"]
    assert [t.slug for t in handbook.tools] == ["charter", "problem-tree"]
    assert [c.slug for c in handbook.reading_chapters] == ["one"]
    assert handbook.tool("problem-tree").facts == "Exercise · 45 minutes · 6–20 people"
    assert handbook.tool("one") is None and handbook.chapter("charter") is handbook.tool("charter")
    assert check_handbook(handbook) == []


def test_search_and_links_treat_a_tool_like_a_chapter(content):
    content.chapter("one", "Intro.\n\n## Part\n\nSee the [problem tree](chapter:problem-tree#steps).\n")
    exercise(content)
    handbook = load_handbook(content.root)
    assert check_handbook(handbook) == []
    assert SearchIndex(handbook).search("problem tree")[0].slug == "problem-tree"


def test_placeholders_skip_links_and_checkboxes(content):
    content.chapter("one")
    model_text(content)
    tool = load_handbook(content.root).tool("charter")
    assert tool.placeholders == ["name of the coalition", "purpose", "date"]
    assert PLACEHOLDER.findall("[x] [ ] [60] days [text](https://a.b)") == ["60"]


def errors_for(content):
    content.chapter("one")
    with pytest.raises(ContentError) as error:
        load_handbook(content.root)
    return error.value


@pytest.mark.parametrize(
    ("body", "meta", "message"),
    [
        (EXERCISE.replace("## Pitfalls\n\n- Rushing.\n\n", ""), {}, "missing: Pitfalls"),
        (EXERCISE.replace("## Purpose", "## Aims"), {}, "not expected: Aims"),
        (EXERCISE, {"minutes": None}, "an exercise gives `minutes` and `people`"),
        (EXERCISE.replace("45 minutes in all", "Three quarters of an hour"), {}, "'45 minutes'"),
        (EXERCISE.replace("3. **Three", "- **Three").replace("2. **Two", "- **Two"), {}, "at least 3 steps"),
        (EXERCISE, {"part": "challenges"}, "belongs to the part 'toolkit'"),
        (EXERCISE, {"kind": "recipe"}, "'exercise' or 'model-text'"),
        (EXERCISE, {"minutes": 2}, "greater than or equal to 5"),
    ],
)
def test_a_broken_exercise_names_its_file_and_problem(content, body, meta, message):
    path = exercise(content, body=body, **meta)
    error = errors_for(content)
    assert error.path == path and message in str(error)


@pytest.mark.parametrize(
    ("body", "meta", "message"),
    [
        (MODEL_TEXT.replace("by [date]", "soon").replace("to [purpose]", "to act"), {}, "at least 3 [bracketed]"),
        (MODEL_TEXT.replace("[purpose]", "[purpose, such as [aim]]"), {}, "brackets are nested"),
        (MODEL_TEXT, {"minutes": 30}, "a model text has no `minutes`"),
        (MODEL_TEXT.replace("## Notes", "## Remarks"), {}, "missing: Notes"),
    ],
)
def test_a_broken_model_text_names_its_file_and_problem(content, body, meta, message):
    path = model_text(content, body=body, **meta)
    error = errors_for(content)
    assert error.path == path and message in str(error)


def test_placeholders_outside_the_model_text_do_not_count(content):
    body = MODEL_TEXT.replace("The [name of the coalition] exists to [purpose] by [date].", "Plain text.")
    body = body.replace("Fill in the places.", "Fill in [one], [two] and [three].")
    path = model_text(content, body=body)
    error = errors_for(content)
    assert error.path == path and "at least 3 [bracketed]" in str(error)


def test_a_toolkit_part_page_among_the_chapters_is_refused(content):
    path = content.chapter("stray", order=2, part="toolkit")
    error = errors_for(content)
    assert error.path == path and error.field == "part" and "content/toolkit/" in str(error)


@pytest.mark.parametrize(("slug", "order", "field"), [("one", 51, "slug"), ("problem-tree", 1, "order")])
def test_slugs_and_orders_are_unique_across_folders(content, slug, order, field):
    exercise(content, slug=slug, order=order)
    error = errors_for(content)
    assert error.field == field

