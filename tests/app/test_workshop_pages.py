"""Facilitator, participant and dashboard pages through the real router."""

from assessment.engine import default_engine
from assessment.model import Profile
from tests.app.conftest import texts

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]
STATEMENTS = [i for i in QUICK.items if i.kind == "likert"]  # the list question takes a list, not a point


def workshops(store):
    from workshop.workshops import Workshops

    return Workshops(store)


def linked_workshop(open_page, store, title: str, leader: dict, sections: list[str] = ()):
    """A workshop opened on the facilitator page with the leader's own saved answers linked to it."""
    assessment_id, token = store.start(QUICK, Profile())
    store.save_answers(assessment_id, leader)
    app = open_page("facilitate")
    app.text_input(key="ws_title").input(title)
    if sections:
        app.multiselect(key="ws_sections").set_value(list(sections))
    app.text_input(key="ws_resume").input(f"http://host/assess?resume={token}")
    app.button(key="FormSubmitter:workshop_form-Open the workshop").click().run()
    code = app.query_params["code"]
    workshop = workshops(store).by_code(code if isinstance(code, str) else code[0])
    assert workshop.assessment_id == assessment_id
    return app, workshop


def test_a_workshop_without_a_title_is_refused_in_a_sentence_and_the_form_is_kept(open_page, store):
    app = open_page("facilitate")
    app.text_area(key="ws_groups").input("NGOs\nGovernments")
    app.button(key="FormSubmitter:workshop_form-Open the workshop").click().run()
    assert [e.value for e in app.error] == ["Give the workshop a title. Your entries are still in the form."]
    assert app.text_area(key="ws_groups").value == "NGOs\nGovernments"


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
    assert any(c.value.endswith(f"/w/{code}") for c in app.code)  # the light participant path
    # Opened without a public address (as on localhost): the link says how phones reach it.
    assert any("local network" in i.value or "no local network address" in i.value for i in app.info)
    projector = next(b for b in app.get("link_button") if "projector" in b.proto.label)
    assert projector.proto.url == f"w/present/{code}#key={key}"  # the key after "#": never sent or logged
    assert len(app.get("image")) == 1  # the QR code
    assert [m.label for m in app.metric] == ["Joined", "Answering", "Finished"]
    again = open_page("facilitate", code=code, key=key)  # the key is shown only once
    assert not any("key=" in c.value for c in again.code)


def test_wrong_facilitator_key_sees_nothing(open_page, store):
    workshop, _ = workshops(store).create("Secret", QUICK, ["A"])
    app = open_page("facilitate", code=workshop.code, key="wrong-key")
    assert "not valid" in app.error[0].value
    assert not app.metric and not app.get("download_button") and workshop.code not in texts(app)


def test_old_join_links_lead_to_the_light_participant_page(open_page):
    app = open_page("join", code="acefgh")
    assert app.get("link_button")[0].proto.url == "w/ACEFGH"
    assert open_page("join").get("link_button")[0].proto.url == "w/"


