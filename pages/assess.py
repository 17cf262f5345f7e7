"""Take an assessment: choose a questionnaire, answer a page at a time, saved as you go."""

from __future__ import annotations

import streamlit as st

from assessment.errors import AssessmentError, Code
from assessment.files import MAX_BYTES, read_answers
from assessment.i18n import LANGUAGES, NAMES
from assessment.loader import visible
from assessment.model import COALITION_TYPES, Profile, text_in
from assessment.paging import page_of_section, pages_of
from ui.assessment_state import (
    NEW,
    RESUME,
    assessment_nav,
    get_engine,
    get_store,
    open_assessment,
    previous_assessment,
    resume_params,
    show_resume_link,
)
from ui.coalition_profile import SCOPE_LABELS, TYPE_LABELS
from ui.language import START_KEY, page_language, words
from ui.questions import QUESTIONNAIRE_CSS, render_item
from ui.safe import inert
from ui.scroll import scroll_to

engine = get_engine()
store = get_store()
saved = open_assessment()
language = page_language(saved)
t = words(saved)
_ = t.gettext

SAME, OTHER = "same", "other"


def opened(token: str) -> None:
    """Put the new assessment in the URL (dropping ?new) and show its questions."""
    st.query_params.pop(NEW, None)
    st.query_params.pop("instrument", None)
    st.query_params[RESUME] = token
    st.session_state.new_token = token
    st.session_state.pop("previous_token", None)
    st.rerun()


def start_screen() -> None:
    st.title(_("Assess your coalition"))
    if START_KEY not in st.session_state:
        st.session_state[START_KEY] = language
    st.segmented_control(_("Language"), LANGUAGES, format_func=NAMES.get, key=START_KEY, required=True,
                         help=_("The questions, results, report and downloads of this assessment are in this "
                                "language; you can change it later. The handbook's chapters are in English."))
    st.write(_("Answer a questionnaire about how your coalition works. You get a profile of ten dimensions, "
               "where you stand in the life cycle, representation gaps and a short list of actions, each "
               "linked to the handbook. Your answers are saved as you go; nobody else can see them."))
    choices = {i.id: i for i in engine.instruments.values() if "self" in i.use}
    wanted = st.query_params.get("instrument")
    if wanted in choices and "start_instrument" not in st.session_state:
        st.session_state.start_instrument = wanted
    previous = previous_assessment()
    which = OTHER
    if previous is not None:  # outside the form, so the new coalition's fields show only when they are used
        name = previous.profile.name or _("the coalition you were assessing")
        which = st.radio(_("Which coalition?"), [SAME, OTHER], key="start_which",
                         format_func={SAME: _("{name}, again").format(name=name),
                                      OTHER: _("Another coalition")}.get,
                         captions=[_("Adds to its trend and starts from its latest stakeholder map."),
                                   _("A new profile, an empty map.")])
    with st.form("start_form", enter_to_submit=False):  # Enter in the name box started the wrong questionnaire
        minutes = _("{title} · about {minutes} minutes")
        chosen = st.radio(_("Questionnaire"), list(choices), key="start_instrument",
                          format_func=lambda i: minutes.format(title=text_in(choices[i].title, language),
                                                               minutes=choices[i].minutes),
                          captions=[text_in(choices[i].description, language) for i in choices])
        profile = new_coalition_fields() if which == OTHER else None
        if st.form_submit_button(_("Start"), type="primary"):
            if profile is None:
                _id, token = store.repeat(previous.coalition_id, choices[chosen], language)
            else:
                _id, token = store.start(choices[chosen], profile, language)
            opened(token)
    upload_box()


def new_coalition_fields() -> Profile:
    """The optional profile of a coalition assessed for the first time, as typed so far."""
    st.caption(_("About a new coalition (optional; it tailors the representation analysis)"))
    name = st.text_input(_("Coalition name"), key="start_name", max_chars=200)
    kind = st.selectbox(_("Main purpose"), [None, *COALITION_TYPES], key="start_type",
                        format_func=lambda t: _("Choose…") if t is None else _(TYPE_LABELS[t]))
    issue = st.text_input(_("Issue area"), key="start_issue", max_chars=200, placeholder=_("e.g. landmines"))
    scope = st.selectbox(_("Scope"), [None, *SCOPE_LABELS], key="start_scope",
                         format_func=lambda s: _("Choose…") if s is None else _(SCOPE_LABELS[s]))
    founded = st.number_input(_("Year founded"), min_value=1800, max_value=2100, value=None, step=1,
                              key="start_founded")
    return Profile(name=name.strip(), type=kind, issue_area=issue.strip(), scope=scope,
                   founded=int(founded) if founded else None)


