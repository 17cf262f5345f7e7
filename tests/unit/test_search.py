from handbook.library import load_handbook
from handbook.search import SearchIndex, snippet
from handbook.text import stem, terms


def build(content):
    content.chapter("funding", "Intro.\n\n## Who pays?\n\nDonors and foundations fund the secretariat. "
                    "Money runs out after the launch.\n", order=1, title="Political will and funding",
                    tags=["money", "donors"])
    content.chapter("dissent", "Intro.\n\n## Why disagreement helps\n\nA coalition that hides disagreement "
                    "loses members. Funding is mentioned here once.\n", order=2, title="Room for dissent")
    content.chapter("landmines", "Intro.\n\n## The ban\n\nThe landmine campaign won a treaty in 1997.\n",
                    order=3, title="The life cycle", tags=["Ottawa"])
    return SearchIndex(load_handbook(content.root))


def test_title_and_tag_matches_outrank_passing_mentions(content):
    hits = build(content).search("funding")
    assert [h.slug for h in hits] == ["funding", "dissent"]


def test_best_section_is_returned_with_anchor(content):
    hit = build(content).search("disagreement")[0]
    assert (hit.slug, hit.anchor, hit.heading) == ("dissent", "why-disagreement-helps", "Why disagreement helps")


def test_plural_query_finds_singular_text(content):
    assert build(content).search("landmines")[0].slug == "landmines"


def test_snippet_marks_every_hit(content):
    hit = build(content).search("donors fund the secretariat")[0]
    assert hit.slug == "funding"
    marked = [f.text.strip(".,").lower() for f in hit.snippet if f.hit]
    assert marked == ["donors", "fund", "secretariat"]
    assert "**Donors**" in hit.snippet_markdown


def test_stop_words_only_and_unknown_words_find_nothing(content):
    index = build(content)
    assert index.search("the of and") == []
    assert index.search("zeppelin") == []


def test_snippet_window_around_first_hit():
    text = " ".join(f"w{i}" for i in range(200)) + " target " + " ".join(f"v{i}" for i in range(200))
    fragments = snippet(text, ["target"], size=20)
    joined = "".join(f.text for f in fragments)
    assert joined.startswith("… ") and joined.endswith(" …")
    assert [f.text for f in fragments if f.hit] == ["target"]
    assert len(joined.split()) < 50


def test_stem_and_terms():
    assert stem("landmines") == "landmine"
    assert stem("policies") == "policy"
    assert stem("class") == "class"
    assert terms("Who pays for the coalition's work?") == ["pay", "coalition", "work"]
