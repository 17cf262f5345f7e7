"""Anonymity as disclosure control: which groups' figures may be shown for one measure.

A measure is one statement or one dimension. Three rules, applied to each measure on its own (a
question answered by picking from a list is counted for the room only, under rule 2: see
workshop/choices.py):

1. Primary suppression. A group's figures appear only when at least `threshold` of its members
   answered this measure with an answer that goes into the figures: "don't know" and "not
   applicable" enter no share, so they do not count. People who joined and answered nothing do not
   count either, so nobody can pad a small group with empty joins.
2. The room. The room's own figures appear only when at least `threshold` people's answers make
   them up.
3. Secondary suppression. The room's total minus the shown groups' totals is the total of everyone
   else: the hidden groups and the people who chose no group, taken together. That remainder must
   hold nobody or at least `threshold` people; otherwise the smallest shown group is hidden too,
   and so on, until it does. So no subtraction of shown figures isolates fewer than `threshold`
   people.

Exports follow the same rule over people who answered anything: a person's group is written only
when it is shown, and everyone else carries no group at all, so the rows of a hidden group cannot
be told apart from those of people who chose none.
"""

from __future__ import annotations

from collections.abc import Mapping

NO_GROUP = None


def shown_groups(respondents: Mapping[str | None, int], threshold: int) -> set[str]:
    """The groups whose figures may be shown, given how many of each answered the measure.

    `respondents` maps each group (None for people who chose no group) to how many of its members
    answered. The result never contains None."""
    total = sum(respondents.values())
    if total < threshold:
        return set()
    shown = {g for g, n in respondents.items() if g is not NO_GROUP and n >= threshold}
    while shown:
        remainder = total - sum(respondents[g] for g in shown)
        if remainder == 0 or remainder >= threshold:
            break
        shown.remove(min(shown, key=lambda g: (respondents[g], g)))
    return shown


def room_shown(respondents: Mapping[str | None, int], threshold: int) -> bool:
    return sum(respondents.values()) >= threshold
