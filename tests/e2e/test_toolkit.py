"""Toolkit pages in a real browser: they render at desktop and phone widths, and the Word button gives a real .docx."""

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("slug", ["charter", "problem-tree"])
def test_tool_page_renders_with_its_downloads_first(browser, server, slug, width, handbook):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{server}/handbook?chapter={slug}")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text().startswith(handbook.tool(slug).title)
    first_button = page.locator('[data-testid="stDownloadButton"] button').first
    assert "Word" in first_button.inner_text()
    assert first_button.bounding_box()["y"] < 900, "the Word button is visible without scrolling"
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 1
    assert not errors
    page.close()


def test_word_button_downloads_a_document_that_opens(browser, server, handbook, tmp_path):
    tool = handbook.tool("charter")
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(f"{server}/handbook?chapter=charter")
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Word template (.docx)").click()
    assert download.value.suggested_filename == "charter.docx"
    path = tmp_path / "charter.docx"
    download.value.save_as(path)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:5] == ["How to use it", "Model text", "Notes", "Sources", "See also"]
    runs = [r for p in document.paragraphs for r in p.runs]
    highlighted = {r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert "[name of the coalition]" in highlighted
    assert len(highlighted) >= len(tool.placeholders) // 2
    page.close()
