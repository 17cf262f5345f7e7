"""The room's results computed once per workshop every couple of seconds, however many phones ask
(a reveal makes a whole room ask at once)."""

from __future__ import annotations

import threading

from cachetools import TTLCache

from assessment.model import Instrument
from workshop.room import RoomView, build
from workshop.workshops import WorkshopInfo, Workshops

FRESH_FOR = 2.0


class RoomCache:
    """Results per workshop, rebuilt at most every FRESH_FOR seconds."""

    def __init__(self, service: Workshops, titles: dict[str, str], instruments: dict[str, Instrument]):
        self.service, self.titles, self.instruments = service, titles, instruments
        self._cache: TTLCache = TTLCache(maxsize=256, ttl=FRESH_FOR)
        self._lock = threading.Lock()

    def view(self, workshop: WorkshopInfo) -> RoomView:
        with self._lock:  # one build at a time: a thousand phones asking at once wait for the first
            cached = self._cache.get(workshop.id)
            if cached is None:
                cached = build(workshop, self.instruments[workshop.instrument_id], self.service.rows(workshop.id),
                               self.titles)
                self._cache[workshop.id] = cached
            return cached
