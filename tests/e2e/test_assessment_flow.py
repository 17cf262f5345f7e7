"""A coalition leader in Chromium: quick check, stakeholder map, results, HTML report, resume link."""

import os
from pathlib import Path

import pytest

from assessment.engine import default_engine
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e
SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/e2e-shots"))
QUICK = default_engine().instruments["quick-check"]


def settle(page):
    page.wait_for_timeout(250)
    wait_for_app(page)


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 390])
def test_quick_check_map_results_report_and_resume(browser, server, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(server + "/assess")
    wait_for_app(page)
    page.get_by_text("Quick check", exact=False).first.click()
    page.get_by_label("Coalition name").fill("Test coalition <b>bold</b>")
    page.get_by_role("button", name="Start").click()
    page.wait_for_selector("text=Keep this private link")
    settle(page)
    resume_url = page.locator('[data-testid="stCode"]').first.inner_text().strip()
    assert "/assess?resume=" in resume_url
    shoot(page, f"assess-{width}")

    for number, section in enumerate(QUICK.sections):
        for item in section.items:
            group = page.locator('[data-testid="stRadio"]').filter(has_text=item.text[:40]).first
            weak = {5: "Disagree", 3: QUICK.scale_of(item).choices["1"]}[QUICK.scale_of(item).points]
            group.get_by_text(weak, exact=True).click()
            settle(page)
        button = "See results" if number == len(QUICK.sections) - 1 else "Next section"
        page.get_by_role("button", name=button).click()
        settle(page)

    page.wait_for_selector("text=What to do next")
    assert page.locator('[data-testid="stException"]').count() == 0
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("link", name="Stakeholder map", exact=True).click()
    settle(page)
    page.get_by_label("Name").fill("Ministry of Defence")
    page.get_by_role("button", name="Add to the map").click()
    settle(page)
    if width > 800:  # the sidebar's link carries no token; the tab remembers it
        page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Results").click()
    else:
        main.get_by_role("link", name="Results", exact=True).click()
    settle(page)
    page.wait_for_selector("text=What to do next")
    assert page.get_by_text("No stakeholder map yet").count() == 0  # the map now has a row
    shoot(page, f"results-{width}")

    with page.expect_download() as download:
        page.get_by_role("button", name="Report (HTML)").click()
    report = Path(download.value.path()).read_text()
    assert "<svg" in report and "Test coalition &lt;b&gt;bold&lt;/b&gt;" in report and "<b>bold</b>" not in report

    again = browser.new_context(viewport={"width": width, "height": 900}).new_page()
    again.goto(resume_url.replace("http://localhost:8501", server) if resume_url.startswith("http") else
               f"{server}/{resume_url.split('/', 3)[-1]}")
    wait_for_app(again)
    last = QUICK.sections[-1].items[0]  # the link reopens where the person left off: the last section
    group = again.locator('[data-testid="stRadio"]').filter(has_text=last.text[:40]).first
    assert group.locator("input:checked").count() == 1
    total = len(QUICK.items)
    assert f"{total} of {total} answered" in again.locator('[data-testid="stProgress"]').inner_text()
    again.context.close()
    context.close()


def test_a_version_1_answers_file_uploads_with_the_note(browser, server, tmp_path):
    """The upload box shows the same note as the command line for a file made with version 1."""
    import json

    from assessment.files import read_answers
    from tests.unit.test_upgrade import every_answer, version_1

    path = tmp_path / "old-answers.json"
    path.write_text(json.dumps({"instrument": "quick-check", "version": 1,
                                "answers": every_answer(version_1("quick-check"))}))
    note = read_answers(path.read_bytes(), default_engine().instruments).notes[0]
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(server + "/assess")
    wait_for_app(page)
    page.get_by_text("Continue from an answers file (JSON)").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.wait_for_selector("text=carried over to version 2")
    settle(page)
    alert = page.locator('[data-testid="stAlert"]').first
    alert.scroll_into_view_if_needed()
    shown = alert.inner_text()
    assert note.split(". ")[0] in shown.replace("\n", " ")
    shoot(page, "upload-v1-1280")
    page.context.close()
