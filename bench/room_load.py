"""A room of phones at a live workshop, driven against a real, freshly started server as phones drive it.

Default: 1,000 participants join over 60 s; each answers every quick-check statement, and picks one
or two answers to its list question, with 3–10 s between answers, moves page by page and finishes;
a facilitator's dashboard (the Streamlit page, over its websocket) is open and refreshing every 2 s;
when everyone is done the results are revealed and the waiting phones load them. Afterwards every
acknowledged answer is looked up in the database. It asserts nothing; its last line is

  room: participants=… answers=… acknowledged=… stored=… lost=… errors=… answer_p95_ms=… page_p95_ms=… rss_mb=…

(`lost`: acknowledged answers missing from the database; `rss_mb`: growth of the servers' resident
memory over the run). Targets on SQLite on a 2-core machine: 0 errors, 0 lost, answer p95 ≤ 300 ms,
page p95 ≤ 500 ms, memory growth ≤ 300 MB.

    .venv/bin/python bench/room_load.py [--participants 1000] [--join-seconds 60] [--think 3 10]
        [--database-url postgresql://…] [--processes 2]          # several processes behind nginx
        [--target streamlit --project /path/to/older/checkout]  # the Streamlit /join page, for comparison

The load generator runs on the same machine and takes CPU of its own (reported).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psutil
import uvloop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment.engine import default_engine  # noqa: E402
from assessment.storage import Store  # noqa: E402
from bench.streamlit_session import StreamlitSession  # noqa: E402
from workshop.workshops import Workshops  # noqa: E402

GROUPS = ["National governments", "NGOs", "Companies", "Affected communities"]
QUICK = default_engine().instruments["quick-check"]
LIKERT = [item for item in QUICK.items if item.kind == "likert"]


@dataclass
class Figures:
    answers: list[float] = field(default_factory=list)  # seconds, one per answer round trip
    answers_server: list[float] = field(default_factory=list)  # seconds the server spent on each (Server-Timing)
    pages: list[float] = field(default_factory=list)  # seconds, one per page the phone loaded
    reveal: list[float] = field(default_factory=list)  # seconds from reveal to results on the phone
    dashboard: list[float] = field(default_factory=list)  # seconds per dashboard refresh
    errors: list[str] = field(default_factory=list)
    acknowledged: dict[tuple[str, str], int] = field(default_factory=dict)  # (participant, item) -> value
    finished: int = 0
    asked: int = 0  # answers the phones set out to give
    gave_up: int = 0  # phones that stopped on an error before finishing

    def error(self, what: str) -> None:
        self.errors.append(what[:200])


# --------------------------------------------------------------------------------------- servers

def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not become healthy")


class Servers:
    """N app processes (and nginx in front when N > 1) on one fresh database."""

    def __init__(self, project: Path, processes: int, database_url: str | None, work: Path):
        self.project, self.work = project, work
        self.procs: list[subprocess.Popen] = []
        self.database_url = database_url or f"sqlite:///{work / 'data' / 'coalition.db'}"
        entry = "server.py" if (project / "server.py").exists() else "app.py"
        env = {**os.environ, "COALITION_DATA_DIR": str(work / "data"), "COALITION_JOINS_PER_MINUTE": "100000",
               "COALITION_DB_POOL": "20", "PYTHONUNBUFFERED": "1"}
        if database_url:
            env["DATABASE_URL"] = database_url
        self.ports = [free_port() for _ in range(processes)]
        for port in self.ports:
            with open(work / f"server-{port}.log", "wb") as log:  # the child keeps its own handle
                self.procs.append(subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", entry, "--server.headless", "true", "--server.port",
                     str(port), "--server.address", "127.0.0.1"], cwd=project, env=env, stdout=log, stderr=log))
        for port in self.ports:
            wait_healthy(f"http://127.0.0.1:{port}")
        self.url = f"http://127.0.0.1:{self.ports[0]}"
        if processes > 1:
            from deploy.render import render

            listen = free_port()
            config = render(work / "nginx", self.ports, listen)
            self.procs.append(subprocess.Popen(["nginx", "-c", str(config), "-g", "daemon off;"],
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            self.url = f"http://127.0.0.1:{listen}"
            wait_healthy(self.url)

    def rss_mb(self) -> float:
        total = 0
        for proc in self.procs:
            try:
                process = psutil.Process(proc.pid)
                total += sum(p.memory_info().rss for p in [process, *process.children(recursive=True)])
            except psutil.Error:
                pass
        return total / 2**20

    def stop(self) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


class Sampler(threading.Thread):
    """The servers' memory and CPU, and the load generator's own CPU, every half second."""

    def __init__(self, servers: Servers):
        super().__init__(daemon=True)
        self.servers, self.halt = servers, threading.Event()
        self.rss: list[float] = []
        self.cpu: list[float] = []
        self.me = psutil.Process()
        self.me.cpu_percent(None)

    def run(self) -> None:
        procs = [psutil.Process(p.pid) for p in self.servers.procs]
        for p in procs:
            p.cpu_percent(None)
        while not self.halt.wait(0.5):
            self.rss.append(self.servers.rss_mb())
            self.cpu.append(sum(p.cpu_percent(None) for p in procs if p.is_running()))

    def stop(self) -> float:
        self.halt.set()
        self.join(5)
        return self.me.cpu_percent(None)


# ------------------------------------------------------------------------------- light phones

LIKERT_NAME = re.compile(r'name="([a-z0-9_]+)" value="3"')
POINTS = {item.id: QUICK.scale_of(item).points for item in LIKERT}
# List questions ("what stands most in the way? choose up to two"): a phone picks one or two.
PICKS = {item.id: list(QUICK.scale_of(item).choices) for item in QUICK.items if item.kind == "multiple"}


def questions_on(page: str) -> list[str]:
    return [*LIKERT_NAME.findall(page), *(item for item in PICKS if f'data-item="{item}"' in page)]


def an_answer(rng: random.Random, item: str):
    if item in PICKS:
        return sorted(rng.sample(PICKS[item], rng.randint(1, 2)))
    return rng.randint(1, POINTS.get(item, 5))


def server_time(response: httpx.Response) -> float:
    match = re.search(r"dur=([0-9.]+)", response.headers.get("server-timing", ""))
    return float(match.group(1)) / 1000 if match else float("nan")


async def timed(figures: list[float], request):
    started = time.perf_counter()
    response = await request
    figures.append(time.perf_counter() - started)
    return response


async def light_phone(n: int, url: str, code: str, cfg, out: Figures, revealed: asyncio.Event, at: float) -> None:
    rng = random.Random(cfg.seed * 7919 + n)
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    # The server closes a connection idle for 5 s; a phone that reuses one just then would see it
    # closed under it (browsers retry; httpx does not), so the simulated phone lets go after 2 s.
    limits = httpx.Limits(max_connections=2, max_keepalive_connections=1, keepalive_expiry=2)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits, follow_redirects=False) as phone:
        try:
            await timed(out.pages, phone.get(f"/w/{code}"))
            choice = rng.choice([*GROUPS, "-"])
            joined = await timed(out.pages, phone.post(f"/w/{code}", data={"group": choice}))
            if joined.status_code != 303:
                out.error(f"join {joined.status_code}")
                out.gave_up += 1
                return
            token = joined.headers["location"].rsplit("/", 1)[1]
            page = await timed(out.pages, phone.get(f"/w/p/{token}"))
            for asset in ("participant.css", "participant.js"):  # cached by the browser after this
                await phone.get(f"/w/static/{asset}")
            while "Thank you" not in page.text:
                given = {}
                for name in questions_on(page.text):
                    out.asked += 1
                    await asyncio.sleep(rng.uniform(*cfg.think))
                    value = an_answer(rng, name)
                    saved = await timed(out.answers, phone.post(f"/w/p/{token}/a", data={"item": name, "value": value},
                                                                headers={"Accept": "application/json"}))
                    out.answers_server.append(server_time(saved))
                    if saved.status_code == 200 and saved.json().get("saved") == name:
                        out.acknowledged[(token, name)] = value
                        given[name] = value
                    else:
                        out.error(f"answer {saved.status_code}")
                go = "finish" if 'value="finish"' in page.text else "next"
                moved = await timed(out.pages, phone.post(f"/w/p/{token}/s", data={**given, "go": go}))
                if moved.status_code != 303:
                    out.error(f"page {moved.status_code}")
                    out.gave_up += 1
                    return
                page = await timed(out.pages, phone.get(f"/w/p/{token}"))
            out.finished += 1
            await wait_for_reveal(phone, code, page.text, out, revealed)
            results = await phone.get(f"/w/p/{token}")
            if "What the room said" not in results.text:
                out.error("results not shown after the reveal")
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            out.error(f"phone: {type(exc).__name__}: {exc}")
            out.gave_up += 1


async def wait_for_reveal(phone: httpx.AsyncClient, code: str, page: str, out: Figures,
                          revealed: asyncio.Event) -> None:
    """What the page's script does: long-poll until the workshop changes, then reload."""
    version = re.search(r'data-version="([^"]+)"', page).group(1)
    while True:
        state = await phone.get(f"/w/{code}/state", params={"v": version}, timeout=60)
        if state.json()["version"] != version:
            out.reveal.append(time.monotonic() - revealed.at)  # type: ignore[attr-defined]
            return


