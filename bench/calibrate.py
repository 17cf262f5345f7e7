"""Write content/adviser_calibration.yaml: on the golden coalitions, how often each action applied and how
often the adviser named one of its themes among their first priorities there.

    python bench/calibrate.py           # rewrite the file from every golden folder
    python bench/calibrate.py --check   # exit 1 if the file is out of step with the profiles and rules

Which actions apply does not depend on the calibration (only their order does), so one pass suffices.
Run it after adding golden coalitions or changing when rules fire; a test fails until you do.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from golden_table import GOLDEN, HOLDOUTS, Golden, load_profiles, read_golden  # noqa: E402

from assessment.calibration import CALIBRATION_FILE, Calibration, Tally, dump_calibration  # noqa: E402
from assessment.engine import Engine, default_engine  # noqa: E402
from assessment.recommend import fired_rules  # noqa: E402


def golden_coalitions() -> list[Golden]:
    folders = [GOLDEN, *(f for f in HOLDOUTS if f.is_dir())]
    return [g for folder in folders for g in load_profiles(folder) if g.answered]


def sources(coalitions: list[Golden]) -> list[str]:
    """The golden folders counted, as the calibration file names them."""
    return sorted({g.path.parent.relative_to(ROOT).as_posix() for g in coalitions})


def applied(golden: Golden, engine: Engine) -> set[str]:
    parsed, profile, _ = read_golden(golden, engine)
    evidence = engine.evidence(parsed.instrument, parsed.answers, parsed.stakeholders, profile, as_of=golden.year)
    return {f.rule.id for f in fired_rules(engine.rules, evidence)}


def calibrate(engine: Engine | None = None, coalitions: list[Golden] | None = None) -> Calibration:
    engine = engine or default_engine()
    coalitions = golden_coalitions() if coalitions is None else coalitions
    return counted(engine, coalitions, {g.id: applied(g, engine) for g in coalitions})


def counted(engine: Engine, coalitions: list[Golden], fired: dict[str, set[str]]) -> Calibration:
    themes = {rule.id: set(rule.themes) for rule in engine.rules}
    counts = {rule.id: [0, 0] for rule in engine.rules}
    for golden in coalitions:
        for rule_id in fired[golden.id]:
            counts[rule_id][0] += 1
            counts[rule_id][1] += bool(themes[rule_id] & set(golden.themes))
    return Calibration(coalitions=len(coalitions),
                     actions={k: Tally(applied, first) for k, (applied, first) in counts.items() if applied})


def leave_one_out(engine: Engine, coalitions: list[Golden]) -> dict[str, Engine]:
    """For each coalition, the engine calibrated on all the others: its figures are then not in-sample."""
    fired = {g.id: applied(g, engine) for g in coalitions}
    return {g.id: Engine(engine.instruments, engine.rules, engine.stage_model, engine.labels, engine.titles,
                         counted(engine, [o for o in coalitions if o.id != g.id], fired)) for g in coalitions}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the file is up to date")
    args = parser.parse_args()
    coalitions = golden_coalitions()
    text = dump_calibration(calibrate(coalitions=coalitions), sources(coalitions))
    if args.check:
        current = CALIBRATION_FILE.read_text(encoding="utf-8") if CALIBRATION_FILE.is_file() else ""
        if current != text:
            print(f"{CALIBRATION_FILE.relative_to(ROOT)} is out of date: run python bench/calibrate.py")
            return 1
        print("up to date")
        return 0
    CALIBRATION_FILE.write_text(text, encoding="utf-8")
    print(f"wrote {CALIBRATION_FILE.relative_to(ROOT)} from {len(coalitions)} coalitions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
