"""Participant pages: join by code, choose a group, answer one section at a time, see the results.

Each handler turns a request into calls on workshop.workshops and a template; the participant's
identity is the private token in the URL (stored only as a hash), so a reload, a lost connection or
another tab loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from assessment.i18n import translator
from assessment.model import Section, text_in
from assessment.paging import pages_of
from participant.context import Context, language_for
from participant.questions import BadAnswer, Question, answer_from_form, questions
from participant.throttle import client_address
from participant.watch import version
from workshop.workshops import (
    CODE_LENGTH,
    ParticipantInfo,
    WorkshopError,
    WorkshopInfo,
    normalise_code,
    workshop_sections,
)

COOKIE_DAYS = 3
NO_GROUP = "-"  # the explicit "I'd rather not say" choice; an unchosen group is an error


def cookie_name(code: str) -> str:
    return f"ch_{code}"


def enter_code(request: Request, form: FormData | None) -> Response:
    ctx: Context = request.app.state.ctx
    if form is None:
        return ctx.page(request, "code.html", code=request.query_params.get("code", ""))
    _ = translator(language_for(request)).gettext
    code = normalise_code(str(form.get("code", "")))
    client = client_address(request)
    if not ctx.throttle.may_try_code(client):
        return ctx.page(request, "code.html", code=code, status=429,
                        error=_("Too many wrong codes from this network in the last minute. Wait a minute, then "
                                "check the code on the screen and try again."))
    workshop = ctx.service.by_code(code) if len(code) == CODE_LENGTH else None
    if workshop is None:
        ctx.throttle.wrong_code(client)
        return ctx.page(request, "code.html", code=code, status=404,
                        error=_("No workshop has this code. Check the code on the screen and try again."))
    return RedirectResponse(f"{ctx.base}/{workshop.code}", status_code=303)


def choose_group(request: Request, form: FormData | None) -> Response:
    ctx: Context = request.app.state.ctx
    workshop = ctx.service.by_code(request.path_params["code"])
    if workshop is None:
        _ = translator(language_for(request)).gettext
        return ctx.page(request, "code.html", status=404,
                        error=_("No workshop has this code. Check the code on the screen and try again."))
    returning = _returning(ctx, request, workshop)
    if returning is not None:
        return RedirectResponse(f"{ctx.base}/p/{returning}", status_code=303)
    if form is None or workshop.status != "open":
        return _group_page(ctx, request, workshop)
    choice = str(form.get("group", ""))
    language = language_for(request, workshop.language)
    _ = translator(language).gettext
    if not choice:
        return _group_page(ctx, request, workshop, _("Choose the group you speak for, or “I'd rather not say”."))
    if not ctx.throttle.may_join(client_address(request)):
        return _group_page(ctx, request, workshop, _("Too many people joined from this network in the last minute. "
                                                     "Wait a minute and press Join again."), status=429)
    try:
        _person, token = ctx.service.join(workshop.code, None if choice == NO_GROUP else choice,
                                          limit=ctx.throttle.policy.max_participants)
    except WorkshopError as exc:
        return _group_page(ctx, request, workshop, exc.in_language(language))
    response = RedirectResponse(f"{ctx.base}/p/{token}", status_code=303)
    response.set_cookie(cookie_name(workshop.code), token, max_age=COOKIE_DAYS * 86400, path=ctx.base,
                        httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


def _returning(ctx: Context, request: Request, workshop: WorkshopInfo) -> str | None:
    """The token of this browser's earlier join of this workshop, so a second visit resumes it."""
    token = request.cookies.get(cookie_name(workshop.code), "")
    person = ctx.service.participant(token) if token else None
    return token if person is not None and person.workshop_id == workshop.id else None


def _group_page(ctx: Context, request: Request, workshop: WorkshopInfo, error: str = "",
                status: int | None = None) -> Response:
    return ctx.page(request, "group.html", workshop=workshop, no_group=NO_GROUP, error=error,
                    status=status or (400 if error else 200))


def _participant(ctx: Context, request: Request) -> tuple[ParticipantInfo, WorkshopInfo] | None:
    person = ctx.service.participant(request.path_params["token"])
    workshop = ctx.service.get(person.workshop_id) if person else None
    return (person, workshop) if workshop else None


def _lost(ctx: Context, request: Request) -> Response:
    _ = translator(language_for(request)).gettext
    return ctx.page(request, "code.html", status=404,
                    error=_("This participant link is not valid any more; the workshop may have been deleted. "
                            "Join again with the code on the screen."))


def answer_page(request: Request, _: FormData | None) -> Response:
    ctx: Context = request.app.state.ctx
    found = _participant(ctx, request)
    if found is None:
        return _lost(ctx, request)
    person, workshop = found
    return section_page(ctx, request, person, workshop)


def section_page(ctx: Context, request: Request, person: ParticipantInfo, workshop: WorkshopInfo,
                 errors: dict[str, str] | None = None, typed: dict[str, Any] | None = None,
                 page: int | None = None) -> Response:
    instrument = ctx.instruments[workshop.instrument_id]
    token = request.path_params["token"]
    language = language_for(request, workshop.language)
    common = {"workshop": workshop, "token": token, "version": version(workshop), "language": language,
              "here": f"{ctx.base}/p/{token}"}
    if person.finished or workshop.status != "open":
        room = ctx.rooms.of(workshop).view if workshop.revealed else None
        return ctx.page(request, "done.html", finished=person.finished, room=room,
                        picks=ctx.picks(room, instrument, language) if room else [],
                        wording=ctx.wording(instrument, language), **common)
    pages = paged(workshop, workshop_sections(instrument, workshop))
    index = _page_index(workshop, person, len(pages)) if page is None else page
    answers = {**person.answers, **(typed or {})}
    parts = [Part(text_in(s.title, language), text_in(s.intro, language) if s.intro else "",
                  questions(instrument, s, answers, language)) for s in pages[index]]
    return ctx.page(request, "section.html", status=400 if errors else 200, index=index, total=len(pages),
                    parts=parts, errors=errors or {}, **common)


