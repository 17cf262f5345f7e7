"""Several app processes starting at once on an empty database all come up (migrations take a lock)."""

import subprocess
import sys
import time

import pytest

from assessment.storage import Store, pool_size
from tests.conftest import ROOT

STARTER = """
import sys, time
from assessment.storage import Store
start = float(sys.argv[2])
while time.time() < start:  # every process starts migrating at the same instant
    time.sleep(0.001)
store = Store(sys.argv[1])
from workshop.workshops import Workshops
from assessment.engine import default_engine
Workshops(store).create("Started", default_engine().instruments["quick-check"], [])
print("ok")
"""


def start_together(url: str, processes: int = 4) -> list[subprocess.CompletedProcess]:
    at = time.time() + 3
    running = [subprocess.Popen([sys.executable, "-c", STARTER, url, str(at)], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for _ in range(processes)]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=120), *p.communicate()) for p in running]


def test_processes_starting_together_on_an_empty_sqlite_folder(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh' / 'coalition.db'}"
    (tmp_path / "fresh").mkdir()
    results = start_together(url)
    assert [r.stdout.strip() for r in results] == ["ok"] * 4, [r.stderr[-400:] for r in results]
    with Store(url).reading() as session:
        assert session.execute(__import__("sqlalchemy").text("SELECT count(*) FROM workshops")).scalar() == 4


@pytest.mark.postgres
def test_processes_starting_together_on_an_empty_postgres_schema(pg_schema_url):
    results = start_together(pg_schema_url)
    assert [r.stdout.strip() for r in results] == ["ok"] * 4, [r.stderr[-400:] for r in results]


def test_pool_size_is_configurable_and_checked(monkeypatch):
    monkeypatch.setenv("COALITION_DB_POOL", "20")
    assert pool_size() == 20
    monkeypatch.setenv("COALITION_DB_POOL", "lots")
    with pytest.raises(ValueError, match="COALITION_DB_POOL"):
        pool_size()
    monkeypatch.delenv("COALITION_DB_POOL")
    assert pool_size() == 10
