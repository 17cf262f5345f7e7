"""One facilitator (Streamlit) and three phones (the light /w path) in Chromium run a workshop to the
end: join by code, tap answers, finish, the dashboard and the projector view, reveal, export."""

import csv
import io
from pathlib import Path

import pytest

from assessment.engine import default_engine
from tests.e2e.test_assessment_flow import SHOTS, settle

pytestmark = pytest.mark.e2e
QUICK = default_engine().instruments["quick-check"]
LIKERT = [i for i in QUICK.items if i.kind == "likert"]


PICKS = {"low": ["money", "political_will"], "middle": ["money"], "high": ["money", "trust"]}


def participant(browser, server, code, group, value, width):
    """A phone: enter the code, choose a group, tap an answer to every statement and pick what stands
    in the way, finish."""
    page = browser.new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(f"{server}/w/")
    page.get_by_label("Workshop code").fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    page.get_by_label(group, exact=True).check()
    page.get_by_role("button", name="Join").click()
    first_page = True
    while not page.get_by_text("Thank you").count():
        for fieldset in page.locator("fieldset[data-kind='likert']").all():
            options = fieldset.locator(".options:not(.extra) .option")
            position = {"low": 0, "middle": (options.count() - 1) // 2, "high": options.count() - 1}[value]
            options.nth(position).click()  # the same end of every scale, whatever its length
            fieldset.locator(".status.saved").wait_for()  # saved the moment it was tapped
        for fieldset in page.locator("fieldset[data-kind='multiple']").all():
            for key in PICKS[value]:
                fieldset.locator(f"input[value='{key}']").check()
                fieldset.locator(".status.saved").wait_for()
            if len(PICKS[value]) == 2:  # a third is undone on the phone, with a word why; the two stay saved
                third = fieldset.locator("input[value='opponents']")
                third.click()
                assert not third.is_checked() and "at most 2" in fieldset.locator(".status.error").inner_text()
        if width <= 360 and first_page:
            check_phone_layout(page)
            page.screenshot(path=str(SHOTS / "participant-360.png"), full_page=True)
        first_page = False
        finish = page.get_by_role("button", name="Finish")
        (finish if finish.count() else page.get_by_role("button", name="Next")).click()
    return page


def check_phone_layout(page):
    assert page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    heights = page.eval_on_selector_all(".option", "els => els.map(e => e.getBoundingClientRect().height)")
    widths = page.eval_on_selector_all(".option", "els => els.map(e => e.getBoundingClientRect().width)")
    assert min(heights) >= 44 and min(widths) >= 300  # a vertical list of full-width targets
    tops = page.eval_on_selector_all("fieldset[data-kind='likert']:first-of-type .options:not(.extra) .option",
                                     "els => els.map(e => e.getBoundingClientRect().top)")
    assert tops == sorted(tops) and len(set(tops)) == len(tops)  # one option per line, in scale order


def test_facilitator_three_phones_dashboard_projector_reveal(browser, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    facilitator = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True).new_page()
    facilitator.goto(f"{server}/facilitate")
    settle(facilitator)
    facilitator.get_by_label("Workshop title").fill("Annual review")
    facilitator.get_by_label("Hide any group with fewer respondents than").fill("1")
    facilitator.get_by_role("button", name="Open the workshop").click()
    facilitator.wait_for_selector("text=Join code")
    settle(facilitator)
    code = facilitator.url.split("code=")[1][:6]

    phones = [participant(browser, server, code, "NGOs", "low", 360),
              participant(browser, server, code, "Companies", "middle", 1280),
              participant(browser, server, code, "NGOs", "high", 800)]

    facilitator.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
                 .some(m => m.innerText.includes('Finished') && m.innerText.trim().endsWith('3'))""",
        timeout=15_000)  # the dashboard refreshes itself every 2 seconds
    facilitator.wait_for_selector("text=n=3 · mean 3.0")
    facilitator.wait_for_selector("text=What the room picked")  # the obstacles, counted for the room
    facilitator.wait_for_selector("text=Chosen most: “Not enough money, or money that is short-term or from too "
                                  "few funders”, by 3 of 3")
    facilitator.screenshot(path=str(SHOTS / "dashboard-1280.png"), full_page=True)
    cut = facilitator.evaluate("""() => [...document.querySelectorAll('button [data-testid="stMarkdownContainer"]')]
                                  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)""")
    assert cut == []  # "Reveal results to participants" wraps in its narrow column instead of ending in "…"

    with facilitator.context.expect_page() as opened:
        facilitator.get_by_role("link", name="Open the projector view").click()
    projector = opened.value
    projector.set_viewport_size({"width": 1280, "height": 720})
    projector.wait_for_selector(f"text={code}")
    assert "key=" not in projector.url  # the key left the address bar the room can read
    projector.screenshot(path=str(SHOTS / "projector-join-1280.png"))
    projector.keyboard.press("ArrowRight")
    projector.wait_for_selector("#joined:text('3')")
    projector.keyboard.press("ArrowRight")
    projector.wait_for_selector("text=Most divided")
    assert projector.locator(".bar-row").count() >= 3  # the room, then NGOs and Companies
    projector.screenshot(path=str(SHOTS / "projector-contested-1280.png"))
    while not projector.get_by_text("What the room picked").count():
        projector.keyboard.press("ArrowRight")
        projector.wait_for_timeout(300)
    assert "by 3 of 3" in projector.locator(".tally-finding").inner_text()
    assert projector.locator(".tally .bar-row").count() == 3  # money, political will, trust; the rest in a line
    assert "Nobody picked: Powerful interests" in projector.locator(".tally").inner_text()
    projector.screenshot(path=str(SHOTS / "projector-picked-1280.png"))

    with facilitator.expect_download() as download:
        facilitator.get_by_role("button", name="Answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    points = QUICK.scale_of(LIKERT[0]).points
    assert sorted(int(r["answer"]) for r in rows if r["item"] == LIKERT[0].id) == [1, (points + 1) // 2, points]
    assert {r["group"] for r in rows} == {"NGOs", "Companies"}

    facilitator.get_by_role("button", name="Reveal results to participants").click()
    phones[0].wait_for_selector("text=What the room said", timeout=5_000)  # the waiting phone moves on
    phones[0].screenshot(path=str(SHOTS / "participant-results-360.png"), full_page=True)
    assert "3 people" in phones[0].locator(".tally .bar-numbers").first.inner_text()
    assert phones[0].evaluate("() => document.documentElement.scrollWidth - window.innerWidth") <= 0
    for page in (*phones, projector, facilitator):
        page.context.close()
