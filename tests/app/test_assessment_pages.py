"""The Assess pages through the real router: start, answer and resume, map, results, trend."""

from assessment.engine import default_engine
from assessment.model import Profile, Stakeholder, text_in
from assessment.paging import pages_of
from tests.app.conftest import texts

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]


def level(n: int, instrument=QUICK, with_stage: bool = True) -> dict:
    """Every likert item answered at level n of 1–5, mapped onto its own scale (three-point items too)."""
    answers = {}
    for item in instrument.items:
        if item.kind == "likert" and (with_stage or not item.stage):
            points = instrument.scale_of(item).points
            answers[item.id] = 1 + round((n - 1) * (points - 1) / 4)
    return answers


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
    assert app.subheader[0].value == "Is a coalition the right tool?"  # the quick check: sections share a page


def test_answers_are_saved_as_given_and_restored_on_reload(open_page, store):
    assessment_id, token = started(store)
    first = QUICK.sections[0].items[0]
    app = open_page("assess", resume=token)
    app.radio(key=f"q_{first.id}").set_value("4").run()
    assert store.get(assessment_id).answers == {first.id: 4}
    reloaded = open_page("assess", resume=token)  # a new session, as after a reload
    assert reloaded.radio(key=f"q_{first.id}").value == "4"


def test_the_quick_check_takes_two_pages_and_keeps_answers_and_position(open_page, store):
    pages = pages_of(QUICK.sections)
    assert len(pages) == 2 and sum(len(s.items) for page in pages for s in page) == len(QUICK.items)
    assessment_id, token = started(store)
    app = open_page("assess", resume=token)
    assert "Page 1 of 2" in app.get("progress")[0].proto.text
    assert [s.value for s in app.subheader] == [text_in(s.title) for s in pages[0]]
    first = [i for s in pages[0] for i in s.items]
    assert len(app.radio) == sum(i.kind == "likert" for i in first)  # every statement of the page at once
    assert [p.key for p in app.get("button_group") if p.key.startswith("q_")] == [
        f"q_{i.id}" for i in first if i.kind == "multiple"]
    app.button(key="section_next").click().run()
    second = pages[1][0].items[0]
    app.radio(key=f"q_{second.id}").set_value("dont_know").run()
    app.button(key="section_back").click().run()
    app.button(key="section_next").click().run()
    assert app.radio(key=f"q_{second.id}").value == "dont_know"
    assert store.get(assessment_id).section == 1 and store.get(assessment_id).answers[second.id] == "dont_know"


def test_a_long_questionnaire_keeps_a_page_per_section():
    full = ENGINE.instruments["full-diagnostic"]
    assert pages_of(full.sections) == [[section] for section in full.sections]


def test_a_link_to_a_section_opens_its_page(open_page, store):
    full = ENGINE.instruments["full-diagnostic"]
    target = next(s for s in full.sections if any(i.stage for i in s.items))
    assessment_id, token = started(store, instrument=full)
    app = open_page("assess", resume=token, section=target.id)
    assert app.header[0].value == text_in(target.title)
    assert store.get(assessment_id).section == full.sections.index(target)


def test_bad_resume_link_says_so(open_page):
    app = open_page("assess", resume="not-a-real-token")
    assert "does not open any saved assessment" in app.error[0].value


def test_results_show_stage_scores_gaps_and_actions(open_page, store):
    low = {item.id: (5 if item.reverse else 1) for item in QUICK.items if item.kind == "likert"}
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
    assert "Check your guesses with your members" in [h.value for h in app.subheader]
    assert f"Only members can answer {len(QUICK.ask_members_items)} of these questions well" in shown
    assert any(link.proto.label == "Run a workshop on these questions" and "facilitate" in link.proto.page
               for link in app.get("page_link"))


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
    first, token = started(store, level(2))
    store.complete(first)
    coalition = store.get(first).coalition_id
    second, _ = store.repeat(coalition, QUICK)
    store.save_answers(second, level(4))
    store.complete(second)
    app = open_page("trend", resume=token)
    assert "2 completed assessments" in texts(app)
    finding = next(m.value for m in app.markdown if "Since the first assessment" in m.value)
    assert "rose most" in finding
    panels = app.get("vega_lite_chart")
    assert len(panels) == len(QUICK.dimensions)  # small multiples: one panel per dimension
    table = app.table[0].value
    before = ENGINE.assess(QUICK, level(2)).dimensions
    after = ENGINE.assess(QUICK, level(4)).dimensions
    from assessment.charts import whole

    expected = {d.title: whole(after[k].score) - whole(d.score) for k, d in before.items()}
    assert list(table.columns)[-1] == "Change" and len(table.columns) == 4  # dimension, two dates, change
    assert dict(zip(table["Dimension"], table["Change"], strict=True)) == expected