# ---------------------------------------------------------------------------- streamlit phones

ANSWER_LABELS = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


async def streamlit_phone(n: int, url: str, code: str, cfg, out: Figures, revealed: asyncio.Event, at: float,
                          service: Workshops) -> None:
    """A phone on the Streamlit /join page (before the light path): the same steps over the websocket."""
    rng = random.Random(cfg.seed * 7919 + n)
    await asyncio.sleep(max(0.0, at - time.monotonic()))
    session = StreamlitSession(url, "join", f"code={code}", timeout=120)
    try:
        out.pages.append(await session.connect())
        out.pages.append(await session.rerun(set_values={"join_group": rng.choice([*GROUPS, "I'd rather not say"])},
                                             click="join_button"))
        token = session.query.get("p", "")
        if not token:
            out.error("join: no participant token")
            out.gave_up += 1
            return
        section = 0
        while True:
            radios = [key for key in session.widget_keys() if key.startswith("q_")]
            for key in radios:
                out.asked += 1
                await asyncio.sleep(rng.uniform(*cfg.think))
                value = rng.randint(1, 5)
                out.answers.append(await session.rerun(set_values={key: ANSWER_LABELS[value - 1]}))
                out.acknowledged[(token, key[2:])] = value
            if session.has("join_finish"):
                out.pages.append(await session.rerun(click="join_finish"))
                break
            out.pages.append(await session.rerun(click="join_next"))
            section += 1
            if section > len(QUICK.sections) + 1:
                out.error("never reached the last section")
                out.gave_up += 1
                return
        out.finished += 1
        await revealed.wait()
    except Exception as exc:  # a benchmark records what went wrong and goes on
        out.error(f"phone: {type(exc).__name__}: {exc}")
        out.gave_up += 1
    finally:
        await session.close()


