"""Facilitator, participant and dashboard pages through the real router."""

from assessment.engine import default_engine
from assessment.model import Profile
from tests.app.conftest import texts

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]


def workshops(store):
    from workshop.workshops import Workshops

    return Workshops(store)


def test_facilitator_creates_a_workshop_and_sees_code_qr_and_private_link(open_page, store):
    app = open_page("facilitate")
    app.text_input(key="ws_title").input("Retreat <i>2026</i>")
    app.text_area(key="ws_groups").input("NGOs\nGovernments\nCompanies")
    app.button(key="FormSubmitter:workshop_form-Open the workshop").click().run()
    assert not app.exception
    code, key = app.query_params["code"], app.query_params["key"]
    code, key = (code if isinstance(code, str) else code[0]), (key if isinstance(key, str) else key[0])
    assert len(code) == 6 and workshops(store).as_facilitator(code, key) is not None
    assert app.title[0].value == "Retreat \\<i\\>2026\\</i\\>"
    assert any(f"facilitate?code={code}&key={key}" in c.value for c in app.code)
    assert any(f"join?code={code}" in c.value for c in app.code)
    assert len(app.get("image")) == 1  # the QR code
    assert [m.label for m in app.metric] == ["Joined", "Answering", "Finished"]
    again = open_page("facilitate", code=code, key=key)  # the key is shown only once
    assert not any("key=" in c.value for c in again.code)


def test_wrong_facilitator_key_sees_nothing(open_page, store):
    workshop, _ = workshops(store).create("Secret", QUICK, ["A"])
    app = open_page("facilitate", code=workshop.code, key="wrong-key")
    assert "not valid" in app.error[0].value
    assert not app.metric and not app.get("download_button") and workshop.code not in texts(app)


def test_participant_joins_answers_and_finishes(open_page, store):
    service = workshops(store)
    workshop, _ = service.create("Room", QUICK, ["NGOs", "Governments"])
    app = open_page("join", code=workshop.code.lower())
    assert app.title[0].value == "Room"
    app.radio(key="join_group").set_value("NGOs")
    app.button(key="join_button").click().run()
    token = app.query_params["p"]
    token = token if isinstance(token, str) else token[0]
    first = QUICK.sections[0].items[0]
    app.radio(key=f"q_{first.id}").set_value("5").run()
    participant = service.participant(token)
    assert participant.answers == {first.id: 5} and participant.group == "NGOs"
    for _ in range(len(QUICK.sections) - 1):
        app.button(key="join_next").click().run()
    app.button(key="join_finish").click().run()
    assert service.participant(token).finished
    assert "Thank you" in app.success[0].value
    assert "appear here when the facilitator reveals" in texts(app)  # nothing shown before the reveal


def test_wrong_code_and_closed_workshop_get_clear_messages(open_page, store):
    app = open_page("join", code="ZZZZZZ")
    assert "No workshop has this code" in app.error[0].value
    service = workshops(store)
    workshop, _ = service.create("Closed room", QUICK, [])
    service.update(workshop, status="closed")
    app = open_page("join", code=workshop.code)
    assert "not taking answers" in app.warning[0].value