@dataclass(frozen=True)
class Part:
    title: str
    intro: str
    questions: list[Question]


def paged(workshop: WorkshopInfo, sections: list[Section]) -> list[list[Section]]:
    """Pages of sections: one section each when the facilitator leads (they move the room section
    by section); otherwise as on the leader's questionnaire (assessment/paging.py)."""
    return [[section] for section in sections] if workshop.pace == "led" else pages_of(sections)


def _page_index(workshop: WorkshopInfo, person: ParticipantInfo, count: int) -> int:
    return max(0, min(workshop.current_section if workshop.pace == "led" else person.section, count - 1))


def _form_page(form: FormData, workshop: WorkshopInfo, person: ParticipantInfo, count: int) -> int:
    """The page the submitted form shows. A tab left open while the person moved on in another tab, or
    while the facilitator moved the room, posts an older page: its answers are that page's, and the
    questions of the page the person is on now are not in it, so they must not be read as cleared."""
    raw = str(form.get("page", ""))
    return int(raw) if raw.isdigit() and int(raw) < count else _page_index(workshop, person, count)


def save_one(request: Request, form: FormData | None) -> Response:
    """One tap, one answer: the progressive-enhancement path (JSON in, JSON out). The busiest route
    of a live room, so it reads only the participant (not their answers or the workshop: the
    workshop's questionnaire never changes, and closing is checked inside the write)."""
    ctx: Context = request.app.state.ctx
    person = ctx.service.participant(request.path_params["token"], with_answers=False)
    t = translator(language_for(request))  # the page's choice (cookie) or the phone's; not a query per tap
    if person is None:
        return JSONResponse({"error": t.gettext("This link is not valid any more. Join again with the code.")}, 404)
    instrument = ctx.instrument_of(person.workshop_id)
    item = instrument.item(str(form.get("item", ""))) if instrument else None
    if item is None:
        return JSONResponse({"error": t.gettext("This question is not part of the workshop.")}, 400)
    try:
        value = answer_from_form(instrument, item, form.getlist("value"))
        ctx.service.save_answer(person, item.id, value)
    except BadAnswer as exc:
        return JSONResponse({"error": t.gettext("Not saved: {problem}.").format(problem=exc.in_language(t.language))},
                            400)
    except WorkshopError as exc:
        return JSONResponse({"error": exc.in_language(t.language), "reload": True}, 409)
    return JSONResponse({"saved": item.id, "reload": item.id in ctx.steering(instrument)})


def save_section(request: Request, form: FormData | None) -> Response:
    """The whole section as one form (works with no JavaScript), then Back, Next or Finish."""
    ctx: Context = request.app.state.ctx
    found = _participant(ctx, request)
    if found is None:
        return _lost(ctx, request)
    person, workshop = found
    if workshop.status != "open":
        return RedirectResponse(f"{ctx.base}/p/{request.path_params['token']}", status_code=303)
    instrument = ctx.instruments[workshop.instrument_id]
    pages = paged(workshop, workshop_sections(instrument, workshop))
    index = _form_page(form, workshop, person, len(pages))
    typed, errors = {}, {}
    t = translator(language_for(request, workshop.language))
    shown = [q for section in pages[index] for q in questions(instrument, section, person.answers)]
    for question in shown:
        item = instrument.item(question.id)
        try:
            typed[item.id] = answer_from_form(instrument, item, form.getlist(item.id))
        except BadAnswer as exc:
            errors[item.id] = t.gettext("Not saved: {problem}.").format(problem=exc.in_language(t.language))
    try:
        ctx.service.save_answers(person, {k: v for k, v in typed.items() if k not in errors})
    except WorkshopError:
        return RedirectResponse(f"{ctx.base}/p/{request.path_params['token']}", status_code=303)
    if errors:
        return section_page(ctx, request, ctx.service.participant(request.path_params["token"]), workshop, errors,
                            {k: form.getlist(k) if instrument.item(k).kind == "multiple" else form.get(k)
                             for k in errors}, page=index)
    _move(ctx, person, workshop, str(form.get("go", "")), index, len(pages))
    return RedirectResponse(f"{ctx.base}/p/{request.path_params['token']}", status_code=303)


def _move(ctx: Context, person: ParticipantInfo, workshop: WorkshopInfo, go: str, index: int, count: int) -> None:
    if go == "finish" and index == count - 1:
        ctx.service.finish(person)
    elif workshop.pace == "self" and go == "next" and index + 1 < count:
        ctx.service.set_section(person, index + 1)
    elif workshop.pace == "self" and go == "back" and index > 0:
        ctx.service.set_section(person, index - 1)


async def state(request: Request) -> Response:
    """Long poll: answers as soon as the workshop's state differs from the version the page shows."""
    ctx: Context = request.app.state.ctx
    workshop = await run_in_threadpool(ctx.service.by_code, request.path_params["code"])
    if workshop is None:
        return JSONResponse({"version": "gone"})
    known = request.query_params.get("v", "")[:64]
    return JSONResponse({"version": await ctx.watcher.wait(workshop.id, known)},
                        headers={"Cache-Control": "no-store"})
