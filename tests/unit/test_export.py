import re
from html.parser import HTMLParser

from handbook.export import chapter_to_html, chapter_to_markdown, handbook_to_html, handbook_to_markdown
from handbook.library import load_handbook

ONE = """Intro citing [a book](lit:w1).

## Who is in charge?

Go to [the other part](chapter:two#how-decisions-are-made) or [the case](case:c1).

- [ ] Write it down
"""
TWO = "Intro.\n\n## How decisions are made\n\nBy <b>consensus</b> & patience.\n"


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.srcs, self.tags = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if "src" in attrs:
            self.srcs.append(attrs["src"])


def build(content):
    content.chapter("one", ONE, order=1, title="One", sources=["w1"])
    content.chapter("two", TWO, order=2, title="Two")
    content.yaml("literature.yaml", {"topics": {"t": "Topic"}, "works": [
        {"id": "w1", "authors": "A. Author", "year": 2001, "title": "A Book", "published": "Press", "topic": "t",
         "why": "Because."}]})
    content.yaml("cases.yaml", [{"id": "c1", "name": "Case <One>", "years": "2000", "what": "W", "who": "X",
                                 "timeline": [{"year": 2000, "event": "E"}], "lessons": ["L"], "chapters": ["one"]}])
    return load_handbook(content.root)


def parse(html_text):
    collector = Collect()
    collector.feed(html_text)
    return collector


def test_whole_handbook_html_is_self_contained_and_links_resolve(content):
    html_text = handbook_to_html(build(content))
    doc = parse(html_text)
    assert "script" not in doc.tags and "link" not in doc.tags and doc.srcs == []
    internal = [h for h in doc.hrefs if h.startswith("#")]
    assert "#two--how-decisions-are-made" in internal and "#case-c1" in internal and "#lit-w1" in internal
    assert all(h[1:] in doc.ids for h in internal), set(h for h in internal if h[1:] not in doc.ids)
    assert "@media print" in html_text
    assert "Case &lt;One&gt;" in html_text  # case names are escaped


def test_chapter_html_turns_missing_targets_into_text(content):
    handbook = build(content)
    html_text = chapter_to_html(handbook, handbook.chapter("one"))
    doc = parse(html_text)
    assert "the other part (see “Two”, section “How decisions are made”)" in html_text  # the section kept
    assert [h for h in doc.hrefs if h.startswith("#")] == ["#lit-w1"]
    assert "lit-w1" in doc.ids and "one--who-is-in-charge" in doc.ids
    assert "☐ Write it down" in html_text


def test_markdown_exports_have_no_content_link_syntax(content):
    handbook = build(content)
    for text in (handbook_to_markdown(handbook), chapter_to_markdown(handbook, handbook.chapter("one"))):
        assert not re.search(r"\]\((chapter|case|lit):", text)
    whole = handbook_to_markdown(handbook)
    assert "# One" in whole and "# Two" in whole and "A. Author (2001). A Book. Press." in whole
    # Every chapter is in the file: a link goes to the chapter's title, the section is named in words.
    assert "[the other part](#two) (section “How decisions are made”)" in whole


def test_a_link_that_names_its_chapter_is_not_named_twice(content):
    content.chapter("one", "Read [Two](chapter:two) and [Two](chapter:two#how-decisions-are-made).\n", order=1,
                    title="One")
    content.chapter("two", TWO, order=2, title="Two")
    handbook = load_handbook(content.root)
    text = chapter_to_markdown(handbook, handbook.chapter("one"))
    assert "Read Two and Two (section “How decisions are made”)." in text
    assert "(see “Two”)" not in text


def test_works_link_to_their_doi_or_address_and_glossary_terms_to_related_terms(content):
    content.chapter("one", ONE, order=1, title="One", sources=["w1", "w2"])
    content.chapter("two", TWO, order=2, title="Two")
    content.yaml("literature.yaml", {"topics": {"t": "Topic"}, "works": [
        {"id": "w1", "authors": "A. Author", "year": 2001, "title": "A Paper", "published": "Journal 1(2), 3–4",
         "topic": "t", "why": "Because.", "doi": "10.1016/S0305-750X(03)00014-7"},
        {"id": "w2", "authors": "B. Author", "year": 2002, "title": "A Report", "published": "Press", "topic": "t",
         "why": "Because.", "url": "https://www.example.org/report"}]})
    content.yaml("glossary.yaml", [
        {"id": "a", "term": "Alpha", "definition": "First.", "chapters": ["one"], "see": ["b"]},
        {"id": "b", "term": "Beta", "definition": "Second.", "chapters": ["two"]}])
    handbook = load_handbook(content.root)
    whole = handbook_to_html(handbook)
    doi = '<a href="https://doi.org/10.1016/S0305-750X%2803%2900014-7">doi:10.1016/S0305-750X(03)00014-7</a>'
    assert doi in whole and '<a href="https://www.example.org/report">example.org</a>' in whole
    assert 'See also: <a href="#term-b">Beta</a>' in whole and 'id="term-b"' in whole
    chapter = chapter_to_html(handbook, handbook.chapter("one"))
    assert doi in chapter  # the chapter's own sources list links too
    markdown = handbook_to_markdown(handbook)
    assert "<https://doi.org/10.1016/S0305-750X%2803%2900014-7>" in markdown and "See also: Beta." in markdown


def test_the_exported_page_is_built_to_fit_a_phone(content):
    html_text = handbook_to_html(build(content))
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html_text
    assert "overflow-x:auto" in html_text and "overflow-wrap" in html_text  # wide tables scroll, long words break
