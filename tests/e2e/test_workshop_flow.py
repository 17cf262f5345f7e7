"""One facilitator and three phones in Chromium run a workshop to the end."""

import csv
import io
from pathlib import Path

import pytest

from assessment.engine import default_engine
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_assessment_flow import SHOTS, settle

pytestmark = pytest.mark.e2e
QUICK = default_engine().instruments["quick-check"]
ANSWER_LABELS = {1: "Strongly disagree", 3: "Neither agree nor disagree", 5: "Strongly agree"}


def participant(browser, server, code, group, value, width):
    page = browser.new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(f"{server}/join")
    wait_for_app(page)
    page.get_by_label("Workshop code").fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    settle(page)
    page.get_by_text(group, exact=True).click()
    settle(page)
    page.get_by_role("button", name="Join").click()
    settle(page)
    for number, section in enumerate(QUICK.sections):
        for item in section.items:
            group_box = page.locator('[data-testid="stRadio"]').filter(has_text=item.text[:40]).first
            scale = QUICK.scale_of(item)  # three-point items (yes / partly / no) take the low, middle or high choice
            label = ANSWER_LABELS[value] if scale.points == 5 else scale.choices[str({1: 1, 3: 2, 5: 3}[value])]
            group_box.get_by_text(label, exact=True).click()
            settle(page)
        if width < 500 and number == 0:
            overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1
            page.screenshot(path=str(SHOTS / "join-390.png"), full_page=True)
        last = number == len(QUICK.sections) - 1
        page.get_by_role("button", name="Finish" if last else "Next", exact=True).click()
        settle(page)
    page.wait_for_selector("text=Thank you")
    return page


def test_facilitator_and_three_participants(browser, server):
    SHOTS.mkdir(parents=True, exist_ok=True)
    facilitator = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True).new_page()
    facilitator.goto(f"{server}/facilitate")
    wait_for_app(facilitator)
    facilitator.get_by_label("Workshop title").fill("Annual review")
    facilitator.get_by_label("Hide any group with fewer respondents than").fill("1")
    facilitator.get_by_role("button", name="Open the workshop").click()
    facilitator.wait_for_selector("text=Join code")
    settle(facilitator)
    code = facilitator.url.split("code=")[1][:6]

    phones = [participant(browser, server, code, "NGOs", 1, 390),
              participant(browser, server, code, "Companies", 3, 1280),
              participant(browser, server, code, "NGOs", 5, 800)]

    facilitator.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
                 .some(m => m.innerText.includes('Finished') && m.innerText.trim().endsWith('3'))""",
        timeout=15_000)  # the dashboard refreshes itself every 2 seconds
    first = QUICK.items[0]
    facilitator.wait_for_selector("text=n=3 · mean 3.0")
    facilitator.screenshot(path=str(SHOTS / "dashboard-1280.png"), full_page=True)

    with facilitator.expect_download() as download:
        facilitator.get_by_role("button", name="Answers (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    first_answers = sorted(int(r["answer"]) for r in rows if r["item"] == first.id)
    assert first_answers == [1, 3, 5]
    assert {r["group"] for r in rows} == {"NGOs", "Companies"}
    assert len(rows) == 3 * len(QUICK.items)

    facilitator.get_by_role("button", name="Reveal results to participants").click()
    settle(facilitator)
    phones[0].wait_for_selector("text=Most contested statements", timeout=15_000)
    phones[0].screenshot(path=str(SHOTS / "participant-results-390.png"), full_page=True)
    for page in (*phones, facilitator):
        page.context.close()
