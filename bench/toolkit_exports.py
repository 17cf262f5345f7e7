"""Benchmark for the toolkit's downloads: time to build each page's Word and Markdown files, and their sizes.

Prints figures; it asserts nothing (target: a Word file in under 300 ms on an idle core, since it is
built when the reader clicks the button).

    .venv/bin/python bench/toolkit_exports.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.export import chapter_to_markdown  # noqa: E402
from handbook.library import load_handbook  # noqa: E402
from handbook.word import page_to_docx  # noqa: E402


def timed(build, repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds over `repeat` builds, and the size of the result in bytes.

    CPU time is printed beside wall time because this machine is shared: on a busy host the wall
    figure measures the queue for a core as much as the code.
    """
    wall, cpu, size = [], [], 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        size = len(build())
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu), size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    handbook = load_handbook()
    print(f"{'page':40} {'kind':11} {'docx ms':>8} {'cpu ms':>7} {'docx KB':>8} {'md ms':>6}")
    word_times, word_cpu = [], []
    for page in handbook.tools + handbook.reading_chapters[:3]:
        word_ms, cpu_ms, word_bytes = timed(lambda p=page: page_to_docx(handbook, p), args.repeat)
        md_ms, _, _ = timed(lambda p=page: chapter_to_markdown(handbook, p), args.repeat)
        kind = getattr(page, "kind", "chapter")
        word_times.append(word_ms)
        word_cpu.append(cpu_ms)
        print(f"{page.slug[:40]:40} {kind:11} {word_ms:8.0f} {cpu_ms:7.0f} {word_bytes / 1024:8.1f} {md_ms:6.1f}")
    print(f"\nWord build: median {statistics.median(word_times):.0f} ms wall, "
          f"{statistics.median(word_cpu):.0f} ms CPU; slowest {max(word_times):.0f} ms wall "
          f"over {len(word_times)} pages ({args.repeat} builds each)")


if __name__ == "__main__":
    main()
