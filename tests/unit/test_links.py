from handbook.library import load_handbook
from handbook.links import check_handbook, find_links, rewrite_links

BODY = """Intro with [a link](chapter:two#the-part) and [a case](case:nope) and [a book](lit:missing).

## The part

See [two](chapter:two) and [bad section](chapter:two#nowhere) and [no chapter](chapter:ghost).
"""


def test_find_links_parses_kind_slug_and_section():
    links = find_links("[x](chapter:a-b#c-d) ![img](chapter:z) [y](https://example.org)")
    assert [(link.kind, link.slug, link.section) for link in links] == [("chapter", "a-b", "c-d")]


def test_rewrite_links_keeps_other_markdown():
    text = "A [b](chapter:c#d) and [e](https://f)."
    assert rewrite_links(text, lambda link: f"<{link.target}>") == "A <c#d> and [e](https://f)."


def test_check_handbook_reports_every_broken_reference(content):
    content.chapter("one", BODY, order=1, dimensions=["nonexistent"])
    content.chapter("two", BODY, order=2)
    content.yaml("glossary.yaml", [{"id": "t", "term": "T", "definition": "D", "chapters": ["gone"], "see": ["u"]}])
    problems = check_handbook(load_handbook(content.root))
    text = "\n".join(problems)
    assert "unknown case 'nope'" in text
    assert "unknown work 'missing'" in text
    assert "chapter 'two' has no section 'nowhere'" in text
    assert "unknown chapter 'ghost'" in text
    assert "unknown dimension 'nonexistent'" in text
    assert "glossary.yaml term 't': unknown chapter 'gone'" in text
    assert "glossary.yaml term 't': unknown term 'u'" in text
    assert not any("two#the-part" in p for p in problems)  # the good link is not reported
