"""Realistic queries a practitioner would type find the right chapter first."""

import pytest

from handbook.search import SearchIndex

QUERIES = {
    "de facto stakeholders": "representation",
    "who pays": "political-will-and-funding",
    "disagreement": "room-for-dissent",
    "landmines": "the-coalition-life-cycle",
    "who is in charge": "accountability-and-authority",
    "budget transparency": "financial-and-administrative-transparency",
    "impact catalogue": "monitoring-evaluation-and-impact",
    "epistemic community": "epistemic-networks-and-shared-evidence",
    "stakeholder map": "representation",
    "greenwashing": "for-companies",
    "city by-laws": "for-subnational-governments",
    "minority report": "room-for-dissent",
    "track II": "epistemic-networks-and-shared-evidence",
    "starting a coalition": "building-a-coalition-from-scratch",
    "funding after the launch": "political-will-and-funding",
    "consensus decision rule": "deciding-with-a-diverse-membership",
    "when should formal institutions lead": "when-a-coalition-is-the-right-tool",
    "workshop facilitator agenda": "running-a-self-assessment-workshop",
    "life cycle stages": "the-coalition-life-cycle",
    "input and output legitimacy": "legitimacy",
}


@pytest.fixture(scope="module")
def index(handbook):
    return SearchIndex(handbook)


@pytest.mark.parametrize(("query", "slug"), QUERIES.items())
def test_right_chapter_first(index, query, slug):
    hits = index.search(query)
    assert hits, f"nothing found for {query!r}"
    assert hits[0].slug == slug, [h.slug for h in hits[:3]]


def test_first_hit_points_to_a_real_section_and_marks_the_words(index, handbook):
    hit = index.search("de facto stakeholders")[0]
    assert hit.anchor in handbook.chapter(hit.slug).anchors
    assert any(f.hit for f in hit.snippet)


# What readers actually type: misspellings and acronyms. Each finds the chapter or case that is about it
# first, written as the content link to that page.
TYPED = {
    "kimberly process": "case:kimberley-process",  # the common misspelling, declared in aliases.yaml
    "ICC": "case:cicc",  # inside the coalition's name
    "CICC": "case:cicc",
    "EITI": "case:eiti",
    "OGP": "case:open-government-partnership",
    "ICBL": "case:icbl",
    "IGF": "chapter:for-intergovernmental-organisations",  # its section on the Internet Governance Forum
    "FSC": "case:forest-stewardship-council",
    "IGOs": "chapter:for-intergovernmental-organisations",
    "CSOs": "chapter:for-civil-society-organisations",
    "legitamacy": "chapter:legitimacy",
    "transparancy": "chapter:financial-and-administrative-transparency",
    "acountability": "chapter:accountability-and-authority",
    "disagrement": "room-for-dissent",
    "concensus decision": "chapter:deciding-with-a-diverse-membership",
    "stakholder map": "chapter:representation",
    "epistemic comunity": "chapter:epistemic-networks-and-shared-evidence",
    "wolrd commission on dams": "case:world-commission-on-dams",
    "de-facto stakeholders": "chapter:representation",
    "multistakeholder initiatives": "chapter:what-is-cooperative-multi-stakeholder-action",
}


@pytest.mark.parametrize(("query", "ref"), TYPED.items())
def test_misspellings_and_acronyms_find_the_right_page_first(index, query, ref):
    ref = ref if ":" in ref else f"chapter:{ref}"
    hits = index.find(query).hits
    assert hits, f"nothing found for {query!r}"
    assert hits[0].ref == ref, [h.ref for h in hits[:3]]


def _readable(handbook):
    """Every chapter and case as plain words, without link lists, independently of the index."""
    from handbook.search import LINK_SECTIONS, _case_text
    from handbook.text import plain, without_link_lists

    pages = {f"chapter:{c.slug}": " ".join(plain(without_link_lists(s.markdown)) + " " + s.title
                                           for s in c.sections if s.anchor not in LINK_SECTIONS)
             + f" {c.title} {' '.join(c.tags)} {c.summary}" for c in handbook.chapters}
    pages.update({f"case:{c.id}": f"{c.name} {_case_text(c)}" for c in handbook.cases})
    return pages


@pytest.mark.parametrize("query", ["de facto", "Kimberley Process", "Rome Statute", "stakeholder", "Global Fund"])
def test_the_count_is_every_page_that_has_the_words_no_more_and_no_fewer(index, handbook, query):
    """A count a reader can trust: the pages whose own text holds every word (as stemmed), by a plain scan."""
    from handbook.text import terms

    wanted = set(terms(query))
    expected = {ref for ref, text in _readable(handbook).items() if wanted <= set(terms(text))}
    results = index.find(query)
    assert {h.ref for h in results.hits} == expected
    assert results.total == len(expected) == sum(results.counts.values())


def test_no_page_is_a_hit_only_through_its_see_also_list(index):
    """The 'de facto stakeholders' bug: eight of ten hits were See also lists repeating a chapter title."""
    results = index.find("de facto stakeholders")
    assert all(h.heading != "See also" for h in results.hits)
    assert results.total < 10


def test_every_alias_is_used_somewhere_in_the_handbook(index, handbook):
    from handbook.aliases import canonical

    for alias in handbook.aliases:
        assert set(canonical(alias)) <= index.known, f"aliases.yaml: '{alias.alias}' matches nothing in the handbook"


QUESTIONS = {  # a question in one's own words: the page that answers it among the first five, at its section
    "how to handle a member who leaves": "exit-note#b-a-member-leaves",
    "how do we handle a member who disagrees": "room-for-dissent",
    "who speaks for the coalition": "speaking-protocol#1-who-speaks-for-the-coalition",
}


@pytest.mark.parametrize(("query", "ref"), QUESTIONS.items())
def test_a_question_in_ones_own_words_finds_the_page_that_answers_it(index, query, ref):
    """Every word once had to match: one page holding "handle" or "refuses" hid all the pages with most
    of the words. A section whose heading says what was asked comes first within its page."""
    slug, _, anchor = ref.partition("#")
    first = [(h.slug, h.anchor) for h in index.search(query)][:5]
    assert any(s == slug and (not anchor or a == anchor) for s, a in first), first
