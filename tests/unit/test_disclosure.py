"""Anonymity as disclosure control, as properties over random rooms (workshop/disclosure.py).

For any room: every figure shown rests on at least `threshold` people whose answers make it up ("don't
know" enters no share, so it does not count);
what the room shows minus what the groups show never isolates fewer than `threshold` people;
empty joins change nothing; exports name a group only where it is shown on screen.
"""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import given, settings

from tests.assessment_helpers import TWO_DIMENSIONS, instrument
from workshop.disclosure import shown_groups
from workshop.report import answers_csv, exported
from workshop.stats import ROOM, group_scores, item_stats, likert_items
from workshop.workshops import Row, WorkshopInfo

INSTRUMENT = instrument(TWO_DIMENSIONS)
ITEMS = likert_items(INSTRUMENT, [])
GROUPS = ["States", "NGOs", "Firms", "Communities"]
ANSWER = st.one_of(st.none(), st.integers(1, 5), st.just("dont_know"))


@st.composite
def rooms(draw):
    threshold = draw(st.integers(1, 5))
    people = draw(st.lists(st.tuples(st.sampled_from([*GROUPS, None]),
                                     st.fixed_dictionaries({i.id: ANSWER for i in ITEMS})), max_size=25))
    rows = [Row(number=n, group=g, finished=True, answers={k: v for k, v in a.items() if v is not None})
            for n, (g, a) in enumerate(people, start=1)]
    return threshold, rows


def workshop(threshold: int) -> WorkshopInfo:
    from datetime import UTC, datetime

    return WorkshopInfo(id="w", code="ACEFGH", title="T", instrument_id="test", sections=[], groups=GROUPS,
                        threshold=threshold, assessment_id=None, status="open", pace="self", current_section=0,
                        revealed=True, created_at=datetime.now(UTC))


def answered(rows: list[Row], item_id: str) -> dict[str | None, int]:
    """Per group, the people whose answer on the scale goes into the shares ("don't know" does not)."""
    counts: dict[str | None, int] = {}
    for row in rows:
        if isinstance(row.answers.get(item_id), int):
            counts[row.group] = counts.get(row.group, 0) + 1
    return counts


@settings(max_examples=300, deadline=None)
@given(rooms())
def test_statement_figures_never_isolate_fewer_than_the_threshold(room):
    threshold, rows = room
    for stats in item_stats(INSTRUMENT, ITEMS, rows, threshold):
        truth = answered(rows, stats.item.id)
        if stats.shown:
            assert stats.n == sum(truth.values()) >= threshold
        else:
            assert stats.n + stats.dont_know + stats.not_applicable == 0 and not stats.groups
        for group, distribution in stats.groups.items():
            assert distribution.n == truth[group] >= threshold
        # What subtraction reveals: everyone answering who is in no shown group, taken together.
        remainder = stats.n - sum(d.n for d in stats.groups.values())
        assert remainder == 0 or remainder >= threshold


def test_a_group_of_three_of_whom_two_did_not_know_shows_no_share():
    """Three Firms answered, two of them "don't know": a share of one person's answer is not shown,
    for the group or, with nobody else answering, for the room."""
    rows = [Row(n, "Firms", True, {"le_a": value}) for n, value in enumerate(["dont_know", "dont_know", 1], 1)]
    rows += [Row(n, "States", True, {"le_a": 4}) for n in range(4, 7)]
    [stats] = [s for s in item_stats(INSTRUMENT, ITEMS, rows, 3) if s.item.id == "le_a"]
    # The room's 4 shares are shown; the States' are not, since the room minus the States is the one Firm.
    assert stats.shown and stats.n == 4 and stats.dont_know == 2 and not stats.groups
    alone = next(s for s in item_stats(INSTRUMENT, ITEMS, rows[:3], 3) if s.item.id == "le_a")
    assert not alone.shown and not alone.groups and alone.respondents == 3


