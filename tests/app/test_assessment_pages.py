"""The Assess pages through the real router: start, answer and resume, map, results, trend."""

from assessment.engine import default_engine
from assessment.model import Profile, Stakeholder
from tests.app.conftest import texts

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]


def started(store, answers=None, stakeholders=(), name="Mine Ban Coalition", instrument=QUICK):
    assessment_id, token = store.start(instrument, Profile(name=name, type="advocacy"))
    store.save_answers(assessment_id, answers or {})
    store.save_stakeholders(assessment_id, list(stakeholders))
    return assessment_id, token


def test_start_screen_creates_an_assessment_and_shows_the_private_link(open_page, store):
    app = open_page("assess")
    assert app.title[0].value == "Assess your coalition"
    app.radio(key="start_instrument").set_value("quick-check")
    app.text_input(key="start_name").input("<b>Coalition</b>")
    app.button(key="FormSubmitter:start_form-Start").click().run()
    token = app.query_params["resume"]
    saved = store.open(token if isinstance(token, str) else token[0])
    assert saved.instrument_id == "quick-check" and saved.profile.name == "<b>Coalition</b>"
    assert "resume=" in app.code[0].value
    assert app.header[0].value == "Is a coalition the right tool?"


def test_answers_are_saved_as_given_and_restored_on_reload(open_page, store):
    assessment_id, token = started(store)
    first = QUICK.sections[0].items[0]
    app = open_page("assess", resume=token)
    app.radio(key=f"q_{first.id}").set_value("4").run()
    assert store.get(assessment_id).answers == {first.id: 4}
    reloaded = open_page("assess", resume=token)  # a new session, as after a reload
    assert reloaded.radio(key=f"q_{first.id}").value == "4"


def test_moving_between_sections_keeps_answers_and_position(open_page, store):
    assessment_id, token = started(store)
    app = open_page("assess", resume=token)
    app.button(key="section_next").click().run()
    second = QUICK.sections[1].items[0]
    app.radio(key=f"q_{second.id}").set_value("dont_know").run()
    app.button(key="section_back").click().run()
    app.button(key="section_next").click().run()
    assert app.radio(key=f"q_{second.id}").value == "dont_know"
    assert store.get(assessment_id).section == 1 and store.get(assessment_id).answers[second.id] == "dont_know"


def test_bad_resume_link_says_so(open_page):
    app = open_page("assess", resume="not-a-real-token")
    assert "does not open any saved assessment" in app.error[0].value


def test_results_show_stage_scores_gaps_and_actions(open_page, store):
    low = {item.id: (5 if item.reverse else 1) for item in QUICK.items}
    people = [Stakeholder(name="<script>x</script>", sector="national_government", influence=5, stake=4,
                          participation="opposed")]
    _, token = started(store, low, people)
    app = open_page("results", resume=token)
    assert [h.value for h in app.header][:4] == ["Where you are in the life cycle", "Dimensions", "Representation",
                                                 "What to do next"]
    shown = texts(app)
    assert "De facto stakeholders outside the coalition" in shown
    assert "\\<script\\>x\\</script\\>" in shown  # user text is shown inert
    ranked = [e.label for e in app.expander if e.label[:1] in "★0123456789"]
    assert ranked and ranked[0].startswith("★ 1.")
    assert sum(label.startswith("★") for label in ranked) == min(5, len(ranked))
    labels = [b.label for b in app.get("download_button")]
    assert {"Report (HTML)", "Report (Markdown)", "Result (JSON)", "Answers (CSV)"} <= set(labels)


def test_stakeholder_form_adds_a_row(open_page, store):
    assessment_id, token = started(store)
    app = open_page("stakeholders", resume=token)
    app.text_input(key="map_add_name").input("Ministry of Defence")
    app.selectbox(key="map_add_sector").set_value("national_government")
    app.slider(key="map_add_influence").set_value(5)
    app.selectbox(key="map_add_participation").set_value("not_engaged")
    app.button(key="FormSubmitter:map_add-Add to the map").click().run()
    saved = store.get(assessment_id).stakeholders
    assert [(s.name, s.influence, s.participation) for s in saved] == [("Ministry of Defence", 5, "not_engaged")]


def test_trend_after_two_completed_assessments(open_page, store):
    first, token = started(store, {i.id: 2 for i in QUICK.items})
    store.complete(first)
    coalition = store.get(first).coalition_id
    second, _ = store.repeat(coalition, QUICK)
    store.save_answers(second, {i.id: 4 for i in QUICK.items})
    store.complete(second)
    app = open_page("trend", resume=token)
    assert "2 completed assessments" in texts(app)
    finding = next(m.value for m in app.markdown if "Since the first assessment" in m.value)
    assert "rose most" in finding
    assert len(app.get("vega_lite_chart")) == 1


def test_pages_without_an_assessment_point_to_the_start(open_page):
    for page in ("results", "stakeholders", "trend"):
        app = open_page(page)
        assert app.info, page


FULL = ENGINE.instruments["full-diagnostic"]


def worst(instrument) -> dict:
    answers = {}
    for item in instrument.items:
        if item.kind == "likert":
            points = instrument.scale_of(item).points
            answers[item.id] = points if item.reverse else 1
    return answers | {"tr_has_budget": "yes", "rs_core_funding_months": 2}


def test_results_show_five_actions_then_also_worth_doing_by_dimension(open_page, store):
    _, token = started(store, worst(FULL), instrument=FULL, name="Worst case")
    app = open_page("results", resume=token)
    labels = [e.label for e in app.expander if e.label[:1] in "★0123456789"]
    assert len(labels) == 15 and sum(label.startswith("★") for label in labels) == 5
    assert all(label.endswith((" · Act now", " · Next", " · When you can")) for label in labels)
    assert "(top priority)" not in texts(app)
    assert [s.value for s in app.subheader if s.value == "Also worth doing"]
    shown = texts(app)
    assert "further actions apply but are not shown" in shown
    assert "Priority: " in shown and "Ranked 1st of " in shown


def test_items_only_members_can_answer_say_so(open_page, store):
    _, token = started(store, instrument=QUICK)
    app = open_page("assess", resume=token)
    app.button(key="section_next").click().run()
    app.button(key="section_next").click().run()
    app.button(key="section_next").click().run()  # accountability: "Members can name who decides..."
    assert any("Ask your members" in c.value for c in app.caption)


def test_a_saved_version_1_assessment_opens_with_the_note(open_page, store):
    import json

    from tests.unit.test_upgrade import every_answer, version_1

    old = version_1("quick-check")
    assessment_id, token = store.start(old, Profile(name="From 2024", type="advocacy"))
    rows = [{"assessment_id": assessment_id, "item_id": k, "value": json.dumps(v)}
            for k, v in every_answer(old).items()]
    with store.writing() as session:
        session.execute(store._upsert(rows))
    app = open_page("results", resume=token)
    assert any("carried over to version 2" in i.value for i in app.info)
