"""Toolkit pages in the app: facts and downloads under the title, in the contents, deep links and search."""

from tests.app.conftest import texts
from ui.toolkit import contents_label


def label_of(tool):
    return contents_label(tool).replace("**", "")


def test_model_text_page_offers_word_and_markdown_under_the_title(open_page, handbook):
    tool = handbook.tool("partnering-agreement")
    app = open_page("handbook", chapter="partnering-agreement")
    assert app.title[0].value == tool.title
    assert app.caption[0].value == "Toolkit: model texts and exercises · Model text"
    labels = [b.label for b in app.get("download_button")]
    assert labels[:2] == ["Word template (.docx)", "Markdown template (.md)"]
    assert labels[2:] == ["Download as HTML", "Download as Markdown", "Download as Word"]
    assert f"{len(tool.placeholders)} [bracketed] places to adapt" in texts(app)
    assert [h.value for h in app.header] == ["How to use it", "Model text", "Notes", "Sources", "See also"]


def test_exercise_page_states_length_and_group_size(open_page):
    app = open_page("handbook", chapter="problem-tree")
    assert app.caption[0].value == "Toolkit: model texts and exercises · Exercise · 90 minutes · 6–25 people"
    assert [b.label for b in app.get("download_button")][:2] == ["Word exercise (.docx)", "Markdown exercise (.md)"]
    assert "bracketed" not in texts(app)


def test_a_chapter_keeps_its_layout_and_gains_a_word_download(open_page):
    app = open_page("handbook", chapter="room-for-dissent")
    assert app.caption[0].value.endswith("min read")
    assert [b.label for b in app.get("download_button")] == ["Download as HTML", "Download as Markdown",
                                                             "Download as Word"]
    questions = "\n".join(m.value for m in app.markdown)
    assert "*How to run it:* [Dissent fishbowl](handbook?chapter=dissent-fishbowl)" in questions


def test_contents_lists_tools_with_their_kind_and_length(open_page, handbook):
    app = open_page("handbook")
    shown = texts(app)
    assert f"{len(handbook.reading_chapters)} chapters and {len(handbook.tools)} tools" in shown
    assert "Toolkit: model texts and exercises" in [h.value for h in app.header]
    assert "**Theory of change** · 180 min" in shown
    assert "**Decision log** · template" in shown
    longest = max((label_of(t) for t in handbook.tools), key=len)
    assert len(longest) <= 52, f"'{longest}' would be cut off on a phone"


def test_deep_link_to_a_tool_section_scrolls_there(open_page):
    app = open_page("handbook", chapter="after-action-review", section="steps")
    assert app.title[0].value == "After-action review"
    assert not app.warning
    assert any("steps" in str(e.proto) for e in app.get("html"))


def test_search_page_lists_the_tool_first(open_page):
    app = open_page("search", q="terms of reference")
    assert "Steering committee terms of reference" in str(app.get("page_link")[0].proto)


def test_download_page_offers_a_tool_as_word(open_page, handbook):
    app = open_page("download")
    app.selectbox(key="download_chapter").select("charter").run()
    assert "Chapter as Word" in [b.label for b in app.get("download_button")]
