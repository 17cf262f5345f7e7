"""Check all content together: questionnaires, rules, stages, stakeholder map and the handbook.

Every cross-reference is checked (rule -> item, dimension, stage, flag, chapter section), so a
renamed heading or item id fails here instead of on a person's screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessment.errors import AssessmentError
from assessment.loader import INSTRUMENT_DIR, load_instruments
from assessment.recommend import KNOWN_FLAGS, KNOWN_STAGES, RULE_DIR, load_rules, load_themes, rule_references
from assessment.representation import load_labels
from assessment.stage import load_stages
from assessment.translation import LANGUAGES, missing_translations
from handbook.errors import ContentError
from handbook.library import Handbook, load_handbook
from handbook.links import check_handbook


def tool_exists(handbook: Handbook, slug: str) -> bool:
    """A toolkit page or chapter with this slug (toolkit pages are looked up when the handbook has them)."""
    find = getattr(handbook, "tool", None)
    return bool(find(slug)) if callable(find) else handbook.chapter(slug) is not None


def resolves(handbook: Handbook, target: str) -> bool:
    slug, _, section = target.partition("#")
    chapter = handbook.chapter(slug)
    return chapter is not None and (not section or section in chapter.anchors)


def _load(what: str, load: Callable[[], Any], problems: list[str]) -> Any:
    try:
        return load()
    except (AssessmentError, ContentError, ValueError) as exc:
        problems.append(f"{what}: {exc}")
        return None


def validate_all() -> tuple[list[str], dict[str, int]]:
    """(problems, counts). No problems means every file is valid and every reference resolves."""
    problems: list[str] = []
    handbook = _load("handbook", load_handbook, problems)
    load_instruments.cache_clear()
    instruments = _load("questionnaires", load_instruments, problems) or {}
    rules = _load("recommendations", load_rules, problems) or []
    stages = _load("stages", load_stages, problems) or []
    labels = _load("stakeholder map", load_labels, problems)
    if handbook is None:
        return problems, {}
    problems += check_handbook(handbook)
    dimensions = {d.id for d in handbook.dimensions}
    items = {item.id for instrument in instruments.values() for item in instrument.items}
    rule_ids = {r.id for r in rules}
    theme_list = _load("themes", load_themes, problems) or []
    themes = {t.id for t in theme_list}
    known = {"dimension": dimensions, "item": items, "stage": KNOWN_STAGES, "flag": KNOWN_FLAGS, "rule": rule_ids,
             "theme": themes}
    for rule in rules:
        for kind, value in rule_references(rule):
            if kind == "chapter":
                bad = not resolves(handbook, value)
            elif kind == "tool":
                bad = not tool_exists(handbook, value)
            else:
                bad = value not in known[kind]
            if bad:
                problems.append(f"{RULE_DIR.name}/ rule '{rule.id}': unknown {kind} '{value}'")
    for stage in stages:
        if not resolves(handbook, stage.chapter):
            problems.append(f"stages.yaml '{stage.id}': unknown chapter section '{stage.chapter}'")
        problems += [f"stages.yaml '{stage.id}': weights name unknown dimension '{d}'"
                     for d in stage.weights if d not in dimensions]
        for field in ("closed_by", "opened_by"):
            item_id = getattr(stage, field)
            if item_id and not any(item.stage == stage.id for instrument in instruments.values()
                                   for item in instrument.items if item.id == item_id):
                problems.append(f"stages.yaml '{stage.id}': {field} '{item_id}' is not an item of that stage")
    for instrument in instruments.values():
        for ref in instrument.dimensions:
            if ref.chapter and not resolves(handbook, ref.chapter):
                problems.append(f"{INSTRUMENT_DIR.name}/{instrument.id}: unknown chapter '{ref.chapter}'")
        problems += [f"{INSTRUMENT_DIR.name}/{instrument.id}: item '{item.id}': choice_themes names unknown theme "
                     f"'{theme}'" for item in instrument.items for named in item.choice_themes.values()
                     for theme in named if theme not in themes]
    problems += untranslated(instruments, rules, stages, labels, handbook.dimensions, theme_list)
    counts = {"chapters": len(handbook.chapters), "questionnaires": len(instruments), "items": len(items),
              "rules": len(rules), "glossary terms": len(handbook.glossary), "cases": len(handbook.cases)}
    return problems, counts


def untranslated(instruments, rules, stages, labels, dimensions, themes) -> list[str]:
    """Every text that lacks one of the content's languages (assessment/translation.py: LANGUAGES).
    Instruments check the languages they declare when they load; here each must declare them all."""
    problems = [f"{INSTRUMENT_DIR.name}/{i.id}: languages must include {', '.join(LANGUAGES)}"
                for i in instruments.values() if not set(LANGUAGES) <= set(i.languages)]
    named = [*((f"{RULE_DIR.name}/ rule '{r.id}'", r) for r in rules),
             *((f"stages.yaml '{s.id}'", s) for s in stages),
             *((f"dimensions.yaml '{d.id}'", d) for d in dimensions),
             *((f"themes.yaml '{t.id}'", t) for t in themes)]
    if labels is not None:
        named.append((f"{INSTRUMENT_DIR.name}/stakeholder-map.yaml", labels))
    return problems + [f"{where}: no '{language}' text for {field}" for where, obj in named
                       for field, language in missing_translations(obj)]