class OlderCheckout:
    """The workshop service of another checkout (the Streamlit /join page before the light path),
    run by that checkout's own code in a child interpreter: its database stays at its own schema
    version, which this checkout's migrations would move past (and its server would then refuse)."""

    PRELUDE = ("import os, sys; sys.path.insert(0, os.getcwd()); from assessment.engine import default_engine; "
               "from assessment.storage import Store; from assessment.workshops import Workshops; "
               "S = Workshops(Store(os.environ['BENCH_DATABASE_URL']));")

    def __init__(self, project: Path, database_url: str):
        from sqlalchemy import create_engine
        from sqlalchemy.orm import Session

        self.project, self.database_url = project, database_url
        engine = create_engine(database_url)
        self.store = type("ReadOnly", (), {"reading": staticmethod(lambda: Session(engine))})()

    def _call(self, code: str) -> str:
        env = {**os.environ, "BENCH_DATABASE_URL": self.database_url}
        return subprocess.run([sys.executable, "-c", self.PRELUDE + code], cwd=self.project, env=env, check=True,
                              capture_output=True, text=True).stdout.split()

    def create(self, title: str, _instrument, groups: list[str], threshold: int):
        workshop_id, code, key = self._call(
            f"w, k = S.create({title!r}, default_engine().instruments['quick-check'], {groups!r}, "
            f"threshold={threshold}); print(w.id, w.code, k)")
        return type("Created", (), {"id": workshop_id, "code": code})(), key

    def get(self, workshop_id: str) -> str:
        return workshop_id

    def update(self, workshop_id: str, revealed: bool) -> None:
        self._call(f"S.update(S.get({workshop_id!r}), revealed={revealed!r})")


