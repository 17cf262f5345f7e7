"""Assessment speed: score and recommend one full diagnostic, and the results page rerun.

Prints figures; asserts nothing (targets: engine median under 20 ms, results rerun under 300 ms).

    .venv/bin/python bench/assessment_engine.py [--runs 200] [--reruns 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.engine import default_engine  # noqa: E402
from assessment.model import Profile, Stakeholder  # noqa: E402


def random_answers(instrument, rng: random.Random) -> dict:
    answers = {}
    for item in instrument.items:
        scale = instrument.scale_of(item)
        if item.kind == "likert":
            points = list(range(1, scale.points + 1))
            answers[item.id] = rng.choice([*points, *points[1:-1], "dont_know"])
        elif item.kind == "single":
            answers[item.id] = rng.choice(list(scale.choices))
        elif item.kind == "multiple":
            answers[item.id] = rng.sample(list(scale.choices), k=rng.randint(0, len(scale.choices)))
        elif item.kind == "number":
            answers[item.id] = rng.randint(0, 36)
    return answers


STAKEHOLDERS = [
    Stakeholder(name=f"Stakeholder {n}", sector=sector, influence=1 + n % 5, stake=1 + (n * 3) % 5,
                participation=part, votes=votes)
    for n, (sector, part, votes) in enumerate([
        ("national_government", "core", 30), ("ngo", "core", 20), ("business", "member", 20),
        ("affected_community", "consulted", 0), ("intergovernmental", "not_engaged", 0),
        ("donor", "member", 30), ("academia", "opposed", 0), ("civil_society", "member", 0)])
]


def engine_timings(runs: int) -> list[float]:
    engine = default_engine()
    instrument = engine.instruments["full-diagnostic"]
    rng = random.Random(7)
    samples = [random_answers(instrument, rng) for _ in range(runs)]
    engine.assess(instrument, samples[0], STAKEHOLDERS, Profile(type="advocacy"))  # warm up
    timings = []
    for answers in samples:
        started = time.perf_counter()
        engine.assess(instrument, answers, STAKEHOLDERS, Profile(type="advocacy"))
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def results_rerun(reruns: int) -> list[float]:
    os.environ["COALITION_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-results-")
    from streamlit.testing.v1 import AppTest

    from assessment.storage import Store

    engine = default_engine()
    instrument = engine.instruments["full-diagnostic"]
    store = Store()
    assessment_id, token = store.start(instrument, Profile(name="Bench", type="advocacy"))
    store.save_answers(assessment_id, random_answers(instrument, random.Random(3)))
    store.save_stakeholders(assessment_id, STAKEHOLDERS)
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["resume"] = token
    app.switch_page("pages/results.py")
    app.run()
    assert not app.exception, app.exception
    timings = []
    for _ in range(reruns):
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def report(label: str, timings: list[float], target: str) -> None:
    q = statistics.quantiles(timings, n=20)
    print(f"{label}, target {target}")
    print(f"  median {statistics.median(timings):7.1f} ms   p95 {q[-1]:7.1f} ms   min {min(timings):7.1f} ms   "
          f"({len(timings)} runs)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--reruns", type=int, default=20)
    args = parser.parse_args()
    report("Score, stage, representation and recommendations for one full diagnostic", engine_timings(args.runs),
           "median < 20 ms")
    report("Results page rerun (full diagnostic, 8 stakeholders, AppTest)", results_rerun(args.reruns),
           "< 300 ms")


if __name__ == "__main__":
    main()
