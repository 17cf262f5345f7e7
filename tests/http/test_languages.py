"""The participant path in three languages against a real server: the phone's Accept-Language, the
switch and its cookie, the workshop's default, messages and errors, one room whatever the language."""

from __future__ import annotations

import re

import httpx
import pytest
from markupsafe import escape

from assessment.engine import default_engine
from assessment.model import text_in
from assessment.storage import Store
from tests.e2e.conftest import running_app
from workshop.room import Rooms
from workshop.workshops import Workshops

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]
FIRST = QUICK.sections[0]
ITEM = next(i for i in FIRST.items if i.kind == "likert")


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    with running_app(data) as url:
        store = Store(f"sqlite:///{data / 'coalition.db'}")
        yield url, Workshops(store)
        store.engine.dispose()


def phone(url: str, language: str | None = None) -> httpx.Client:
    headers = {"Accept-Language": language} if language else {}
    return httpx.Client(base_url=url, follow_redirects=False, timeout=30, headers=headers)


def join(client: httpx.Client, code: str, group: str = "-") -> str:
    response = client.post(f"/w/{code}", data={"group": group})
    assert response.status_code == 303, response.text
    return response.headers["location"].rsplit("/", 1)[1]


@pytest.mark.parametrize(("header", "lang", "words"), [
    ("fr-FR,fr;q=0.9,en;q=0.8", "fr", "Rejoindre un atelier"), ("es-ES,es;q=0.9", "es", "Unirse a un taller"),
    ("de-DE,de;q=0.9", "en", "Join a workshop"), (None, "en", "Join a workshop")])
def test_the_join_page_speaks_the_phones_language_and_offers_the_others(room, header, lang, words):
    url, _ = room
    page = phone(url, header).get("/w/")
    assert page.status_code == 200 and f'<html lang="{lang}">' in page.text and words in page.text
    links = re.findall(r'<a href="/w/\?lang=(\w+)" lang="\w+" hreflang="\w+"( aria-current="true")?>', page.text)
    assert [code for code, _ in links] == ["en", "fr", "es"]
    assert [code for code, current in links if current] == [lang]
    assert len(page.content) < 4500  # still light on conference Wi-Fi


def test_the_switch_is_remembered_over_the_phones_own_language(room):
    url, _ = room
    client = phone(url, "fr-FR")
    chosen = client.get("/w/?lang=es")
    assert "Unirse a un taller" in chosen.text and "ch_lang=es" in chosen.headers["set-cookie"]
    assert "Path=/w" in chosen.headers["set-cookie"] and "HttpOnly" in chosen.headers["set-cookie"]
    assert "Unirse a un taller" in client.get("/w/").text  # the cookie outranks Accept-Language
    assert '<html lang="en">' in client.get("/w/?lang=en").text
    assert '<html lang="en">' in client.get("/w/?lang=xx").text  # an unknown choice changes nothing


def test_errors_are_in_the_phones_language(room):
    url, _ = room
    wrong = phone(url, "fr").post("/w/", data={"code": "zzzzzz"})
    assert wrong.status_code == 404 and "Aucun atelier ne porte ce code" in wrong.text
    missing = phone(url, "es").get("/w/nowhere/at/all")
    assert missing.status_code == 404 and "Página no encontrada" in missing.text


def test_a_phone_that_asks_for_none_of_ours_gets_the_workshops_default(room):
    url, service = room
    workshop, _ = service.create("Atelier de Genève", QUICK, ["ONG", "États"], language="fr")
    page = phone(url, "de-CH,de;q=0.9").get(f"/w/{workshop.code}")
    assert '<html lang="fr">' in page.text and "Je préfère ne pas le dire" in page.text
    english = phone(url, "en-GB").get(f"/w/{workshop.code}")
    assert "I'd rather not say" in english.text  # a phone in one of our languages keeps its own
    refused = phone(url, "es").post(f"/w/{workshop.code}", data={})
    assert refused.status_code == 400 and "Elija el grupo en cuyo nombre habla" in refused.text


def test_three_languages_make_one_room(room):
    """Three phones answer the same statement in English, French and Spanish: the answers are stored
    by item id and value, the room counts three, and a bad value is refused in each phone's words."""
    url, service = room
    workshop, _ = service.create("Trilingual room", QUICK, ["NGOs"], threshold=1)
    tokens = {}
    for lang in ("en", "fr", "es"):
        client = phone(url, lang)
        tokens[lang] = join(client, workshop.code, "NGOs")
        page = client.get(f"/w/p/{tokens[lang]}").text
        extra = {"en": "Don't know", "fr": "Je ne sais pas", "es": "No lo sé"}[lang]
        assert f'<html lang="{lang}">' in page and extra.replace("'", "&#39;") in page
        assert f'name="{ITEM.id}" value="2"' in page  # the same value whatever the label
        saved = client.post(f"/w/p/{tokens[lang]}/a", data={"item": ITEM.id, "value": "2"},
                            headers={"Accept": "application/json"})
        assert saved.status_code == 200
        bad = client.post(f"/w/p/{tokens[lang]}/a", data={"item": ITEM.id, "value": "x"})
        assert bad.json()["error"] == {"en": "Not saved: choose one of the answers.",
                                       "fr": "Non enregistré\u00a0: choisissez l’une des réponses.",
                                       "es": "No guardado: elija una de las respuestas."}[lang]
    assert [service.participant(t).answers for t in tokens.values()] == [{ITEM.id: 2}] * 3
    now = Rooms(service, ENGINE.instruments, ENGINE.titles).of(service.get(workshop.id))
    assert now.counts["joined"] == 3
    stats = next(s for s in now.stats if s.item.id == ITEM.id)
    assert stats.n == 3 and stats.counts[1] == 3  # one distribution, three languages
    service.update(workshop, revealed=True, status="closed")
    for lang, heading in (("fr", "Ce qu’a dit la salle"), ("es", "Lo que dijo la sala")):
        results = phone(url, lang).get(f"/w/p/{tokens[lang]}").text
        assert heading in results  # a catalogue string is trusted markup: its apostrophe is not escaped
        assert {"fr": "3 personnes ont répondu.", "es": "3 personas respondieron."}[lang] in results


def test_a_workshop_on_the_members_questions_asks_only_those_in_the_phones_language(room):
    from workshop.workshops import MEMBERS_ONLY

    url, service = room
    workshop, _ = service.create("Members only", QUICK, [], sections=[MEMBERS_ONLY])
    for language, title in (("en", "Questions for members"), ("fr", "Questions aux membres")):
        client = phone(url, language)
        page = client.get(f"/w/p/{join(client, workshop.code)}").text
        assert f"<h1>{title}</h1>" in page, page
        assert {"en": "can only guess the answers", "fr": "ne peuvent que deviner"}[language] in page
        deciders = QUICK.item("ac_members_can_name_deciders")  # its help speaks to a leader; a phone speaks to members
        assert str(escape(text_in(deciders.room_help, language))) in page
        assert str(escape(text_in(deciders.help, language))) not in page
        asked = [item for item in QUICK.items if f'name="{item.id}"' in page]
        assert asked == QUICK.ask_members_items
        assert str(escape(text_in(QUICK.ask_members_items[0].text, language))) in page