# ------------------------------------------------------------------------------------- the room

async def dashboard(url: str, code: str, key: str, out: Figures, stop: asyncio.Event) -> None:
    """The facilitator's page, open in a tab: the live part reruns on the timer the page set
    (`st.fragment(run_every=2)`), as the browser would do it."""
    session = StreamlitSession(url, "facilitate", f"code={code}&key={key}", timeout=60)
    try:
        out.dashboard.append(await session.connect())
        if session.auto_rerun is None:
            raise RuntimeError("the facilitator page asked for no live refresh")
        while not stop.is_set():
            fragment, every = session.auto_rerun  # the page may change it (a plenary refreshes less often)
            await asyncio.sleep(every)
            out.dashboard.append(await session.rerun_fragment(fragment))
    except Exception as exc:
        out.error(f"dashboard: {type(exc).__name__}: {exc}")
    finally:
        await session.close()


async def run_room(cfg, url: str, service: Workshops) -> tuple[Figures, str]:
    workshop, key = service.create("Plenary load test", QUICK, GROUPS, threshold=3)
    out = Figures()
    stop, revealed = asyncio.Event(), asyncio.Event()
    start = time.monotonic() + 1
    phone = light_phone if cfg.target == "light" else streamlit_phone
    extra = () if cfg.target == "light" else (service,)
    tasks = [asyncio.create_task(phone(n, url, workshop.code, cfg, out, revealed,
                                       start + cfg.join_seconds * n / cfg.participants, *extra))
             for n in range(cfg.participants)]
    board = asyncio.create_task(dashboard(url, workshop.code, key, out, stop) if cfg.dashboard else asyncio.sleep(0))
    deadline = time.monotonic() + cfg.deadline
    while out.finished + out.gave_up < cfg.participants and time.monotonic() < deadline:
        await asyncio.sleep(1)
    stop.set()
    revealed.at = time.monotonic()  # type: ignore[attr-defined]
    await asyncio.to_thread(service.update, service.get(workshop.id), revealed=True)
    revealed.set()
    _, pending = await asyncio.wait(tasks, timeout=60)
    for task in pending:
        task.cancel()
        out.error("phone still waiting at the end")
    await asyncio.wait([board], timeout=30)
    return out, workshop.id


def stored_answers(service: Workshops, workshop_id: str, out: Figures) -> tuple[int, int]:
    """(answers stored, acknowledged answers missing or different in the database)."""
    import hashlib

    stored = {}
    with service.store.reading() as session:
        from sqlalchemy import select

        from assessment.tables import Participant, ParticipantAnswer

        rows = session.execute(select(Participant.token_hash, ParticipantAnswer.item_id, ParticipantAnswer.value)
                               .join(ParticipantAnswer, ParticipantAnswer.participant_id == Participant.id)
                               .where(Participant.workshop_id == workshop_id)).all()
    import json

    for token_hash, item_id, value in rows:
        stored[(token_hash, item_id)] = json.loads(value)
    lost = sum(1 for (token, item), value in out.acknowledged.items()
               if stored.get((hashlib.sha256(token.encode()).hexdigest(), item)) != value)
    return len(stored), lost


