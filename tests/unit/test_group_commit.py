"""Group commit: every caller's payload is written exactly once, callers that arrive together share
a transaction, and one failing payload costs nobody else their write."""

from __future__ import annotations

import threading
import time

import pytest

from workshop.group_commit import GroupCommit


class Recorder:
    """A write function that takes a little time, like a transaction, and remembers its batches."""

    def __init__(self, refuse: set[int] | None = None, pause: float = 0.005):
        self.batches: list[list[int]] = []
        self.refuse, self.pause = refuse or set(), pause
        self.lock = threading.Lock()

    def __call__(self, payloads):
        time.sleep(self.pause)
        if self.refuse & set(payloads):
            raise ValueError(f"refused {sorted(self.refuse & set(payloads))}")
        with self.lock:
            self.batches.append(list(payloads))


def run_together(commit: GroupCommit, payloads: list[int]) -> dict[int, BaseException | None]:
    outcome: dict[int, BaseException | None] = {}
    start = threading.Barrier(len(payloads))

    def caller(payload: int) -> None:
        start.wait()
        try:
            commit.run(payload)
            outcome[payload] = None
        except Exception as exc:
            outcome[payload] = exc

    threads = [threading.Thread(target=caller, args=(p,)) for p in payloads]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads), "a caller was left waiting"
    return outcome


def test_a_lone_caller_writes_its_own_payload():
    recorder = Recorder()
    commit = GroupCommit(recorder)
    commit.run(7)
    assert recorder.batches == [[7]]


def test_callers_arriving_together_share_transactions_and_each_payload_is_written_once():
    recorder = Recorder()
    commit = GroupCommit(recorder)
    outcome = run_together(commit, list(range(60)))
    assert all(error is None for error in outcome.values())
    written = sorted(p for batch in recorder.batches for p in batch)
    assert written == list(range(60))
    assert len(recorder.batches) < 60 / 3  # most callers rode along with another's transaction


def test_one_refused_payload_fails_only_its_own_caller():
    recorder = Recorder(refuse={13})
    commit = GroupCommit(recorder)
    outcome = run_together(commit, list(range(30)))
    assert isinstance(outcome[13], ValueError)
    assert all(error is None for payload, error in outcome.items() if payload != 13)
    assert sorted(p for batch in recorder.batches for p in batch) == [p for p in range(30) if p != 13]


def test_the_next_caller_after_a_failure_still_writes():
    recorder = Recorder(refuse={1})
    commit = GroupCommit(recorder)
    with pytest.raises(ValueError):
        commit.run(1)
    commit.run(2)
    assert recorder.batches == [[2]]
