"""Three languages in Chromium: a workshop whose phones answer in English, French and Spanish and
make one room on the facilitator's dashboard; a French leader whose assessment, results and reports
(HTML and PDF) are in French; screenshots of the phone and the results in French and Spanish at 360 px."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assessment.engine import default_engine
from assessment.model import Profile, Stakeholder
from tests.e2e.conftest import wait_for_app
from tests.e2e.test_assessment_flow import SHOTS, app, overflow, settle, wait_for_charts  # noqa: F401

pytestmark = pytest.mark.e2e
QUICK = default_engine().instruments["quick-check"]
FINISH = {"en": "Finish", "fr": "Terminer", "es": "Terminar"}
NEXT = {"en": "Next", "fr": "Suivant", "es": "Siguiente"}
THANKS = {"en": "Thank you", "fr": "Merci", "es": "Gracias"}


def phone(browser, url, code, locale, width, switch_to=None):
    """A phone whose browser speaks `locale`; with `switch_to`, its person picks another language."""
    page = browser.new_context(viewport={"width": width, "height": 800}, locale=locale).new_page()
    page.goto(f"{url}/w/{code}")
    language = locale[:2]
    if switch_to:
        page.locator(f'nav.languages a[hreflang="{switch_to}"]').click()
        language = switch_to
    assert page.locator("html").get_attribute("lang") == language
    page.locator('input[name="group"]').first.check()
    with page.expect_navigation():  # the form posts and a new page loads; measure only the loaded one
        page.locator('button[type="submit"]').click()
    first = True
    while not page.locator("h1", has_text=THANKS[language]).count():  # a question may say "gracias"
        for fieldset in page.locator("fieldset[data-kind='likert']").all():
            fieldset.locator(".options:not(.extra) .option").first.click()
            fieldset.locator(".status.saved").wait_for()
        if width <= 360 and first:
            assert overflow_width(page) <= 0
            page.screenshot(path=str(SHOTS / f"participant-{language}-360.png"), full_page=True)
        first = False
        finish = page.get_by_role("button", name=FINISH[language])
        with page.expect_navigation():
            (finish if finish.count() else page.get_by_role("button", name=NEXT[language])).click()
    return page, language


def overflow_width(page) -> int:
    page.wait_for_load_state()
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_three_phones_in_three_languages_make_one_room(browser, app):  # noqa: F811
    url, _ = app
    SHOTS.mkdir(parents=True, exist_ok=True)
    facilitator = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    facilitator.goto(f"{url}/facilitate")
    settle(facilitator)
    facilitator.get_by_label("Workshop title").fill("Atelier trilingue")
    facilitator.get_by_label("Hide any group with fewer respondents than").fill("1")
    facilitator.get_by_role("combobox", name="Language of the phones, the projector and the group report").click()
    facilitator.get_by_role("option", name="Français").click()
    facilitator.get_by_role("button", name="Open the workshop").click()
    facilitator.wait_for_selector("text=Join code")
    settle(facilitator)
    code = facilitator.url.split("code=")[1][:6]
    assert facilitator.get_by_text("Language: Français").count() or "Français" in facilitator.content()

    phones = [phone(browser, url, code, "en-GB", 1280), phone(browser, url, code, "fr-FR", 360),
              phone(browser, url, code, "de-DE", 360, switch_to="es")]
    assert [language for _, language in phones] == ["en", "fr", "es"]

    facilitator.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stMetric"]')]
                 .some(m => m.innerText.includes('Finished') && m.innerText.trim().endsWith('3'))""",
        timeout=20_000)
    facilitator.wait_for_selector("text=n=3")  # one distribution of three answers, not three rooms of one
    facilitator.get_by_role("button", name="Reveal results to participants").click()
    for page, language in phones[1:]:
        heading = {"fr": "Ce qu’a dit la salle", "es": "Lo que dijo la sala"}[language]
        page.wait_for_selector(f"text={heading}", timeout=20_000)
        assert page.get_by_text({"fr": "3 personnes ont répondu", "es": "3 personas respondieron"}[language]).count()
        assert overflow_width(page) <= 0
        page.screenshot(path=str(SHOTS / f"participant-results-{language}-360.png"), full_page=True)
    for page, _ in phones:
        page.context.close()
    facilitator.context.close()