def test_dashboard_shows_distribution_and_hides_small_groups(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Dash", QUICK, ["NGOs", "Governments"], threshold=3)
    item = QUICK.sections[0].items[0]
    for n, group in enumerate(["NGOs", "NGOs", "NGOs", "Governments"]):
        person, _ = service.join(workshop.code, group)
        service.save_answer(person, item.id, 1 + n)
        service.finish(person)
    app = open_page("facilitate", code=workshop.code, key=key)
    assert [m.value for m in app.metric] == ["4", "0", "4"]
    shown = texts(app)
    assert "Not shown: 1 group(s) with fewer than 3 people" in shown
    spec = "\n".join(str(c.proto) for c in app.get("vega_lite_chart"))
    assert "NGOs" in spec and "Governments" not in spec


def test_presenter_view_hides_controls_and_enlarges_the_code(open_page, store):
    workshop, key = workshops(store).create("Projector", QUICK, ["NGOs"])
    app = open_page("facilitate", code=workshop.code, key=key)
    assert app.button(key="ws_close") and app.get("download_button")
    app.toggle(key="presenter").set_value(True).run()
    assert f"# Join code: `{workshop.code}`" in [m.value for m in app.markdown]
    assert not [b for b in app.button if b.key in ("ws_close", "ws_reveal", "ws_delete")]
    assert not app.get("download_button")
    assert [m.label for m in app.metric] == ["Joined", "Answering", "Finished"]


def test_led_pace_moves_every_phone_to_the_facilitators_section(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Led", QUICK, [])
    _, token = service.join(workshop.code)
    facilitator = open_page("facilitate", code=workshop.code, key=key)
    facilitator.selectbox(key="ws_pace").set_value("led").run()
    facilitator.radio(key="ws_current").set_value(2).run()
    assert service.get(workshop.id).current_section == 2
    phone = open_page("join", p=token)
    assert phone.header[0].value == QUICK.sections[2].title
    assert "The facilitator will move the group" in phone.info[0].value
    assert not [b for b in phone.button if b.key in ("join_next", "join_back")]


def test_revealed_results_show_the_room_not_individuals(open_page, store):
    service = workshops(store)
    workshop, _ = service.create("Reveal", QUICK, [])
    item = QUICK.items[0]
    tokens = []
    for value in (1, 5, 5):
        person, token = service.join(workshop.code)
        service.save_answer(person, item.id, value)
        service.finish(person)
        tokens.append(token)
    before = open_page("join", p=tokens[0])
    assert "appear here when the facilitator reveals" in texts(before)
    service.update(workshop, revealed=True)
    after = open_page("join", p=tokens[0])
    assert "Most contested statements" in [s.value for s in after.subheader]
    assert "n=3" in texts(after)  # the room's distribution, never one person's row
    assert not after.get("download_button")


def test_delete_needs_the_code_typed_and_removes_everything(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Doomed", QUICK, [])
    _, token = service.join(workshop.code)
    app = open_page("facilitate", code=workshop.code, key=key)
    assert app.button(key="ws_delete").disabled
    app.text_input(key="ws_delete_confirm").input(workshop.code.lower()).run()
    app.button(key="ws_delete").click().run()
    assert "deleted" in app.success[0].value
    assert service.by_code(workshop.code) is None and service.participant(token) is None


def test_dashboard_compares_the_room_with_the_leaders_own_assessment(open_page, store):
    assessment_id, token = store.start(QUICK, Profile())
    store.save_answers(assessment_id, {i.id: (1 if i.reverse else 5) for i in QUICK.items})  # the leader: all good
    service = workshops(store)
    app = open_page("facilitate")
    app.text_input(key="ws_title").input("Reality check")
    app.text_input(key="ws_resume").input(f"http://host/assess?resume={token}")
    app.button(key="FormSubmitter:workshop_form-Open the workshop").click().run()
    code = app.query_params["code"]
    workshop = service.by_code(code if isinstance(code, str) else code[0])
    assert workshop.assessment_id == assessment_id
    for _ in range(3):
        person, _ = service.join(workshop.code)
        for item in QUICK.items:
            service.save_answer(person, item.id, 5 if item.reverse else 1)  # the room: all bad
    app.run()
    table = next(d.value for d in app.dataframe if "Leader" in d.value.columns)
    legitimacy = table[table["Dimension"] == "Legitimacy"].iloc[0]
    assert (legitimacy["Leader"], legitimacy["Room"], legitimacy["Difference"]) == (100.0, 0.0, -100.0)


def test_a_bad_resume_link_keeps_the_form(open_page):
    app = open_page("facilitate")
    app.text_input(key="ws_title").input("Keep me")
    app.text_input(key="ws_resume").input("not-a-token")
    app.button(key="FormSubmitter:workshop_form-Open the workshop").click().run()
    assert "does not open a saved assessment" in app.error[0].value
    assert app.text_input(key="ws_title").value == "Keep me" and "code" not in app.query_params
