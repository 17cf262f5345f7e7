"""What every participant handler needs, built once per process: the service, content, limits,
caches and templates, and one way to render a page with the headers it must carry."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from assessment.model import Instrument
from participant.throttle import Throttle
from participant.watch import Watcher
from workshop.room import Rooms
from workshop.workshops import Workshops

HERE = Path(__file__).resolve().parent
# No third-party anything, no inline script, no framing; the token in the URL never leaves in a Referer.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


@dataclass
class Context:
    service: Workshops
    instruments: dict[str, Instrument]
    throttle: Throttle
    rooms: Rooms
    watcher: Watcher
    base: str = "/w"
    templates: Jinja2Templates | None = None
    _instruments_of: dict[str, str] = field(default_factory=dict)
    _steering: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Jinja2Templates autoescapes .html templates: every value a person typed is shown as text.
        self.templates = Jinja2Templates(directory=HERE / "templates")

    def instrument_of(self, workshop_id: str) -> Instrument | None:
        """A workshop's questionnaire, remembered: it is fixed when the workshop is created."""
        if workshop_id not in self._instruments_of:
            workshop = self.service.get(workshop_id)
            if workshop is None:
                return None
            self._instruments_of[workshop_id] = workshop.instrument_id
        return self.instruments.get(self._instruments_of[workshop_id])

    def steering(self, instrument: Instrument) -> frozenset[str]:
        """Items another item's skip logic depends on: answering one may show or hide questions."""
        if instrument.id not in self._steering:
            self._steering[instrument.id] = frozenset(i.relevant.item for i in instrument.items if i.relevant)
        return self._steering[instrument.id]

    def page(self, request: Request, name: str, status: int = 200, **values: Any) -> Response:
        return self.templates.TemplateResponse(request, name, {"base": self.base, **values}, status_code=status,
                                               headers=SECURITY_HEADERS)
