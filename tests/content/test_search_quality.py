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
