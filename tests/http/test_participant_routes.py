"""The participant path against a real server (`streamlit run server.py`), as a phone uses it."""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest

from assessment.engine import default_engine
from assessment.storage import Store
from tests.e2e.conftest import running_app
from workshop.workshops import Workshops

QUICK = default_engine().instruments["quick-check"]
LIKERT = [i for i in QUICK.items if i.kind == "likert"]
FIRST = QUICK.sections[0]


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """A server, and the facilitator's side of it (the same database)."""
    data = tmp_path_factory.mktemp("data")
    with running_app(data, {"COALITION_WRONG_CODES_PER_MINUTE": "4", "COALITION_MAX_PARTICIPANTS": "6"}) as url:
        store = Store(f"sqlite:///{data / 'coalition.db'}")
        yield url, Workshops(store)
        store.engine.dispose()


def phone(url: str) -> httpx.Client:
    return httpx.Client(base_url=url, follow_redirects=False, timeout=30)


def join(client: httpx.Client, code: str, group: str = "-") -> str:
    response = client.post(f"/w/{code}", data={"group": group})
    assert response.status_code == 303, response.text
    return response.headers["location"].rsplit("/", 1)[1]


def test_join_page_is_light_and_safe(room):
    url, _ = room
    response = phone(url).get("/w/")
    assert response.status_code == 200 and "Workshop code" in response.text
    assert len(response.content) < 4000  # no frontend bundle on conference Wi-Fi
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["referrer-policy"] == "no-referrer"


def test_wrong_code_then_rate_limit(room):
    url, service = room
    client = phone(url)
    wrong = client.post("/w/", data={"code": "zzzzzz"})
    assert wrong.status_code == 404 and "No workshop has this code" in wrong.text
    for _ in range(5):
        last = client.post("/w/", data={"code": "yyyyyy"})
    assert last.status_code == 429 and "Too many wrong codes" in last.text
    workshop, _ = service.create("Still reachable?", QUICK, [])
    blocked = client.post("/w/", data={"code": workshop.code})
    assert blocked.status_code == 429  # even a right code waits out the minute


def test_closed_and_unknown_workshops_say_so(room):
    url, service = room
    workshop, _ = service.create("Closed room", QUICK, ["NGOs"])
    service.update(workshop, status="closed")
    page = phone(url).get(f"/w/{workshop.code}")
    assert "not taking answers" in page.text and "<form" not in page.text
    assert phone(url).get("/w/p/not-a-real-token").status_code == 404


def test_group_must_be_chosen_and_none_is_preselected(room):
    url, service = room
    workshop, _ = service.create("Groups", QUICK, ["NGOs", "States"])
    client = phone(url)
    page = client.get(f"/w/{workshop.code.lower()}")
    assert page.status_code == 200 and " checked" not in page.text and "I'd rather not say" in page.text
    refused = client.post(f"/w/{workshop.code}", data={})
    assert refused.status_code == 400 and "Choose the group" in refused.text
    assert service.counts(workshop.id)["joined"] == 0
    token = join(client, workshop.code, "States")
    assert service.participant(token).group == "States"


