"""The case file: enough real coalitions, each sourced, dated in order, and used by the handbook.

Also pins the corrections made to the case file after the fact-check (issue 11), so a later edit
cannot quietly bring the old wording back.
"""

import re

import pytest

from handbook.library import load_handbook
from handbook.links import find_links

MIN_CASES = 26
CASE_IDS = [case.id for case in load_handbook().cases]  # read at collection, so each case is its own test


def chapters_linking(handbook, case_id: str) -> set[str]:
    """Slugs of the chapters whose body contains a `case:` link to this case."""
    return {
        chapter.slug
        for chapter in handbook.chapters
        if any(link.kind == "case" and link.target == case_id for link in find_links(chapter.body))
    }


def test_there_are_enough_cases(handbook):
    assert len(handbook.cases) >= MIN_CASES, f"{len(handbook.cases)} cases, expected at least {MIN_CASES}"


@pytest.fixture(params=CASE_IDS)
def case(request, handbook):
    return handbook.case(request.param)


def test_every_case_names_a_source_in_the_resource_guide(handbook, case):
    assert case.sources, f"{case.id} names no source"
    missing = [s for s in case.sources if handbook.work(s) is None]
    assert not missing, f"{case.id}: sources not in literature.yaml: {missing}"


def test_every_case_is_linked_from_a_chapter(handbook, case):
    assert chapters_linking(handbook, case.id), f"no chapter links [..](case:{case.id})"


def test_read_more_in_leads_to_a_chapter_that_discusses_the_case(handbook, case):
    """The cases page lists `chapters:` as "Read more in"; at least one must actually use the case."""
    assert set(case.chapters) & chapters_linking(handbook, case.id), (
        f"{case.id}: none of {case.chapters} links to the case"
    )


def test_timeline_years_are_in_order_and_within_the_case_years(case):
    years = [event.year for event in case.timeline]
    assert years == sorted(years), f"{case.id}: {years}"
    first = int(re.search(r"\d{4}", case.years).group())
    assert first <= years[-1], f"{case.id}: timeline ends before the case begins ({case.years})"


def test_every_case_teaches_something(case):
    assert len(case.lessons) >= 2 and all(len(lesson.split()) >= 6 for lesson in case.lessons), case.id


# Corrections from the fact-check (issue 11). Each would fail on the text the fact-check found.

def test_cicc_quotes_the_memo_on_funding_as_written(handbook):
    what = handbook.case("cicc").what
    assert '"began to wane off after the establishment of the coalitions"' in what
    assert "once the court existed" not in what


def test_voluntary_principles_names_the_one_confirmed_exit(handbook):
    case = handbook.case("voluntary-principles")
    exits = [e for e in case.timeline if e.year == 2013]
    assert exits and "Oxfam America" in exits[0].event and "17 April" in exits[0].event
    assert not any("Two prominent NGO" in e.event for e in case.timeline)


def test_bangladesh_accord_records_the_hand_over_its_lesson_rests_on(handbook):
    case = handbook.case("bangladesh-accord")
    hand_over = [e for e in case.timeline if e.year == 2020]
    assert hand_over and "RMG Sustainability Council" in hand_over[0].event
    assert "RMG Sustainability Council" in case.what
