"""Benchmarks for the Read pages: cold start to first render, and chapter page rerun time.

Prints figures; it asserts nothing (targets: cold start under 3 s, chapter rerun under 150 ms).

    .venv/bin/python bench/handbook_pages.py [--reruns 30]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, FLAGS, free_port, wait_healthy  # noqa: E402

FIRST_ELEMENT = '[data-testid="stMain"] [data-testid="stElementContainer"]'


def cold_start(path: str) -> dict[str, float]:
    """Seconds from `streamlit run` to a healthy server, and to the first element painted in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        port = free_port()
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(url, process)
            healthy = time.perf_counter()
            page = browser.new_page()
            page.goto(url + path)
            page.wait_for_selector(FIRST_ELEMENT, timeout=60_000)
            rendered = time.perf_counter()
        finally:
            process.terminate()
            process.wait(timeout=10)
            browser.close()
    return {"server_healthy_s": healthy - start, "first_render_s": rendered - start,
            "page_load_s": rendered - healthy}


def chapter_rerun(reruns: int, slug: str) -> list[float]:
    """Milliseconds of server time for each rerun of a chapter page (script run, content cached)."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["chapter"] = slug
    app.switch_page("pages/handbook.py")
    app.run()  # first run loads and caches the content
    timings = []
    for _ in range(reruns):
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
    assert not app.exception
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reruns", type=int, default=30)
    parser.add_argument("--chapter", default="representation")
    parser.add_argument("--cold-starts", type=int, default=3)
    args = parser.parse_args()

    print("Cold start (streamlit run -> first element in Chromium), target < 3 s")
    for path in ("/", f"/handbook?chapter={args.chapter}"):
        runs = [cold_start(path) for _ in range(args.cold_starts)]
        for key in ("server_healthy_s", "page_load_s", "first_render_s"):
            values = [r[key] for r in runs]
            print(f"  {path:<36} {key:<17} median {statistics.median(values):6.2f} s   "
                  f"max {max(values):6.2f} s")

    timings = chapter_rerun(args.reruns, args.chapter)
    quantiles = statistics.quantiles(timings, n=20)
    print(f"Chapter page rerun ({args.chapter}, {args.reruns} reruns, AppTest), target < 150 ms")
    print(f"  median {statistics.median(timings):6.1f} ms   p95 {quantiles[-1]:6.1f} ms   "
          f"min {min(timings):6.1f} ms")


if __name__ == "__main__":
    main()
