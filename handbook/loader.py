"""Read content files into typed objects, failing loudly with the file, line and field.

Unlike loaders that skip a broken file, every problem here stops the load: a chapter that
silently disappears is worse for a reader than an error the author sees at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from handbook.errors import ContentError
from handbook.model import TOOL_PART, Alias, Case, Chapter, Dimension, GlossaryTerm, Literature, Tool

M = TypeVar("M")


def read_yaml(path: Path, text: str | None = None) -> Any:
    """Parse YAML, turning a syntax error into a ContentError that gives the line."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8") if text is None else text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        raise ContentError(path, f"invalid YAML at line {line}: {exc.problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, f"cannot read file: {exc}") from None


def validate(path: Path, schema: Any, data: Any) -> Any:
    """Validate data against a pydantic model or type; the first problem names its field."""
    try:
        if isinstance(schema, type) and issubclass(schema, BaseModel):
            return schema.model_validate(data)
        return TypeAdapter(schema).validate_python(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or None
        raise ContentError(path, error["msg"], field) from None


def split_front_matter(path: Path, text: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise ContentError(path, "a chapter must start with YAML front matter between '---' lines")
    end = text.find("\n---\n", 4)
    if end == -1:
        raise ContentError(path, "front matter is not closed by a '---' line")
    meta = read_yaml(path, text[4:end])
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a mapping of fields")
    return meta, text[end + 5 :]


def load_chapter(path: Path, model: type[Chapter] = Chapter) -> Chapter:
    """One Markdown page; `model` is Chapter for content/handbook and Tool for content/toolkit."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(path, f"cannot read file: {exc}") from None
    meta, body = split_front_matter(path, text)
    chapter = validate(path, model, {**meta, "body": body, "path": path})
    if not path.stem.endswith(chapter.slug):
        raise ContentError(path, f"file name must end with the slug '{chapter.slug}'", "slug")
    if model is Chapter and chapter.part == TOOL_PART:
        raise ContentError(path, f"pages of the part '{TOOL_PART}' live in content/toolkit/", "part")
    return chapter


def load_chapters(folder: Path, model: type[Chapter] = Chapter) -> list[Chapter]:
    chapters = [load_chapter(path, model) for path in sorted(folder.glob("*.md"))]
    return in_reading_order(folder, chapters)


def load_tools(folder: Path) -> list[Tool]:
    return load_chapters(folder, Tool)


def in_reading_order(where: Path, pages: list[Chapter]) -> list[Chapter]:
    """Pages sorted by `order`; a slug or an order used twice (even across folders) is an error."""
    _require_unique(where, [c.slug for c in pages], "slug")
    _require_unique(where, [c.order for c in pages], "order")
    return sorted(pages, key=lambda c: c.order)


def load_list(path: Path, model: type[M]) -> list[M]:
    items = validate(path, list[model], read_yaml(path) or [])
    _require_unique(path, [item.id for item in items], "id")
    return items


def load_glossary(path: Path) -> list[GlossaryTerm]:
    return sorted(load_list(path, GlossaryTerm), key=lambda t: t.term.lower())


def load_cases(path: Path) -> list[Case]:
    return load_list(path, Case)


def load_dimensions(path: Path) -> list[Dimension]:
    return load_list(path, Dimension)


def load_aliases(path: Path) -> list[Alias]:
    """Search aliases; an alias listed twice, or one that only repeats its meaning, is an error."""
    aliases = validate(path, list[Alias], read_yaml(path) or [])
    seen: dict[tuple[str, ...], str] = {}
    for index, alias in enumerate(aliases):
        where = f"{index}.alias"
        if alias.alias_terms == alias.means_terms:
            raise ContentError(path, f"alias '{alias.alias}' means the same words; remove it", where)
        if alias.alias_terms in seen:
            raise ContentError(path, f"alias '{alias.alias}' is listed twice (also as '{seen[alias.alias_terms]}')",
                               where)
        seen[alias.alias_terms] = alias.alias
    return aliases


def load_literature(path: Path) -> Literature:
    literature = validate(path, Literature, read_yaml(path))
    _require_unique(path, [w.id for w in literature.works], "id")
    for work in literature.works:
        if work.topic not in literature.topics:
            raise ContentError(path, f"work '{work.id}' has unknown topic '{work.topic}'", "topic")
    return literature


def _require_unique(path: Path, values: list, field: str) -> None:
    seen: set = set()
    for value in values:
        if value in seen:
            raise ContentError(path, f"duplicate {field} '{value}'", field)
        seen.add(value)
