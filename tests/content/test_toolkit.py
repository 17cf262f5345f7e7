"""The toolkit: enough tools, each in its kind's format, linked both ways with the chapters, and found by search."""

import re

import pytest

from handbook.model import PLACEHOLDER, TOOL_KINDS, Tool
from handbook.search import SearchIndex
from tests.conftest import ROOT

# The tools the field-guide issue asks for, by kind.
REQUIRED = {
    "model-text": ["charter", "partnering-agreement", "steering-committee-terms-of-reference",
                   "hosting-agreement-checklist", "decision-log", "dissent-log", "exit-note"],
    "exercise": ["shared-vision", "problem-tree", "power-analysis", "interests-behind-positions",
                 "roles-and-skills-map", "theory-of-change", "settling-a-dispute", "after-action-review",
                 "most-significant-change", "dissent-fishbowl", "mutual-benefit-review", "stage-transition-planning"],
}
SEARCHES = {
    "problem tree": "problem-tree",
    "terms of reference": "steering-committee-terms-of-reference",
    "MoU": "partnering-agreement",
    "memorandum of understanding": "partnering-agreement",
    "theory of change": "theory-of-change",
    "after-action review": "after-action-review",
    "hosting agreement": "hosting-agreement-checklist",
    "fishbowl": "dissent-fishbowl",
    "most significant change": "most-significant-change",
    "power analysis": "power-analysis",
}
HOW_TO_RUN = re.compile(r"^\*How to run it:\* \[(?P<title>[^\]]+)\]\(chapter:(?P<slug>[a-z0-9-]+)\) · "
                        r"(?P<minutes>\d+) minutes\.(?: \S.*)?$")
STEP_MINUTES = re.compile(r"^\d+\.\s.*?\((\d+) minutes?\)", re.M)
LINKED_SLUG = re.compile(r"\]\(chapter:([a-z0-9-]+)")
CHAPTER_FILES = sorted(p.name for p in (ROOT / "content" / "handbook").glob("*.md"))


def tools_of(handbook, kind):
    return [t for t in handbook.tools if t.kind == kind]


def test_kinds_read_from_files_match_the_loaded_tools(handbook):
    assert len(files_of("exercise")) == len(tools_of(handbook, "exercise"))
    assert len(files_of("model-text")) == len(tools_of(handbook, "model-text"))


def test_at_least_twenty_tools_of_both_kinds(handbook):
    assert len(handbook.tools) >= 20
    assert len(tools_of(handbook, "model-text")) >= 7 and len(tools_of(handbook, "exercise")) >= 12


@pytest.mark.parametrize(("kind", "slug"), [(k, s) for k, slugs in REQUIRED.items() for s in slugs])
def test_every_tool_the_issue_asks_for_exists(handbook, kind, slug):
    tool = handbook.tool(slug)
    assert tool is not None, f"no tool page '{slug}'"
    assert tool.kind == kind and tool.path.parent.name == "toolkit"


def test_toolkit_pages_are_all_tools_and_in_the_toolkit_part(handbook):
    files = sorted((ROOT / "content" / "toolkit").glob("*.md"))
    assert sorted(t.path for t in handbook.tools) == files
    assert {t.part for t in handbook.tools} == {"toolkit"}
    assert not [c for c in handbook.reading_chapters if c.part == "toolkit"]


TOOL_FILES = sorted((ROOT / "content" / "toolkit").glob("*.md"))


def files_of(kind):
    return [p.name for p in TOOL_FILES if re.search(rf"^kind: {kind}$", p.read_text(), re.M)]


def by_file(handbook, name) -> Tool:
    return next(t for t in handbook.tools if t.path.name == name)


@pytest.fixture(params=[p.name for p in TOOL_FILES])
def tool(request, handbook) -> Tool:
    return by_file(handbook, request.param)


@pytest.fixture(params=files_of("exercise"))
def exercise(request, handbook) -> Tool:
    return by_file(handbook, request.param)


@pytest.fixture(params=files_of("model-text"))
def model_text(request, handbook) -> Tool:
    return by_file(handbook, request.param)


def test_sections_follow_the_kind_format_and_none_is_empty(tool):
    assert tuple(s.title for s in tool.sections if s.level == 2) == TOOL_KINDS[tool.kind][1]
    following = zip(tool.sections, [*tool.sections[1:], None], strict=True)
    empty = [s.title for s, after in following if s.level == 2 and not s.markdown and not (after and after.level == 3)]
    assert not empty, f"{tool.slug}: empty sections {empty}"