def answer_every_question(page) -> None:
    """Tap the first answer of every radio question on each page, then go to the results."""
    while True:
        radios = page.locator('[data-testid="stRadio"]')
        for index in range(radios.count()):
            radios.nth(index).locator('[data-testid="stRadioOption"]').first.click()
            settle(page)
        if page.get_by_role("button", name="Voir les résultats").count():
            page.get_by_role("button", name="Voir les résultats").click()
            settle(page)
            return
        page.get_by_role("button", name="Page suivante").click()
        settle(page)


def test_a_french_leader_gets_french_pages_and_a_french_html_and_pdf_report(browser, app):  # noqa: F811
    url, _store = app
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="fr-FR", accept_downloads=True)
    page = context.new_page()
    page.goto(url + "/assess?new=1")
    wait_for_app(page)
    page.get_by_text("Évaluez votre coalition").wait_for()  # the browser's language, before any choice
    page.get_by_text("Diagnostic rapide", exact=False).first.click()
    page.get_by_label("Nom de la coalition").fill("Coalition du Sahel")
    page.get_by_role("button", name="Commencer").click()
    page.wait_for_selector("text=Gardez ce lien privé")
    settle(page)
    answer_every_question(page)
    page.wait_for_selector("text=Que faire ensuite")
    wait_for_charts(page, 2)
    assert page.get_by_text("Où vous en êtes dans le cycle de vie").count()
    assert page.get_by_text("(en anglais)").count()  # links into the handbook say the chapter is English
    assert overflow(page) <= 1
    page.screenshot(path=str(SHOTS / "results-fr-360.png"), full_page=True)

    with page.expect_download() as download:
        page.get_by_role("button", name="Rapport (HTML)").click()
    report = Path(download.value.path()).read_text()
    assert "<html lang='fr'>" in report and "Que faire ensuite" in report and "What to do next" not in report
    with page.expect_download() as download:
        page.get_by_role("button", name="Rapport (PDF)").click()
    pypdf = pytest.importorskip("pypdf")
    pdf = Path(download.value.path()).read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    for heading in ("Coalition du Sahel", "Où vous en êtes dans le cycle de vie", "Représentation",
                    "Que faire ensuite"):
        assert heading in text
    assert "Where you are in the life cycle" not in text
    (SHOTS / "report-fr.pdf").write_bytes(pdf)
    context.close()


def test_spanish_results_on_a_phone(browser, app):  # noqa: F811
    url, store = app
    answers = {i.id: (1 if n % 2 else 2) for n, i in enumerate(QUICK.items) if i.kind == "likert"}
    assessment_id, token = store.start(QUICK, Profile(name="Red andina", type="advocacy", scope="regional"), "es")
    store.save_answers(assessment_id, answers)
    store.save_stakeholders(assessment_id, [
        Stakeholder(name="Ministerio de Minas", sector="national_government", influence=5, stake=4,
                    participation="opposed"),
        Stakeholder(name="Comunidades del valle", sector="affected_community", influence=2, stake=5,
                    participation="consulted", votes=0)])
    page = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    page.goto(f"{url}/results?resume={token}")
    wait_for_app(page)
    page.wait_for_selector("text=Qué hacer a continuación")
    wait_for_charts(page, 3)
    for words in ("En qué punto del ciclo de vida está", "Representación", "Opositores poderosos", "(en inglés)"):
        assert page.get_by_text(words).count(), words
    assert overflow(page) <= 1
    page.screenshot(path=str(SHOTS / "results-es-360.png"), full_page=True)
    page.context.close()
