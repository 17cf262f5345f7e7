"""Two app processes on one PostgreSQL behind a real nginx (deploy/nginx.conf): a phone joined through
one process answers through the other, and both facilitator dashboards see everything."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import httpx
import pytest

from assessment.engine import default_engine
from assessment.storage import Store
from deploy.render import render
from tests.conftest import ROOT, require
from tests.e2e.conftest import free_port, wait_healthy

pytestmark = [pytest.mark.postgres, pytest.mark.nginx]
QUICK = default_engine().instruments["quick-check"]
LIKERT = [i.id for i in QUICK.items if i.kind == "likert" and QUICK.scale_of(i).points == 5]


@pytest.fixture
def cluster(pg_schema_url, tmp_path):
    """Two `streamlit run server.py` processes and nginx in front of them."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    require(os.path.exists(nginx), "nginx is not installed (apt-get install nginx)")
    env = {**os.environ, "DATABASE_URL": pg_schema_url, "COALITION_DB_POOL": "5",
           "COALITION_DATA_DIR": str(tmp_path / "data")}
    ports, processes = [free_port(), free_port()], []
    for port in ports:
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "server.py", "--server.headless", "true", "--server.port",
             str(port), "--server.address", "127.0.0.1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL))
    listen = free_port()
    config = render(tmp_path / "nginx", ports, listen)
    processes.append(subprocess.Popen([nginx, "-c", str(config), "-g", "daemon off;"], stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
    try:
        for port in [*ports, listen]:
            wait_healthy(f"http://127.0.0.1:{port}", processes[0])
        yield [f"http://127.0.0.1:{p}" for p in ports], f"http://127.0.0.1:{listen}", Store(pg_schema_url)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_phone_joined_on_one_process_answers_on_the_other(cluster):
    (first, second), _, store = cluster
    from workshop.workshops import Workshops

    service = Workshops(store)
    workshop, key = service.create("Two processes", QUICK, ["NGOs"], threshold=1)
    with httpx.Client(base_url=first) as phone_on_first:
        joined = phone_on_first.post(f"/w/{workshop.code}", data={"group": "NGOs"})
    token = joined.headers["location"].rsplit("/", 1)[1]
    with httpx.Client(base_url=second) as phone_on_second:
        saved = phone_on_second.post(f"/w/p/{token}/a", data={"item": LIKERT[0], "value": "4"})
        assert saved.status_code == 200 and "<h1>" in phone_on_second.get(f"/w/p/{token}").text
    # Both processes' facilitator views (the projector's live counts) see the participant and the answer.
    for process in (first, second):
        counts = httpx.get(f"{process}/w/present/{workshop.code}/screen", params={"n": 1},
                           headers={"X-Facilitator-Key": key}).text
        assert 'id="joined">1<' in counts
    assert service.participant(token).answers == {LIKERT[0]: 4}


def test_phones_through_nginx_lose_no_answer(cluster):
    _, front, store = cluster
    from workshop.workshops import Workshops

    service = Workshops(store)
    workshop, _ = service.create("Through nginx", QUICK, [])
    tokens = []
    for n in range(12):
        with httpx.Client(base_url=front, timeout=30) as phone:
            joined = phone.post(f"/w/{workshop.code}", data={"group": "-"})
            assert joined.status_code == 303, joined.text
            token = joined.headers["location"].rsplit("/", 1)[1]
            for item in LIKERT[:3]:
                assert phone.post(f"/w/p/{token}/a", data={"item": item, "value": str(n % 5 + 1)}).status_code == 200
            tokens.append((token, n % 5 + 1))
    time.sleep(0.5)
    for token, value in tokens:
        assert service.participant(token).answers == dict.fromkeys(LIKERT[:3], value)
    assert httpx.get(f"{front}/_stcore/health").text == "ok"  # Streamlit is reachable through nginx too