def test_exercise_is_complete(exercise):
    tool = exercise
    assert tool.minutes and tool.people
    assert re.fullmatch(r"\d+–\d+", tool.people), "people as a range such as 6–30"
    steps = tool.section("steps").markdown
    assert len(re.findall(r"^\d+\. \*\*", steps, re.M)) >= 3, "each step starts with a bold name"
    for name in ("pitfalls", "variations", "what-you-get", "materials", "when-to-use-it"):
        assert len(re.findall(r"^- \S", tool.section(name).markdown, re.M)) >= 2, f"{tool.slug}: {name} is a list"


def test_timed_steps_fit_the_stated_length(exercise):
    """Steps with minutes never add up to more than the exercise; when every step is timed, exactly to it."""
    tool = exercise
    steps = tool.section("steps").markdown
    timed = [int(m) for m in STEP_MINUTES.findall(steps)]
    all_steps = re.findall(r"^\d+\.\s", steps, re.M)
    assert sum(timed) <= tool.minutes, (tool.slug, timed)
    if len(timed) == len(all_steps):
        assert sum(timed) == tool.minutes, (tool.slug, timed)


def test_model_text_has_places_to_adapt(model_text):
    tool = model_text
    assert tool.minutes is None and tool.people is None
    model = tool.body[tool.body.index("## Model text"):tool.body.index("## Notes")]
    places = PLACEHOLDER.findall(model)
    assert len(set(places)) >= 10, f"{tool.slug}: only {len(set(places))} places to adapt"
    assert "### " in model or "|" in model, "the model text is structured (parts or a table)"


def test_sources_cite_real_works(tool, handbook):
    cited = re.findall(r"\]\(lit:([a-z0-9-]+)\)", tool.section("sources").markdown)
    assert cited and all(handbook.work(w) for w in cited)
    assert set(tool.sources) <= set(re.findall(r"\]\(lit:([a-z0-9-]+)\)", tool.body)), "front-matter sources are cited"


def test_links_back_to_chapters(tool, handbook):
    linked = LINKED_SLUG.findall(tool.section("see-also").markdown)
    assert any(not isinstance(handbook.chapter(s), Tool) for s in linked), f"{tool.slug} links to no chapter"


def test_every_tool_is_linked_from_a_chapter(tool, handbook):
    linking = [c.slug for c in handbook.reading_chapters if tool.slug in LINKED_SLUG.findall(c.body)]
    assert linking, f"no chapter links to {tool.slug}"


def test_no_raw_html_and_a_sensible_length(tool):
    assert not re.search(r"<[a-zA-Z/][^>]*>", tool.body)
    assert 600 <= tool.words <= 2000, f"{tool.slug}: {tool.words} words"


def test_titles_are_plain_text(handbook):
    """Titles appear in labels, file names and Word headings; keep them free of quotes and markup."""
    assert not [t.title for t in handbook.tools if re.search(r"['\"*_`\[\]]", t.title)]


@pytest.mark.parametrize("name", CHAPTER_FILES)
def test_questions_for_the_group_start_with_a_method(handbook, name):
    chapter = next(c for c in handbook.reading_chapters if c.path.name == name)
    first = chapter.section("questions-for-the-group").markdown.splitlines()[0]
    match = HOW_TO_RUN.match(first)
    assert match, f"{name}: the questions should open with '*How to run it:* [Exercise](chapter:slug) · N minutes.'"
    tool = handbook.tool(match["slug"])
    assert tool is not None and tool.kind == "exercise", f"{name}: '{match['slug']}' is not an exercise"
    assert match["title"] == tool.title
    assert 10 <= int(match["minutes"]) <= tool.minutes, f"{name}: longer than the exercise itself"


def test_methods_are_varied(handbook):
    """Matching exercises to questions means no single format for most chapters."""
    lines = [c.section("questions-for-the-group").markdown.splitlines()[0] for c in handbook.reading_chapters]
    used = [m["slug"] for m in map(HOW_TO_RUN.match, lines) if m]
    assert len(set(used)) >= 10 and max(used.count(s) for s in set(used)) <= 5


@pytest.fixture(scope="module")
def index(handbook):
    return SearchIndex(handbook)


@pytest.mark.parametrize(("query", "slug"), SEARCHES.items())
def test_search_finds_the_tool_first(index, query, slug):
    hits = index.search(query)
    assert hits and hits[0].slug == slug, [h.slug for h in hits[:3]]


def test_tool_fields_and_formats_are_documented():
    readme = (ROOT / "content" / "README.md").read_text()
    for field in ("kind", "minutes", "people", "model-text", "exercise"):
        assert f"`{field}`" in readme
    for _, sections in TOOL_KINDS.values():
        assert all(f"`{title}`" in readme for title in sections)
