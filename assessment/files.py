"""Answers files: `{"instrument": ID, "answers": {...}, "stakeholders": [...], "profile": {...}}`.

Reading is forgiving where it can be and strict where it must be: a file that is not JSON, too
large, or names no known questionnaire is refused with one clear line; inside a good file, every
bad answer, stakeholder row or profile field is reported and left out while the rest is kept.
Problems and refusals are said in every language (`assessment.said`): the command line prints
English, the upload page shows the page's language.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from assessment.answers import check_answers
from assessment.cleaning import UNSAFE_SURROGATE, safe_repr
from assessment.errors import AssessmentError, Code
from assessment.i18n import N_, translator
from assessment.model import Instrument, Profile, Stakeholder
from assessment.said import in_every_language, say
from assessment.translation import Translated, text_in
from assessment.upgrade import upgrade_answers

MAX_BYTES = 5 * 1024 * 1024
MAX_STAKEHOLDERS = 500  # a map well beyond any coalition's; 40,000 rows took a results page a minute to draw
MAX_DEPTH = 20  # an answers file nests four levels; 20 leaves room and stops recursion bombs
MAX_DIGITS = 15  # whole numbers longer than this are no answer to anything we ask
MAX_NUMBER = 1e12


@dataclass
class AnswersFile:
    instrument: Instrument
    answers: dict[str, Any] = field(default_factory=dict)
    stakeholders: list[Stakeholder] = field(default_factory=list)
    profile: Profile = field(default_factory=Profile)
    problems: list[Translated] = field(default_factory=list)
    notes: list[Translated] = field(default_factory=list)  # what changed when older answers were carried over

    def is_empty(self) -> bool:
        return not self.answers and not self.stakeholders and self.profile == Profile()

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument.id,
            "version": self.instrument.version,
            "answers": self.answers,
            "stakeholders": [s.model_dump() for s in self.stakeholders],
            "profile": self.profile.model_dump(exclude_none=True),
        }


def read_answers(data: bytes | str, instruments: dict[str, Instrument], source: str = "answers file") -> AnswersFile:
    """The one reader for answers files, used by the upload page and the command line alike."""
    raw = parse_json(data, source)
    if not isinstance(raw, dict):
        raise AssessmentError(Code.BAD_VALUE, source,
                              problem=say(N_("expected a JSON object with 'instrument' and 'answers'")))
    if "answers" not in raw and {"dimensions", "recommendations"} <= raw.keys():  # this app's "Result (JSON)"
        raise AssessmentError(Code.RESULTS_FILE, source)
    instrument_id = raw.get("instrument")
    if not isinstance(instrument_id, str) or instrument_id not in instruments:
        known = ", ".join(sorted(instruments))
        raise AssessmentError(Code.BAD_VALUE, source, field="instrument",
                              problem=say(N_("unknown questionnaire {given}; expected one of {known}"),
                                          given=safe_repr(instrument_id), known=known))
    instrument = instruments[instrument_id]
    unknown_keys = sorted(safe_repr(k) for k in set(raw) - {"instrument", "version", "answers", "stakeholders",
                                                             "profile"})
    answers, notes = raw.get("answers", {}), []
    if isinstance(answers, dict):  # an older version's answers are carried over first, with a note
        version = raw.get("version")
        upgraded = upgrade_answers(instrument, answers, version if isinstance(version, int) else None)
        answers, notes = upgraded.answers, upgraded.notes
    checked = check_answers(instrument, answers)
    result = AnswersFile(instrument=instrument, answers=checked.answers, problems=checked.problems, notes=notes)
    result.problems += [say(N_("field {name}: not part of an answers file; ignored"), name=k) for k in unknown_keys]
    result.stakeholders = read_stakeholders(raw.get("stakeholders", []), result.problems)
    result.profile = read_profile(raw.get("profile", {}), result.problems)
    if result.problems and result.is_empty():
        problem = result.problems[0] if len(result.problems) == 1 else say(
            N_("{problem} (and {n} more)"), problem=result.problems[0], n=len(result.problems) - 1)
        raise AssessmentError(Code.NOTHING_USABLE, source, problem=problem)
    return result


class BadNumber:
    """A number JSON allows but an answer cannot be (NaN, Infinity, 1e400, thousands of digits).

    Kept as a marker instead of failing the whole parse, so the one bad answer is named and the
    rest of the file is kept."""

    def __init__(self, text: str):
        self.text = text[:24] + ("…" if len(text) > 24 else "")

    def __repr__(self) -> str:
        return f"{self.text} (not a usable number)"


def _float(text: str) -> float | BadNumber:
    value = float(text)
    return value if math.isfinite(value) and abs(value) <= MAX_NUMBER else BadNumber(text)


def _int(text: str) -> int | BadNumber:
    return int(text) if len(text.lstrip("-")) <= MAX_DIGITS else BadNumber(text)


def parse_json(data: bytes | str, source: str) -> Any:
    """JSON within bounds: size and nesting are checked before parsing, numbers after."""
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > MAX_BYTES:
        raise AssessmentError(Code.TOO_LARGE, source, size=size, limit=MAX_BYTES)
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise AssessmentError(Code.NOT_JSON, source, problem=say(N_("the file is not UTF-8 text"))) from None
    if not text.strip():
        raise AssessmentError(Code.EMPTY, source)
    if nesting(text) > MAX_DEPTH:
        raise AssessmentError(Code.NOT_JSON, source, problem=say(N_("nested more than {n} levels deep"), n=MAX_DEPTH))
    try:
        return json.loads(text, parse_float=_float, parse_int=_int, parse_constant=BadNumber)
    except json.JSONDecodeError as exc:
        detail = say(JSON_ERRORS[exc.msg]) if exc.msg in JSON_ERRORS else Translated(exc.msg)
        raise AssessmentError(Code.NOT_JSON, source, problem=say(N_("line {line}, column {column}: {detail}"),
                                                                 line=exc.lineno, column=exc.colno,
                                                                 detail=detail)) from None


# What Python's JSON reader says of a broken file, in words a person editing it can act on (and can be
# translated); a message not listed here is shown as the reader words it.
JSON_ERRORS = {
    "Expecting value": N_("a value is missing or is not written as JSON (text needs double quotes)"),
    "Expecting property name enclosed in double quotes": N_("a name in double quotes was expected (a comma too "
                                                            "many, or the file cut short?)"),
    "Expecting ',' delimiter": N_("a comma is missing"),
    "Expecting ':' delimiter": N_("a colon is missing after a name"),
    "Unterminated string starting at": N_("a text is not closed with a double quote"),
    "Invalid control character at": N_("a text holds a line break or control character; write it as \\n"),
    "Extra data": N_("something follows the end of the JSON"),
}

_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKET = re.compile(r"[\[\]{}]")


def nesting(text: str) -> int:
    """How deeply arrays and objects nest, without parsing (strings are skipped)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def read_stakeholders(rows: Any, problems: list[Translated]) -> list[Stakeholder]:
    if not isinstance(rows, list):
        problems.append(say(N_("field 'stakeholders': expected a list of rows; ignored")))
        return []
    if len(rows) > MAX_STAKEHOLDERS:
        problems.append(say(N_("the file lists {count} stakeholders and a map holds at most {limit}: the first {limit} "
                               "were kept"), count=len(rows), limit=MAX_STAKEHOLDERS))
        rows = rows[:MAX_STAKEHOLDERS]
    kept = []
    for number, row in enumerate(rows, start=1):
        try:
            kept.append(Stakeholder.model_validate(row))
        except ValidationError as exc:
            name = row.get("name") if isinstance(row, dict) else None
            quoted = safe_repr(name.strip(), 42) if isinstance(name, str) and name.strip() else ""
            shown = quoted[1:-1] if quoted.endswith(chr(39)) else quoted[1:]  # a long name ends in "…", not mid-word
            template = N_("stakeholder {number} ({name}), {fields}; the row was left out") if quoted \
                else N_("stakeholder {number}, {fields}; the row was left out")
            problems.append(say(template, number=number, name=shown, fields=fields_wrong(exc)))
    return kept


