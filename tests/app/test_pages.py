"""Each page, run through the real router as a visitor would reach it."""

import pytest

from tests.app.conftest import texts


def test_home_offers_three_doors(open_page, handbook):
    app = open_page("home")
    shown = texts(app)
    doors = [s.value.split(": ", 1)[-1] for s in app.subheader]
    assert doors == ["Read the handbook", "Assess your coalition", "Run a workshop"]
    assert f"{len(handbook.reading_chapters)} practical chapters" in shown


def test_contents_lists_every_chapter_grouped_by_part(open_page, handbook):
    app = open_page("handbook")
    assert [h.value for h in app.header] == ["Foundations", "Challenges and what works", "Toolkits",
                                             "Constituencies and linkages", "Toolkit: model texts and exercises"]
    shown = texts(app)
    for chapter in handbook.chapters:
        assert chapter.title in shown


def test_chapter_page_shows_sections_and_neighbours(open_page, handbook):
    chapter = handbook.chapter("legitimacy")
    app = open_page("handbook", chapter="legitimacy")
    assert app.title[0].value == chapter.title
    assert [h.value for h in app.header] == [s.title for s in chapter.sections if s.level == 2]
    assert [h.value for h in app.subheader] == [s.title for s in chapter.sections if s.level == 3]
    assert [h.proto.anchor for h in app.header] == [s.anchor for s in chapter.sections if s.level == 2]
    before, after = handbook.neighbours("legitimacy")
    shown = texts(app)
    assert f"Previous: {before.title}" in shown and f"Next: {after.title}" in shown
    assert "handbook?chapter=" in shown or "chapter:" not in shown  # content links rewritten for the app
    assert [b.label for b in app.get("download_button")] == ["Download as HTML", "Download as Markdown",
                                                             "Download as Word"]


def test_chapter_contents_sit_in_the_sidebar_and_fold_inline_for_phones(open_page, handbook):
    chapter = handbook.chapter("legitimacy")
    app = open_page("handbook", chapter="legitimacy")
    sidebar = "\n".join(m.value for m in app.sidebar.markdown)
    links = [f"[{s.title}](#{s.anchor})" for s in chapter.sections if s.level == 2]
    assert "**On this page**" in sidebar and all(link in sidebar for link in links)
    inline = app.expander[0]
    assert inline.label == "On this page" and all(link in inline.markdown[0].value for link in links)


def test_content_links_are_rewritten_to_app_urls(open_page, handbook):
    app = open_page("handbook", chapter="legitimacy")
    body = "\n".join(m.value for m in app.markdown)
    assert "](chapter:" not in body and "](lit:" not in body and "](case:" not in body
    assert "](handbook?chapter=" in body


def test_section_deep_link_keeps_the_chapter_and_adds_the_scroll(open_page):
    app = open_page("handbook", chapter="accountability-and-authority", section="who-is-in-charge")
    assert app.title[0].value.startswith("Accountability")
    scripts = [e for e in app.get("html") if "who-is-in-charge" in str(e.proto)]
    assert scripts, "the page should scroll to the section"
    assert not app.warning


def test_unknown_section_warns_and_suggests(open_page):
    app = open_page("handbook", chapter="accountability-and-authority", section="who-is-in-charg")
    assert "no section with the address you followed" in app.warning[0].value
    assert "Go to: Who is in charge?" in texts(app)


def test_unknown_chapter_gives_not_found_with_closest_matches(open_page):
    app = open_page("handbook", chapter="legitimasy")
    assert app.title[0].value == "Chapter not found"
    assert "Perhaps you meant" in texts(app)
    assert "Earning and keeping legitimacy" in texts(app)


def test_hostile_chapter_parameter_is_shown_as_code_not_markup(open_page):
    app = open_page("handbook", chapter="<script>alert(1)</script>")
    assert app.title[0].value == "Chapter not found"
    assert app.code[0].value == "<script>alert(1)</script>"
    assert all("<script>" not in m.value for m in app.markdown)


def result_links(app):
    """The result titles in order: the links to a chapter or a case (definitions link to the glossary)."""
    return [link.proto for link in app.get("page_link") if link.proto.page in ("handbook", "cases")]


def test_search_from_the_box_shows_ranked_hits(open_page):
    app = open_page("search")
    app.text_input(key="search_query").input("de facto stakeholders").run()
    assert "best match first" in texts(app)
    assert result_links(app)[0].label.startswith("Representation")
    assert "section=de-facto-stakeholders" in result_links(app)[0].query_string
    assert any("**de facto stakeholders**" in m.value for m in app.markdown)
    assert "De facto stakeholder:" in texts(app)  # the glossary definition, with its link
    assert any(link.proto.query_string == "term=de-facto-stakeholder" for link in app.get("page_link"))