def refusal(exc: AssessmentError) -> str:
    """Why a file cannot be used, in the page's language where the reason is one a person meets often."""
    if exc.code == Code.EMPTY:
        return _("This file cannot be used: it is empty.")
    if exc.code == Code.TOO_LARGE:
        return _("This file cannot be used: it is {size} MB and the limit is {limit} MB.").format(
            size=t.number(exc.values["size"] / 1024 / 1024, 1), limit=exc.values["limit"] // 1024 // 1024)
    if exc.code == Code.RESULTS_FILE:
        return _("This is a results file, not an answers file. On the results page, download “{answers}” and "
                 "upload that.").format(answers=_("Answers file (JSON, to resume elsewhere)"))
    if exc.code == Code.NOT_JSON:
        return _("This file cannot be used: it is not valid JSON ({problem}).").format(problem=_said(exc))
    if exc.code == Code.NOTHING_USABLE:
        return _("This file cannot be used: nothing in it could be used ({problem}).").format(problem=_said(exc))
    if exc.code == Code.BAD_VALUE and "problem" in exc.values:
        return _("This file cannot be used: {problem}").format(problem=_said(exc))
    return _("This file cannot be used: {problem}").format(problem=inert(exc))


def _said(exc: AssessmentError) -> str:
    """The problem behind a refusal, in the page's language, with nothing in it read as Markdown."""
    return inert(text_in(exc.values["problem"], language))


def upload_box() -> None:
    with st.expander(_("Continue from an answers file (JSON)")):
        st.caption(_("The “{answers}” downloaded from a results page, here or on another computer. Up to "
                     "{megabytes} MB; partial files are fine. (A technical team can also fill in a blank one, made "
                     "with `python -m assessment template`.)").format(
            answers=_("Answers file (JSON, to resume elsewhere)"), megabytes=MAX_BYTES // 1024 // 1024))
        upload = st.file_uploader(_("Answers file"), type=["json"], key="upload_answers",  # one limit, said alike
                                  max_upload_size=MAX_BYTES // 1024 // 1024)  # by the box, the caption, the file reader
        if upload is None:
            return
        try:
            parsed = read_answers(upload.getvalue(), engine.instruments, source=upload.name)
        except AssessmentError as exc:
            st.error(refusal(exc))
            return
        if parsed.notes:
            st.info("\n\n".join(inert(text_in(note, language)) for note in parsed.notes), icon=":material/update:")
        if parsed.problems:
            st.warning(_("Some entries were left out; everything else was kept:") + "\n\n"
                       + "\n".join(f"- {inert(text_in(p, language))}" for p in parsed.problems))
        label = _("Continue with {answers} and {stakeholders}").format(
            answers=t.ngettext("{n} answer", "{n} answers", len(parsed.answers)).format(n=len(parsed.answers)),
            stakeholders=t.ngettext("{n} stakeholder", "{n} stakeholders", len(parsed.stakeholders)).format(
                n=len(parsed.stakeholders)))
        if st.button(label, key="upload_continue", type="primary"):
            assessment_id, token = store.start(parsed.instrument, parsed.profile, language)
            store.save_answers(assessment_id, parsed.answers)
            store.save_stakeholders(assessment_id, parsed.stakeholders)
            if all(item.id in parsed.answers for item in parsed.instrument.items):
                store.complete(assessment_id)  # a whole questionnaire answered is finished, for the trend too
            opened(token)


def questions(saved) -> None:
    instrument = engine.instruments.get(saved.instrument_id)
    if instrument is None:
        st.error(_("The questionnaire of this assessment no longer exists."))
        st.stop()
    st.title(text_in(instrument.title, language), anchor="questions-top")
    assessment_nav("pages/assess.py", saved)
    if st.session_state.get("new_token") == resume_params()[RESUME]:
        show_resume_link(st.session_state.new_token, language)
    pages = pages_of(instrument.sections)
    index = min(saved.section, len(pages) - 1)
    wanted = page_of_section(pages, st.query_params.get("section", ""))
    if wanted is not None:  # a link such as "answer the life-cycle questions" from the results
        st.query_params.pop("section")
        if wanted != index:
            store.set_section(saved.id, wanted)
            index = wanted
    answers = dict(saved.answers)
    answered = sum(1 for i in instrument.items if i.id in answers)
    where = _("Page {number} of {total}").format(number=index + 1, total=len(pages)) if len(pages) > 1 \
        else _("One page")
    progress = _("{answered} of {total} answered").format(answered=answered, total=len(instrument.items))
    st.progress(answered / len(instrument.items), text=f"{where} · {progress}")
    st.html(QUESTIONNAIRE_CSS)
    with st.container(key="questionnaire"):
        for section in pages[index]:
            heading = st.header if len(pages[index]) == 1 else st.subheader
            heading(text_in(section.title, language), anchor=f"section-{section.id}")
            if section.intro:
                st.caption(text_in(section.intro, language))
            for item in section.items:
                if visible(item, answers):
                    render_item(instrument, item, answers.get(item.id),
                                lambda i, v: store.save_answer(saved.id, i, v), language)
    page_buttons(saved, index, len(pages))
    shown = (saved.id, index)
    if st.session_state.get("questions_shown") != shown:  # a page just opened, not a rerun after an answer
        st.session_state["questions_shown"] = shown
        scroll_to("questions-top", f"{saved.id}-{index}", focus=f"section-{pages[index][0].id}")


def page_buttons(saved, index: int, count: int) -> None:
    back, forward = st.columns(2)
    if index > 0 and back.button(_("Back"), key="section_back", icon=":material/arrow_back:", width="stretch"):
        store.set_section(saved.id, index - 1)
        st.rerun()
    if index + 1 < count:
        if forward.button(_("Next page"), key="section_next", type="primary", icon=":material/arrow_forward:",
                          width="stretch"):
            store.set_section(saved.id, index + 1)
            st.rerun()
    elif forward.button(_("See results"), key="finish", type="primary", icon=":material/insights:",
                        width="stretch"):
        store.complete(saved.id)
        st.switch_page("pages/results.py", query_params=resume_params())


if saved is None:
    start_screen()
else:
    questions(saved)
