"""Carry answers given to an earlier version of a questionnaire over to the current one.

Each instrument version declares, as data (`upgrades:` in its YAML), what changed since the one
before: items renamed, split into several, removed, or moved to another scale. Answers files and
saved assessments of an older version pass through `upgrade_answers`, which applies those steps
in order and says in plain words what it did, so nothing a person answered is silently lost. The
notes are said in every language (`assessment.said`): the command line prints them in English, a
French page shows them in French.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assessment.i18n import N_, NN_
from assessment.model import EXTRAS, Instrument, Upgrade
from assessment.said import say, say_count, say_list, say_together
from assessment.translation import Translated

NEWER = N_("This file was made with version {version} of the {title}, newer than the version {current} this app "
           "knows; answers to questions it does not know were left out.")
CARRIED_OVER = N_("These answers were given to version {version} of the {title} and were carried over to version "
                  "{current}.")
RENAMED = NN_("{n} question kept under a new id", "{n} questions kept under a new id")
SPLIT = NN_("{n} answer to a question now asked in parts copied to each part (check them)",
            "{n} answers to questions now asked in parts copied to each part (check them)")
RESCALED = NN_("{n} answer moved to the new answer scale", "{n} answers moved to the new answer scale")
REMOVED = NN_("{n} answer to a question that was removed left out",
              "{n} answers to questions that were removed left out")
DROPPED = NN_("{n} answer that the new scale cannot hold left out",
              "{n} answers that the new scale cannot hold left out")


@dataclass
class Upgraded:
    answers: dict[str, Any]
    notes: list[Translated] = field(default_factory=list)
    version: int = 0


def upgrade_answers(instrument: Instrument, answers: dict[str, Any], version: int | None) -> Upgraded:
    """Answers of `version` brought to the instrument's current version, with a note per step.

    A missing version means the current one. A newer version than the instrument knows is left
    as it is, with a note, since nothing says how to go back.
    """
    if version is None or version == instrument.version:
        return Upgraded(dict(answers), [], instrument.version)
    if version > instrument.version:
        return Upgraded(dict(answers), [say(NEWER, version=version, title=instrument.title,
                                            current=instrument.version)], instrument.version)
    steps = sorted((u for u in instrument.upgrades if u.from_version >= version), key=lambda u: u.from_version)
    current = dict(answers)
    done: list[Translated] = []
    for step in steps:
        current, what = apply(step, current, instrument)
        done += what
    head = say(CARRIED_OVER, version=version, title=instrument.title, current=instrument.version)
    notes = [say_together(head, say_list(done, end=".")) if done else head]
    notes += [step.note for step in steps]
    return Upgraded(current, notes, instrument.version)


def apply(step: Upgrade, answers: dict[str, Any], instrument: Instrument) -> tuple[dict[str, Any], list[Translated]]:
    """One version step: rename, split, remove, rescale (in that order). Returns the answers and what changed."""
    out: dict[str, Any] = {}
    renamed = split = removed = 0
    for item_id, value in answers.items():
        if item_id in step.removed:
            removed += 1
        elif item_id in step.renamed:
            out[step.renamed[item_id]] = value
            renamed += 1
        elif item_id in step.split:
            for target in step.split[item_id]:
                out.setdefault(target, value)
            split += 1
        else:
            out.setdefault(item_id, value)
    rescaled = dropped = 0
    for rule in step.rescaled:
        for item_id in rule.items:
            if item_id not in out or out[item_id] in EXTRAS:
                continue
            key = str(out[item_id])
            if key in rule.map and rule.map[key] is not None:
                out[item_id] = rule.map[key]
                rescaled += 1
            else:
                del out[item_id]
                dropped += 1
    counted = ((RENAMED, renamed), (SPLIT, split), (RESCALED, rescaled), (REMOVED, removed), (DROPPED, dropped))
    return out, [say_count(forms, n) for forms, n in counted if n]


def references(instrument: Instrument) -> list[tuple[str, str]]:
    """(field, item id) for every id the last upgrade step says exists in the current version.

    Earlier steps name ids of their own intermediate versions, which later steps may rename again.
    """
    refs = []
    for step in [u for u in instrument.upgrades if u.from_version == instrument.version - 1]:
        refs += [(f"upgrades.from {step.from_version}.renamed", new) for new in step.renamed.values()]
        refs += [(f"upgrades.from {step.from_version}.split", new) for parts in step.split.values() for new in parts]
        refs += [(f"upgrades.from {step.from_version}.rescaled", item) for rule in step.rescaled for item in rule.items]
    return refs
