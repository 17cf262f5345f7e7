"""What every participant handler needs, built once per process: the service, content, limits,
caches and templates, and one way to render a page with the headers it must carry.

Each page is in the phone's language: the one chosen with the switch on every page (remembered in
a cookie), else the first of ours the phone's Accept-Language names, else the workshop's default.
Only words change with the language: answers are stored by item id and value, so phones in three
languages make one room."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from assessment.i18n import DEFAULT, LANGUAGES, NAMES, negotiate, translations, translator
from assessment.model import Instrument, text_in
from participant.throttle import Throttle
from participant.watch import Watcher
from workshop.choices import Tally, finding, in_language, unpicked
from workshop.room import Rooms, RoomView
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
LANGUAGE_COOKIE = "ch_lang"
LANGUAGE_DAYS = 365


def language_for(request: Request, default: str | None = None) -> str:
    """The switch (?lang=), then the cookie it left, then Accept-Language, then the workshop's default."""
    for chosen in (request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE)):
        if chosen in LANGUAGES:
            return chosen
    return negotiate(request.headers.get("accept-language")) or (default if default in LANGUAGES else DEFAULT)


def _templates(language: str) -> Jinja2Templates:
    """Templates whose {% trans %} and _() speak one language (Jinja2's i18n extension, newstyle:
    values passed to a message are escaped like any other)."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(translations(language), newstyle=True)
    return Jinja2Templates(env=env)


@dataclass(frozen=True)
class Wording:
    statements: dict[str, str]
    dimensions: dict[str, str]


@dataclass
class Context:
    service: Workshops
    instruments: dict[str, Instrument]
    throttle: Throttle
    rooms: Rooms
    watcher: Watcher
    base: str = "/w"
    templates: dict[str, Jinja2Templates] = field(default_factory=dict)
    _instruments_of: dict[str, str] = field(default_factory=dict)
    _steering: dict[str, frozenset[str]] = field(default_factory=dict)
    _texts: dict[tuple[str, str], Wording] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The templates autoescape .html: every value a person typed is shown as text.
        self.templates = {language: _templates(language) for language in LANGUAGES}

    def wording(self, instrument: Instrument, language: str) -> Wording:
        """Statements and dimension titles in a language: the room's results are computed once for
        every phone and worded for each (worded once per questionnaire and language)."""
        key = (instrument.id, language)
        if key not in self._texts:
            titles = {**getattr(self.rooms, "titles", {}),
                      **{ref.id: ref.title for ref in instrument.dimensions if ref.title}}
            self._texts[key] = Wording(statements={i.id: text_in(i.text, language) for i in instrument.items},
                                       dimensions={d: text_in(t, language) for d, t in titles.items()})
        return self._texts[key]

    def picks(self, room: RoomView, instrument: Instrument, language: str) -> list[tuple[Tally, str, str]]:
        """The room's list questions worded for one phone, each with its finding and the answers nobody
        picked (counted once for the room, worded per phone)."""
        worded = [in_language(tally, instrument, language) for tally in room.picks]
        return [(tally, finding(tally, language), unpicked(tally, language)) for tally in worded]

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

    def page(self, request: Request, name: str, status: int = 200, language: str | None = None,
             **values: Any) -> Response:
        """A page in the phone's language, with a link to each of the others (the switch)."""
        workshop = values.get("workshop")
        language = language or language_for(request, getattr(workshop, "language", None))
        here = values.get("here") or request.url.path  # a form's result page links back to the page, not the post
        switch = [(code, NAMES[code], f"{here}?lang={code}") for code in LANGUAGES]
        response = self.templates[language].TemplateResponse(
            request, name, {"base": self.base, "language": language, "languages": switch,
                            "js_texts": _js_texts(language), **values},
            status_code=status, headers=SECURITY_HEADERS)
        if request.query_params.get("lang") in LANGUAGES:  # a choice made with the switch is remembered
            response.set_cookie(LANGUAGE_COOKIE, language, max_age=LANGUAGE_DAYS * 86400, path=self.base,
                                httponly=True, samesite="lax", secure=request.url.scheme == "https")
        return response


def _js_texts(language: str) -> dict[str, str]:
    """What participant.js says (it reads them from the page: the CSP allows no inline script)."""
    _ = translator(language).gettext
    return {"saved": _("Saved"), "not-saved": _("Not saved."),
            "reconnecting": _("Reconnecting… your answer will be saved when the connection is back."),
            "reconnecting-short": _("Reconnecting…")}