def test_the_trend_says_which_assessments_it_leaves_out_because_they_are_not_finished(open_page, store):
    first, token = started(store, level(2))
    store.complete(first)
    coalition = store.get(first).coalition_id
    second, second_token = store.repeat(coalition, QUICK)
    store.save_answers(second, level(4))  # answered, but "See results" never pressed
    shown = texts(open_page("trend", resume=token))
    assert "1 completed assessment." in shown
    assert "1 other assessment of this coalition is not finished, so it is not in the trend" in shown
    own = texts(open_page("trend", resume=second_token))
    assert "This assessment is not finished, so it is not in the trend yet" in own
    assert "other assessment" not in own


def test_pages_without_an_assessment_point_to_the_start(open_page):
    for page in ("results", "stakeholders", "trend"):
        app = open_page(page)
        assert app.info, page


def test_life_cycle_questions_answered_dont_know_are_not_called_unanswered(open_page, store):
    stage = {i.id: "dont_know" for i in QUICK.items if i.stage}
    _, token = started(store, {**level(2, with_stage=False), **stage, "tr_governance_public": "dont_know"})
    app = open_page("results", resume=token)
    shown = texts(app)
    assert "life-cycle questions were answered “Don't know”, so the coalition cannot be placed" in shown
    assert "not answered yet" not in shown
    links = {e.proto.label for e in app.get("page_link")}
    assert "Go to the life-cycle questions" in links and "Answer the life-cycle questions" not in links


def test_quick_check_results_show_no_empty_chart_but_say_what_would_fill_it(open_page, store):
    _, token = started(store, level(2, with_stage=False))
    app = open_page("results", resume=token)
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1 and "Strongest" in app.markdown[1].value  # the dimensions chart only
    shown = texts(app)
    assert "life-cycle questions are not answered yet" in shown
    assert "No stakeholder map yet" in shown
    links = {e.proto.label: e.proto for e in app.get("page_link")}
    assert links["Answer the life-cycle questions"].query_string.startswith(f"resume={token}")
    assert links["Fill in the stakeholder map"].query_string == f"resume={token}"


def test_a_data_table_says_no_answers_where_the_grid_would_say_none(open_page, store):
    answers = {k: v for k, v in level(3).items() if not k.startswith("tr_")}  # transparency left unanswered
    _, token = started(store, answers)
    app = open_page("results", resume=token)
    [table] = [d.value for d in app.table if "Dimension" in d.value.columns]
    assert table.notna().all().all()
    transparency = table[table["Dimension"] == "Transparency"].iloc[0].tolist()
    assert "no answers" in transparency


def test_a_column_with_a_gap_is_text_throughout_so_arrow_takes_it_as_it_is():
    import pandas as pd
    import pyarrow as pa

    from ui.figures import readable

    table = pd.DataFrame({"Stage": ["Forming", "Evaluation"], "Evidence": pd.array([75, None], dtype="Int64"),
                          "Answered": [2, 2]})
    shown = readable(table, "fr")
    assert shown["Evidence"].tolist() == ["75", "aucune réponse"] and shown["Answered"].tolist() == [2, 2]
    pa.Table.from_pandas(shown)  # numbers beside words in one column made Arrow log a traceback on every view


def test_results_of_a_map_show_the_grid_with_its_key_and_explain_the_herfindahl_index(open_page, store):
    people = [Stakeholder(name=f"Member {n}", sector="ngo", influence=3, stake=3, participation="member", votes=v)
              for n, v in enumerate([70, 20, 10])]
    people[2] = people[2].model_copy(update={"name": "**Member** [2](http://x)"})
    _, token = started(store, {item.id: 4 for item in QUICK.items if item.kind == "likert"}, people)
    app = open_page("results", resume=token)
    assert len(app.get("vega_lite_chart")) == 2
    key = next(m.value for m in app.markdown if m.value.startswith("1. Member 0"))
    lines = key.splitlines()  # the grid's numbers, named, with each name's Markdown kept inert
    assert lines[:2] == ["1. Member 0 \\(Member\\)", "2. Member 1 \\(Member\\)"]
    # A word joiner after "http" stops the bare address being made a link, which escaping cannot do.
    assert lines[2] == "3. \\*\\*Member\\*\\* \\[2\\]\\(http\u2060\\://x\\) \\(Member\\)"
    gloss = next(c.value for c in app.caption if "Herfindahl" in c.value)
    assert "0.54" in gloss and "as if 2 members shared them equally" in gloss


