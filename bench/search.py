"""Benchmark for search: building the index, and answering queries (with corrections and aliases).

Prints figures; it asserts nothing (targets: index under 1 s, a query under 50 ms at the median).

    .venv/bin/python bench/search.py [--repeats 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.library import load_handbook  # noqa: E402
from handbook.search import SearchIndex  # noqa: E402

QUERIES = {
    "plain word": "legitimacy",
    "common word": "coalition",
    "phrase": "de facto stakeholders",
    "acronym": "ICC",
    "misspelling": "transparancy",
    "declared misspelling": "kimberly process",
    "no match": "xylophone zeppelin",
    "long question": "how do we decide quickly when members disagree about money",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()

    handbook = load_handbook()
    builds = []
    for _ in range(5):
        started = time.perf_counter()
        index = SearchIndex(handbook)
        builds.append((time.perf_counter() - started) * 1000)
    print(f"Index build ({len(handbook.chapters)} chapters, {len(handbook.cases)} cases, "
          f"{len(index.docs)} sections, {len(index.vocabulary)} words), target < 1000 ms")
    print(f"  median {statistics.median(builds):7.1f} ms   max {max(builds):7.1f} ms")

    print(f"Query, {args.repeats} repeats each (all results ranked, the first page with snippets), "
          "target median < 50 ms")
    for label, query in QUERIES.items():
        timings = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            results = index.find(query)
            [hit.snippet for hit in results.first(10)]
            timings.append((time.perf_counter() - started) * 1000)
        print(f"  {label:<21} {query!r:<62} {results.total:3d} results   "
              f"median {statistics.median(timings):6.1f} ms   max {max(timings):6.1f} ms")


if __name__ == "__main__":
    main()