def test_a_second_visit_from_the_same_phone_resumes_instead_of_joining_again(room):
    url, service = room
    workshop, _ = service.create("Once", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    again = client.get(f"/w/{workshop.code}")
    assert again.status_code == 303 and again.headers["location"].endswith(token)
    assert service.counts(workshop.id)["joined"] == 1


def test_each_tap_saves_and_a_reload_shows_it(room):
    url, service = room
    workshop, _ = service.create("Taps", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    item = FIRST.items[0]
    saved = client.post(f"/w/p/{token}/a", data={"item": item.id, "value": "4"}, headers={"Accept": "application/json"})
    assert saved.status_code == 200 and saved.json()["saved"] == item.id
    assert service.participant(token).answers == {item.id: 4}
    bad = client.post(f"/w/p/{token}/a", data={"item": item.id, "value": "9"})
    assert bad.status_code == 400 and "Not saved" in bad.json()["error"]
    assert client.post(f"/w/p/{token}/a", data={"item": "ghost", "value": "1"}).status_code == 400
    page = client.get(f"/w/p/{token}")
    assert re.search(rf'name="{item.id}" value="4" checked', page.text)
    cleared = client.post(f"/w/p/{token}/a", data={"item": item.id})
    assert cleared.status_code == 200 and service.participant(token).answers == {}


def likert_names(page: str) -> list[str]:
    """The likert questions a page shows, in order (their radios offer the value 3)."""
    return list(dict.fromkeys(re.findall(r'name="([a-z0-9_]+)" value="3"', page)))


def test_every_page_without_javascript_then_finish(room):
    url, service = room
    workshop, _ = service.create("No script", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    pages = 0
    while True:
        page = client.get(f"/w/p/{token}").text
        if "Thank you" in page:
            break
        pages += 1
        go = "finish" if 'value="finish"' in page else "next"
        assert client.post(f"/w/p/{token}/s", data={**dict.fromkeys(likert_names(page), "3"), "go": go}) \
            .status_code == 303
    person = service.participant(token)
    assert person.finished and person.answers == {i.id: 3 for i in LIKERT}
    assert pages <= 2  # the quick check is a page or two on a phone, not ten
    assert "appear here when the facilitator reveals" in client.get(f"/w/p/{token}").text


def test_a_bad_value_on_a_page_keeps_the_good_ones(room):
    url, service = room
    workshop, _ = service.create("Mixed", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    good, bad = likert_names(client.get(f"/w/p/{token}").text)[:2]
    page = client.post(f"/w/p/{token}/s", data={good: "5", bad: "12", "go": "next"})
    assert page.status_code == 400 and "could not be saved" in page.text
    assert service.participant(token).answers == {good: 5} and service.participant(token).section == 0


def test_a_tab_left_open_on_an_earlier_page_never_clears_a_later_one(room):
    url, service = room
    workshop, _ = service.create("Two tabs", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    stale = client.get(f"/w/p/{token}").text  # the first tab, left open on page 1
    first = likert_names(stale)
    assert 'name="page" value="0"' in stale
    client.post(f"/w/p/{token}/s", data={**dict.fromkeys(first, "3"), "page": "0", "go": "next"})  # a second tab
    second = likert_names(client.get(f"/w/p/{token}").text)
    assert second and not set(second) & set(first)
    for name in second:
        assert client.post(f"/w/p/{token}/a", data={"item": name, "value": "1"}).status_code == 200
    moved_on = client.post(f"/w/p/{token}/s", data={**dict.fromkeys(first, "2"), "page": "0", "go": "next"})
    assert moved_on.status_code == 303
    person = service.participant(token)
    assert person.answers == {**dict.fromkeys(first, 2), **dict.fromkeys(second, 1)}  # page 2 kept, page 1 updated
    assert person.section == 1


def test_reveal_reaches_a_waiting_phone_within_two_seconds(room):
    url, service = room
    workshop, _ = service.create("Reveal", QUICK, ["NGOs"], threshold=2)
    tokens = []
    for value in (1, 5, 5):
        client = phone(url)
        token = join(client, workshop.code, "NGOs")
        client.post(f"/w/p/{token}/a", data={"item": LIKERT[0].id, "value": str(value)})
        tokens.append((client, token))
    client, token = tokens[0]
    service.finish(service.participant(token))
    waiting = client.get(f"/w/p/{token}")
    known = re.search(r'data-version="([^"]+)"', waiting.text).group(1)
    started = time.monotonic()
    threading.Timer(0.5, lambda: service.update(workshop, revealed=True)).start()
    changed = client.get(f"/w/{workshop.code}/state", params={"v": known}).json()["version"]
    assert changed != known and time.monotonic() - started < 2.5
    results = client.get(f"/w/p/{token}")
    main = results.text.split("<main>")[1].split("</main>")[0]
    assert "What the room said" in main and "(n=3)" in main, main


def test_led_pace_shows_the_facilitators_section_and_no_way_on(room):
    url, service = room
    workshop, _ = service.create("Led", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    service.update(workshop, pace="led", current_section=2)
    page = client.get(f"/w/p/{token}").text
    assert f"<h1>{QUICK.sections[2].title}</h1>" in page and "The facilitator will move the group" in page
    assert 'value="next"' not in page and 'value="back"' not in page and 'data-follow="1"' in page
    client.post(f"/w/p/{token}/s", data={"go": "next"})
    assert service.participant(token).section == 0  # a phone cannot move itself on a led workshop


def test_every_user_text_is_escaped(room):
    url, service = room
    evil = '<script>alert(1)</script> ![x](http://evil.example/p.png) <img src=x onerror=alert(2)>'
    workshop, _ = service.create(evil, QUICK, [evil[:60], "**bold** [link](http://evil.example)"])
    client = phone(url)
    page = client.get(f"/w/{workshop.code}").text
    assert "<script>alert" not in page and "<img src=x" not in page and "&lt;script&gt;" in page
    assert "<strong>bold" not in page and 'href="http://evil.example' not in page
    token = join(client, workshop.code, "**bold** [link](http://evil.example)")
    section = client.get(f"/w/p/{token}").text
    assert "<script>alert" not in section and "&lt;script&gt;" in section


def test_a_full_workshop_refuses_more_people(room):
    url, service = room
    workshop, _ = service.create("Small room", QUICK, [])
    for _ in range(6):
        join(phone(url), workshop.code)
    refused = phone(url).post(f"/w/{workshop.code}", data={"group": "-"})
    assert refused.status_code == 400 and "This workshop is full (6 people" in refused.text


def test_phones_and_the_projector_show_what_the_room_picked_in_their_language(room):
    url, service = room
    workshop, key = service.create("Obstacles", QUICK, [], threshold=2)
    tokens = []
    for picks in (["money", "trust"], ["money"], ["voice"]):
        client = phone(url)
        token = join(client, workshop.code)
        saved = client.post(f"/w/p/{token}/a", data={"item": "st_main_obstacles", "value": picks})
        assert saved.status_code == 200, saved.text
        tokens.append((client, token))
    client, token = tokens[0]
    service.finish(service.participant(token))
    service.update(workshop, revealed=True)
    french = client.get(f"/w/p/{token}", params={"lang": "fr"}).text
    main = french.split("<main>")[1].split("</main>")[0]
    assert "Ce que la salle a choisi" in main
    assert "Réponse la plus choisie\u00a0: «\u00a0Trop peu d’argent, ou un financement à court terme ou venant " \
           "de trop peu de bailleurs\u00a0», par 2 sur 3" in main
    assert 'class="seg pick w67"' in main and "2 personnes" in main
    names = [phone(url).get(f"/w/present/{workshop.code}/screen", params={"n": n},
                            headers={"x-facilitator-key": key}).text for n in range(6)]
    picked = [n for n, page in enumerate(names) if "What the room picked" in page]
    assert picked and "Chosen most: “Not enough money" in names[picked[0]]
    assert "Most divided" not in names[picked[0]] and "Common ground" in names[-1]
    kept = phone(url).get(f"/w/present/{workshop.code}/screen", params={"n": 0, "screen": "picked-0"},
                          headers={"x-facilitator-key": key}).text  # a refresh asks for its screen by name
    assert 'data-name="picked-0"' in kept and f'data-index="{picked[0]}"' in kept
    unknown = phone(url).get(f"/w/present/{workshop.code}/screen", params={"n": 1, "screen": "nonsense"},
                             headers={"x-facilitator-key": key}).text
    assert 'data-name="counts"' in unknown  # a screen that no longer exists falls back to the number
    service.update(workshop, status="ended")
    ended = phone(url).get(f"/w/present/{workshop.code}/screen", params={"screen": "counts"},
                           headers={"x-facilitator-key": key}).text
    assert "did not finish" in ended and "answering" not in ended  # nobody is answering once it has ended


def test_a_third_pick_is_refused_in_the_phones_language_and_the_page_says_how_many(room):
    url, service = room
    workshop, _ = service.create("Two at most", QUICK, [])
    client = phone(url)
    token = join(client, workshop.code)
    assert client.post(f"/w/p/{token}/a", data={"item": "st_main_obstacles", "value": ["money", "trust"]}).is_success
    refused = client.post(f"/w/p/{token}/a?lang=fr", data={"item": "st_main_obstacles",
                                                           "value": ["money", "trust", "voice"]})
    assert refused.status_code == 400 and refused.json()["error"] == "Non enregistré\u00a0: choisissez-en 2 au plus."
    assert service.participant(token).answers["st_main_obstacles"] == ["money", "trust"]
    page = client.get(f"/w/p/{token}").text
    while 'data-kind="multiple"' not in page:
        page = client.post(f"/w/p/{token}/s", data={"go": "next"}, follow_redirects=True).text
    assert 'data-max="2" data-too-many="You can choose at most 2 — take one out to add another."' in page