def test_start_a_new_assessment_from_a_tab_with_one_open(open_page, store):
    people = [Stakeholder(name="Ministry", sector="national_government", influence=5, stake=4,
                          participation="opposed")]
    first, token = started(store, stakeholders=people, name="Landmine Coalition")
    app = open_page("results", resume=token)
    new = next(e.proto for e in app.get("page_link") if e.proto.label == "Start a new assessment")
    assert new.page == "assess" and new.query_string == "new=1" and not new.disabled
    app.query_params.clear()
    app.query_params["new"] = "1"
    app.switch_page("pages/assess.py").run()
    assert app.title[0].value == "Assess your coalition"
    assert app.radio(key="start_which").options == ["Landmine Coalition, again", "Another coalition"]
    app.radio(key="start_instrument").set_value("full-diagnostic")
    app.button(key="FormSubmitter:start_form-Start").click().run()
    token2 = app.query_params["resume"]
    second = store.open(token2 if isinstance(token2, str) else token2[0])
    assert second.id != first and second.instrument_id == "full-diagnostic"
    assert second.coalition_id == store.get(first).coalition_id  # the same coalition: its trend continues
    assert second.stakeholders == people  # a repeat starts from the last map
    assert "new" not in app.query_params


def test_another_coalition_starts_with_an_empty_map(open_page, store):
    _, token = started(store, stakeholders=[Stakeholder(name="X", sector="ngo", influence=1, stake=1,
                                                        participation="member")])
    app = open_page("assess", resume=token)
    app.query_params["new"] = "1"
    app.run()
    assert not any(t.key == "start_name" for t in app.text_input)  # "again" needs no new profile: none is asked
    app.radio(key="start_which").set_value("other").run()
    app.text_input(key="start_name").input("Another one")
    app.button(key="FormSubmitter:start_form-Start").click().run()
    token2 = app.query_params["resume"]
    fresh = store.open(token2 if isinstance(token2, str) else token2[0])
    assert fresh.profile.name == "Another one" and fresh.stakeholders == []


def test_a_stakeholder_card_saves_as_it_is_edited(open_page, store):
    people = [Stakeholder(name="Ministry", sector="national_government", influence=5, stake=4,
                          participation="opposed")]
    assessment_id, token = started(store, stakeholders=people)
    app = open_page("stakeholders", resume=token)
    assert "All changes saved" in app.success[0].value and "1 stakeholder" in app.success[0].value
    app.text_input(key="map_card_0_0_name").input("Ministry of Defence").run()
    assert [s.name for s in store.get(assessment_id).stakeholders] == ["Ministry of Defence"]
    app.selectbox(key="map_card_1_0_participation").set_value("consulted").run()
    assert store.get(assessment_id).stakeholders[0].participation == "consulted"
    assert "All changes saved at" in app.success[0].value
    assert not app.get("button") or all(b.label != "Save the map" for b in app.button)
    app.button(key="map_card_2_0_remove").click().run()
    assert store.get(assessment_id).stakeholders == []
    assert any("Removed from the map: Ministry of Defence." in c.value for c in app.caption)
    app.button(key="map_undo").click().run()  # a mis-tap on a phone costs nothing
    [back] = store.get(assessment_id).stakeholders
    assert (back.name, back.participation) == ("Ministry of Defence", "consulted")
    assert not any("Removed from the map" in c.value for c in app.caption)


def test_an_incomplete_table_row_keeps_the_saved_version_and_says_what_it_needs():
    import pandas as pd

    from ui.stakeholder_map import frame, validate_table

    saved = [Stakeholder(name="Ministry", sector="national_government", influence=5, stake=4,
                         participation="opposed")]
    base = frame(saved)
    edited = pd.concat([base.assign(name=""), pd.DataFrame([{"name": "New NGO", "influence": 3, "stake": 3}],
                                                           index=[1])])
    kept, problems = validate_table(edited, base)
    assert kept == saved  # clearing a name does not delete the stakeholder
    assert problems[0].startswith("Row 1: the change is not saved yet (give it a name)")
    assert problems[1] == "Row 2 (New NGO) is not saved yet: choose its sector and choose how it takes part."
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
    assert any(c.value.startswith("The 5 most important: different things to do, at most two from one dimension.")
               for c in app.caption)
    assert [s.value for s in app.subheader if s.value == "Also worth doing"]
    shown = texts(app)
    assert "further actions apply but are not shown" in shown
    assert "Priority: " in shown and "Ranked 1st of " in shown
    assert "an adviser's first priorities were often here rather than at the top of the list" in shown
    assert "Their numbers are their places in the whole list, so a group may skip one." in shown  # 6, 7, 9, 8
    coalitions = default_engine().calibration.coalitions
    assert coalitions >= 41 and f"first priorities for {coalitions} documented coalitions" in shown


