"""The four field-guide chapters of issue 11: present, practical, sourced and tied to the cases."""

import re

import pytest

from handbook.links import find_links

NEW_CHAPTERS = ("mutual-benefit", "the-secretariat", "leadership-and-partnership-brokering",
                "fragile-and-contested-settings")

# The facilitation exercises the toolkit plans; a chapter names one before its questions.
PLANNED_EXERCISES = {
    "shared-vision": "Shared vision",
    "problem-tree": "Problem tree",
    "power-analysis": "Power analysis",
    "interests-behind-positions": "Interests behind positions",
    "roles-and-skills-map": "Roles and skills map",
    "theory-of-change": "Theory of change",
    "settling-a-dispute": "Settling a dispute",
    "after-action-review": "After-action review",
    "most-significant-change": "Most significant change",
    "dissent-fishbowl": "Dissent fishbowl",
    "mutual-benefit-review": "Mutual-benefit review",
    "stage-transition-planning": "Stage-transition planning",
}
# Either the plain line written before the toolkit exists, or the link the lead turns it into.
HOW_TO_RUN = re.compile(
    r"^\*How to run it:\* (?:\[(?P<linked>[^\]]+)\]\(chapter:(?P<slug>[a-z0-9-]+)\)|(?P<plain>[^(·]+?) \(toolkit\))"
    r" · (?P<minutes>\d+) minutes\.$"
)


@pytest.fixture(params=NEW_CHAPTERS)
def chapter(request, handbook):
    found = handbook.chapter(request.param)
    assert found is not None, f"missing chapter {request.param}"
    return found


def test_length_is_a_full_practical_chapter(chapter):
    assert 1300 <= chapter.words <= 1900, f"{chapter.slug}: {chapter.words} words"


def test_questions_open_with_a_facilitation_method(chapter):
    first = chapter.section("questions-for-the-group").markdown.splitlines()[0]
    match = HOW_TO_RUN.match(first)
    assert match, f"{chapter.slug}: first line of the questions is {first!r}"
    if match["slug"]:
        assert match["slug"] in PLANNED_EXERCISES
    else:
        assert match["plain"] in PLANNED_EXERCISES.values()
    assert 15 <= int(match["minutes"]) <= 240


def test_draws_on_several_cases_and_sources(handbook, chapter):
    cases = {link.target for link in find_links(chapter.body) if link.kind == "case"}
    works = {link.target for link in find_links(chapter.body) if link.kind == "lit"}
    assert len(cases) >= 4, f"{chapter.slug} uses {sorted(cases)}"
    assert len(works) >= 5, f"{chapter.slug} cites {sorted(works)}"
    for case_id in cases:
        assert chapter.slug in handbook.case(case_id).chapters, f"{case_id} does not list {chapter.slug}"


def test_every_inline_source_is_in_the_front_matter(chapter):
    inline = {link.target for link in find_links(chapter.body) if link.kind == "lit"}
    assert inline <= set(chapter.sources), f"{chapter.slug}: add {sorted(inline - set(chapter.sources))}"


def test_new_chapters_read_within_their_part(handbook):
    """Each sits in a part of the handbook, after that part's older chapters in the contents."""
    contents = [c.slug for c in handbook.contents()]
    for slug in NEW_CHAPTERS:
        chapter = handbook.chapter(slug)
        same_part = [c.slug for c in handbook.contents() if c.part == chapter.part]
        assert contents.index(slug) == contents.index(same_part[0]) + same_part.index(slug)
