"""Common ground says whose ground it is: every group shown, or the room when fewer than two groups can
be shown, and never a statement that a group shown beside it does not share."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.assessment_helpers import TWO_DIMENSIONS, instrument
from workshop.report import group_report_html
from workshop.room import build
from workshop.stats import common_ground, item_stats, likert_items
from workshop.workshops import Row, WorkshopInfo

INSTRUMENT = instrument(TWO_DIMENSIONS)
ITEMS = likert_items(INSTRUMENT, [])


def people(group: str | None, *values: int) -> list[Row]:
    return [Row(number=n, group=group, finished=True, answers={"le_a": v}) for n, v in enumerate(values)]


def found(rows: list[Row]):
    return [c for c in common_ground(item_stats(INSTRUMENT, ITEMS, rows, 3)) if c.stats.item.id == "le_a"]


def workshop(groups: list[str]) -> WorkshopInfo:
    return WorkshopInfo(id="w", code="ACEFGH", title="Retreat", instrument_id="test", sections=[], groups=groups,
                        threshold=3, assessment_id=None, status="open", pace="self", current_section=0,
                        revealed=True, created_at=datetime.now(UTC))


def test_two_groups_shown_that_both_agree_are_common_ground_across_groups():
    [ground] = found(people("States", 4, 5, 4) + people("NGOs", 5, 4, 4))
    assert ground.side == "agree" and ground.across == "groups" and ground.groups == ["NGOs", "States"]


def test_with_one_group_shown_that_does_not_share_the_rooms_lean_there_is_no_common_ground():
    # The room of 9 leans agree; the one group shown (States, 3) leans neither way.
    assert not found(people(None, 5, 5, 5, 5, 4, 4) + people("States", 3, 3, 1))


def test_with_one_group_shown_that_shares_the_lean_it_is_the_rooms_ground():
    [ground] = found(people(None, 5, 5, 4) + people("States", 4, 4, 2))
    assert ground.across == "room" and ground.groups == ["Everyone", "States"]


def test_the_report_and_the_projector_word_the_rooms_ground_as_the_room():
    rows = people(None, 5, 5, 4, 4)
    view = build(workshop([]), INSTRUMENT, rows, {})
    assert [(side, across) for _, side, across in view.common] == [("agree", "room")] and \
        view.common_across == "room"
    html = group_report_html(workshop([]), INSTRUMENT, rows, {}, {})
    assert "Common ground: most of the room leans the same way" in html
    assert "Most of the room agrees, and any group shown with it (n=4)." in html
    assert "every group" not in html.lower().split("common ground")[1].split("</div>")[0]


def test_the_group_chart_with_one_group_shown_says_so_instead_of_waiting_for_a_comparison():
    from workshop.charts import group_figure
    from workshop.stats import group_scores

    rows = people("States", 4, 5, 4) + people(None, 2, 2, 3)
    title = group_figure(group_scores(INSTRUMENT, ITEMS, rows, 3, ["States"]), {}).title
    assert title == "States beside the room; other groups appear once enough of their members have answered"