@settings(max_examples=300, deadline=None)
@given(rooms())
def test_dimension_scores_never_isolate_fewer_than_the_threshold(room):
    threshold, rows = room
    scores = group_scores(INSTRUMENT, ITEMS, rows, threshold, GROUPS)
    everyone = scores[0]
    assert everyone.group == ROOM
    for dimension, n in everyone.counts.items():
        assert n >= threshold
        shown = [g.counts[dimension] for g in scores[1:] if dimension in g.counts]
        assert all(count >= threshold for count in shown)
        remainder = n - sum(shown)
        assert remainder == 0 or remainder >= threshold
    for group in scores[1:]:  # nothing of a group appears where the room itself is withheld
        assert set(group.counts) <= set(everyone.counts)


@settings(max_examples=200, deadline=None)
@given(rooms(), st.lists(st.sampled_from([*GROUPS, None]), min_size=1, max_size=10))
def test_padding_with_empty_joins_changes_nothing(room, pads):
    threshold, rows = room
    padded = rows + [Row(number=len(rows) + n, group=g, finished=False, answers={}) for n, g in enumerate(pads, 1)]
    assert item_stats(INSTRUMENT, ITEMS, padded, threshold) == item_stats(INSTRUMENT, ITEMS, rows, threshold)
    assert group_scores(INSTRUMENT, ITEMS, padded, threshold, GROUPS) == \
        group_scores(INSTRUMENT, ITEMS, rows, threshold, GROUPS)
    assert answers_csv(workshop(threshold), INSTRUMENT, padded) == answers_csv(workshop(threshold), INSTRUMENT, rows)


@settings(max_examples=300, deadline=None)
@given(rooms())
def test_exports_name_only_groups_large_enough_and_blur_the_rest(room):
    threshold, rows = room
    people = exported(workshop(threshold), rows)
    labels = [group for _, group, _ in people]
    for label in set(labels):
        if label:
            assert labels.count(label) >= threshold
    unnamed = labels.count("")
    assert unnamed == 0 or unnamed >= threshold or not any(labels)
    for _, group, row in people:  # a name is only ever the person's own group
        assert group in ("", row.group)
    assert [label for label, _, _ in people] == [f"P{n:03d}" for n in range(1, len(people) + 1)]


def test_hidden_groups_rows_look_like_no_group_rows():
    rows = [Row(n, g, True, {"le_a": 3}) for n, g in enumerate(["States"] * 3 + ["NGOs"] + [None] * 2, 1)]
    groups = {row.number: group for _, group, row in exported(workshop(3), rows)}
    assert [groups[n] for n in range(1, 7)] == ["States"] * 3 + [""] * 3


def test_export_order_is_not_joining_order():
    rows = [Row(n, None, True, {"le_a": n % 5 + 1}) for n in range(1, 21)]
    assert [row.number for _, _, row in exported(workshop(3), rows)] != list(range(1, 21))


def test_shown_groups_worked_example():
    # 4 NGOs, 3 states, 1 person with no group: showing both groups would give away the one person.
    assert shown_groups({"NGOs": 4, "States": 3, None: 1}, 3) == {"NGOs"}
    assert shown_groups({"NGOs": 4, "States": 3, None: 3}, 3) == {"NGOs", "States"}
    assert shown_groups({"NGOs": 2}, 3) == set()
    assert shown_groups({"NGOs": 3, "States": 3}, 3) == {"NGOs", "States"}


@settings(max_examples=200, deadline=None)
@given(rooms())
def test_the_projector_and_phones_show_only_what_disclosure_allows(room):
    """The presenter view, the phones' results and the group report all read workshop.room.build."""
    from workshop.room import build

    threshold, rows = room
    view = build(workshop(threshold), INSTRUMENT, rows, {})
    for statement in [*view.statements, *view.contested, *(s for s, _, _ in view.common)]:
        truth = answered(rows, next(i.id for i in ITEMS if i.text == statement.text))
        assert sum(truth.values()) >= threshold
        for bar in statement.groups:  # a group shown rests on enough of its members' answers
            assert truth[bar.label] >= threshold
        remainder = sum(truth.values()) - sum(truth[bar.label] for bar in statement.groups)
        assert remainder == 0 or remainder >= threshold
    for name, _ in view.groups:
        assert name == ROOM or name in GROUPS
