"""Run a workshop: create it, show the join code, steer the room, and watch answers arrive."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import LANGUAGES, NAMES
from assessment.model import text_in
from ui.assessment_state import get_engine, get_store
from ui.links import base_url
from ui.safe import inert
from ui.workshop_view import (
    dimension_chapters,
    dimension_titles,
    get_rooms,
    get_workshops,
    join_link,
    leader_comparison,
    qr_png,
    room_results,
)
from workshop.report import answers_csv, answers_json, group_report_html
from workshop.workshops import MEMBERS_ONLY, PACES, WorkshopError, section_choices, workshop_sections

DEFAULT_GROUPS = "National governments\nIntergovernmental organisations\nNGOs\nCompanies\nCivil society\n" \
                 "Subnational governments\nAffected communities"
engine = get_engine()
workshops = get_workshops()
MEMBERS_HELP = ("Choose “Questions only members can answer” on its own to ask the room what a leader can only "
                "guess (whether it is safe to disagree, hidden agendas, whether members' own interests are served), "
                "and paste your saved assessment's link below to see the room's answers beside yours.")
PLENARY = 200  # joined people beyond which the live dashboard refreshes less often


def create_screen() -> None:
    st.title("Run a workshop")
    deleted = st.session_state.pop("deleted_workshop", None)
    if deleted:
        st.success(f"“{inert(deleted)}” and all its answers were deleted.")
    st.write("Open a session, show the join code or QR code, and watch where stakeholder groups agree and "
             "where they differ. Participants answer anonymously on their phones; no accounts.")
    usable = {i.id: i for i in engine.instruments.values()}
    with st.form("workshop_form"):
        title = st.text_input("Workshop title", key="ws_title", max_chars=200,
                              placeholder="e.g. Steering committee retreat, March")
        instrument_id = st.selectbox("Questionnaire", list(usable), key="ws_instrument",
                                     index=list(usable).index("quick-check") if "quick-check" in usable else 0,
                                     format_func=lambda i: f"{text_in(usable[i].title)} · {usable[i].minutes} min")
        titles = {s.id: text_in(s.title) for i in usable.values() for s in i.sections}
        titles[MEMBERS_ONLY] = "Questions only members can answer (marked “Ask your members”)"
        sections = st.multiselect("Only these sections (optional; leave empty for all)", list(titles),
                                  key="ws_sections", format_func=titles.get, help=MEMBERS_HELP)
        groups = st.text_area("Stakeholder groups participants may pick (one per line; optional for them)",
                              DEFAULT_GROUPS, key="ws_groups", height=180)
        threshold = st.number_input("Hide any group with fewer respondents than", 1, 50, 3, key="ws_threshold")
        language = st.selectbox("Language of the phones, the projector and the group report", LANGUAGES,
                                key="ws_language", format_func=lambda code: f"{NAMES[code]}",
                                help="Each phone shows its own language when it is English, French or Spanish, "
                                     "and has a switch; this is the language of the others, the projector and "
                                     "the report. Answers are compared as one room whatever the language.")
        resume = st.text_input("Compare with your own saved assessment (optional: paste its resume link)",
                               key="ws_resume", type="password")
        submitted = st.form_submit_button("Open the workshop", type="primary")
    if submitted:
        create(title, usable[instrument_id], sections, groups, int(threshold), resume, language)


def create(title, instrument, sections, groups, threshold, resume, language="en") -> None:
    linked = None
    if resume.strip():
        token = resume.strip().split("resume=")[-1].split("&")[0]
        saved = get_store().open(token)
        if saved is None:
            st.error("That resume link does not open a saved assessment; the workshop was not created. "
                     "Your other entries are still in the form.")
            return
        linked = saved.id
    chosen = [s for s in sections if s in section_choices(instrument)]
    try:
        workshop, key = workshops.create(title, instrument, groups.splitlines(), chosen, threshold, linked, language)
    except WorkshopError as exc:
        problem = str(exc)
        st.error(f"{problem[:1].upper()}{problem[1:]}. Your entries are still in the form.")
        return
    st.session_state.new_facilitator_key = key
    st.query_params.update({"code": workshop.code, "key": key})
    st.rerun()


def controls(workshop) -> None:
    instrument = engine.instruments[workshop.instrument_id]
    sections = workshop_sections(instrument, workshop)
    st.title(inert(workshop.title))
    if st.session_state.pop("new_facilitator_key", None):
        st.warning("This is your private facilitator link. It is shown only once and cannot be recovered: copy "
                   "it now. Anyone with it can run and delete this workshop.", icon=":material/key:")
        st.code(f"{base_url()}/facilitate?code={workshop.code}&key={st.query_params['key']}", language=None,
                wrap_lines=True)  # read whole, on a phone too: it is shown once
    join_panel(workshop)
    settings(workshop, sections)
    dashboard(workshop)
    exports(workshop)
    danger_zone(workshop)


def join_panel(workshop) -> None:
    """The code, link and QR code while answering is open; after that, nothing to join."""
    if workshop.status != "open":
        st.info("Answering is closed: the join code is no longer shown." if workshop.status == "closed"
                else "This workshop has ended: the join code is no longer shown.", icon=":material/lock:")
        return
    address = join_link()
    join, qr = st.columns([3, 2])
    with join:
        st.markdown(f"### Join code: `{workshop.code}`")
        st.markdown(f"Phones go to **{address.join_page()}** and enter the code, or scan the QR code.")
        st.code(address.workshop(workshop.code), language=None)
        st.link_button("Open the projector view", f"w/present/{workshop.code}#key={st.query_params['key']}",
                       icon=":material/present_to_all:", type="primary")
        st.caption("Full screen, large type, one screen at a time: the code, live counts, the most contested "
                   "statements by group and common ground. Step with the arrow keys.")
    qr.image(qr_png(address.workshop(workshop.code)), caption="Scan to join", width=220)
    if address.notice:
        st.info(address.notice, icon=":material/wifi:")


def settings(workshop, sections) -> None:
    with st.container(border=True):
        st.markdown(f"**Status:** {workshop.status} · **Language:** {NAMES.get(workshop.language)} · **Pace:** "
                    f"{'you move the group' if workshop.pace == 'led' else 'self-paced'} · **Results:** "
                    f"{'revealed to participants' if workshop.revealed else 'hidden from participants'}")
        a, b, c = st.columns(3)
        if workshop.status == "open":
            if a.button("Close answering", key="ws_close", icon=":material/lock:"):
                change(workshop, status="closed")
        elif workshop.status == "closed" and a.button("Reopen answering", key="ws_open", icon=":material/lock_open:"):
            change(workshop, status="open")
        label = "Hide results" if workshop.revealed else "Reveal results to participants"
        if b.button(label, key="ws_reveal", icon=":material/visibility:"):
            change(workshop, revealed=not workshop.revealed)
        pace = c.selectbox("Pace", PACES, index=PACES.index(workshop.pace), key="ws_pace",
                           format_func=lambda p: "Self-paced" if p == "self" else "I move the group")
        if pace != workshop.pace:
            change(workshop, pace=pace)
        if workshop.pace == "led":
            titles = [text_in(s.title) for s in sections]
            current = min(workshop.current_section, len(sections) - 1)
            chosen = st.radio("Section on participants' phones", range(len(sections)), index=current,
                              format_func=lambda i: titles[i], horizontal=True, key="ws_current")
            if chosen != current:
                change(workshop, current_section=chosen)


def change(workshop, **values) -> None:
    workshops.update(workshop, **values)
    st.rerun()


def dashboard(workshop) -> None:
    """Refreshed on its own, from the shared snapshot of the room (rebuilt when anyone has joined or
    answered since): every 2 seconds, or every 5 when the page is opened on a plenary, where each
    recount takes time from a thousand phones."""
    plenary = get_rooms().of(workshop).counts["joined"] > PLENARY

    @st.fragment(run_every=5 if plenary else 2)
    def live() -> None:
        current = workshops.get(workshop.id)
        if current is None:  # deleted from another tab
            st.info("This workshop has been deleted.")
            return
        now = get_rooms().of(current)
        counts = now.counts
        a, b, c = st.columns(3)
        a.metric("Joined", counts["joined"])
        b.metric("Answering" if current.status == "open" else "Did not finish", counts["answering"])
        c.metric("Finished", counts["finished"])
        instrument = engine.instruments[current.instrument_id]
        room_results(current, instrument, "dash", now)
        leader_comparison(current, instrument, now)

    live()


def exports(workshop) -> None:
    st.subheader("Export", anchor=False)
    instrument = engine.instruments[workshop.instrument_id]
    a, b, c = st.columns(3)
    a.download_button("Answers (CSV)", lambda: answers_csv(workshop, instrument, workshops.rows(workshop.id)),
                      f"workshop-{workshop.code}.csv", "text/csv", key="ws_csv", on_click="ignore",
                      icon=":material/download:")
    b.download_button("Answers (JSON)", lambda: answers_json(workshop, workshops.rows(workshop.id)),
                      f"workshop-{workshop.code}.json", "application/json", key="ws_json", on_click="ignore",
                      icon=":material/download:")
    c.download_button("Group report (HTML)",
                      lambda: group_report_html(workshop, instrument, workshops.rows(workshop.id),
                                                dimension_titles(), dimension_chapters()),
                      f"workshop-{workshop.code}.html", "text/html", key="ws_html", on_click="ignore",
                      icon=":material/download:", type="primary")


def danger_zone(workshop) -> None:
    with st.expander("End or delete the workshop"):
        if workshop.status != "ended" and st.button("End the workshop (answering stops for good)", key="ws_end"):
            change(workshop, status="ended")
        confirm = st.text_input(f"To delete the workshop and every answer in it, type its code ({workshop.code})",
                                key="ws_delete_confirm", max_chars=10)
        if st.button("Delete for good", key="ws_delete", type="primary", disabled=confirm.upper() != workshop.code):
            workshops.delete(workshop)
            st.session_state.deleted_workshop = workshop.title
            st.query_params.clear()
            st.rerun()  # leave the deleted workshop's page at once: nothing of it stays on screen


code, key = st.query_params.get("code", ""), st.query_params.get("key", "")
if code or key:
    workshop = workshops.as_facilitator(code, key)
    if workshop is None:
        st.title("Run a workshop")
        st.error("This facilitator link is not valid: the workshop may have been deleted, or the link is incomplete.")
        st.page_link("pages/facilitate.py", label="Open a new workshop", icon=":material/add:")
        st.stop()
    controls(workshop)
else:
    create_screen()
