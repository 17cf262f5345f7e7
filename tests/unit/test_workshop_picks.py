"""A room's answers to pick-from-a-list questions (workshop/choices.py): counted once per person,
most chosen first, shown only for the room and only once enough people answered, worded in each
phone's language, and carried to the dashboard's snapshot, the group report and the leader's view."""

from __future__ import annotations

from datetime import UTC, datetime

import hypothesis.strategies as st
from hypothesis import given, settings

from assessment.engine import default_engine
from workshop.charts import tally_figure
from workshop.choices import finding, in_language, picked_items, tallies, tally, unpicked
from workshop.leader import picks_against_leader
from workshop.report import group_report_html
from workshop.room import snapshot
from workshop.workshops import Row, WorkshopInfo

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]
FULL = ENGINE.instruments["full-diagnostic"]
OBSTACLES = QUICK.item("st_main_obstacles")
KEYS = list(QUICK.scale_of(OBSTACLES).choices)


def workshop(instrument_id: str = "quick-check", threshold: int = 3, sections: list[str] | None = None,
             language: str = "en", groups: list[str] | None = None) -> WorkshopInfo:
    return WorkshopInfo(id="w", code="ACEFGH", title="Retreat", instrument_id=instrument_id,
                        sections=sections or [], groups=groups or [], threshold=threshold, assessment_id=None,
                        status="open", pace="self", current_section=0, revealed=True,
                        created_at=datetime.now(UTC), language=language)


def rows(*answers, group: str | None = None) -> list[Row]:
    return [Row(number=n, group=group, finished=True, answers={"st_main_obstacles": a} if a is not None else {})
            for n, a in enumerate(answers, start=1)]


def test_each_person_counts_once_per_answer_and_the_most_chosen_come_first():
    counted = tally(QUICK, OBSTACLES, [["money", "political_will"], ["money"], ["money", "money"],
                                       ["opponents", "political_will"], "dont_know"], threshold=3)
    assert counted.shown and counted.respondents == 5 and counted.picked == 4 and counted.dont_know == 1
    assert [(c.key, c.people) for c in counted.choices[:3]] == [("money", 3), ("political_will", 2),
                                                                 ("opponents", 1)]
    assert len(counted.choices) == len(KEYS)  # answers nobody picked stay on the list, at zero
    assert [c.key for c in counted.choices[3:]] == [k for k in KEYS if k not in {"money", "political_will",
                                                                                   "opponents"}]
    assert counted.share(counted.choices[0]) == 75  # of the four who picked something
    assert finding(counted) == "Chosen most: “Not enough money, or money that is short-term or from too few " \
                               "funders”, by 3 of 4"


def test_a_tie_names_every_answer_and_nobody_picking_says_so():
    tied = tally(QUICK, OBSTACLES, [["money"], ["opponents"], ["money", "opponents"]], threshold=3)
    assert [c.key for c in tied.most] == ["money", "opponents"]  # the order of the list breaks the tie
    assert finding(tied).startswith("Chosen most, tied: “Not enough money") and finding(tied).endswith(
        "” and “Powerful interests working against the goal”, by 2 of 3 each")  # answers hold commas of their own
    unsure = tally(QUICK, OBSTACLES, ["dont_know"] * 4, threshold=3)
    assert unsure.shown and not unsure.most
    assert finding(unsure) == "No answer picked: 4 people answered “Don't know”"
    assert finding(tally(QUICK, OBSTACLES, [[], [], []], threshold=0)) == "Nobody has picked an answer yet"


def test_fewer_answers_than_the_threshold_show_nothing_but_how_many_answered():
    few = tally(QUICK, OBSTACLES, [["money"], ["money"]], threshold=3)
    assert not few.shown and few.choices == [] and few.picked == 0 and few.respondents == 2
    one = tally(QUICK, OBSTACLES, [["money"], "dont_know", "dont_know"], threshold=3)
    assert not one.shown and one.choices == [] and one.respondents == 3  # one person's pick is not a count


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.lists(st.one_of(st.none(), st.just("dont_know"),
                                             st.lists(st.sampled_from(KEYS), min_size=1, max_size=2)), max_size=15))
