"""Questions answered by picking from a list, counted for the room.

"What stands most in the way? Choose up to two" is asked of a room to hear what most people name, so
each pick is counted: how many people chose each answer, most chosen first. Only the room's counts
appear, never a group's. The room's own statements already show where groups differ; a group's
picks beside the room's would invite the subtraction that disclosure control exists to stop
(workshop/disclosure.py), and for a vote the room's order is the finding. The counts appear once
`threshold` people have answered the question, as for a statement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from assessment.i18n import translator
from assessment.model import DONT_KNOW, Instrument, Item, text_in
from workshop.disclosure import room_shown
from workshop.workshops import Row, WorkshopInfo, chosen_sections

PICKED = ("single", "multiple")


@dataclass(frozen=True)
class Choice:
    """One answer on the list and how many people picked it."""

    key: str
    label: str
    people: int


@dataclass(frozen=True)
class Tally:
    """The room's picks on one question. When fewer people than the threshold answered it, `shown`
    is False and `choices` is empty; `respondents` still says how many answered."""

    item: Item
    text: str
    shown: bool
    choices: list[Choice]  # most picked first, then in the order of the list
    picked: int  # people who picked at least one answer on the list
    dont_know: int
    respondents: int  # everyone who answered, "don't know" included

    def share(self, choice: Choice) -> int:
        """Percent of the people who picked something; with several picks each, shares add up to more
        than 100."""
        return round(choice.people / self.picked * 100) if self.picked else 0

    @property
    def most(self) -> list[Choice]:
        """The answers picked most, several when tied; none when nobody picked any."""
        top = self.choices[0].people if self.choices else 0
        return [c for c in self.choices if c.people == top] if top else []


def picked_items(instrument: Instrument, section_ids: list[str]) -> list[Item]:
    """The single- and multiple-choice questions among the sections a workshop asks."""
    return [item for section in chosen_sections(instrument, section_ids) for item in section.items
            if item.kind in PICKED]


def tallies(instrument: Instrument, items: list[Item], rows: list[Row], threshold: int) -> list[Tally]:
    """Each question's counts for the room, worded in English (`in_language` words them for a phone)."""
    return [tally(instrument, item, [row.answers[item.id] for row in rows if item.id in row.answers], threshold)
            for item in items]


def room_tallies(instrument: Instrument, workshop: WorkshopInfo, rows: list[Row]) -> list[Tally]:
    """The counts of every list question a workshop asks, under its threshold."""
    return tallies(instrument, picked_items(instrument, workshop.sections), rows, workshop.threshold)


def tally(instrument: Instrument, item: Item, answers: list[Any], threshold: int) -> Tally:
    labels = {key: text_in(label) for key, label in instrument.scale_of(item).choices.items()}
    counts: Counter[str] = Counter()
    picked = dont_know = 0
    for answer in answers:
        keys = {str(k) for k in _values(answer)} & labels.keys()
        counts.update(keys)
        picked += bool(keys)
        dont_know += not keys and DONT_KNOW in _values(answer)
    respondents = sum(1 for answer in answers if answer not in (None, []))
    text = text_in(item.text)
    # The counts rest on the people who picked; with none, only the "don't know" answers are told.
    if not room_shown({None: picked or respondents}, threshold):
        return Tally(item, text, False, [], 0, 0, respondents)
    order = list(labels)
    choices = sorted((Choice(key, labels[key], counts[key]) for key in order),
                     key=lambda c: (-c.people, order.index(c.key)))
    return Tally(item, text, True, choices, picked, dont_know, respondents)


def _values(answer: Any) -> list[Any]:
    return answer if isinstance(answer, list) else [answer]


def in_language(tally: Tally, instrument: Instrument, language: str) -> Tally:
    """The same counts worded for one phone: the room is counted once and shown in every language."""
    labels = {key: text_in(label, language) for key, label in instrument.scale_of(tally.item).choices.items()}
    return replace(tally, text=text_in(tally.item.text, language),
                   choices=[replace(c, label=labels.get(c.key, c.label)) for c in tally.choices])


def finding(tally: Tally, language: str = "en") -> str:
    """What the room chose most and by how many: the title of the question's chart or bars."""
    t = translator(language)
    most = tally.most
    if not most and tally.dont_know:
        return t.ngettext("No answer picked: {n} person answered “Don't know”",
                          "No answer picked: {n} people answered “Don't know”", tally.dont_know).format(
            n=tally.dont_know)
    if not most:
        return t.gettext("Nobody has picked an answer yet")
    labels = t.join(t.gettext("“{title}”").format(title=c.label) for c in most)
    values = {"labels": labels, "people": most[0].people, "picked": tally.picked}
    if len(most) == 1:
        return t.gettext("Chosen most: {labels}, by {people} of {picked}").format(**values)
    return t.gettext("Chosen most, tied: {labels}, by {people} of {picked} each").format(**values)


def unpicked(tally: Tally, language: str = "en") -> str:
    """The answers nobody picked, in one line (answers hold commas of their own, so semicolons)."""
    return translator(language).semicolons(c.label for c in tally.choices if not c.people)
