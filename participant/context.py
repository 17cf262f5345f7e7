"""What every participant handler needs, built once per process: the service, content, limits,
caches and templates, and one way to render a page with the headers it must carry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from assessment.model import Instrument
from participant.room_cache import RoomCache
from participant.throttle import Throttle
from participant.watch import Watcher
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
    rooms: RoomCache
    watcher: Watcher
    base: str = "/w"
    templates: Jinja2Templates | None = None

    def __post_init__(self) -> None:
        # Jinja2Templates autoescapes .html templates: every value a person typed is shown as text.
        self.templates = Jinja2Templates(directory=HERE / "templates")

    def page(self, request: Request, name: str, status: int = 200, **values: Any) -> Response:
        return self.templates.TemplateResponse(request, name, {"base": self.base, **values}, status_code=status,
                                               headers=SECURITY_HEADERS)