def test_counts_are_the_truth_and_appear_only_at_the_threshold(threshold, answers):
    counted = tallies(QUICK, [OBSTACLES], rows(*answers), threshold)[0]
    answered = [a for a in answers if a is not None]
    picked = [a for a in answered if isinstance(a, list)]
    assert counted.respondents == len(answered)
    # The counts rest on the people who picked, never on one or two of them beside "don't know" answers.
    assert counted.shown == (len(picked) >= threshold if picked else len(answered) >= threshold)
    if counted.shown:
        for choice in counted.choices:
            assert choice.people == sum(1 for a in answered if isinstance(a, list) and choice.key in a)
        assert [c.people for c in counted.choices] == sorted((c.people for c in counted.choices), reverse=True)
    else:
        assert not counted.choices


def test_a_phone_in_french_sees_the_same_counts_in_french():
    counted = tally(QUICK, OBSTACLES, [["money"], ["money"], ["trust"]], threshold=3)
    french = in_language(counted, QUICK, "fr")
    assert [c.people for c in french.choices] == [c.people for c in counted.choices]
    assert french.text.startswith("Qu’est-ce qui fait le plus obstacle")
    assert unpicked(french, "fr").startswith("Ceux qui doivent décider") and "\u202f; " in unpicked(french, "fr")
    assert finding(french, "fr") == ("Réponse la plus choisie\u00a0: «\u00a0Trop peu d’argent, ou un financement à "
                                     "court terme ou venant de trop peu de bailleurs\u00a0», par 2 sur 3")


def test_the_questions_counted_are_the_list_questions_of_the_sections_asked():
    assert [i.id for i in picked_items(QUICK, [])] == ["st_main_obstacles"]
    assert [i.id for i in picked_items(FULL, ["stage"])] == ["st_mandate_ends", "st_main_obstacles"]
    assert picked_items(FULL, ["legitimacy"]) == []


def test_the_chart_states_the_finding_and_keeps_every_answer_in_its_table():
    counted = tally(QUICK, OBSTACLES, [["money"], ["money"], ["trust"]], threshold=3)
    figure = tally_figure(counted)
    assert figure.title == finding(counted) and figure.chart["title"] == figure.title
    assert list(figure.table["People"]) == [c.people for c in counted.choices]
    assert len(figure.table) == len(KEYS)
    assert all("|" in v["Label"] or len(v["Label"]) <= 34 for v in figure.chart["data"]["values"])  # wrapped


def test_the_snapshot_carries_the_counts_and_a_room_with_only_counts_is_not_empty():
    room = workshop(threshold=3)
    answers = rows(["money"], ["money", "trust"], ["voice"])
    now = snapshot(room, QUICK, answers, ENGINE.titles)
    assert [p.item.id for p in now.picks] == ["st_main_obstacles"] and now.view.picks == now.picks
    assert not now.view.statements and not now.view.empty
    assert snapshot(room, QUICK, answers[:2], ENGINE.titles).view.empty  # two answers: below the threshold


def test_the_group_report_lists_the_room_counts_in_the_workshops_language():
    answers = rows(["money"], ["money", "trust"], ["voice"], group="NGOs")
    html = group_report_html(workshop(language="fr", groups=["NGOs"]), QUICK, answers, ENGINE.titles, {})
    assert "Ce que la salle a choisi" in html
    assert "Réponse la plus choisie\u00a0: «\u00a0Trop peu d’argent" in html
    assert '<th scope="row">Trop peu d’argent, ou un financement à court terme ou venant de trop peu de ' \
           'bailleurs</th><td class="num">2</td><td class="num">67</td>' in html
    assert "NGOs" not in html.split("Ce que la salle a choisi")[1]  # the room's counts, never a group's
    assert "pour l’ensemble de la salle seulement" in html  # and the reader is told why
    nobody = group_report_html(workshop(), QUICK, [], ENGINE.titles, {})
    assert "What the room picked" not in nobody
    assert "Too few answers to show: figures appear once 3 people have answered a question." in nobody


def test_the_leader_sees_their_picks_beside_the_rooms():
    counted = tallies(QUICK, [OBSTACLES], rows(["political_will"], ["political_will", "money"], ["trust"]), 3)
    [row] = picks_against_leader(counted, {"st_main_obstacles": ["money", "trust"]})
    assert [(c.key, c.people) for c in row.yours] == [("money", 1), ("trust", 1)]
    assert [c.key for c in row.most] == ["political_will"] and not row.shared
    [agrees] = picks_against_leader(counted, {"st_main_obstacles": ["political_will"]})
    assert agrees.shared
    assert picks_against_leader(counted, {"st_main_obstacles": "dont_know"}) == []
    assert picks_against_leader(tallies(QUICK, [OBSTACLES], rows(["money"]), 3),
                                {"st_main_obstacles": ["money"]}) == []  # not shown to the room: not compared
