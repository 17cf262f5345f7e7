"""Errors with codes and message templates (as pyxform does): each names the file, item and field."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class Code(StrEnum):
    YAML = "invalid YAML at line {line}: {problem}"
    SCHEMA = "{problem}"
    DUPLICATE_ID = "id '{value}' is used more than once"
    UNKNOWN_SCALE = "scale '{value}' is not defined under scales"
    SCALE_KIND = "a {kind} item needs a {kind} scale, but '{value}' is {actual}"
    UNKNOWN_DIMENSION = "dimension '{value}' is not in content/dimensions.yaml"
    UNLISTED_DIMENSION = "dimension '{value}' is scored here but not listed under the instrument's dimensions"
    RELEVANT_UNKNOWN = "skip logic refers to item '{value}', which does not exist"
    RELEVANT_LATER = "skip logic refers to item '{value}', which comes later; it must be asked first"
    MISSING_TRANSLATION = "no '{value}' text, but the instrument declares that language"
    UNKNOWN_CHAPTER = "chapter link '{value}' does not resolve to a handbook chapter and section"
    UNKNOWN_ITEM = "refers to item '{value}', which no instrument defines"
    UNKNOWN_FLAG = "unknown flag '{value}'"
    BAD_VALUE = "{problem}"
    TOO_LARGE = "the file is {size} bytes; the limit is {limit} bytes"
    NOT_JSON = "not valid JSON ({problem})"
    NOTHING_USABLE = "nothing in this file could be used: {problem}"
    EMPTY = "the file is empty"
    RESULTS_FILE = ("this is a results file (the diagnosis), not an answers file: download the answers file from the "
                    "results page and use that")


class AssessmentError(ValueError):
    """A problem in a file or an input, with where it is and what to do."""

    def __init__(self, code: Code, path: Path | str | None = None, item: str | None = None,
                 field: str | None = None, **values):
        self.code, self.path, self.item, self.field, self.values = code, path, item, field, values
        message = code.value.format(**values)
        where = ", ".join(part for part in (
            str(path) if path else "",
            f"item '{item}'" if item else "",
            f"field '{field}'" if field else "",
        ) if part)
        super().__init__(f"{where}: {message}" if where else message)
