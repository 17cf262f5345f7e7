"""The sidebar says which pages are English only, and the page that sends phones to a workshop speaks
the visitor's language."""

from types import SimpleNamespace

from streamlit.testing.v1 import AppTest

import ui.navigation
from assessment.i18n import translator
from tests.conftest import ROOT


def titles(language: str) -> dict[str, list[str]]:
    return {section: [page.title for page in entries]
            for section, entries in ui.navigation.pages(translator(language)).items()}


def test_english_only_pages_say_so_in_a_french_or_spanish_menu(monkeypatch):
    # st.Page reads its title only inside a running app; the menu's words are what is tested here
    monkeypatch.setattr(ui.navigation.st, "Page", lambda path, title, **_: SimpleNamespace(title=title))
    french, spanish, english = titles("fr"), titles("es"), titles("en")
    assert "Lire (en anglais)" in french and "Leer (en inglés)" in spanish and "Read" in english
    assert "Animer un atelier (en anglais)" in french["Atelier"]
    assert "Dirigir un taller (en inglés)" in spanish["Taller"]
    assert "Run a workshop" in english["Workshop"]
    assert "Rejoindre un atelier" in french["Atelier"]  # the participants' page is translated: no mark


def test_the_join_page_speaks_the_chosen_language_and_keeps_the_code():
    app = AppTest.from_file(str(ROOT / "pages" / "join.py"), default_timeout=30)
    app.session_state["start_language"] = "fr"
    app.query_params["code"] = "abc-234"
    app.run()
    assert [t.value for t in app.title] == ["Rejoindre un atelier"]
    assert "page légère conçue pour les téléphones" in app.markdown[0].value
    [button] = app.get("link_button")
    assert button.proto.label == "Continuer vers l’atelier" and button.proto.url.startswith("w/")
