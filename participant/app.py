"""The participant path as a Starlette app mounted at /w beside Streamlit (see server.py).

Routes (all under /w):
    GET  /                      enter the join code          POST /          check it (rate limited)
    GET  /{code}                choose a group               POST /{code}    join (rate limited, capped)
    GET  /p/{token}             this phone's current section, or its thank-you and the results
    POST /p/{token}/a           save one answer (JavaScript) POST /p/{token}/s  save a section, move on
    GET  /{code}/state?v=       long poll for a change of the workshop's state
    GET  /present/{code}        the projector view (its data needs the facilitator key)
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable

from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from assessment.engine import default_engine
from assessment.i18n import translator
from assessment.storage import shared_store
from participant import present, views
from participant.context import HERE, SECURITY_HEADERS, Context, language_for
from participant.throttle import Policy, Throttle
from participant.watch import Watcher, version
from workshop.room import shared_rooms
from workshop.workshops import Workshops

log = logging.getLogger("coalition.participant")
Handler = Callable[[Request, FormData | None], Response]


def threaded(handler: Handler):
    """An endpoint that reads the form on the event loop, then does its database work on a worker
    thread, so one slow query never stalls the other phones."""

    async def endpoint(request: Request) -> Response:
        started = time.perf_counter()
        form = await request.form(max_files=0, max_fields=400, max_part_size=64 * 1024) \
            if request.method == "POST" else None
        response = await run_in_threadpool(handler, request, form)
        # How long the server itself took (browsers show it; the room benchmark separates it from
        # the time a request waited to be read on a busy machine).
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
        return response

    return endpoint


def context() -> Context:
    service = Workshops(shared_store())
    engine = default_engine()

    def versions(ids: list[str]) -> dict[str, str]:
        return {w.id: version(w) for w in service.many(ids)}

    return Context(service=service, instruments=engine.instruments, throttle=Throttle(Policy.from_environment()),
                   rooms=shared_rooms(), watcher=Watcher(versions))


def _error_page(request: Request, status: int, title: str, message: str, retry: bool = False) -> Response:
    ctx: Context = request.app.state.ctx
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse({"error": message, "retry": retry}, status, headers=SECURITY_HEADERS)
    return ctx.page(request, "error.html", status=status, title=title, message=message, retry=retry)


async def not_found(request: Request, _exc: Exception) -> Response:
    _ = translator(language_for(request)).gettext
    return _error_page(request, 404, _("Page not found"), _("There is no page at this address. To join a workshop, "
                                                            "enter the code shown on the screen."))


async def database_down(request: Request, exc: Exception) -> Response:
    log.warning("database unavailable: %s", type(exc).__name__)
    _ = translator(language_for(request)).gettext
    return _error_page(request, 503, _("Reconnecting…"), _("The server cannot reach its database for a moment. "
                                                           "This page tries again by itself; your saved answers are "
                                                           "safe."), retry=True)


async def server_error(request: Request, exc: Exception) -> Response:
    """A friendly page with an error id the server log also holds; never a traceback or a path."""
    error_id = secrets.token_hex(4)
    log.error("error %s on %s %s", error_id, request.method, request.url.path, exc_info=exc)
    _ = translator(language_for(request)).gettext
    return _error_page(request, 500, _("Something went wrong"),
                       _("Something went wrong on our side (error id {error_id}). Your saved answers are safe; please "
                         "try again in a moment.").format(error_id=error_id))


def participant_app() -> Starlette:
    routes = [
        Route("/", threaded(views.enter_code), methods=["GET", "POST"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        Route("/p/{token}", threaded(views.answer_page)),
        Route("/p/{token}/a", threaded(views.save_one), methods=["POST"]),
        Route("/p/{token}/s", threaded(views.save_section), methods=["POST"]),
        Route("/present/{code}", threaded(present.shell)),
        Route("/present/{code}/screen", threaded(present.screen)),
        Route("/{code}/state", views.state),
        Route("/{code}", threaded(views.choose_group), methods=["GET", "POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={
        404: not_found, HTTPException: not_found, OperationalError: database_down, DBAPIError: database_down,
        Exception: server_error})
    app.state.ctx = context()
    return app


def routes() -> list:
    """What server.py mounts beside Streamlit."""
    return [Mount("/w", app=participant_app())]
