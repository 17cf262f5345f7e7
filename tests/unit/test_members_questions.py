"""A workshop can ask only the questions a leader can merely guess at, and set the room's answers
beside the leader's own, question by question."""

import pytest

from assessment.engine import default_engine
from workshop.leader import against_leader, side
from workshop.stats import item_stats, likert_items
from workshop.workshops import MEMBERS_ONLY, Row, WorkshopInfo, chosen_sections, section_choices, workshop_sections

ENGINE = default_engine()
FULL, QUICK = ENGINE.instruments["full-diagnostic"], ENGINE.instruments["quick-check"]


def info(sections):
    return WorkshopInfo(id="w", code="ACEFGH", title="t", instrument_id=QUICK.id, sections=sections, groups=[],
                        threshold=3, assessment_id=None, status="open", pace="self", current_section=0,
                        revealed=False, created_at=None)


def test_the_members_questions_are_one_section_of_their_own():
    for instrument in (FULL, QUICK):
        (section,) = chosen_sections(instrument, [MEMBERS_ONLY])
        assert section.id == MEMBERS_ONLY and section.items == instrument.ask_members_items
        assert section.items and all(item.ask_members for item in section.items)
        assert {"Questions for members", "Questions aux membres", "Preguntas para los miembros"} == {
            section.title.translations[lang] for lang in ("en", "fr", "es")}
        assert section.intro.translations["fr"].startswith("Les responsables de la coalition ne peuvent que deviner")
        assert MEMBERS_ONLY in section_choices(instrument)


def test_with_other_sections_the_members_questions_come_last_and_never_twice():
    trust = next(s for s in QUICK.sections if any(i.ask_members for i in s.items))
    sections = chosen_sections(QUICK, [MEMBERS_ONLY, trust.id])
    assert [s.id for s in sections] == [trust.id, MEMBERS_ONLY]
    ids = [i.id for s in sections for i in s.items]
    assert len(ids) == len(set(ids)) and set(i.id for i in QUICK.ask_members_items) <= set(ids)
    assert [i.id for i in likert_items(QUICK, [MEMBERS_ONLY, trust.id])] == ids


def test_workshops_made_before_read_as_they_did():
    assert workshop_sections(QUICK, info([])) == QUICK.sections
    first = QUICK.sections[0]
    assert workshop_sections(QUICK, info([first.id])) == [first]
    assert workshop_sections(QUICK, info(["a_section_since_removed"])) == QUICK.sections
    no_members = QUICK.model_copy(update={"items": [i for i in QUICK.items if not i.ask_members]})  # content changed
    assert workshop_sections(no_members, info([MEMBERS_ONLY])) == QUICK.sections


def rows(item_id, values):
    return [Row(number=n, group=None, finished=True, answers={item_id: v}) for n, v in enumerate(values)]


@pytest.mark.parametrize(("value", "points", "expected"), [(1, 5, "disagree"), (2, 5, "disagree"), (3, 5, "neutral"),
                                                           (4, 5, "agree"), (1, 3, "disagree"), (2, 3, "neutral"),
                                                           (3, 3, "agree")])
def test_an_answer_is_on_the_side_the_room_bars_show(value, points, expected):
    assert side(value, points) == expected


def test_the_leaders_guess_beside_the_room_furthest_apart_first():
    safe, hidden = QUICK.item("tu_safe_to_disagree"), QUICK.item("tu_hidden_agendas")
    room = [Row(number=n, group=None, finished=True, answers={safe.id: 1 + (n == 3), hidden.id: 4})
            for n in range(4)]
    stats = item_stats(QUICK, [safe, hidden], room, threshold=3)
    compared = against_leader(QUICK, stats, {safe.id: 5, hidden.id: 5})
    assert [c.item for c in compared] == [safe.id, hidden.id]
    assert compared[0].same_side == 0 and compared[0].apart and compared[0].leader == "Strongly agree"
    assert compared[1].same_side == 100 and not compared[1].apart
    assert compared[0].room.disagree == 100
    unsure = against_leader(QUICK, stats, {safe.id: "dont_know"}, "fr")
    assert unsure[0].same_side is None and not unsure[0].apart and unsure[0].leader == "Je ne sais pas"


def test_a_statement_the_room_may_not_show_is_not_compared():
    safe = QUICK.item("tu_safe_to_disagree")
    few = item_stats(QUICK, [safe], rows(safe.id, [1, 1]), threshold=3)
    assert against_leader(QUICK, few, {safe.id: 5}) == []


def test_the_room_chart_lists_every_answer_in_one_column_a_phone_can_show():
    """Laid out beside the statements' labels, a legend of two or three columns was cut off at 390 px."""
    from workshop.charts import diverging_figure
    from workshop.stats import scale_labels

    safe = QUICK.item("tu_safe_to_disagree")
    figure = diverging_figure(item_stats(QUICK, [safe], rows(safe.id, [1, 2, 3, 4, 5]), 3), scale_labels(QUICK))
    legend = figure.chart["encoding"]["color"]["legend"]
    assert legend["columns"] == 1 and legend["labelLimit"] == 0
    assert figure.chart["encoding"]["color"]["scale"]["domain"] == scale_labels(QUICK)(safe)


def test_the_leaders_dimensions_are_scored_on_the_statements_the_room_was_asked():
    from workshop.leader import leader_scores

    trust = next(s for s in FULL.sections if s.id == "trust")
    top = {item.id: FULL.scale_of(item).points for item in FULL.items if item.kind == "likert"}
    answers = {i: 1 if FULL.item(i).reverse else points for i, points in top.items()}  # all good...
    answers |= {item.id: top[item.id] if item.reverse else 1 for item in trust.items if item.id in top}  # but trust
    whole = leader_scores(FULL, [], answers)
    asked = leader_scores(FULL, [trust.id], answers)
    assert set(asked) == {item.dimension for item in trust.items if item.scored}
    assert asked["trust"] == whole["trust"] == 0.0 and whole["legitimacy"] == 100.0
