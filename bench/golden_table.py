"""Golden coalitions: how the diagnosis does on real coalitions described at a stated date.

Each profile is `tests/data/golden/<id>.yaml` (narrative, profile, what an adviser expects) beside
`<id>.json`, an answers file filled from the narrative alone. The answers go through the product's
own reader, so version-1 files are upgraded exactly as an upload would be. Prints one row per
profile (stage expected and found, expected themes among the top five, actions shown) and totals.
A found stage is marked ✓ when it is the expected one or an alternative, ~ when the diagnosis says
"between" and the other side is the expected one (not counted as right), ✗ otherwise. Profiles
whose answers file has not been written yet are listed as waiting.

    .venv/bin/python bench/golden_table.py [folder]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.engine import Engine, Result, default_engine  # noqa: E402
from assessment.files import read_answers, read_profile  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "golden"
TOP = 5
MAX_SHOWN = 15
THEME_SHARE = 2 / 3


@dataclass(frozen=True)
class Golden:
    """One profile: what the adviser expects, and the answers file beside it."""

    id: str
    coalition: str
    path: Path
    answers_path: Path
    spec: dict[str, Any]

    @property
    def answered(self) -> bool:
        return self.answers_path.exists()

    @property
    def stage(self) -> str:
        return self.spec["expect"]["stage"]

    @property
    def stages(self) -> list[str]:
        return [self.stage, *self.spec["expect"].get("alternatives", [])]

    @property
    def themes(self) -> list[str]:
        return list(self.spec["expect"].get("themes", []))

    @property
    def year(self) -> int | None:
        """The year the profile describes (`as_of: 2016-12`), so "founded 3 years ago" is read at that date."""
        text = str(self.spec.get("as_of", ""))[:4]
        return int(text) if text.isdigit() else None


@dataclass
class Row:
    golden: Golden
    stage_found: str | None
    stage_label: str
    themes_hit: list[str]
    shown: int
    not_shown: int
    top: list[tuple[str, list[str]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    between: list[str] = field(default_factory=list)

    @property
    def stage_ok(self) -> bool:
        return self.stage_found in self.golden.stages

    @property
    def stage_near(self) -> bool:
        """Not a match, but the diagnosis said "between" and the other side is what the adviser expected."""
        return not self.stage_ok and bool(set(self.between) & set(self.golden.stages))

    @property
    def themes_needed(self) -> int:
        """At least two thirds of the expected themes, rounded up."""
        expected = len(self.golden.themes)
        return -(-expected * 2 // 3)

    @property
    def themes_ok(self) -> bool:
        return len(self.themes_hit) >= self.themes_needed

    @property
    def shown_ok(self) -> bool:
        return self.shown <= MAX_SHOWN

    @property
    def passed(self) -> bool:
        return self.stage_ok and self.themes_ok and self.shown_ok


def load_profiles(folder: Path = GOLDEN) -> list[Golden]:
    """Every `<id>.yaml`, sorted by id, with the `<id>.json` beside it (check `answered`: answers are
    filled in later, by someone else, so a profile may wait for them)."""
    profiles = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        answers = path.with_suffix(".json")
        profiles.append(Golden(id=spec.get("id", path.stem), coalition=spec.get("coalition", path.stem), path=path,
                               answers_path=answers, spec=spec))
    return profiles


def assess(golden: Golden, engine: Engine | None = None) -> tuple[Result, list[str]]:
    """The result for a profile, read as an upload would be; the profile's own fields fill any gap."""
    engine = engine or default_engine()
    parsed = read_answers(golden.answers_path.read_bytes(), engine.instruments, source=golden.answers_path.name)
    notes = list(getattr(parsed, "notes", [])) + list(parsed.problems)
    given = parsed.profile.model_dump(exclude_defaults=True)
    narrative = read_profile(golden.spec.get("profile") or {}, notes).model_dump(exclude_defaults=True)
    profile = parsed.profile.model_validate({**narrative, **given})
    return engine.assess(parsed.instrument, parsed.answers, parsed.stakeholders, profile, parsed.problems,
                         as_of=golden.year), notes


def row_for(golden: Golden, engine: Engine | None = None) -> Row:
    engine = engine or default_engine()
    result, notes = assess(golden, engine)
    top = [r for r in result.recommendations if r.top][:TOP]
    # Themes come from the rules themselves, so the table reads the same on engines that do not yet
    # copy them onto each recommendation.
    themes_of = {rule.id: list(rule.themes) for rule in engine.rules}
    carried = {t for r in top for t in themes_of.get(r.id, [])}
    stage = result.stage
    label = getattr(stage, "label", None) or stage.title or "not known"
    return Row(golden=golden, stage_found=stage.id, stage_label=label, between=list(getattr(stage, "between", [])),
               themes_hit=[t for t in golden.themes if t in carried], shown=len(result.recommendations),
               not_shown=getattr(result, "recommendations_not_shown", 0),
               top=[(r.id, themes_of.get(r.id, [])) for r in top], notes=notes)


def table(rows: list[Row]) -> str:
    lines = [f"{'profile':34} {'stage expected':26} {'stage found':30} {'themes in top 5':16} {'shown':>5}  ok"]
    for row in rows:
        expected = "/".join(row.golden.stages)
        themes = f"{len(row.themes_hit)}/{len(row.golden.themes)} (need {row.themes_needed})"
        mark = " ✓" if row.stage_ok else (" ~" if row.stage_near else " ✗")
        found = (row.stage_label[:28 - len(mark)] + mark)
        lines.append(f"{row.golden.id[:34]:34} {expected[:26]:26} {found:30} {themes:16} {row.shown:>5}  "
                     f"{'yes' if row.passed else 'no'}")
    if rows:
        lines.append(
            f"TOTAL {len(rows)} profiles: stage right {sum(r.stage_ok for r in rows)}/{len(rows)} "
            f"(and {sum(r.stage_near for r in rows)} between the expected stage and another); "
            f"themes in top five {sum(len(r.themes_hit) for r in rows)}/{sum(len(r.golden.themes) for r in rows)} "
            f"(bar met {sum(r.themes_ok for r in rows)}/{len(rows)}); actions shown at most "
            f"{max(r.shown for r in rows)} (bar met {sum(r.shown_ok for r in rows)}/{len(rows)}); "
            f"all three {sum(r.passed for r in rows)}/{len(rows)}")
    else:
        lines.append("TOTAL 0 profiles")
    return "\n".join(lines)


def details(rows: list[Row]) -> str:
    out = []
    for row in rows:
        missed = [t for t in row.golden.themes if t not in row.themes_hit]
        out.append(f"\n{row.golden.id}: stage {row.stage_found} (expected {'/'.join(row.golden.stages)}); "
                   f"missed themes {missed}")
        out += [f"  {n}. {rule} {themes}" for n, (rule, themes) in enumerate(row.top, 1)]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=GOLDEN)
    parser.add_argument("--details", action="store_true", help="list each profile's top five with their themes")
    args = parser.parse_args()
    profiles = load_profiles(args.folder)
    waiting = [g.id for g in profiles if not g.answered]
    rows = [row_for(golden) for golden in profiles if golden.answered]
    if waiting:
        print(f"waiting for answers files: {', '.join(waiting)}")
    if args.details:
        print(details(rows), end="\n\n")
    print(table(rows))


if __name__ == "__main__":
    main()
