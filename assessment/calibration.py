"""The advisers' calibration: how often advisers put an action first where it applied, on real coalitions.

The golden coalitions (tests/data/golden) are real coalitions described at a date, answered blind from the
narrative, with the three or four themes an adviser would put first. For each action the calibration
counts the coalitions where it applied and those where the adviser named one of its themes. An action
advisers often put first ranks a little higher, one they rarely do a little lower; the evidence in the
answers still does most of the work.

Why: on coalitions the engine had not seen, the rules' own priorities and severities put about half of
the adviser's themes in the first five, and the misses were mostly actions that fire for almost every
coalition (unseen groups, reaching the deciders) ranked above the ones advisers chose. Chosen before a
third blind hold-out was run (smoothing 10, square root), the calibration raised that hold-out from 13 to
16 of 24 themes, a fourth, made after it was built in, from 10 to 14, and a fifth lost one theme (16 to 15):
45 of 72 blind themes against 39 without it (tests/data/golden/TUNING.md).

The counts are smoothed towards the average rate, so an action seen on few coalitions stays near ×1, and
the square root keeps the factor between about ×0.5 and ×1.6. `bench/calibrate.py` writes the file from
the golden coalitions; a test keeps it in step with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from assessment.errors import AssessmentError, Code
from assessment.loader import CONTENT_DIR, read_yaml

CALIBRATION_FILE = CONTENT_DIR / "adviser_calibration.yaml"
SMOOTHING = 10  # coalitions' worth of the average rate added to every action's own counts
DAMPING = 0.5  # the factor is the square root of the smoothed rate relative to the average


@dataclass(frozen=True)
class Tally:
    applied: int  # golden coalitions where the action fired
    first: int  # ... and the adviser named one of its themes among their first priorities


@dataclass(frozen=True)
class Calibration:
    coalitions: int = 0
    actions: dict[str, Tally] = field(default_factory=dict)

    @cached_property
    def average(self) -> float:
        applied = sum(t.applied for t in self.actions.values())
        return sum(t.first for t in self.actions.values()) / applied if applied else 0.0

    def factor(self, rule_id: str) -> float:
        """×1 for an action never seen (or an empty calibration); otherwise the smoothed rate against the average."""
        average = self.average
        tally = self.actions.get(rule_id)
        if tally is None or average <= 0:
            return 1.0
        rate = (tally.first + SMOOTHING * average) / (tally.applied + SMOOTHING)
        return round((rate / average) ** DAMPING, 4)

    def tally(self, rule_id: str) -> Tally | None:
        return self.actions.get(rule_id)


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """A missing file means no calibration (every factor ×1), so the engine still runs without it; a
    damaged one names the entry at fault, as the other content files do."""
    if not path.is_file():
        return Calibration()
    data = read_yaml(path) or {}
    actions = {}
    for rule_id, tally in (data.get("actions") or {}).items():
        try:
            actions[rule_id] = Tally(int(tally["applied"]), int(tally["first"]))
        except (KeyError, TypeError, ValueError):
            raise AssessmentError(Code.SCHEMA, path, item=str(rule_id),
                                  problem="expected {applied: <count>, first: <count>}") from None
    return Calibration(coalitions=int(data.get("coalitions") or 0), actions=actions)


def dump_calibration(calibration: Calibration, sources: list[str]) -> str:
    """One line per action, so a change of calibration reads as a short diff."""
    lines = ["# How often an adviser put an action's theme among their first priorities, on the golden coalitions",
             "# where the action applied. Written by `python bench/calibrate.py` from:",
             *(f"#   {source}" for source in sources),
             "# Do not edit by hand; read by assessment/calibration.py.",
             f"coalitions: {calibration.coalitions}", "actions:"]
    lines += [f"  {k}: {{applied: {t.applied}, first: {t.first}}}" for k, t in sorted(calibration.actions.items())]
    return "\n".join(lines) + "\n"
