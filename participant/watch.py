"""Phones waiting for the facilitator (to reveal results, to move the group on) learn of it at once.

A waiting phone asks "has anything changed since version V?" and the answer comes back as soon as
something has, or after LONG_POLL seconds. One task per process reads the state of the workshops
that phones are waiting on, twice a second, so a room of a thousand waiting phones costs two small
queries a second instead of a thousand, and a reveal reaches them well within the 2 s a room
notices.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from anyio import to_thread

from workshop.workshops import WorkshopInfo

LONG_POLL = 25.0
EVERY = 0.5


def version(workshop: WorkshopInfo | None) -> str:
    """Everything about a workshop that changes what a phone should show."""
    if workshop is None:
        return "gone"
    return f"{workshop.status}.{workshop.pace}.{workshop.current_section}.{int(workshop.revealed)}"


class Watcher:
    def __init__(self, read_versions: Callable[[list[str]], dict[str, str]]):
        self._read = read_versions
        self._versions: dict[str, str] = {}
        self._changed: dict[str, asyncio.Event] = {}
        self._waiting: dict[str, int] = {}
        self._checked_at = 0.0
        self._task: asyncio.Task | None = None

    async def wait(self, workshop_id: str, known: str, timeout: float = LONG_POLL) -> str:
        """The workshop's version, once it differs from `known` or the timeout has passed."""
        self._ensure_running()
        if workshop_id not in self._versions or time.monotonic() - self._checked_at > 2 * EVERY:
            await self._refresh([workshop_id])
        if self._versions.get(workshop_id, "gone") != known:
            return self._versions.get(workshop_id, "gone")
        event = self._changed.setdefault(workshop_id, asyncio.Event())
        self._waiting[workshop_id] = self._waiting.get(workshop_id, 0) + 1
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except TimeoutError:
            pass
        finally:
            self._waiting[workshop_id] -= 1
            if not self._waiting[workshop_id]:
                del self._waiting[workshop_id]
        return self._versions.get(workshop_id, "gone")

    def _ensure_running(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(EVERY)
            if self._waiting:
                try:
                    await self._refresh(list(self._waiting))
                except Exception:  # a database hiccup: the phones keep waiting and we try again
                    continue

    async def _refresh(self, workshop_ids: list[str]) -> None:
        fresh = await to_thread.run_sync(self._read, workshop_ids)
        self._checked_at = time.monotonic()
        for workshop_id in workshop_ids:
            now = fresh.get(workshop_id, "gone")
            if self._versions.get(workshop_id) not in (None, now):
                event = self._changed.pop(workshop_id, None)
                if event:
                    event.set()
            self._versions[workshop_id] = now
