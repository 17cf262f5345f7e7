"""Glossary, cases, resource guide and dimensions: big enough, complete, and cross-referenced."""

import re


def test_glossary_has_at_least_30_terms_each_linking_to_chapters(handbook):
    assert len(handbook.glossary) >= 30
    for term in handbook.glossary:
        assert term.chapters and len(term.definition.split()) >= 6, term.id


def test_glossary_is_alphabetical(handbook):
    names = [t.term.lower() for t in handbook.glossary]
    assert names == sorted(names)


def test_at_least_10_cases_with_dated_timelines(handbook):
    assert len(handbook.cases) >= 10
    for case in handbook.cases:
        years = [e.year for e in case.timeline]
        assert years == sorted(years), case.id
        assert re.search(r"\d{4}", case.years), case.id
        assert len(case.lessons) >= 2 and len(case.chapters) >= 2, case.id


def test_resource_guide_has_at_least_25_real_works(handbook):
    works = handbook.literature.works
    assert len(works) >= 25
    for work in works:
        assert work.authors and work.title and work.published and len(work.why.split()) >= 6, work.id


def test_every_topic_of_the_resource_guide_is_used(handbook):
    used = {w.topic for w in handbook.literature.works}
    assert used == set(handbook.literature.topics)


def test_every_work_is_cited_somewhere(handbook):
    """A resource-guide entry nobody cites is fine, but most should be; this guards typos in ids."""
    cited = {s for c in handbook.chapters for s in c.sources}
    cited |= {s for case in handbook.cases for s in case.sources}
    cited |= set(re.findall(r"\]\(lit:([^)\s]+)\)", "\n".join(c.body for c in handbook.chapters)))
    uncited = {w.id for w in handbook.literature.works} - cited
    assert len(uncited) <= len(handbook.literature.works) // 3, sorted(uncited)


def test_every_dimension_names_an_existing_chapter(handbook):
    assert len(handbook.dimensions) == 11
    for dimension in handbook.dimensions:
        assert handbook.chapter(dimension.chapter), dimension.id
