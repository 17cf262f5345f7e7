"""Group commit: the answers many phones send at the same moment are written in one transaction.

Why: SQLite takes one writer at a time. With a thousand phones answering, each answer waiting for
its own transaction queued behind the others (measured by `bench/room_load.py`: 78 ms median
wait for the writer lock among the slow answers, against 2 ms of actual writing). Here the first
thread to arrive writes everything that is pending, including the answers that arrived while the
previous batch was being written; the others just wait for their answer to be in. No thread of its
own: leadership passes from one caller to the next, so nothing runs when nobody answers.

Each caller still learns its own outcome: a batch that fails as a whole is written again one job
at a time, so one bad job (a workshop closed a moment ago) never costs the others their answers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)
class Job:
    """One caller's write, and what became of it."""

    payload: Any
    error: BaseException | None = None
    lead: bool = False  # this caller writes the next batch
    stored: bool = False
    finished: bool = False
    signal: threading.Event = field(default_factory=threading.Event)  # set when finished or made lead


class GroupCommit:
    """`run(payload)` returns once `write` has stored it, together with whatever else was pending.

    `write(payloads)` stores a batch in one transaction and raises if it cannot; it is then called
    once per payload, so each caller gets its own error."""

    def __init__(self, write: Callable[[Sequence[Any]], None]):
        self._write = write
        self._lock = threading.Lock()
        self._pending: list[Job] = []
        self._writing = False
        self.batches = 0  # how many transactions were needed (tests and benchmarks read it)

    def run(self, payload: Any) -> None:
        job = Job(payload)
        with self._lock:
            self._pending.append(job)
            if not self._writing:
                self._writing = job.lead = True
        if not job.lead:
            job.signal.wait()
        if not job.finished:  # first in, or handed the lead by the previous writer
            self._lead()
        if job.error is not None:
            raise job.error

    def _lead(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, []
        try:
            self._store(batch)
        finally:  # even if interrupted, nobody is left waiting for a batch that will never come
            for job in batch:
                job.finished = True
                if job.error is None and not job.stored:
                    job.error = RuntimeError("the answer could not be written")
            self._hand_over(batch)

    def _hand_over(self, batch: list[Job]) -> None:
        with self._lock:
            if self._pending:  # arrived while we wrote: the first of them writes the next batch
                self._pending[0].lead = True
                self._pending[0].signal.set()
            else:
                self._writing = False
        for job in batch:
            job.signal.set()

    def _store(self, batch: list[Job]) -> None:
        self.batches += 1
        try:
            self._write([job.payload for job in batch])
        except Exception as exc:
            if len(batch) == 1:
                batch[0].error = exc
                return
        else:
            for job in batch:
                job.stored = True
            return
        for job in batch:  # the batch failed as a whole: find out whose write it was
            try:
                self._write([job.payload])
                job.stored = True
            except Exception as exc:
                job.error = exc
