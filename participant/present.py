"""The projector view: full screen, large type, one screen at a time, stepped with big buttons or
the arrow keys: the join code and QR code; live counts; each most-contested statement with its
distribution by group; common ground.

The page itself holds nothing. Its screens need the facilitator key, which the facilitator's link
carries after "#" (never sent to the server in the address, never in a log); the script moves it to
the tab's session storage, wipes it from the address bar (the room can read a projected address
bar) and sends it in a header.
"""

from __future__ import annotations

import io

import segno
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assessment.i18n import translator
from participant.context import SECURITY_HEADERS, Context, language_for
from workshop.addresses import join_address
from workshop.workshops import WorkshopInfo

KEY_HEADER = "x-facilitator-key"


def shell(request: Request, _: FormData | None) -> Response:
    ctx: Context = request.app.state.ctx
    workshop = ctx.service.by_code(request.path_params["code"])  # the room reads the workshop's language
    return ctx.page(request, "present.html", language=workshop.language if workshop else None,
                    code=request.path_params["code"][:12])


def screens(workshop: WorkshopInfo, contested_count: int, picks_count: int = 0) -> list[str]:
    """The screens in order; each most-contested statement and each list question the room may see
    gets a screen of its own."""
    return ["join", "counts", *[f"contested-{n}" for n in range(contested_count)],
            *[f"picked-{n}" for n in range(picks_count)], "common"]


def screen(request: Request, _: FormData | None) -> Response:
    ctx: Context = request.app.state.ctx
    workshop = ctx.service.as_facilitator(request.path_params["code"], request.headers.get(KEY_HEADER, ""))
    if workshop is None:
        message = translator(language_for(request)).gettext(
            "This projector link is not valid: open it again from the facilitator page.")
        return JSONResponse({"error": message}, 403, headers=SECURITY_HEADERS)
    now = ctx.rooms.of(workshop)
    room = now.view
    names = screens(workshop, len(room.contested[:5]), len(room.picks))
    try:
        index = max(0, min(int(request.query_params.get("n", "0")), len(names) - 1))
    except ValueError:
        index = 0
    kept = request.query_params.get("screen", "")  # a refresh keeps its screen when others appear before it
    if kept in names:
        index = names.index(kept)
    name = names[index]
    t = translator(workshop.language)
    values = {"workshop": workshop, "room": room, "index": index, "count": len(names), "screen": name,
              "wording": ctx.wording(ctx.instruments[workshop.instrument_id], t.language),
              "agreement": lambda value: t.number(value, 2), "contested_total": len(room.contested[:5])}
    if name == "join":
        address = join_address(str(request.base_url))
        values |= {"join_page": address.join_page(),
                   "qr": qr_svg(address.workshop(workshop.code), t.gettext("QR code to join"))}
    elif name == "counts":
        values["counts"] = now.counts
    elif name.startswith("contested-"):
        values["statement"] = room.contested[int(name.split("-")[1])]
    elif name.startswith("picked-"):
        instrument = ctx.instruments[workshop.instrument_id]
        values["tally"], values["title"], values["nobody"] = ctx.picks(room, instrument, t.language)[
            int(name.split("-")[1])]
    return ctx.page(request, "_screen.html", language=t.language, **values)


def qr_svg(url: str, title: str = "QR code to join") -> str:
    """The QR code as inline SVG markup (segno writes it; no user text goes into it)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=10, border=2, xmldecl=False, svgns=True,
                                    title=title, dark="#000", light="#fff")
    return buffer.getvalue().decode()