def fields_wrong(exc: ValidationError) -> Translated:
    """Every wrong field of a row, each with its problem, so one pass over the file mends the row."""
    parts = [say(N_("field {field}: {problem}"), field=safe_repr(".".join(map(str, e["loc"])) or "row"),
                 problem=plain(e)) for e in exc.errors()]
    return in_every_language(lambda language: translator(language).semicolons(text_in(p, language) for p in parts))


BOUNDS = {"less_than_equal": N_("must be at most {bound}, got {given}"),
          "greater_than_equal": N_("must be at least {bound}, got {given}"),
          "less_than": N_("must be below {bound}, got {given}"),
          "greater_than": N_("must be above {bound}, got {given}")}


def plain(error: dict[str, Any]) -> Translated:
    """A validation error as a person editing the file reads it, not as pydantic words it."""
    kind, ctx, given = error["type"], error.get("ctx") or {}, safe_repr(error.get("input"), 40)
    if kind == "missing":
        return say(N_("missing"))
    if kind in ("model_type", "dict_type"):
        return say(N_("expected an object with name, sector, influence, stake and participation"))
    if kind == "literal_error":
        return say(N_("{given} is not one of {choices}"), given=given, choices=one_of(ctx["expected"]))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return say(N_("expected a whole number, got {given}"), given=given)
    if kind in ("float_parsing", "float_type"):
        return say(N_("expected a number, got {given}"), given=given)
    if kind in BOUNDS:
        bound = ctx.get("le", ctx.get("ge", ctx.get("lt", ctx.get("gt"))))
        return say(BOUNDS[kind], bound=f"{bound:g}", given=given)
    if kind == "string_type":
        return say(N_("expected text, got {given}"), given=given)
    if kind == "value_error" and str(ctx.get("error", "")) in OUR_VALUE_ERRORS:
        return say(OUR_VALUE_ERRORS[str(ctx["error"])])
    return Translated(error["msg"])  # pydantic's own words, in English: a case no file of ours has met


