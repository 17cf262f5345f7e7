"""Load instruments and check what pydantic cannot see alone: references between parts.

One small check per rule, each raising a coded error that names the file, item and field.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from assessment.errors import AssessmentError, Code
from assessment.model import Instrument, Item
from assessment.translation import Translated
from assessment.upgrade import references

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
INSTRUMENT_DIR = CONTENT_DIR / "instruments"
NOT_INSTRUMENTS = {"stakeholder-map"}


def read_yaml(path: Path, text: str | None = None) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8") if text is None else text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise AssessmentError(Code.YAML, path, line=line, problem=exc.problem) from None


def known_dimensions(content_dir: Path = CONTENT_DIR) -> set[str]:
    return {d["id"] for d in read_yaml(content_dir / "dimensions.yaml")}


def parse_instrument(path: Path, data: Any, dimensions: set[str]) -> Instrument:
    try:
        instrument = Instrument.model_validate(data)
    except ValidationError as exc:
        raise _schema_error(path, data, exc) from None
    for check in (_unique_ids, _scales_exist, _dimensions_known, _relevance_refers_back, _translations_complete,
                  _upgrades_resolve):
        check(path, instrument, dimensions)
    return instrument


@cache
def load_instruments(folder: Path = INSTRUMENT_DIR) -> dict[str, Instrument]:
    """Every questionnaire by id (cached: content changes only with a deploy)."""
    dimensions = known_dimensions(folder.parent)
    found: dict[str, Instrument] = {}
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in NOT_INSTRUMENTS:
            continue
        instrument = parse_instrument(path, read_yaml(path), dimensions)
        if instrument.id in found:
            raise AssessmentError(Code.DUPLICATE_ID, path, field="id", value=instrument.id)
        found[instrument.id] = instrument
    return found


def _schema_error(path: Path, data: Any, exc: ValidationError) -> AssessmentError:
    """Name the item by id rather than by position, since authors think in ids."""
    error = exc.errors()[0]
    loc = list(error["loc"])
    item = None
    if len(loc) >= 4 and loc[0] == "sections" and loc[2] == "items":
        try:
            item = data["sections"][loc[1]]["items"][loc[3]].get("id")
        except (KeyError, IndexError, TypeError, AttributeError):
            item = None
        loc = loc[4:] if item else loc
    field = ".".join(str(p) for p in loc) or None
    return AssessmentError(Code.SCHEMA, path, item=item, field=field, problem=error["msg"])


def _unique_ids(path: Path, instrument: Instrument, _: set[str]) -> None:
    seen: set[str] = set()
    for item in instrument.items:
        if item.id in seen:
            raise AssessmentError(Code.DUPLICATE_ID, path, item=item.id, field="id", value=item.id)
        seen.add(item.id)


def _scales_exist(path: Path, instrument: Instrument, _: set[str]) -> None:
    for item in instrument.items:
        if not item.scale:
            continue
        scale = instrument.scales.get(item.scale)
        if scale is None:
            raise AssessmentError(Code.UNKNOWN_SCALE, path, item=item.id, field="scale", value=item.scale)
        if scale.kind != item.kind:
            raise AssessmentError(Code.SCALE_KIND, path, item=item.id, field="scale", kind=item.kind,
                                  value=item.scale, actual=scale.kind)
        unknown = [choice for choice in item.choice_themes if choice not in scale.choices]
        if unknown:
            raise AssessmentError(Code.BAD_VALUE, path, item=item.id, field="choice_themes",
                                  problem=f"'{unknown[0]}' is not a choice of scale '{item.scale}'")


def _dimensions_known(path: Path, instrument: Instrument, dimensions: set[str]) -> None:
    listed = {d.id for d in instrument.dimensions}
    for ref in instrument.dimensions:
        if ref.id not in dimensions:
            raise AssessmentError(Code.UNKNOWN_DIMENSION, path, field="dimensions", value=ref.id)
    for item in instrument.items:
        if item.dimension and item.dimension not in dimensions:
            raise AssessmentError(Code.UNKNOWN_DIMENSION, path, item=item.id, field="dimension", value=item.dimension)
        if item.scored and item.dimension not in listed:
            raise AssessmentError(Code.UNLISTED_DIMENSION, path, item=item.id, field="dimension", value=item.dimension)


def _relevance_refers_back(path: Path, instrument: Instrument, _: set[str]) -> None:
    asked: set[str] = set()
    ids = {i.id for i in instrument.items}
    for item in instrument.items:
        if item.relevant:
            target = item.relevant.item
            if target not in ids:
                raise AssessmentError(Code.RELEVANT_UNKNOWN, path, item=item.id, field="relevant.item", value=target)
            if target not in asked:
                raise AssessmentError(Code.RELEVANT_LATER, path, item=item.id, field="relevant.item", value=target)
        asked.add(item.id)


def _texts(instrument: Instrument):
    """Every translatable text with where it lives, for the completeness check."""
    yield None, "title", instrument.title
    if instrument.description:
        yield None, "description", instrument.description
    for ref in instrument.dimensions:
        if ref.title is not None:
            yield None, f"dimensions.{ref.id}.title", ref.title
    for section in instrument.sections:
        yield None, f"sections.{section.id}.title", section.title
        if section.intro is not None:
            yield None, f"sections.{section.id}.intro", section.intro
        for item in section.items:
            yield item.id, "text", item.text
            if item.help is not None:
                yield item.id, "help", item.help
    for name, scale in instrument.scales.items():
        for key, label in scale.choices.items():
            yield None, f"scales.{name}.choices.{key}", label
    for upgrade in instrument.upgrades:
        yield None, f"upgrades.from {upgrade.from_version}.note", upgrade.note


def _translations_complete(path: Path, instrument: Instrument, _: set[str]) -> None:
    for language in instrument.languages:
        for item_id, field, text in _texts(instrument):
            given = text.translations if isinstance(text, Translated) else {"en": text}
            if not (given.get(language) or "").strip():
                raise AssessmentError(Code.MISSING_TRANSLATION, path, item=item_id, field=field, value=language)


def _upgrades_resolve(path: Path, instrument: Instrument, _: set[str]) -> None:
    """Every id an upgrade carries answers to exists now, and rescaled values fit the item's scale."""
    for field, item_id in references(instrument):
        item = instrument.item(item_id)
        if item is None:
            raise AssessmentError(Code.UNKNOWN_ITEM, path, field=field, value=item_id)
        if "rescaled" in field:
            scale = instrument.scale_of(item)
            allowed = set(scale.choices) | set(scale.extra) if scale else set()
            for rule in (r for u in instrument.upgrades for r in u.rescaled if item_id in r.items):
                bad = [v for v in rule.map.values() if v is not None and str(v) not in allowed]
                if bad:
                    raise AssessmentError(Code.BAD_VALUE, path, item=item_id, field=field,
                                          problem=f"rescaled to {bad[0]!r}, not on scale '{item.scale}'")
    if any(u.from_version >= instrument.version for u in instrument.upgrades):
        raise AssessmentError(Code.BAD_VALUE, path, field="upgrades",
                              problem=f"an upgrade must come from a version before {instrument.version}")


def visible(item: Item, answers: dict[str, Any]) -> bool:
    """Whether skip logic shows this item, given the answers so far. Operators are a table, not eval."""
    rule = item.relevant
    if rule is None:
        return True
    value = answers.get(rule.item)
    return OPERATORS[_operator(rule)](value, getattr(rule, _operator(rule)))


def _operator(rule) -> str:
    return next(n for n in ("equals", "not_equals", "in_", "answered", "at_least", "at_most")
                if getattr(rule, n) is not None)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _has_answer(value: Any) -> bool:
    return value not in (None, "", []) and value not in ("dont_know", "not_applicable")


OPERATORS = {
    "equals": lambda value, target: _same(value, target),
    "not_equals": lambda value, target: not _same(value, target),
    "in_": lambda value, targets: any(_same(value, t) for t in targets),
    "answered": lambda value, wanted: _has_answer(value) == wanted,
    "at_least": lambda value, n: (_number(value) is not None and _number(value) >= n),
    "at_most": lambda value, n: (_number(value) is not None and _number(value) <= n),
}


def _same(value: Any, target: Any) -> bool:
    if isinstance(value, list):
        return str(target) in [str(v) for v in value]
    return value is not None and str(value) == str(target)

