"""Questionnaire items as plain form fields, and form values back into answers.

The page and the one-tap save read the same form fields, so a phone without JavaScript and a phone
with it send exactly the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessment.answers import TOO_MANY, problem_with
from assessment.i18n import N_, translator
from assessment.loader import visible
from assessment.model import DONT_KNOW, NOT_APPLICABLE, Instrument, Item, Section, text_in
from assessment.said import say
from assessment.translation import Translated

EXTRA_LABELS = {DONT_KNOW: N_("Don't know"), NOT_APPLICABLE: N_("Not applicable")}


@dataclass(frozen=True)
class Question:
    """What a template needs to show one item."""

    id: str
    kind: str
    text: str
    help: str | None
    options: list[tuple[str, str]]
    extras: list[tuple[str, str]]
    saved: Any
    minimum: float | None
    maximum: float | None
    max_length: int
    steers: bool  # another item's skip logic depends on this one: the page reloads after a change
    max_choices: int | None = None  # a multiple-choice item: the page unticks a choice beyond this
    too_many: str = ""  # what the page says when it does

    def checked(self, value: str) -> bool:
        if isinstance(self.saved, list):
            return value in self.saved
        return self.saved is not None and str(self.saved) == value


def questions(instrument: Instrument, section: Section, answers: dict[str, Any],
              language: str = "en") -> list[Question]:
    """The section's visible items as the template shows them, worded in `language`."""
    steering = {i.relevant.item for i in instrument.items if i.relevant}
    _ = translator(language).gettext
    shown = []
    for item in section.items:
        if not visible(item, answers):
            continue
        scale = instrument.scale_of(item)
        options = [(key, text_in(label, language)) for key, label in scale.choices.items()] if scale else []
        extras = [(key, _(EXTRA_LABELS[key])) for key in scale.extra] if scale else []
        shown.append(Question(id=item.id, kind=item.kind, text=text_in(item.text, language),
                              help=_help(item, language), options=options,
                              extras=extras,
                              saved=answers.get(item.id), minimum=item.minimum, maximum=item.maximum,
                              max_length=item.max_length, steers=item.id in steering,
                              max_choices=item.max_choices, too_many=_too_many(item, language)))
    return shown


def _too_many(item: Item, language: str) -> str:
    if not item.max_choices:
        return ""
    text = translator(language).gettext(TOO_MANY).format(n=item.max_choices)
    return text[:1].upper() + text[1:] + "."


def _help(item: Item, language: str) -> str | None:
    """The help a member answering on a phone needs: `room_help` where `help` speaks to a leader."""
    text = item.room_help or item.help
    return text_in(text, language) if text else None


class BadAnswer(ValueError):
    """A form value that is no answer to its question, said plainly in every language (shown in the
    phone's language by `in_language`)."""

    def __init__(self, message: Translated):
        self.message = message
        super().__init__(str(message))

    def in_language(self, language: str) -> str:
        return text_in(self.message, language)


def answer_from_form(instrument: Instrument, item: Item, values: list[str]) -> Any:
    """The typed answer a form sent for one item (None clears it), or BadAnswer."""
    values = [v.strip() for v in values if v is not None and v.strip()]
    if not values:
        return None
    if item.kind == "multiple":
        value: Any = sorted(set(values))
        if item.max_choices and len(value) > item.max_choices:
            raise BadAnswer(say(N_("choose at most {n}"), n=item.max_choices))
    elif len(values) > 1:
        raise BadAnswer(say(N_("choose one answer")))
    else:
        value = _typed(item, values[0])
    problem = problem_with(instrument, item, value)
    if problem:  # a range the form could not enforce is worded for the phone; anything else is tampering
        if item.kind == "number" and item.minimum is not None and value < item.minimum:
            raise BadAnswer(say(N_("give a number of at least {minimum}"), minimum=f"{item.minimum:g}"))
        if item.kind == "number" and item.maximum is not None and value > item.maximum:
            raise BadAnswer(say(N_("give a number of at most {maximum}"), maximum=f"{item.maximum:g}"))
        raise BadAnswer(problem)
    return value


def _typed(item: Item, text: str) -> Any:
    if text in EXTRA_LABELS:
        return text
    if item.kind == "likert":
        if not text.isdigit():
            raise BadAnswer(say(N_("choose one of the answers")))
        return int(text)
    if item.kind == "number":
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise BadAnswer(say(N_("give a number"))) from None
        return int(number) if number.is_integer() else number
    return text
