"""A coalition leader in Chromium: the quick check on a phone, results that show only what is known,
the report as HTML and PDF, the stakeholder map saving as it is edited, and coming back.

One server for the module, with its own data folder, so the slower flows can start from assessments
saved directly in the store instead of answering every question through the browser again.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from assessment.engine import default_engine
from assessment.model import Profile, Stakeholder, text_in
from assessment.paging import pages_of
from assessment.storage import Store
from tests.e2e.conftest import running_app, wait_for_app

pytestmark = pytest.mark.e2e
SHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/e2e-shots"))
ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]
FULL = ENGINE.instruments["full-diagnostic"]
HEADINGS = ["Where you are in the life cycle", "Dimensions", "Representation", "What to do next"]
MAP = [Stakeholder(name="Ministry of Defence", sector="national_government", influence=5, stake=4,
                   participation="opposed"),
       Stakeholder(name="Survivors' network", sector="affected_community", influence=2, stake=5,
                   participation="member", votes=60),
       Stakeholder(name="Campaign secretariat", sector="ngo", influence=4, stake=5, participation="core",
                   votes=40)]


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    data = tmp_path_factory.mktemp("assess-data")
    with running_app(data) as url:
        yield url, Store(f"sqlite:///{data / 'coalition.db'}")


def settle(page):
    page.wait_for_timeout(250)
    wait_for_app(page)


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def overflow(page) -> int:
    """How many pixels the page is wider than the screen (a sideways scroll when above zero)."""
    return page.evaluate("""() => Math.max(document.documentElement.scrollWidth,
        ...Array.from(document.querySelectorAll('[data-testid="stMain"]'), e => e.scrollWidth)) - window.innerWidth""")


def wait_for_charts(page, count: int) -> None:
    """Vega draws after the script has finished: wait until `count` charts have their SVG."""
    page.wait_for_function(f"""() => document.querySelectorAll('[data-testid="stVegaLiteChart"] svg text').length
        && document.querySelectorAll('[data-testid="stVegaLiteChart"]').length >= {count}""", timeout=30_000)
    page.wait_for_timeout(500)


def chart_text(chart) -> str:
    """Every text drawn in a Vega chart (rendered as SVG), joined."""
    return chart.evaluate("e => Array.from(e.querySelectorAll('svg text'), t => t.textContent).join(' ')")


def saved_assessment(store, instrument, answers, stakeholders=(), name="Mine Ban Coalition", complete=True):
    assessment_id, token = store.start(instrument, Profile(name=name, type="advocacy"))
    store.save_answers(assessment_id, answers)
    store.save_stakeholders(assessment_id, list(stakeholders))
    if complete:
        store.complete(assessment_id)
    return assessment_id, token


def test_quick_check_on_a_phone_then_results_with_no_empty_chart(browser, app, tmp_path):
    url, _ = app
    context = browser.new_context(viewport={"width": 360, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.goto(url + "/assess")
    wait_for_app(page)
    targets = page.locator('[data-testid="stRadioOption"], [data-testid="stExpandSidebarButton"]')
    sizes = targets.evaluate_all("es => es.map(e => [e.getBoundingClientRect().width, "
                                 "e.getBoundingClientRect().height])")
    assert len(sizes) >= 3 and all(w >= 44 and h >= 44 for w, h in sizes), sizes  # questionnaires, the menu
    page.get_by_text("Quick check", exact=False).first.click()
    page.get_by_label("Coalition name").fill("Test coalition <b>bold</b>")
    page.get_by_label("Coalition name").press("Enter")  # Enter in a box does not start before the rest is chosen
    settle(page)
    assert page.get_by_text("Keep this private link").count() == 0
    page.get_by_role("button", name="Start").click()
    page.wait_for_selector("text=Keep this private link")
    settle(page)
    resume_url = page.locator('[data-testid="stCode"]').first.inner_text().strip().replace("\n", "")
    assert "/assess?resume=" in resume_url
    kept = page.locator(".st-key-resume_link")  # on a phone the whole link shows, and it can be copied or sent
    assert kept.locator("pre").evaluate("e => e.scrollWidth - e.clientWidth") <= 1
    copy = kept.get_by_role("button", name="Copy to clipboard")
    assert copy.evaluate("e => { let o = 1; for (let x = e; x; x = x.parentElement) o = Math.min(o, "
                         "+getComputedStyle(x).opacity); return o }") == 1 and copy.is_visible()
    assert copy.bounding_box()["height"] >= 44
    mail = kept.get_by_role("link", name="Email the link to myself").get_attribute("href")
    assert mail.startswith("mailto:") and resume_url.rsplit("=", 1)[1] in mail

    # The options of a statement: a vertical list in scale order, each a target of at least 44 px.
    first = page.locator('[data-testid="stRadio"]').first
    boxes = [o.bounding_box() for o in first.locator('[data-testid="stRadioOption"]').all()]
    labels = first.locator('[data-testid="stRadioOption"]').all_inner_texts()
    assert labels[:5] == ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
    assert all(b["height"] >= 44 and b["width"] >= 300 for b in boxes), boxes
    assert [b["y"] for b in boxes] == sorted(b["y"] for b in boxes) and len({round(b["x"]) for b in boxes}) == 1
    shoot(page, "assess-360")

    pages = pages_of(QUICK.sections)
    assert len(pages) == 2  # the quick check's statements on two pages, not ten
    for number, sections in enumerate(pages):
        assert f"Page {number + 1} of 2" in page.locator('[data-testid="stProgress"]').inner_text()
        for item in [i for s in sections for i in s.items]:
            if item.kind == "multiple":  # what stands most in the way: two pills
                for key in ("money", "political_will"):
                    page.get_by_role("button", name=QUICK.scale_of(item).choices[key][:40]).click()
                    settle(page)
                continue
            group = page.locator('[data-testid="stRadio"]').filter(has_text=item.text[:40]).first
            weak = {5: "Disagree", 3: QUICK.scale_of(item).choices["1"]}[QUICK.scale_of(item).points]
            group.get_by_text(weak, exact=True).click()
            settle(page)
        page.get_by_role("button", name="See results" if number == len(pages) - 1 else "Next page").click()
        settle(page)

    page.wait_for_selector("text=What to do next")
    wait_for_charts(page, 2)
    assert page.locator('[data-testid="stException"]').count() == 0
    # Only what is known: the stage (the quick check asks about it) and the dimensions; for the
    # power–interest grid, with no map yet, a line saying what would fill it instead of an empty chart.
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert charts.count() == 2
    assert all(chart.locator("svg, canvas").count() >= 1 for chart in charts.all())
    assert page.get_by_text("No stakeholder map yet").count() == 1
    assert page.get_by_text("You named as standing most in the way").count() == 1  # the obstacles, on the results
    assert overflow(page) <= 1
    shoot(page, "results-quick-360")

    with page.expect_download() as download:
        page.get_by_role("button", name="Report (HTML)").click()
    report = Path(download.value.path()).read_text()
    assert "Test coalition &lt;b&gt;bold&lt;/b&gt;" in report and "<b>bold</b>" not in report
    assert report.count("<svg") == 2 and "No stakeholder map yet" in report  # stage and dimensions; no empty grid
    report_page = context.new_page()
    report_page.goto(Path(download.value.path()).as_uri())
    assert overflow(report_page) <= 1
    context.close()

    again = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    again.goto(resume_url.replace("http://localhost:8501", url) if resume_url.startswith("http") else
               f"{url}/{resume_url.split('/', 3)[-1]}")
    wait_for_app(again)
    total = len(QUICK.items)
    assert f"{total} of {total} answered" in again.locator('[data-testid="stProgress"]').inner_text()
    again.context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_full_results_and_report_pdf(browser, app, width):
    url, store = app
    answers = {i.id: (4 if n % 3 else 2) for n, i in enumerate(FULL.items) if i.kind == "likert"}
    linked = Stakeholder(name="Watchdog at www.evil.example, http://evil.example or a@evil.example", sector="ngo",
                         influence=1, stake=1, participation="consulted")  # a name with bare addresses in it
    marked = Stakeholder(name="**Bold** [x](javascript:alert(1)) | <i>a</i>", sector="business", influence=2, stake=2,
                         participation="consulted")  # Markdown and HTML in a name show as typed
    people = [*MAP, linked, marked]
    _, token = saved_assessment(store, FULL, answers, people)
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{url}/results?resume={token}")
    wait_for_app(page)
    page.wait_for_selector("text=What to do next")
    wait_for_charts(page, 3)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() == 3  # stage, dimensions, grid
    charts = page.locator('[data-testid="stVegaLiteChart"]')
    assert "You are here" in chart_text(charts.first)  # the current stage is marked on the chart
    bold = charts.nth(2).evaluate("e => Array.from(e.querySelectorAll('svg text[font-weight=\"bold\"]'),"
                                  " t => t.textContent)")  # the points' labels (axis ticks are not bold)
    numbers = sorted(int(n) for label in bold if re.fullmatch(r"[\d, ]+", label) for n in re.findall(r"\d+", label))
    assert numbers == list(range(1, len(people) + 1))  # every stakeholder is a numbered point...
    key = page.locator('[data-testid="stMarkdownContainer"] ol').filter(has_text=MAP[0].name).first
    shown = key.inner_text().replace("\u2060", "")
    assert all(s.name in shown for s in people)  # ...named in the key under the grid, exactly as typed
    assert page.locator('[data-testid="stMain"] a[href*="evil.example"]').count() == 0  # and never as a link
    page.locator('[data-testid="stExpander"] summary').filter(has_text="Show data").nth(2).click()
    table = page.locator('[data-testid="stTable"]').filter(has_text="Stakeholder").first
    table.wait_for()
    cells = table.locator("td").filter(has_text=re.compile("[A-Za-z]{4}"))
    named = [cell.replace("\u2060", "") for cell in cells.all_inner_texts()]
    assert all(s.name in named for s in people)  # each name whole in its cell, as typed
    assert cells.evaluate_all("cs => Math.max(...cs.map(c => c.scrollWidth - c.clientWidth))") <= 1  # wrapped, not cut
    assert table.locator("a").count() == 0
    assert overflow(page) <= 1  # a table wider than a phone scrolls inside its own box
    shoot(page, f"results-full-{width}")

    if width != 1280:  # the PDF is the same at any width: download it once
        context.close()
        return
    with page.expect_download() as download:
        page.get_by_role("button", name="Report (PDF)").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert re.fullmatch(r"mine-ban-coalition-\d{4}-\d\d-\d\d-report\.pdf", download.value.suggested_filename)
    pypdf = pytest.importorskip("pypdf")
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    for heading in ["Mine Ban Coalition: Full coalition diagnostic", *HEADINGS]:
        assert heading in text
    assert "National government" in text and "national_government" not in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "report.pdf").write_bytes(pdf)
    context.close()


def test_map_saves_as_edited_and_survives_a_fresh_browser(browser, app):
    url, store = app
    assessment_id, token = saved_assessment(store, QUICK, {}, MAP[:1], complete=False)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{url}/stakeholders?resume={token}")
    wait_for_app(page)
    page.get_by_text("All changes saved").first.wait_for(timeout=30_000)
    assert page.get_by_role("button", name="Save the map").count() == 0
    grid = page.locator('[data-testid="stDataFrame"]').first
    scroller = grid.locator(".dvn-scroller").first
    assert scroller.evaluate("e => e.scrollWidth - e.clientWidth") <= 1  # every column fits at 1280 px
    box = grid.bounding_box()
    page.mouse.dblclick(box["x"] + 80, box["y"] + 35 + 17)  # the first row's name cell
    editor = page.locator("textarea.gdg-input")  # the cell editor the double click opened
    editor.fill("Ministry of Defence and Veterans")
    editor.press("Enter")
    settle(page)
    page.wait_for_function("() => document.body.innerText.includes('All changes saved at')", timeout=30_000)
    assert [s.name for s in store.get(assessment_id).stakeholders] == ["Ministry of Defence and Veterans"]
    page.locator('[data-testid="stMain"]').get_by_role("link", name="Results", exact=True).click()
    settle(page)
    page.locator('[data-testid="stMain"]').get_by_role("link", name="Stakeholder map", exact=True).click()
    settle(page)
    assert "Ministry of Defence and Veterans" in grid_text(page)
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}).new_page()  # a fresh browser
    phone.goto(f"{url}/stakeholders?resume={token}")
    wait_for_app(phone)
    cards = phone.locator('[class*="st-key-map_card_"][data-testid="stVerticalBlock"]').filter(
        has_text="Ministry of Defence and Veterans")
    assert cards.count() == 1
    phone.locator('[data-testid="stDataFrame"]').first.wait_for(state="hidden", timeout=10_000)  # cards, no table
    cards.first.get_by_text("Edit", exact=True).click()
    cards.first.get_by_label("Name").fill("Ministry of Defence")
    cards.first.get_by_label("Name").press("Enter")
    settle(phone)
    assert [s.name for s in store.get(assessment_id).stakeholders] == ["Ministry of Defence"]
    card = phone.locator('[class*="st-key-map_card_"][data-testid="stVerticalBlock"]').filter(
        has_text="Ministry of Defence").first
    assert card.get_by_label("Name").is_visible()  # the card stays open for the next change
    card.get_by_role("radiogroup", name="Influence").get_by_role("radio", name="5").click()  # tapped again
    settle(phone)
    card = phone.locator('[class*="st-key-map_card_"][data-testid="stVerticalBlock"]').filter(
        has_text="Ministry of Defence").first
    assert "every field needs a value" not in phone.locator('[data-testid="stMain"]').inner_text()
    assert store.get(assessment_id).stakeholders[0].influence == 5
    chosen = card.get_by_role("radiogroup", name="Influence").locator('[aria-checked="true"]')
    assert chosen.inner_text() == "5"  # still shown as chosen, as saved
    assert overflow(phone) <= 1
    shoot(phone, "map-390")
    phone.context.close()


def test_rows_deleted_in_the_table_come_back_with_undo(browser, app):
    """The Delete key on selected rows saves at once; a note and an Undo put them back where they were."""
    url, store = app
    assessment_id, token = saved_assessment(store, QUICK, {}, MAP, complete=False)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{url}/stakeholders?resume={token}")
    wait_for_app(page)
    page.get_by_text("All changes saved").first.wait_for(timeout=30_000)
    settle(page)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.locator("table").filter(has_text="Survivors").first.wait_for(state="attached")  # the rows are drawn
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 35 + 17)  # the second row's marker selects the row
    page.keyboard.press("Delete")
    page.get_by_text("Removed from the map: Survivors' network.").wait_for(timeout=30_000)
    assert [s.name for s in store.get(assessment_id).stakeholders] == [MAP[0].name, MAP[2].name]
    page.get_by_role("button", name="Undo").click()
    page.get_by_text("Removed from the map").wait_for(state="detached", timeout=30_000)
    assert store.get(assessment_id).stakeholders == MAP  # back in its place, every field as it was
    settle(page)
    page.wait_for_function("() => document.querySelector('[data-testid=\"stDataFrame\"] table')"
                           ".innerText.includes(\"Survivors\")", timeout=30_000)  # and back in the table
    box = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    page.mouse.dblclick(box["x"] + 80, box["y"] + 35 + 17)  # then an edit in the first row
    editor = page.locator("textarea.gdg-input")
    editor.fill("Ministry of Defence and Veterans")
    editor.press("Enter")
    page.wait_for_function("() => document.body.innerText.includes('3 stakeholders')", timeout=30_000)
    settle(page)
    names = [s.name for s in store.get(assessment_id).stakeholders]
    assert names == ["Ministry of Defence and Veterans", MAP[1].name, MAP[2].name]  # the restored row stays
    page.context.close()


def test_a_card_removed_far_down_a_phone_shows_its_undo_in_view(browser, app):
    url, store = app
    people = [*MAP, *(Stakeholder(name=f"District council {n}", sector="subnational_government", influence=2,
                                  stake=3, participation="consulted") for n in range(1, 9))]
    assessment_id, token = saved_assessment(store, QUICK, {}, people, complete=False)
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(f"{url}/stakeholders?resume={token}")
    wait_for_app(page)
    last = page.locator('[class*="st-key-map_card_"][data-testid="stVerticalBlock"]').filter(
        has_text="District council 8")
    last.get_by_text("Edit", exact=True).click()
    last.get_by_role("button", name="Remove from the map").click()
    note = page.locator(".st-key-map_removed_note")
    note.wait_for(timeout=30_000)
    page.wait_for_function("() => { const r = document.querySelector('.st-key-map_removed_note')"
                           ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }",
                           timeout=10_000)  # scrolled into view, not left at the top of a long page
    assert len(store.get(assessment_id).stakeholders) == len(people) - 1
    note.get_by_role("button", name="Undo").click()
    note.wait_for(state="detached", timeout=30_000)
    assert store.get(assessment_id).stakeholders == people
    page.context.close()


def test_a_half_typed_row_is_flagged_and_outlives_an_addition_by_the_form(browser, app):
    url, store = app
    assessment_id, token = saved_assessment(store, QUICK, {}, MAP[:1], complete=False)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{url}/stakeholders?resume={token}")
    wait_for_app(page)
    page.get_by_text("All changes saved").first.wait_for(timeout=30_000)
    box = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    page.mouse.click(box["x"] + 80, box["y"] + 35 + 35 + 17)  # the empty row under the saved one
    page.mouse.dblclick(box["x"] + 80, box["y"] + 35 + 35 + 17)
    editor = page.locator("textarea.gdg-input")
    editor.fill("Half-typed Union")
    editor.press("Enter")
    settle(page)
    page.get_by_text("Half-typed Union) is not saved yet").first.wait_for(timeout=30_000)  # told, not "all saved"
    page.get_by_label("Name", exact=True).last.fill("Regional body")
    page.get_by_role("button", name="Add to the map").click()
    settle(page)
    page.wait_for_function("() => document.body.innerText.includes('Added Regional body')", timeout=30_000)
    assert [s.name for s in store.get(assessment_id).stakeholders] == ["Ministry of Defence", "Regional body"]
    assert "Half-typed Union" in grid_text(page)  # the unfinished row is still there to finish
    assert page.get_by_text("Half-typed Union) is not saved yet").count() >= 1
    shoot(page, "map-half-typed-row")
    page.context.close()


def grid_text(page) -> str:
    """The data editor draws on a canvas; its cells are mirrored in an accessible table."""
    return page.locator('[data-testid="stDataFrame"]').first.locator("table").inner_text()


def test_new_assessment_from_an_open_one_starts_from_the_last_map(browser, app):
    url, store = app
    first, token = saved_assessment(store, QUICK, {i.id: 3 for i in QUICK.items if i.kind == "likert"}, MAP)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(f"{url}/results?resume={token}")
    wait_for_app(page)
    page.locator('[data-testid="stMain"]').get_by_role("link", name="Start a new assessment").click()
    settle(page)
    assert page.locator("h1").first.inner_text().startswith("Assess your coalition")
    page.get_by_text("Mine Ban Coalition, again").first.wait_for(timeout=30_000)
    page.get_by_role("button", name="Start").click()
    page.wait_for_selector("text=Keep this private link")
    settle(page)
    new_token = page.url.split("resume=")[1].split("&")[0]
    assert new_token != token
    second = store.open(new_token)
    assert second.coalition_id == store.get(first).coalition_id and second.id != first
    page.locator('[data-testid="stMain"]').get_by_role("link", name="Stakeholder map", exact=True).click()
    settle(page)
    shown = grid_text(page)
    assert all(s.name in shown for s in MAP)  # the repeat starts from the previous map, editable
    shoot(page, "map-repeat-1280")
    page.context.close()


def upload_on_the_start_screen(page, server: str, path, box: str, shown: str) -> str:
    """Open the start screen, open the upload box (named in the page's language), give it a file and wait
    until `shown` appears. Returns what the box said of its limit before the file was given."""
    page.goto(server + "/assess")
    wait_for_app(page)
    page.get_by_text(box).click()
    limit = page.locator('[data-testid="stFileUploaderDropzoneInstructions"]').inner_text()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.wait_for_selector(f"text={shown}")
    settle(page)
    return limit


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
    limit = upload_on_the_start_screen(page, server, path, "Continue from an answers file (JSON)",
                                       "carried over to version 2")
    assert limit.startswith("5MB per file")  # the box's limit is the caption's "Up to 5 MB" and the reader's
    alert = page.locator('[data-testid="stAlert"]').first
    alert.scroll_into_view_if_needed()
    shown = alert.inner_text()
    assert note.split(". ")[0] in shown.replace("\n", " ")
    shoot(page, "upload-v1-1280")
    page.context.close()


def test_a_french_page_says_the_note_and_what_was_left_out_in_french(browser, server, tmp_path):
    """A browser set to French reads the version note and the rows left out in French, names as typed."""
    import json

    from tests.unit.test_upgrade import every_answer, version_1

    path = tmp_path / "anciennes-reponses.json"
    path.write_text(json.dumps({"instrument": "quick-check", "version": 1,
                                "answers": every_answer(version_1("quick-check")),
                                "stakeholders": [{"name": "Ministère de l’Éducation", "sector": "ministry",
                                                  "influence": 4, "stake": 3, "participation": "core"}]}))
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale="fr-FR").new_page()
    upload_on_the_start_screen(page, server, path, "Reprendre à partir d’un fichier de réponses (JSON)",
                               "ont été reportées dans la version 2")
    shown = page.locator('[data-testid="stMain"]').inner_text().replace("\n", " ")
    assert "Ces réponses ont été données à la version 1 du Diagnostic rapide" in shown
    assert "partie prenante 1 (Ministère de l’Éducation), champ 'sector'\u00a0: 'ministry' ne fait pas partie" in shown
    assert "carried over" not in shown and "the row was left out" not in shown
    start = page.locator('[data-testid="stBaseButton-primaryFormSubmit"]').first.bounding_box()
    assert start["height"] >= 44  # a form's submit button is a full-size tap target on a phone too
    steppers = page.locator('[data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"]')
    boxes = [steppers.nth(i).bounding_box() for i in range(steppers.count())]  # the year founded's − and +
    assert len(boxes) == 2 and all(b["width"] >= 44 and b["height"] >= 44 for b in boxes), boxes
    page.set_viewport_size({"width": 1280, "height": 900})  # the sidebar shows beside the page
    menu = page.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Faire une évaluation" in menu and "Lire (en anglais)" in menu and "Take an assessment" not in menu
    shoot(page, "upload-v1-fr-390")
    page.context.close()


def test_the_obstacles_on_a_phone_are_full_size_targets_that_show_their_whole_label(browser, app):
    url, store = app
    section = next(s for s in FULL.sections if any(i.id == "st_main_obstacles" for i in s.items))
    assessment_id, token = saved_assessment(store, FULL, {}, complete=False)
    page = browser.new_context(viewport={"width": 390, "height": 900}).new_page()
    page.goto(f"{url}/assess?resume={token}&section={section.id}")
    wait_for_app(page)
    group = page.locator('[data-testid="stButtonGroup"]').filter(has_text="Not enough money")
    group.first.wait_for(timeout=30_000)  # the link to a section may draw the first page before it
    labels = FULL.scale_of(FULL.item("st_main_obstacles")).choices
    pills = group.locator("button").filter(has_text=re.compile(r"\w{3}"))  # not the help icon
    assert sorted(pills.all_inner_texts()) == sorted(str(label) for label in labels.values())
    sizes = pills.evaluate_all("bs => bs.map(b => [b.getBoundingClientRect().height, b.scrollHeight - b.clientHeight])")
    assert all(height >= 44 and hidden <= 1 for height, hidden in sizes), sizes  # wrapped, never clipped
    assert max(height for height, _ in sizes) > 44  # the long labels did wrap onto a second line
    pills.filter(has_text="Not enough money").click()
    settle(page)
    assert store.get(assessment_id).answers.get("st_main_obstacles") == ["money"]
    assert overflow(page) <= 1
    shoot(page, "obstacles-390")
    page.context.close()


def test_the_next_page_opens_at_its_top_with_the_keyboard_at_its_first_section(browser, app):
    """Streamlit keeps the scroll of the page before: the next page opened 4,000 px down on a phone, and
    a keyboard user's next Tab went past every question to the last button."""
    url, store = app
    _, token = saved_assessment(store, QUICK, {}, complete=False)
    page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(f"{url}/assess?resume={token}")
    wait_for_app(page)
    scrolled = 'document.querySelector(\'[data-testid="stMain"]\').scrollTop'
    forward = page.get_by_role("button", name="Next page")
    forward.scroll_into_view_if_needed()
    assert page.evaluate(scrolled) > 1000  # the button is at the foot of a long page
    forward.focus()
    page.keyboard.press("Enter")
    first = pages_of(QUICK.sections)[1][0]
    page.wait_for_function(f"document.activeElement && document.activeElement.id === 'section-{first.id}'")
    assert page.evaluate(scrolled) < 100
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the heading's own link, to the first question
    focused = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
    assert text_in(first.items[0].text) in focused
    page.context.close()
