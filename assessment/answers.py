"""Check answers against an instrument, keeping every valid answer and reporting the rest.

Used for form input, uploaded files and the command line alike: a bad value never costs the
person the answers that were fine. What is wrong is said in every language (`assessment.said`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from textwrap import shorten
from typing import Any

from assessment.cleaning import clean_text, has_surrogate, safe_repr
from assessment.i18n import N_
from assessment.model import DONT_KNOW, NOT_APPLICABLE, Instrument, Item
from assessment.said import in_every_language, say
from assessment.translation import Translated, text_in

# What a page says when one more choice than `max_choices` is ticked (a catalogue entry taking {n}).
TOO_MANY = N_("you can choose at most {n} — take one out to add another")

MAX_NUMBER = 1e12


@dataclass
class Checked:
    answers: dict[str, Any] = field(default_factory=dict)
    problems: list[Translated] = field(default_factory=list)


def check_answers(instrument: Instrument, raw: Any) -> Checked:
    result = Checked()
    if not isinstance(raw, dict):
        result.problems.append(say(N_("field 'answers' must be an object of question ids and answers; ignored")))
        return result
    for item_id, value in raw.items():
        item = instrument.item(str(item_id))
        if item is None:
            result.problems.append(say(N_("item {item}: not in the {questionnaire}; ignored"), item=safe_repr(item_id),
                                       questionnaire=instrument.title))
            continue
        if value is None:
            continue  # an unanswered item in a template
        problem = problem_with(instrument, item, value)
        if problem:
            result.problems.append(say(N_("item '{item}': {problem}; the answer was left out (“{question}”)"),
                                       item=item.id, problem=problem, question=question_of(item)))
        else:
            result.answers[item.id] = normalise(item, value)
    return result


def question_of(item: Item) -> Translated:
    """The question's wording, cut to a phrase, in every language: a leader fixing a file knows which
    question an id such as 'ac_decisions_outside_process' is."""
    return in_every_language(lambda language: shorten(text_in(item.text, language), 70, placeholder="…"))


def problem_with(instrument: Instrument, item: Item, value: Any) -> Translated | None:
    """Why a value cannot be an answer to this item, or None when it can."""
    scale = instrument.scale_of(item)
    extras = set(scale.extra) if scale else set()
    if isinstance(value, str) and has_surrogate(value):
        return say(N_("contains an invalid character (a lone surrogate)"))
    if value in (DONT_KNOW, NOT_APPLICABLE):
        return None if value in extras else say(N_("'{value}' is not allowed for this question"), value=value)
    if item.kind == "likert":
        if not _is_number(value) or value != int(value):
            return say(N_("expected a whole number from 1 to {points}, got {given}"), points=scale.points,
                       given=safe_repr(value))
        return None if 1 <= int(value) <= scale.points else say(N_("expected 1 to {points}, got {given}"),
                                                                 points=scale.points, given=value)
    if item.kind == "single":
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value) in scale.choices:
            return None
        return say(N_("expected one of {choices}, got {given}"), choices=", ".join(scale.choices),
                   given=safe_repr(value))
    if item.kind == "multiple":
        if not isinstance(value, list) or len(value) > len(scale.choices):
            return say(N_("expected a list of choices"))
        unknown = [v for v in value if not isinstance(v, str | int) or str(v) not in scale.choices]
        if unknown:
            return say(N_("unknown choices {given}"), given=safe_repr(unknown))
        chosen = len(set(map(str, value)))
        return say(N_("choose at most {n}, got {given}"), n=item.max_choices, given=chosen) \
            if item.max_choices and chosen > item.max_choices else None
    if item.kind == "number":
        return _number_problem(item, value)
    if not isinstance(value, str):
        return say(N_("expected text"))
    return None if len(value) <= item.max_length else say(N_("text longer than {n} characters"), n=item.max_length)


def _is_number(value: Any) -> bool:
    """A real, finite number of sane size (JSON allows NaN, Infinity and 1e400; we do not)."""
    return (isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
            and abs(value) <= MAX_NUMBER)


def _number_problem(item: Item, value: Any) -> Translated | None:
    if not _is_number(value):
        return say(N_("expected a number, got {given}"), given=safe_repr(value))
    if item.minimum is not None and value < item.minimum:
        return say(N_("must be at least {bound}"), bound=f"{item.minimum:g}")
    if item.maximum is not None and value > item.maximum:
        return say(N_("must be at most {bound}"), bound=f"{item.maximum:g}")
    return None


def normalise(item: Item, value: Any) -> Any:
    if value in (DONT_KNOW, NOT_APPLICABLE):
        return value
    if item.kind == "likert":
        return int(value)
    if item.kind == "single":
        return str(value)
    if item.kind == "multiple":
        return sorted({str(v) for v in value})
    if item.kind == "text":
        return clean_text(value, item.max_length, multiline=True)
    return value
