"""Golden coalitions: how the diagnosis does on real coalitions described at a stated date.

Each profile is `tests/data/golden/<id>.yaml` (narrative, profile, what an adviser expects) beside
`<id>.json`, an answers file filled from the narrative alone. The answers go through the product's
own reader, so version-1 files are upgraded exactly as an upload would be. Prints one row per
profile (stage expected and found, expected themes among the top five, actions shown) and totals.
A found stage is marked ✓ when it is the expected one or an alternative, ~ when the diagnosis says
"between" and the other side is the expected one (not counted as right), ✗ otherwise. Profiles
whose answers file has not been written yet are listed as waiting.

    .venv/bin/python bench/golden_table.py [folder] [--details] [--detail] [--only ID,ID]

`--details` lists each profile's top five with their themes; `--detail` prints the whole diagnosis
behind each row (stage evidence, dimension scores, map findings, every action shown with its score
and rank reason, and, for each expected theme missed, the rules that carry it and why each is not in
the top five: not allowed at this stage or type, its conditions do not hold, done, replaced, or
ranked lower). `--only` restricts the table to some profiles. Run on the default folder, it prints
the tuning set's table and then, apart, each hold-out's (`tests/data/golden/holdout*/`), each first
run blind (TUNING.md).
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
from assessment.recommend import Evidence, allowed, evaluate, fired_rules, silenced  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "golden"
# Hold-outs, each made after a round of tuning and first run blind; their figures are reported apart.
HOLDOUTS = {
    GOLDEN / "holdout": "made after the fourth round and first run blind; studied in the fifth",
    GOLDEN / "holdout2": "made after the fifth round and first run blind; studied in the sixth",
    GOLDEN / "holdout3": "made after the sixth round and first run blind; in the calibration since",
    GOLDEN / "holdout4": "made after the calibration and first run blind; in the calibration since",
    GOLDEN / "holdout5": "made after the fourth was counted and first run blind; in the calibration since",
    GOLDEN / "holdout6": "made after the second opinions and first run blind; in the calibration since",
    GOLDEN / "holdout7": "made after the sixth was counted and first run blind; in the calibration since",
    GOLDEN / "holdout8": "made after the seventh was counted and first run blind; in the calibration since",
    GOLDEN / "holdout9": "made after the eighth was counted and first run blind; in the calibration since",
    GOLDEN / "holdout10": "made after the ninth was counted and first run blind; in the calibration since",
    GOLDEN / "holdout11": "made after the tenth was counted and first run blind; in the calibration since",
    GOLDEN / "holdout12": "made after the eleventh was counted and first run blind; in the calibration since",
}
TOP = 5
MAX_SHOWN = 15


def themes_needed(expected: int) -> int:
    """At least two thirds of the expected themes, rounded up (3 of 4, 2 of 3)."""
    return -(-expected * 2 // 3)


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
        return themes_needed(len(self.golden.themes))

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


def read_golden(golden: Golden, engine: Engine) -> tuple[Any, Any, list[str]]:
    """The answers file read as an upload would be, and its profile, the narrative's own fields filling any gap."""
    parsed = read_answers(golden.answers_path.read_bytes(), engine.instruments, source=golden.answers_path.name)
    notes = list(getattr(parsed, "notes", [])) + list(parsed.problems)
    given = parsed.profile.model_dump(exclude_defaults=True)
    narrative = read_profile(golden.spec.get("profile") or {}, notes).model_dump(exclude_defaults=True)
    return parsed, parsed.profile.model_validate({**narrative, **given}), notes


def assess(golden: Golden, engine: Engine | None = None) -> tuple[Result, list[str]]:
    """The result for a profile, read as an upload would be."""
    engine = engine or default_engine()
    parsed, profile, notes = read_golden(golden, engine)
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


def why_not(rule_id: str, result: Result, evidence: Evidence, engine: Engine) -> str:
    """Why a rule that carries an expected theme is not among the first five."""
    rule = next(r for r in engine.rules if r.id == rule_id)
    shown = {r.id: r for r in result.recommendations}
    if rule_id in shown:
        rec = shown[rule_id]
        return f"ranked {rec.rank} (score {rec.score:.3f})"
    if not allowed(rule.requires, evidence):
        return "not considered here (requires)"
    if not all(evaluate(c, evidence).fired for c in rule.when):
        return "its conditions do not hold"
    if silenced(rule, evidence):
        return "the answers show it done, or beside the point (unless)"
    fired = {f.rule.id for f in fired_rules(engine.rules, evidence)}
    return "ranked below the fifteen shown" if rule_id in fired else "replaced by a fuller rule, or same title"


