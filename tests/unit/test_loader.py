"""The loader validates every file and names the file, line or field of the first problem."""

import pytest

from handbook.errors import ContentError
from handbook.library import load_handbook
from handbook.loader import load_chapter

BODY = """Intro paragraph.

## What the problem looks like

Some text.

### A detail

More text.

## Checklist

- [ ] One thing
"""


def test_chapter_sections_anchors_and_reading_time(content):
    chapter = load_chapter(content.chapter("legitimacy", BODY, tags=["trust"]))
    assert [s.anchor for s in chapter.sections] == ["", "what-the-problem-looks-like", "a-detail", "checklist"]
    assert [s.level for s in chapter.sections] == [1, 2, 3, 2]
    assert chapter.section("a-detail").markdown == "More text."
    assert chapter.words == 16
    assert chapter.reading_minutes == 1


def test_reading_minutes_grow_with_length(content):
    chapter = load_chapter(content.chapter("long", "word " * 1000))
    assert chapter.reading_minutes == 5  # 1000 words at 220 a minute, rounded up


@pytest.mark.parametrize(
    ("meta", "field", "message"),
    [
        ({"part": "appendix"}, "part", "must be one of"),
        ({"order": 0}, "order", "greater than or equal to 1"),
        ({"summary": "short"}, "summary", "at least 10 characters"),
        ({"colour": "blue"}, "colour", "Extra inputs are not permitted"),
        ({"tags": "not a list"}, "tags", "valid list"),
    ],
)
def test_bad_front_matter_names_file_and_field(content, meta, field, message):
    path = content.chapter("legitimacy", BODY, **meta)
    with pytest.raises(ContentError) as error:
        load_chapter(path)
    assert error.value.path == path
    assert error.value.field == field
    assert message in str(error.value)
    assert str(path) in str(error.value)


def test_missing_field_is_named(content):
    path = content.root / "handbook" / "01-x.md"
    path.write_text("---\nslug: x\ntitle: Title\npart: foundations\norder: 1\n---\nBody\n")
    with pytest.raises(ContentError, match="field 'summary'"):
        load_chapter(path)


def test_yaml_syntax_error_gives_line(content):
    path = content.root / "handbook" / "01-x.md"
    path.write_text("---\nslug: x\ntitle: [unclosed\npart: foundations\n---\nBody\n")
    with pytest.raises(ContentError, match=r"invalid YAML at line \d"):
        load_chapter(path)


def test_missing_front_matter(content):
    path = content.root / "handbook" / "01-x.md"
    path.write_text("# Just markdown\n")
    with pytest.raises(ContentError, match="must start with YAML front matter"):
        load_chapter(path)


def test_slug_must_match_file_name(content):
    path = content.chapter("legitimacy", BODY)
    path.rename(path.with_name("01-other.md"))
    with pytest.raises(ContentError, match="file name must end with the slug"):
        load_chapter(path.with_name("01-other.md"))


def test_duplicate_order_is_refused(content):
    content.chapter("one", BODY, order=1, number=1)
    content.chapter("two", BODY, order=1, number=2)
    with pytest.raises(ContentError, match="duplicate order '1'"):
        load_handbook(content.root)


def test_glossary_errors_name_the_entry(content):
    content.chapter("one", BODY)
    path = content.yaml("glossary.yaml", [{"id": "ok", "term": "Ok", "definition": "Fine.", "chapters": []}])
    with pytest.raises(ContentError) as error:
        load_handbook(content.root)
    assert error.value.path == path
    assert error.value.field == "0.chapters"


def test_literature_topic_must_exist(content):
    content.chapter("one", BODY)
    content.yaml("literature.yaml", {"topics": {"a": "A"}, "works": [
        {"id": "w", "authors": "X", "year": 2000, "title": "T", "published": "P", "topic": "b", "why": "Y"}]})
    with pytest.raises(ContentError, match="unknown topic 'b'"):
        load_handbook(content.root)


@pytest.mark.parametrize(("extra", "field"), [
    ({"doi": "doi:10.1111/x"}, "0.doi"),  # the bare DOI, without a prefix
    ({"doi": "https://doi.org/10.1111/x"}, "0.doi"),
    ({"url": "http://example.org"}, "0.url"),  # https only
])
def test_work_links_must_be_a_bare_doi_or_an_https_address(content, extra, field):
    content.chapter("one", BODY)
    content.yaml("literature.yaml", {"topics": {"a": "A"}, "works": [
        {"id": "w", "authors": "X", "year": 2000, "title": "T", "published": "P", "topic": "a", "why": "Y", **extra}]})
    with pytest.raises(ContentError) as error:
        load_handbook(content.root)
    assert error.value.field == f"works.{field}"


def test_a_glossary_term_may_not_list_itself_as_related(content):
    content.chapter("one", BODY)
    content.yaml("glossary.yaml", [{"id": "a", "term": "A", "definition": "D.", "chapters": ["one"], "see": ["a"]}])
    with pytest.raises(ContentError, match="lists itself"):
        load_handbook(content.root)
