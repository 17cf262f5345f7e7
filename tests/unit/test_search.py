import pytest

from handbook.aliases import Synonyms
from handbook.errors import ContentError
from handbook.library import load_handbook
from handbook.model import Alias
from handbook.search import SearchIndex, snippet
from handbook.text import plain, stem, terms, without_link_lists


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


# Aliases, corrections, honest counts, link lists and table snippets ---------------------------------

COURT = [{"alias": "ICC", "means": "International Criminal Court"},
         {"alias": "CICC", "means": "Coalition for the International Criminal Court"},
         {"alias": "kimberly process", "means": "Kimberley Process"}]


def court_index(content):
    content.chapter("court", "Intro.\n\n## The Rome Statute\n\nThe International Criminal Court was set up in 2002.\n",
                    order=1, title="A permanent court")
    content.chapter("short", "Intro.\n\n## Acronyms\n\nDiplomats simply say ICC, and mean the court.\n", order=2,
                    title="Talking shop")
    content.chapter("diamonds", "Intro.\n\n## Certification\n\nThe Kimberley Process certifies rough diamonds.\n",
                    order=3, title="Diamonds")
    content.yaml("aliases.yaml", COURT)
    content.yaml("cases.yaml", [{
        "id": "cicc", "name": "Coalition for the International Criminal Court", "years": "since 1995",
        "what": "NGOs pushing for a permanent court.", "who": "Human rights NGOs.",
        "timeline": [{"year": 1998, "event": "The Rome Statute is adopted."}], "lessons": ["Plan the funding."],
        "chapters": ["court", "short"]}])
    return SearchIndex(load_handbook(content.root))


def test_an_acronym_finds_the_spelled_out_name_and_the_name_finds_the_acronym(content):
    index = court_index(content)
    by_acronym = index.find("ICC")
    assert {h.ref for h in by_acronym.hits} == {"chapter:court", "chapter:short", "case:cicc"}
    assert [a.alias for a in by_acronym.aliases] == ["ICC"]  # explained to the reader
    by_name = index.find("international criminal court")
    assert {h.ref for h in by_name.hits} == {h.ref for h in by_acronym.hits}
    assert by_name.aliases == ()  # nothing to explain when the reader wrote the name
    court = next(h for h in by_acronym.hits if h.ref == "chapter:court")
    assert "**International Criminal Court**" in court.snippet_markdown  # the phrase is marked whole


def test_a_case_the_query_names_comes_first(content):
    index = court_index(content)
    assert index.find("CICC").hits[0].ref == "case:cicc"
    assert index.find("ICC").hits[0].ref == "case:cicc"  # "ICC" lies inside the coalition's name


def test_a_declared_misspelling_is_searched_as_the_right_words_and_said_so(content):
    results = court_index(content).find("kimberly process")
    assert [h.ref for h in results.hits] == ["chapter:diamonds"]
    assert results.corrections == (("kimberly process", "Kimberley Process"),)
    assert results.corrected == "Kimberley Process"


def test_a_word_found_nowhere_is_corrected_to_the_nearest_word_and_said_so(content):
    index = build(content)
    results = index.find("disagrement")
    assert results.hits[0].slug == "dissent"
    assert results.corrections == (("disagrement", "disagreement"),)
    assert results.corrected == "disagreement"
    assert index.find("Donnors fund").corrected == "donors fund"  # two words, case kept where unchanged
    assert index.find("secretariat").corrections == ()  # a known word is never "corrected"


def test_short_words_and_far_misses_are_not_guessed(content):
    index = build(content)
    assert index.correct("icx") == "icx"  # acronyms and short words: guesses go wrong
    assert index.correct("zeppelin") == "zeppelin"
    assert index.find("zeppelin").hits == ()


def test_a_result_must_have_every_word_and_the_count_says_how_many(content):
    index = build(content)
    results = index.find("funding launch")  # only the funding chapter has both words
    assert [h.slug for h in results.hits] == ["funding"] and results.total == 1 and not results.partial
    assert index.find("funding").total == 2


def test_when_no_page_has_every_word_partial_matches_are_shown_and_flagged(content):
    results = build(content).find("landmine zeppelin")
    assert [h.slug for h in results.hits] == ["landmines"]
    assert results.partial


def test_see_also_and_other_link_lists_are_not_results(content):
    content.chapter("alpha", "Intro.\n\n## Body\n\nText about rivers.\n\n## See also\n\n"
                    "- [Mountain passes](chapter:beta): the other chapter.\n", order=1, title="Rivers")
    content.chapter("beta", "Intro.\n\n## Body\n\nMountain passes are steep.\n\nRead next:\n\n"
                    "- [Rivers](chapter:alpha)\n- [Lakes](chapter:gamma)\n", order=2, title="Mountain passes")
    content.chapter("gamma", "Intro.\n\n## Body\n\nLakes are still.\n", order=3, title="Lakes")
    index = SearchIndex(load_handbook(content.root))
    assert [h.slug for h in index.find("mountain passes").hits] == ["beta"]
    assert [h.slug for h in index.find("lakes").hits] == ["gamma"]


def test_link_lists_are_dropped_but_checklists_and_prose_lists_stay():
    markdown = ("Intro.\n\n- [A](chapter:a): gloss\n- [B](chapter:b)\n\n- [ ] Check one\n- [ ] Check two\n\n"
                "- Plain item with [a link](chapter:c) inside\n")
    kept = without_link_lists(markdown)
    assert "[A]" not in kept and "[B]" not in kept
    assert "Check one" in kept and "Plain item" in kept


def test_table_cells_stay_apart_in_text_and_snippets(content):
    table = "| Kind | Question |\n|---|---|\n| Input | Who gets a say? |\n| Output | Does it work |\n"
    assert plain(table) == "Kind · Question. Input · Who gets a say? Output · Does it work."
    content.chapter("tables", f"Intro.\n\n## Kinds\n\n{table}", order=1, title="Tables")
    hit = SearchIndex(load_handbook(content.root)).search("work")[0]
    assert "Output · Does it **work.**" in hit.snippet_markdown


def test_synonyms_read_the_longest_alias_and_add_every_overlapping_one():
    synonyms = Synonyms(Alias(**a) for a in COURT)
    name = terms("the Coalition for the International Criminal Court")
    assert synonyms.rewrite(name) == (["cicc"], [])  # the meaning was written, not the alias
    assert sorted(synonyms.additions(name)) == ["cicc", "icc"]
    assert synonyms.rewrite(terms("ICC judges"))[0] == ["icc", "judge"]
    assert synonyms.rewrite(terms("kimberly process"))[0] == ["kimberley", "process"]


@pytest.mark.parametrize(("aliases", "message"), [
    ([{"alias": "ICC", "means": "International Criminal Court"}, {"alias": "icc", "means": "Court"}],
     "listed twice"),
    ([{"alias": "Landmines", "means": "landmine"}], "means the same words"),
    ([{"alias": "the", "means": "The Thing"}], "stop word"),
    ([{"alias": "ICC"}], "Field required"),
])
def test_bad_aliases_are_refused_with_the_file_and_entry(content, aliases, message):
    content.chapter("one", order=1)
    path = content.yaml("aliases.yaml", aliases)
    with pytest.raises(ContentError, match=message) as error:
        load_handbook(content.root)
    assert error.value.path == path