def detail(golden: Golden, engine: Engine | None = None) -> str:
    """The whole diagnosis behind one row of the table, for studying a miss."""
    engine = engine or default_engine()
    result, _ = assess(golden, engine)
    parsed = read_answers(golden.answers_path.read_bytes(), engine.instruments, source=golden.answers_path.name)
    evidence = Evidence(dimensions=result.dimensions, answers=parsed.answers, stage=result.stage,
                        representation=result.representation, instrument=parsed.instrument, profile=result.profile,
                        as_of=golden.year)
    row = row_for(golden, engine)
    stage = result.stage
    lines = [f"\n== {golden.id}: {golden.coalition} ({golden.spec.get('as_of', '')}) "
             f"{'meets the bar' if row.passed else 'does not meet the bar'}",
             f"stage found {stage.title} (expected {' or '.join(golden.stages)}); progress "
             + ", ".join(f"{s} {v:.0f}" for s, v in stage.levels.items() if v is not None)]
    lines += [f"  - {e}" for e in stage.evidence]
    lines.append("dimensions: " + ", ".join(f"{k} {v.score:.0f}" for k, v in result.dimensions.items()
                                            if v.score is not None))
    lines.append("map findings: " + (", ".join(f"{g.kind} (severity {g.severity}, {g.agreeing})"
                                               for g in result.representation.gaps) or "none"))
    for rec in result.recommendations:
        mark = "*" if rec.top else " "
        lines.append(f"  {mark}{rec.rank:>2} {rec.score:.3f} {rec.id} {rec.themes}")
        lines.append(f"        {rec.rank_reason}")
    for theme in golden.themes:
        hit = "hit" if theme in row.themes_hit else "MISSED"
        carriers = [r.id for r in engine.rules if theme in r.themes]
        lines.append(f"theme {theme} ({hit}): " + ("; ".join(f"{c}: {why_not(c, result, evidence, engine)}"
                                                            for c in carriers) or "no rule carries it"))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=GOLDEN)
    parser.add_argument("--details", action="store_true", help="list each profile's top five with their themes")
    parser.add_argument("--detail", action="store_true", help="print the whole diagnosis behind each row")
    parser.add_argument("--only", default="", help="comma-separated profile ids to include")
    parser.add_argument("--leave-one-out", action="store_true",
                        help="rank each profile with the advisers' calibration counted on all the others")
    args = parser.parse_args()
    only = {i.strip() for i in args.only.split(",") if i.strip()}
    folders = [args.folder, *(f for f in HOLDOUTS if f.is_dir())] if args.folder == GOLDEN else [args.folder]
    engines = None
    if args.leave_one_out:
        sys.path.insert(0, str(Path(__file__).parent))  # run as a script or as `python -m bench.golden_table`
        from calibrate import golden_coalitions, leave_one_out  # imports this module, so only when asked

        engines = leave_one_out(default_engine(), golden_coalitions())
        print("Leave-one-out: each profile ranked with the calibration counted on the other golden coalitions.\n")
    for folder in folders:
        profiles = [g for g in load_profiles(folder) if not only or g.id in only]
        if folder in HOLDOUTS:
            if not profiles:
                continue
            print(f"\nHOLD-OUT {folder.name} ({HOLDOUTS[folder]}; see TUNING.md):")
        report(profiles, args.details, args.detail, engines)


def report(profiles: list[Golden], with_details: bool, with_detail: bool,
           engines: dict[str, Engine] | None = None) -> None:
    waiting = [g.id for g in profiles if not g.answered]
    rows = [row_for(golden, (engines or {}).get(golden.id)) for golden in profiles if golden.answered]
    if waiting:
        print(f"waiting for answers files: {', '.join(waiting)}")
    if with_details:
        print(details(rows), end="\n\n")
    if with_detail:
        print("\n".join(detail(golden) for golden in profiles if golden.answered), end="\n\n")
    print(table(rows))


if __name__ == "__main__":
    main()
