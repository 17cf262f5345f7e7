"""Answers files: `{"instrument": ID, "answers": {...}, "stakeholders": [...], "profile": {...}}`.

Reading is forgiving where it can be and strict where it must be: a file that is not JSON, too
large, or names no known questionnaire is refused with one clear line; inside a good file, every
bad answer, stakeholder row or profile field is reported and left out while the rest is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from assessment.answers import check_answers
from assessment.errors import AssessmentError, Code
from assessment.model import Instrument, Profile, Stakeholder
from assessment.upgrade import upgrade_answers

MAX_BYTES = 5 * 1024 * 1024


@dataclass
class AnswersFile:
    instrument: Instrument
    answers: dict[str, Any] = field(default_factory=dict)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    profile: Profile = field(default_factory=Profile)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what changed when an older version's answers were carried over

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument.id,
            "version": self.instrument.version,
            "answers": self.answers,
            "stakeholders": [s.model_dump() for s in self.stakeholders],
            "profile": self.profile.model_dump(exclude_none=True),
        }


def read_answers(data: bytes | str, instruments: dict[str, Instrument], source: str = "answers file") -> AnswersFile:
    raw = _decode(data, source)
    if not isinstance(raw, dict):
        raise AssessmentError(Code.BAD_VALUE, source, problem="expected a JSON object with 'instrument' and 'answers'")
    instrument_id = raw.get("instrument")
    if instrument_id not in instruments:
        known = ", ".join(sorted(instruments))
        raise AssessmentError(Code.BAD_VALUE, source, field="instrument",
                              problem=f"unknown questionnaire {instrument_id!r}; expected one of {known}")
    instrument = instruments[instrument_id]
    unknown_keys = sorted(set(raw) - {"instrument", "version", "answers", "stakeholders", "profile"})
    answers, notes = raw.get("answers", {}), []
    if isinstance(answers, dict):  # an older version's answers are carried over first, with a note
        version = raw.get("version")
        upgraded = upgrade_answers(instrument, answers, version if isinstance(version, int) else None)
        answers, notes = upgraded.answers, upgraded.notes
    checked = check_answers(instrument, answers)
    result = AnswersFile(instrument=instrument, answers=checked.answers, problems=checked.problems, notes=notes)
    result.problems += [f"field '{k}': not part of an answers file; ignored" for k in unknown_keys]
    result.stakeholders = read_stakeholders(raw.get("stakeholders", []), result.problems)
    result.profile = read_profile(raw.get("profile", {}), result.problems)
    return result


def _decode(data: bytes | str, source: str) -> Any:
    size = len(data.encode() if isinstance(data, str) else data)
    if size > MAX_BYTES:
        raise AssessmentError(Code.TOO_LARGE, source, size=size, limit=MAX_BYTES)
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
        return json.loads(text)
    except UnicodeDecodeError:
        raise AssessmentError(Code.NOT_JSON, source, problem="the file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise AssessmentError(Code.NOT_JSON, source, problem=f"line {exc.lineno}, column {exc.colno}: {exc.msg}") \
            from None


def read_stakeholders(rows: Any, problems: list[str]) -> list[Stakeholder]:
    if not isinstance(rows, list):
        problems.append("field 'stakeholders': expected a list of rows; ignored")
        return []
    kept = []
    for number, row in enumerate(rows, start=1):
        try:
            kept.append(Stakeholder.model_validate(row))
        except ValidationError as exc:
            error = exc.errors()[0]
            name = row.get("name") if isinstance(row, dict) else None
            label = f"stakeholder {number}" + (f" ({str(name)[:40]})" if name else "")
            where = ".".join(map(str, error["loc"])) or "row"
            problems.append(f"{label}, field '{where}': {error['msg']}; the row was left out")
    return kept


def read_profile(raw: Any, problems: list[str]) -> Profile:
    """Keep every valid profile field even when another is wrong."""
    if not isinstance(raw, dict):
        problems.append("field 'profile': expected an object; ignored")
        return Profile()
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in Profile.model_fields:
            problems.append(f"profile field '{key}': unknown; ignored")
            continue
        try:
            Profile.model_validate({key: value})
            kept[key] = value
        except ValidationError as exc:
            problems.append(f"profile field '{key}': {exc.errors()[0]['msg']}; left out")
    return Profile.model_validate(kept)


def template(instrument: Instrument) -> dict[str, Any]:
    """An answers file with every item id and a null value, to be filled in elsewhere."""
    return {"instrument": instrument.id, "version": instrument.version,
            "answers": {item.id: None for item in instrument.items}, "stakeholders": [], "profile": {}}
