"""Workshop load: N participants answering at once through the functions the pages use.

Prints answers per second, p50/p95 save latency, lost answers, dashboard aggregation time for
200 participants x 80 items, and the app server's memory with 100 open participant sessions.
Targets on SQLite: 0 lost, p95 save under 50 ms, aggregation median under 100 ms, memory under 1.5 GB.
It asserts nothing.

    .venv/bin/python bench/workshop_load.py [--participants 200] [--threads 50] [--sessions 100] [--think-max 1.0]
        [--database-url URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.engine import default_engine  # noqa: E402
from assessment.storage import Store  # noqa: E402
from workshop.stats import contested, group_scores, item_stats, likert_items  # noqa: E402
from workshop.workshops import Workshops  # noqa: E402

GROUPS = ["NGOs", "Governments", "Companies", "Civil society"]


def answer_load(service: Workshops, participants: int, instrument, think: tuple[float, float],
                threads: int | None = None) -> None:
    """Each participant answers every item in turn. With think time, one thread per participant
    (a real room); without, a pool of threads saving as fast as the database allows (capacity)."""
    workshop, _ = service.create("Load test", instrument, GROUPS)
    people = [service.join(workshop.code, GROUPS[n % len(GROUPS)])[0] for n in range(participants)]
    items = likert_items(instrument, [])
    latencies: list[float] = []
    errors: list[Exception] = []
    lock = threading.Lock()
    queue = list(people)

    def worker() -> None:
        rng = random.Random()
        while True:
            with lock:
                if not queue:
                    return
                person = queue.pop()
            for item in items:
                if think[1]:
                    time.sleep(rng.uniform(*think))
                started = time.perf_counter()
                try:
                    service.save_answer(person, item.id, rng.randint(1, 5))
                except Exception as exc:
                    errors.append(exc)
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)

    count = threads or participants
    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(count)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - started
    expected = participants * len(items)
    stored = sum(len(r.answers) for r in service.rows(workshop.id))
    q = statistics.quantiles(latencies, n=100)
    mode = (f"think time {think[0]:.1f}-{think[1]:.1f} s, one thread each" if think[1]
            else f"no think time, {count} threads (capacity)")
    print(f"Saving: {participants} participants x {len(items)} items = {expected} answers, {mode}")
    print(f"  {expected / elapsed:8.0f} answers/s   p50 {q[49]:6.1f} ms   p95 {q[94]:6.1f} ms   "
          f"p99 {q[98]:6.1f} ms   max {max(latencies):6.1f} ms   errors {len(errors)}   lost {expected - stored}")


def aggregation(service: Workshops, instrument, participants: int, items_wanted: int, runs: int) -> None:
    workshop, _ = service.create("Aggregation", instrument, GROUPS)
    items = likert_items(instrument, [])[:items_wanted]
    rng = random.Random(1)
    for n in range(participants):
        person, _ = service.join(workshop.code, GROUPS[n % len(GROUPS)])
        for item in items:
            service.save_answer(person, item.id, rng.randint(1, 5))
    timings, read_timings = [], []
    for _ in range(runs):
        started = time.perf_counter()
        rows = service.rows(workshop.id)
        read = time.perf_counter()
        stats = item_stats(instrument, items, rows, 3)
        group_scores(instrument, items, rows, 3, GROUPS)
        contested(stats, 3)
        service.counts(workshop.id)
        timings.append((time.perf_counter() - started) * 1000)
        read_timings.append((read - started) * 1000)
    print(f"Dashboard aggregation: {participants} participants x {len(items)} items, {runs} runs")
    print(f"  median {statistics.median(timings):6.1f} ms (of which reading rows "
          f"{statistics.median(read_timings):5.1f} ms)   max {max(timings):6.1f} ms")


def rss_of_listener(port: int) -> int:
    """Resident set size (bytes) of the process listening on a port, read from /proc."""
    import os
    import re

    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            for line in Path(table).read_text().splitlines()[1:]:
                parts = line.split()
                if int(parts[1].split(":")[1], 16) == port and parts[3] == "0A":
                    inodes.add(parts[9])
        except OSError:
            continue
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                if re.fullmatch(r"socket:\[(\d+)\]", link) and link[8:-1] in inodes:
                    status = Path(f"/proc/{pid}/status").read_text()
                    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) * 1024
        except OSError:
            continue
    return 0


def sessions_memory(sessions: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.e2e.conftest import CHROMIUM, FLAGS, running_app, wait_for_app

    data = Path(tempfile.mkdtemp(prefix="bench-sessions-"))
    service = Workshops(Store(f"sqlite:///{data / 'coalition.db'}"))
    workshop, _ = service.create("Sessions", default_engine().instruments["quick-check"], GROUPS)
    tokens = [service.join(workshop.code, GROUPS[n % len(GROUPS)])[1] for n in range(sessions)]
    with running_app(data) as url, sync_playwright() as playwright:
        port = int(url.rsplit(":", 1)[1])
        before = rss_of_listener(port)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context(viewport={"width": 390, "height": 800})
        pages = []
        for token in tokens:
            page = context.new_page()
            page.goto(f"{url}/join?p={token}")
            wait_for_app(page, timeout=120_000)
            pages.append(page)
        time.sleep(3)
        after = rss_of_listener(port)
        print(f"App server memory with {len(pages)} open participant sessions: {after / 2**20:7.0f} MB "
              f"(idle server {before / 2**20:5.0f} MB)")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--threads", type=int, default=50)
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--think-min", type=float, default=0.2, help="seconds between a person's answers")
    parser.add_argument("--think-max", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=100, help="0 skips the memory measurement")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-')) / 'coalition.db'}"
    print(f"Database: {url.split('@')[-1]}")
    service = Workshops(Store(url))
    full = default_engine().instruments["full-diagnostic"]
    answer_load(service, args.participants, full, (args.think_min, args.think_max))
    answer_load(service, args.participants, full, (0, 0), threads=args.threads)
    aggregation(service, full, args.participants, args.items, args.runs)
    if args.sessions:
        sessions_memory(args.sessions)


if __name__ == "__main__":
    main()
