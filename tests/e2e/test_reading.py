"""The Read pages in a real browser, at desktop and phone widths, and the exported handbook offline."""

from pathlib import Path

import pytest

from handbook.export import handbook_to_html
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

PAGES = [
    ("/", "Coalition Handbook"),
    ("/handbook", "Handbook"),
    ("/handbook?chapter=representation", "Representation"),
    ("/handbook?chapter=no-such-chapter", "Chapter not found"),
    ("/search?q=landmines", "Search the handbook"),
    ("/glossary", "Glossary"),
    ("/cases?case=icbl", "Cases"),
    ("/resources", "Resource guide"),
    ("/download", "Download"),
]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("path", "title"), PAGES)
def test_page_renders_without_error(browser, server, path, title, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + path)
    wait_for_app(page)
    assert title in page.locator("h1").first.inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"page is {overflow}px wider than the screen"
    assert not errors
    page.close()


def in_viewport(page, element_id: str) -> bool:
    return page.evaluate(
        """id => { const el = document.getElementById(id); if (!el) return false;
                   const r = el.getBoundingClientRect(); return r.top >= -5 && r.top < window.innerHeight / 2; }""",
        element_id)


@pytest.mark.parametrize("width", [1280, 390])
def test_section_deep_link_opens_at_the_section(browser, server, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(server + "/handbook?chapter=accountability-and-authority&section=how-are-decisions-made")
    wait_for_app(page)
    page.wait_for_function("() => document.getElementById('how-are-decisions-made')")
    page.wait_for_timeout(800)
    assert in_viewport(page, "how-are-decisions-made")
    assert page.locator("#how-are-decisions-made").inner_text().startswith("How are decisions made")
    page.close()


def main_overflow(page) -> int:
    return page.evaluate("""() => Math.max(document.documentElement.scrollWidth,
        ...Array.from(document.querySelectorAll('[data-testid="stMain"]'), e => e.scrollWidth)) - window.innerWidth""")


def test_reading_from_chapter_to_chapter_keeps_the_address_back_and_the_top(browser, server):
    """Links within the handbook once left the address at /handbook (Reload, Back and a shared link lost
    the chapter) and opened each chapter at the scroll of the one before, often its end."""
    page = browser.new_page(viewport={"width": 360, "height": 780})
    page.goto(server + "/handbook")
    wait_for_app(page)
    link = page.get_by_role("link", name="Joint fact-finding").first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url("**/handbook?chapter=joint-fact-finding", timeout=30_000)
    wait_for_app(page)
    page.wait_for_function("() => { const t = document.getElementById('top'); return t && "
                           "t.getBoundingClientRect().top >= -5 && t.getBoundingClientRect().top < 200; }",
                           timeout=10_000)  # the title, not the end of the chapter
    following = page.get_by_role("link", name="Next:").first
    following.scroll_into_view_if_needed()
    following.click()
    page.wait_for_url("**/handbook?chapter=pairs-to-plenary", timeout=30_000)
    wait_for_app(page)
    assert in_viewport(page, "top")
    page.go_back()
    page.wait_for_url("**/handbook?chapter=joint-fact-finding", timeout=30_000)
    wait_for_app(page)
    assert "Joint fact-finding" in page.locator("h1").first.inner_text()
    page.close()


@pytest.mark.parametrize("slug", ["decision-log", "monitoring-evaluation-and-impact"])
def test_a_wide_table_scrolls_in_its_own_box_on_a_phone(browser, server, slug):
    page = browser.new_page(viewport={"width": 360, "height": 780})
    page.goto(f"{server}/handbook?chapter={slug}")
    wait_for_app(page)
    table = page.locator('[data-testid="stMarkdownContainer"] table').first
    assert table.evaluate("e => e.scrollWidth > e.clientWidth")  # wider than the screen: it scrolls itself
    assert main_overflow(page) <= 1  # and the page does not slide sideways
    page.close()


def test_a_link_to_a_case_opens_it_in_view(browser, server):
    page = browser.new_page(viewport={"width": 360, "height": 780})
    page.goto(server + "/cases?case=mexico-soda-tax")
    wait_for_app(page)
    page.wait_for_function("() => { const c = document.querySelector('.st-key-case_mexico-soda-tax'); return c && "
                           "c.getBoundingClientRect().top >= -5 && c.getBoundingClientRect().top < 300; }",
                           timeout=10_000)
    page.close()


def test_search_finds_and_links_to_the_section(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/search")
    wait_for_app(page)
    page.get_by_label("Search for").fill("de facto stakeholders")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=best match first")
    first = page.locator('.st-key-hit_1 [data-testid="stPageLink"] a')
    assert "Representation" in first.inner_text()
    assert page.locator("strong", has_text="stakeholders").count() > 0
    first.click()
    page.wait_for_url("**/handbook?chapter=representation*")
    wait_for_app(page)
    assert "Representation" in page.locator("h1").first.inner_text()
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_search_titles_are_larger_than_snippets_and_wrap(browser, server, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(server + "/search?q=NGOs")
    wait_for_app(page)
    page.wait_for_selector(".st-key-hit_1")
    sizes = page.evaluate("""() => [...document.querySelectorAll('[class*="st-key-hit_"]')].map(hit => {
        const title = hit.querySelector('[data-testid="stPageLink"] p');
        const box = title.closest('span');
        const snippet = [...hit.querySelectorAll('p')].pop();
        const size = el => parseFloat(getComputedStyle(el).fontSize);
        return {title: size(title), snippet: size(snippet),
                clipped: title.scrollWidth > title.clientWidth + 1 || box.scrollWidth > box.clientWidth + 1,
                lines: Math.round(title.offsetHeight / parseFloat(getComputedStyle(title).lineHeight))};
    })""")
    assert len(sizes) == 10
    assert all(s["title"] > s["snippet"] for s in sizes), sizes
    assert not any(s["clipped"] for s in sizes), sizes
    if width == 390:
        assert any(s["lines"] > 1 for s in sizes), "long titles should wrap onto a second line on a phone"
    page.close()


def test_chapter_contents_stay_in_view_while_reading_on_a_wide_screen(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + "/handbook?chapter=legitimacy")
    wait_for_app(page)
    page.wait_for_selector('.st-key-toc_sidebar a[href="#what-works"]', state="visible")
    toc = page.locator('.st-key-toc_sidebar a[href="#what-works"]')
    assert not page.locator(".st-key-toc_inline").is_visible()  # no second copy in the text
    page.locator("#questions-for-the-group").scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert toc.is_visible() and 0 <= toc.bounding_box()["y"] < 900  # still on screen deep in the chapter
    toc.click()
    page.wait_for_timeout(500)
    assert in_viewport(page, "what-works")
    assert page.url.endswith("#what-works")
    page.close()


def test_chapter_contents_fold_into_the_text_on_a_phone(browser, server):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/handbook?chapter=legitimacy")
    wait_for_app(page)
    page.wait_for_selector(".st-key-toc_inline", state="visible")
    folded = page.locator('.st-key-toc_sidebar a[href="#what-works"]').bounding_box()
    assert folded is None or folded["x"] + folded["width"] <= 0  # the sidebar is folded off screen
    page.locator(".st-key-toc_inline summary").click()
    page.locator('.st-key-toc_inline a[href="#what-works"]').click()
    for _ in range(20):  # the scroll is smooth, and slower when the machine is busy (it once failed under CI load)
        if in_viewport(page, "what-works"):
            break
        page.wait_for_timeout(250)
    assert in_viewport(page, "what-works")
    page.close()


def test_favicon_is_served_by_the_app_itself(browser, server):
    """Offline or on a closed network nothing may be fetched from elsewhere, the icon included."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/glossary")
    wait_for_app(page)
    icons = page.evaluate("() => [...document.querySelectorAll('link[rel~=\"icon\"]')].map(l => l.href)")
    assert icons and all(href.startswith(server + "/") for href in icons), icons
    response = page.request.get(icons[-1])
    assert response.status == 200 and response.headers["content-type"].startswith("image/png")
    assert response.body()[:8] == b"\x89PNG\r\n\x1a\n"
    elsewhere = [url for url in requests if not url.startswith((server, "data:", "blob:"))]
    assert elsewhere == []
    page.close()


@pytest.mark.parametrize("width", [360, 390])
def test_exported_handbook_fits_a_phone(browser, handbook, tmp_path: Path, width):
    path = tmp_path / "coalition-handbook.html"
    path.write_text(handbook_to_html(handbook), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(path.as_uri())
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px phone"
    tables = page.evaluate("""() => [...document.querySelectorAll('table')].map(t => ({
        right: t.getBoundingClientRect().right, scrolls: getComputedStyle(t).overflowX,
        wide: t.scrollWidth > t.clientWidth}))""")
    assert tables and all(t["right"] <= width and t["scrolls"] == "auto" for t in tables)
    assert any(t["wide"] for t in tables)  # the widest tables scroll inside themselves instead
    context.close()


def test_exported_handbook_works_offline_with_internal_links(browser, handbook, tmp_path: Path):
    path = tmp_path / "coalition-handbook.html"
    path.write_text(handbook_to_html(handbook), encoding="utf-8")
    context = browser.new_context(offline=True)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(path.as_uri())
    broken = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="#"]')]
                  .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))""")
    assert broken == []
    page.click('nav.toc a[href="#representation"]')
    assert page.evaluate("() => location.hash") == "#representation"
    assert in_viewport(page, "representation")
    link = page.locator('a[href="#accountability-and-authority--who-is-in-charge"]').first
    if link.count():
        link.click()
        assert in_viewport(page, "accountability-and-authority--who-is-in-charge")
    assert all(url.startswith("file://") for url in requests), requests
    context.close()


def test_a_deep_link_as_a_fresh_servers_first_request_still_uses_the_router(browser, tmp_path):
    """Streamlit would run a pages/ script alone here (legacy mode); ui/__init__ prevents it."""
    from tests.e2e.conftest import running_app

    with running_app(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/search?q=funding")
        wait_for_app(page)
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert "Take an assessment" in nav and "Resource guide" in nav
        assert "stakeholders" not in nav  # legacy mode would list file names
        assert page.title() == "Coalition Handbook"  # set by app.py, so the router ran
        page.close()