# What the models' own checks say (assessment/model.py, assessment/cleaning.py), as catalogue entries.
OUR_VALUE_ERRORS = {"a stakeholder needs a name": N_("a stakeholder needs a name"),
                    UNSAFE_SURROGATE: N_("contains an invalid character (a lone surrogate); retype it")}


def one_of(expected: str) -> Translated:
    """pydantic's "'a', 'b' or 'c'" as each language lists choices ("a, b ou c")."""
    choices = re.findall(r"'([^']*)'", expected) or [expected]
    return in_every_language(lambda language: translator(language).join(choices, N_("or")))


def read_profile(raw: Any, problems: list[Translated]) -> Profile:
    """Keep every valid profile field even when another is wrong."""
    if not isinstance(raw, dict):
        problems.append(say(N_("field 'profile': expected an object; ignored")))
        return Profile()
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in Profile.model_fields:
            problems.append(say(N_("profile field {field}: unknown; ignored"), field=safe_repr(key)))
            continue
        try:
            Profile.model_validate({key: value})
            kept[key] = value
        except ValidationError as exc:
            problems.append(say(N_("profile field {field}: {problem}; left out"), field=safe_repr(key),
                                problem=plain(exc.errors()[0])))
    return Profile.model_validate(kept)


def template(instrument: Instrument) -> dict[str, Any]:
    """An answers file with every item id and a null value, to be filled in elsewhere."""
    return {"instrument": instrument.id, "version": instrument.version,
            "answers": {item.id: None for item in instrument.items}, "stakeholders": [], "profile": {}}