def test_search_says_how_many_and_shows_more_on_request(open_page, handbook):
    from handbook.search import SearchIndex

    total = SearchIndex(handbook).find("NGOs").total
    assert total > 20
    app = open_page("search", q="NGOs")
    assert f"Showing 10 of {total} results, best match first" in texts(app)
    assert len(result_links(app)) == 10
    app.button(key="search_more").click().run()
    assert len(result_links(app)) == 20
    assert f"Showing 20 of {total} results" in texts(app)


def test_search_explains_acronyms_and_corrections(open_page):
    app = open_page("search", q="ICC")
    assert "ICC: International Criminal Court" in texts(app)
    first = result_links(app)[0]
    assert first.page == "cases" and first.query_string == "case=cicc"
    app.text_input(key="search_query").input("kimberly process").run()
    assert "Showing results for **Kimberley Process** (you typed *kimberly process*)." in texts(app)


def test_search_shows_what_was_typed_inertly(open_page):
    app = open_page("search", q="legitamacy <b>[x](javascript:alert(1))")
    shown = texts(app)
    assert "<b>" not in shown and "](javascript" not in shown
    assert "Showing results for" in shown and "legitimacy" in shown


def test_search_deep_link_and_no_results(open_page):
    app = open_page("search", q="who pays")
    assert app.text_input(key="search_query").value == "who pays"
    assert "Political will and funding" in result_links(app)[0].label
    app.text_input(key="search_query").input("xylophone zeppelin").run()
    assert "Nothing in the handbook matches" in app.info[0].value


def test_glossary_filter(open_page, handbook):
    app = open_page("glossary")
    assert len(app.subheader) == len(handbook.glossary)
    app.text_input(key="glossary_filter").input("de facto").run()
    assert "De facto stakeholder" in [s.value for s in app.subheader]
    assert len(app.subheader) < len(handbook.glossary)
    whole = {s.value for s in app.text_input(key="glossary_filter").input("legitimacy").run().subheader}
    part = {s.value for s in app.text_input(key="glossary_filter").input("legit").run().subheader}
    assert whole and whole <= part  # the start of a word finds what the whole word finds
    assert not app.text_input(key="glossary_filter").input("zzqx").run().subheader


def test_glossary_see_also_terms_are_links_to_those_terms(open_page, handbook):
    term = next(t for t in handbook.glossary if t.id == "accountability")
    app = open_page("glossary")
    links = {link.proto.label: link.proto.query_string for link in app.get("page_link")
             if link.proto.page == "glossary"}
    for other in term.see:
        assert links[next(t.term for t in handbook.glossary if t.id == other)] == f"term={other}"


def test_glossary_term_link_clears_the_filter_and_scrolls_to_it(open_page):
    app = open_page("glossary", term="transparency")
    assert "Transparency" in [s.value for s in app.subheader]
    assert any("transparency" in str(e.proto) for e in app.get("html"))  # the scroll to the term
    assert not app.warning
    assert "not found" in open_page("glossary", term="nope").warning[0].value


def test_cases_deep_link_opens_that_case(open_page, handbook):
    app = open_page("cases", case="kimberley-process")
    expanded = [e for e in app.expander if e.proto.expanded]
    assert len(expanded) == 1 and "Kimberley" in expanded[0].label
    assert len(app.expander) == len(handbook.cases)


def test_unknown_case_warns(open_page):
    assert "not found" in open_page("cases", case="nope").warning[0].value


def test_resource_guide_groups_works_and_highlights_a_citation(open_page, handbook):
    app = open_page("resources", work="keck-sikkink-1998")
    assert "Activists Beyond Borders" in app.info[0].value
    assert [h.value for h in app.header] == [t for t in handbook.literature.topics.values()]


def test_resource_guide_links_each_work_to_its_doi_or_address(open_page, handbook):
    app = open_page("resources", work="arnstein-1969")
    assert "[doi:10.1080/01944366908977225](https://doi.org/10.1080/01944366908977225)" in app.info[0].value
    body = texts(app)
    for work in handbook.literature.works:
        if work.link:
            assert f"]({work.link})" in body, work.id


@pytest.mark.parametrize("label", ["Handbook as HTML", "Handbook as Markdown", "Chapter as HTML",
                                   "Chapter as Markdown", "Chapter as Word"])
def test_download_page_offers_every_export(open_page, label):
    app = open_page("download")
    assert label in [b.label for b in app.get("download_button")]


def test_chapter_lists_the_matching_assessment_questions(open_page):
    from assessment.engine import default_engine

    app = open_page("handbook", chapter="financial-and-administrative-transparency")
    questions = [e for e in app.expander if "questions on this in the full diagnostic" in e.label]
    assert questions
    expected = [i.text for i in default_engine().instruments["full-diagnostic"].items if i.dimension == "transparency"]
    shown = "\n".join(m.value for m in app.markdown)
    assert all(text in shown for text in expected)


def test_search_also_shows_glossary_terms_and_cases(open_page):
    app = open_page("search", q="de facto stakeholder")
    assert "**De facto stakeholder:**" in texts(app)
    app = open_page("search", q="landmines")
    assert "case=icbl" in [link.query_string for link in result_links(app)]