def ms(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--join-seconds", type=float, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=(3.0, 10.0))
    parser.add_argument("--database-url", default=None, help="PostgreSQL; a fresh schema is made for the run")
    parser.add_argument("--processes", type=int, default=1, help="more than 1: nginx in front of them")
    parser.add_argument("--target", choices=["light", "streamlit"], default="light")
    parser.add_argument("--project", type=Path, default=ROOT, help="the checkout whose server is measured")
    parser.add_argument("--deadline", type=float, default=900, help="give up on stragglers after this long (s)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-dashboard", dest="dashboard", action="store_false",
                        help="leave the facilitator's page closed (to see what the dashboard costs)")
    cfg = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="room-load-"))
    (work / "data").mkdir()
    database_url = fresh_schema(cfg.database_url) if cfg.database_url else None
    servers = Servers(cfg.project.resolve(), cfg.processes, database_url, work)
    service = Workshops(Store(servers.database_url)) if cfg.target == "light" \
        else OlderCheckout(cfg.project.resolve(), servers.database_url)
    time.sleep(2)
    baseline = servers.rss_mb()
    sampler = Sampler(servers)
    sampler.start()
    started = time.monotonic()
    try:
        # uvloop, as the server uses: the generator shares the machine, and its own event-loop lag
        # would otherwise be counted as the server's latency
        out, workshop_id = uvloop.run(run_room(cfg, servers.url, service))
    finally:
        generator_cpu = sampler.stop()
        servers.stop()
    stored, lost = stored_answers(service, workshop_id, out)
    growth = max(sampler.rss or [baseline]) - baseline
    print(f"target={cfg.target} processes={cfg.processes} database={'postgresql' if database_url else 'sqlite'} "
          f"duration_s={time.monotonic() - started:.0f} finished={out.finished}")
    print(f"answer_ms p50={ms(out.answers, .5):.0f} p95={ms(out.answers, .95):.0f} max={ms(out.answers, 1):.0f} "
          f"(of which in the app: p50={ms(out.answers_server, .5):.0f} p95={ms(out.answers_server, .95):.0f}) · "
          f"page_ms p50={ms(out.pages, .5):.0f} p95={ms(out.pages, .95):.0f} max={ms(out.pages, 1):.0f} · "
          f"reveal_ms p95={ms(out.reveal, .95):.0f} · dashboard_refresh_ms p50={ms(out.dashboard, .5):.0f} "
          f"p95={ms(out.dashboard, .95):.0f} ({len(out.dashboard)} refreshes)")
    print(f"server rss baseline={baseline:.0f} MB peak={max(sampler.rss or [baseline]):.0f} MB · server cpu "
          f"mean={statistics.fmean(sampler.cpu or [0]):.0f}% peak={max(sampler.cpu or [0]):.0f}% (of one core) · "
          f"load generator cpu={generator_cpu:.0f}%")
    for error in sorted(set(out.errors))[:8]:
        print(f"  error ×{out.errors.count(error)}: {error}")
    print(f"room: participants={cfg.participants} answers={out.asked} "
          f"acknowledged={len(out.acknowledged)} stored={stored} lost={lost} errors={len(out.errors)} "
          f"answer_p95_ms={ms(out.answers, .95):.0f} page_p95_ms={ms(out.pages, .95):.0f} rss_mb={growth:.0f}")


def fresh_schema(url: str) -> str:
    """A new PostgreSQL schema for this run, so figures never mix with an earlier run's rows."""
    from sqlalchemy import create_engine, text

    url = url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    schema = f"room_{uuid.uuid4().hex[:10]}"
    with create_engine(url).begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


if __name__ == "__main__":
    main()