def test_closing_and_ending_take_the_code_and_qr_down(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Closing", QUICK, [])
    service.update(workshop, status="closed")
    closed = open_page("facilitate", code=workshop.code, key=key)
    assert "Answering is closed" in texts(closed) and not closed.get("image")
    assert f"Join code: `{workshop.code}`" not in texts(closed)
    service.update(workshop, status="ended")
    ended = open_page("facilitate", code=workshop.code, key=key)
    assert "has ended" in texts(ended) and not ended.get("image")


def test_dashboard_shows_distribution_and_hides_small_groups(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Dash", QUICK, ["NGOs", "Governments"], threshold=3)
    item = QUICK.sections[0].items[0]
    for n, group in enumerate(["NGOs", "NGOs", "NGOs", "NGOs", "Governments", "Governments", "Governments", None]):
        person, _ = service.join(workshop.code, group)
        service.save_answer(person, item.id, 1 + n % 5)
        service.finish(person)
    app = open_page("facilitate", code=workshop.code, key=key)
    assert [m.value for m in app.metric] == ["8", "0", "8"]
    assert "shown only where at least 3 of its members answered" in texts(app)
    spec = "\n".join(str(c.proto) for c in app.get("vega_lite_chart"))
    # One person chose no group: shown with Governments (3), the room minus both would be that person.
    assert "NGOs" in spec and "Governments" not in spec


def test_facilitator_leads_the_pace(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Led", QUICK, [])
    facilitator = open_page("facilitate", code=workshop.code, key=key)
    facilitator.selectbox(key="ws_pace").set_value("led").run()
    facilitator.radio(key="ws_current").set_value(2).run()
    current = service.get(workshop.id)
    assert (current.pace, current.current_section) == ("led", 2)


def test_delete_needs_the_code_typed_and_removes_everything(open_page, store):
    service = workshops(store)
    workshop, key = service.create("Doomed", QUICK, [])
    _, token = service.join(workshop.code)
    app = open_page("facilitate", code=workshop.code, key=key)
    assert app.button(key="ws_delete").disabled
    app.text_input(key="ws_delete_confirm").input(workshop.code.lower()).run()
    app.button(key="ws_delete").click().run()
    assert "“Doomed” and all its answers were deleted" in app.success[0].value
    assert app.title[0].value == "Run a workshop" and not app.metric  # nothing of it stays on screen
    assert service.by_code(workshop.code) is None and service.participant(token) is None


def test_dashboard_compares_the_room_with_the_leaders_own_assessment(open_page, store):
    good = {i.id: (1 if i.reverse else 5) for i in STATEMENTS}  # the leader: all good
    app, workshop = linked_workshop(open_page, store, "Reality check", good)
    service = workshops(store)
    for _ in range(3):
        person, _ = service.join(workshop.code)
        for item in STATEMENTS:
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


def test_a_workshop_on_the_members_questions_sets_the_room_beside_the_leaders_guesses(open_page, store):
    from workshop.workshops import MEMBERS_ONLY

    good = {i.id: (1 if i.reverse else 5) for i in STATEMENTS}  # the leader: all good
    app, workshop = linked_workshop(open_page, store, "What only members know", good, [MEMBERS_ONLY])
    service = workshops(store)
    assert workshop.sections == [MEMBERS_ONLY]
    asked = QUICK.ask_members_items
    for _person in range(3):
        person, _ = service.join(workshop.code)
        for item in asked:
            service.save_answer(person, item.id, 5 if item.reverse else 1)  # the room: all bad
    app.run()
    assert not app.exception
    shown = texts(app)
    assert f"the room sides with your answer on 0 of {len(asked)} statements" in shown
    table = next(d.value for d in app.table if "Room on your side" in d.value.columns)
    assert len(table) == len(asked) and set(table["Room on your side"]) == {"0%"}
    assert not any("Leader" in d.value.columns for d in app.dataframe)  # no dimension scores from 4 questions


def test_the_dashboard_counts_what_the_room_picked_and_sets_it_beside_the_leaders_picks(open_page, store):
    app, workshop = linked_workshop(open_page, store, "What is in the way", {"st_main_obstacles": ["trust", "money"]})
    service = workshops(store)
    for picks in (["political_will"], ["political_will", "money"]):
        person, _ = service.join(workshop.code, "NGOs")
        service.save_answer(person, "st_main_obstacles", picks)
    app.run()
    assert "What the room picked" in texts(app) and "2 answered so far" in texts(app)  # below the threshold of 3
    assert not any("Chosen most" in str(c.proto) for c in app.get("vega_lite_chart"))
    assert "nothing to compare yet" in texts(app)  # neither statements nor picks are shown yet
    person, _ = service.join(workshop.code, "NGOs")
    service.save_answer(person, "st_main_obstacles", ["political_will", "voice"])
    app.run()
    assert not app.exception
    shown = texts(app).replace("\\", "")  # the finding as the page writes it, brackets escaped for Markdown
    assert "**Chosen most: “Those who must decide (governments, legislators, companies) are not willing to act, or " \
           "support rests on a few people”, by 3 of 3**" in shown
    assert "Each person could pick up to 2" in shown
    assert "the room's most chosen answer is among yours on 0 of 1 questions" in shown
    assert "nothing to compare yet" not in shown  # the picks are compared, though no statement was asked
    table = next(d.value for d in app.table if "The room chose most" in d.value.columns)
    assert table.iloc[0]["You chose (and how many in the room did too)"].startswith("Not enough money")
    assert "(1 of 3)" in table.iloc[0]["You chose (and how many in the room did too)"]
    assert "(0 of 3)" in table.iloc[0]["You chose (and how many in the room did too)"]  # trust: nobody else