def test_items_only_members_can_answer_say_so(open_page, store):
    _, token = started(store, instrument=QUICK)
    app = open_page("assess", resume=token)
    for _ in range(len(QUICK.sections)):  # page on until the first item only members can answer
        if any("Ask your members" in c.value for c in app.caption) or not app.button(key="section_next"):
            break
        app.button(key="section_next").click().run()
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


def test_a_saved_version_1_assessment_in_french_says_its_note_in_french(open_page, store):
    import json

    from tests.unit.test_upgrade import every_answer, version_1

    old = version_1("quick-check")
    assessment_id, token = store.start(old, Profile(name="Depuis 2024", type="advocacy"), "fr")
    rows = [{"assessment_id": assessment_id, "item_id": k, "value": json.dumps(v)}
            for k, v in every_answer(old).items()]
    with store.writing() as session:
        session.execute(store._upsert(rows))
    app = open_page("results", resume=token)
    notes = [i.value for i in app.info if "version 2" in i.value]
    assert any("ont été reportées dans la version 2" in n for n in notes), notes
    assert not any("carried over" in n for n in notes)


def test_the_main_obstacles_keep_two_choices_and_say_why_a_third_is_not_taken(open_page, store):
    full = ENGINE.instruments["full-diagnostic"]
    stage = next(s for s in full.sections if any(i.id == "st_main_obstacles" for i in s.items))
    assessment_id, token = started(store, instrument=full)
    app = open_page("assess", resume=token, section=stage.id)
    app.pills(key="q_st_main_obstacles").set_value(["money", "political_will"]).run()
    assert store.get(assessment_id).answers["st_main_obstacles"] == ["money", "political_will"]
    app.pills(key="q_st_main_obstacles").set_value(["money", "political_will", "trust"]).run()
    assert store.get(assessment_id).answers["st_main_obstacles"] == ["money", "political_will"]
    assert sorted(app.pills(key="q_st_main_obstacles").value) == ["money", "political_will"]
    assert any("you can choose at most 2 — take one out to add another" in w.value for w in app.warning)


def test_results_say_what_the_leader_named_as_standing_in_the_way(open_page, store):
    full = ENGINE.instruments["full-diagnostic"]
    answers = level(4, full) | {"rs_goal_costs_covered": 1, "st_main_obstacles": ["money"]}
    _, token = started(store, answers, instrument=full)
    app = open_page("results", resume=token)
    money = text_in(full.scale_of(full.item("st_main_obstacles")).choices["money"])
    [note] = [i.value for i in app.info if "You named as standing most in the way" in i.value]
    assert f"“{money}”" in note and "of the actions at the top tackle" in note
    assert any("you named" in c.value for c in app.caption)  # the action says so in its ranking


def test_a_map_without_the_coalitions_purpose_asks_for_it_instead_of_finding_no_gap(open_page, store):
    people = [Stakeholder(name=f"Ministry {n}", sector="national_government", influence=4, stake=3,
                          participation="core") for n in range(8)]
    assessment_id, token = store.start(QUICK, Profile(name="One-sector club"))
    store.save_stakeholders(assessment_id, people)
    app = open_page("results", resume=token)
    assert "Absent kinds of actor are not checked yet" in texts(app)
    assert "Kinds of actor absent" not in texts(app) and "No representation gaps found" not in texts(app)
    app.selectbox(key="purpose_type").set_value("advocacy")
    app.selectbox(key="purpose_scope").set_value("national")
    app.button(key="FormSubmitter:coalition_purpose-Check for absent kinds of actor").click().run()
    assert not app.exception
    assert store.open(token).profile.type == "advocacy" and store.open(token).profile.scope == "national"
    shown = texts(app)
    assert "Kinds of actor absent" in shown and "Absent kinds of actor are not checked yet" not in shown


def test_the_rows_a_table_delete_took_out_are_found_with_their_places_even_when_names_repeat():
    from ui.stakeholder_map import removed_by_table

    def person(name, stake=3):
        return Stakeholder(name=name, sector="ngo", influence=3, stake=stake, participation="member")

    before = [person("A"), person("B"), person("A"), person("C")]
    assert removed_by_table(before, [person("A"), person("C")]) == [(1, person("B").model_dump()),
                                                                    (2, person("A").model_dump())]
    assert removed_by_table(before, before) == []
