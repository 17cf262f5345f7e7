"""Word downloads open in python-docx and carry real structure: headings, lists, tables, highlighted places."""

import io
import re

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm

from handbook.library import load_handbook
from handbook.word import DOCX_MIME, docx_name, page_to_docx
from tests.unit.test_toolkit_loader import write_tool

BODY = """\
Opening with a [link to the chapter](chapter:one#part), a [case link](case:c1) and **bold** words.

## How to use it

1. First step.
2. Second step, see [the Wikipedia page](https://en.wikipedia.org/wiki/Memorandum_of_understanding).

## Model text

### 1. Purpose

The [name of the coalition] works with [partners] until [date].

| Decision | Who decides |
|---|---|
| [Change the charter] | [General assembly] |

### 2. Steps

1. Restart numbering here.
2. And continue.

- [ ] A checkbox item.

## Notes

> A quoted note with `code`.

## Sources

- [A book](lit:w1) is the source.

## See also

- [One](chapter:one): the chapter.
"""


@pytest.fixture
def small(content):
    content.chapter("one", "Intro.\n\n## Part\n\nText.\n", title="One about things")
    content.yaml("literature.yaml", {"topics": {"t": "Topic"}, "works": [
        {"id": "w1", "authors": "A. Author", "year": 2001, "title": "A Book", "published": "Press", "topic": "t",
         "why": "Because."}]})
    content.yaml("cases.yaml", [{"id": "c1", "name": "Case One", "years": "2000", "what": "W", "who": "X",
                                 "timeline": [{"year": 2000, "event": "E"}], "lessons": ["L"], "chapters": ["one"]}])
    write_tool(content, "charter", BODY, kind="model-text", sources=["w1"])
    return load_handbook(content.root)


def read(handbook, slug):
    return docx.Document(io.BytesIO(page_to_docx(handbook, handbook.chapter(slug))))


def headings(document):
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def test_headings_mirror_the_page(small):
    assert headings(read(small, "charter")) == [
        ("Title", "Charter"), ("Heading 1", "How to use it"), ("Heading 1", "Model text"),
        ("Heading 2", "1. Purpose"), ("Heading 2", "2. Steps"), ("Heading 1", "Notes"), ("Heading 1", "Sources"),
        ("Heading 1", "See also"), ("Heading 1", "Works cited")]


def test_every_place_to_adapt_is_highlighted(small):
    document = read(small, "charter")
    runs = [r for p in document.paragraphs for r in p.runs] + [
        r for t in document.tables for row in t.rows for cell in row.cells for p in cell.paragraphs for r in p.runs]
    highlighted = {r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert {f"[{p}]" for p in small.tool("charter").placeholders} <= highlighted
    assert "[ ]" not in "".join(r.text for r in runs), "checkboxes become ☐"


def test_tables_are_word_tables_with_a_repeating_bold_header(small):
    (table,) = read(small, "charter").tables
    assert [c.text for c in table.rows[0].cells] == ["Decision", "Who decides"]
    assert [c.text for c in table.rows[1].cells] == ["[Change the charter]", "[General assembly]"]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_each_numbered_list_starts_again_at_one(small):
    document = read(small, "charter")
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 4
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_links_become_readable_text_and_markdown_does_not_leak(small):
    document = read(small, "charter")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "link to the chapter (see “One about things”)" in text
    assert "case link" in text and "](" not in text and "**" not in text and "##" not in text
    assert "the Wikipedia page (https://en.wikipedia.org/wiki/Memorandum_of_understanding)" in text
    assert any(r.bold and r.text == "bold" for p in document.paragraphs for r in p.runs)
    assert "A. Author (2001). A Book. Press." in text


def test_page_is_a4_with_a_numbered_footer(small):
    document = read(small, "charter")
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("Coalition Handbook · Charter · page")
    assert "PAGE" in "".join(e.text or "" for e in footer._p.iter(qn("w:instrText")))
    assert document.core_properties.title == "Charter"
    assert document.core_properties.subject == small.chapter("charter").summary


def test_a_chapter_downloads_too(small):
    document = read(small, "one")
    assert headings(document) == [("Title", "One about things"), ("Heading 1", "Part")]
    assert docx_name(small.chapter("one")) == "one.docx"
    assert DOCX_MIME.endswith("wordprocessingml.document")


@pytest.fixture(scope="module")
def real():
    return load_handbook()


def test_every_tool_downloads_with_its_sections_and_places(real):
    for tool in real.tools:
        document = docx.Document(io.BytesIO(page_to_docx(real, tool)))
        assert len(document.core_properties.subject) <= 255
        level1 = [text for style, text in headings(document) if style == "Heading 1"]
        assert level1 == [s.title for s in tool.sections if s.level == 2] + ["Works cited"], tool.slug
        body = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            c.text for t in document.tables for row in t.rows for c in row.cells)
        assert all(f"[{p}]" in body for p in tool.placeholders), tool.slug
        assert not re.search(r"\]\((chapter|lit|case):", body), tool.slug


def test_wide_logs_print_landscape_and_others_portrait(real):
    def orientation(slug):
        section = docx.Document(io.BytesIO(page_to_docx(real, real.chapter(slug)))).sections[0]
        return section.orientation, section.page_width > section.page_height

    assert orientation("decision-log") == (WD_ORIENT.LANDSCAPE, True)
    assert orientation("dissent-log") == (WD_ORIENT.LANDSCAPE, True)
    assert orientation("charter") == (WD_ORIENT.PORTRAIT, False)


def test_tables_in_the_markdown_are_tables_in_word(real):
    for slug in ("charter", "decision-log", "room-for-dissent"):
        page = real.chapter(slug)
        tables = len(re.findall(r"^\|[-| :]+\|$", page.body, re.M))
        assert len(docx.Document(io.BytesIO(page_to_docx(real, page))).tables) == tables >= 1
