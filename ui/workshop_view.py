"""Workshop pieces of the facilitator page: the join link and QR code, and the live dashboard."""

from __future__ import annotations

import io

import segno
import streamlit as st

from assessment.model import Instrument
from ui.assessment_state import get_engine, get_store
from ui.content import get_handbook
from ui.figures import show_figure
from ui.links import HANDBOOK_PAGE
from ui.safe import inert
from workshop.addresses import JoinAddress, join_address
from workshop.charts import diverging_figure, group_figure, tally_figure
from workshop.choices import Tally
from workshop.leader import Comparison, PickComparison, against_leader, leader_scores, picks_against_leader
from workshop.room import Rooms, Snapshot, shared_rooms
from workshop.stats import ROOM, common_ground, contested, group_gaps, scale_labels
from workshop.workshops import MEMBERS_ONLY, WorkshopInfo, Workshops


@st.cache_resource(show_spinner=False)
def get_workshops() -> Workshops:
    return Workshops(get_store())


def join_link() -> JoinAddress:
    """Where phones join, as the facilitator's browser sees the app (never "localhost" for a phone)."""
    return join_address(st.context.url or "")


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def dimension_titles() -> dict[str, str]:
    return get_engine().titles


def dimension_chapters() -> dict[str, str]:
    return {d.id: d.chapter for d in get_handbook().dimensions}


@st.cache_resource(show_spinner=False)
def get_rooms() -> Rooms:
    return shared_rooms()


def room_results(workshop: WorkshopInfo, instrument: Instrument, key: str, now: Snapshot | None = None) -> None:
    """The room's answers: groups, the most contested statements, common ground, every statement,
    from the shared snapshot of the room (pass it when the caller already has it)."""
    now = now or get_rooms().of(workshop)
    statements = any(s.shown for s in now.stats)
    if not statements and not now.view.picks:
        st.info(f"Results appear once {workshop.threshold} people have answered a question, so that nobody's "
                "answers can be singled out.")
    if statements:
        _groups(workshop, now.scores, key)
        _contested(contested(now.stats, workshop.threshold))
        _common_ground(common_ground(now.stats))
        st.subheader("Every statement", anchor=False)
        show_figure(diverging_figure(now.stats, scale_labels(instrument)), f"{key}_items")
    _picks(now.picks, workshop.threshold, key)


def _picks(picks: list[Tally], threshold: int, key: str) -> None:
    """Questions answered by picking from a list: how many chose each answer, most chosen first, for
    the room only (workshop/choices.py says why never by group)."""
    asked = [p for p in picks if p.shown or p.respondents]
    if not asked:
        return
    st.subheader("What the room picked", anchor=False)
    for n, tally in enumerate(asked):
        st.markdown(f"#### {inert(tally.text)}")
        if not tally.shown:
            st.caption(f"{tally.respondents} answered so far. The counts appear once {threshold} people have "
                       "answered, so that nobody's choice can be singled out.")
            continue
        show_figure(tally_figure(tally), f"{key}_pick_{n}")
        st.caption(f"{tally.picked} picked at least one answer" + (
            f"; {tally.dont_know} answered “Don't know”." if tally.dont_know else ".") + (
            f" Each person could pick up to {tally.item.max_choices or 'several'}, so the counts can add up to "
            "more than the number of people." if tally.item.kind == "multiple" else ""))


def _groups(workshop: WorkshopInfo, groups, key: str) -> None:
    st.subheader("Where the room stands", anchor=False)
    show_figure(group_figure(groups, dimension_titles()), f"{key}_groups")
    if any(g.hidden for g in groups[1:]):
        st.caption(f"A group's scores are shown only where at least {workshop.threshold} of its members answered, "
                   "and never where they could be worked out from the others.")
    for dimension, gap, high, low in group_gaps(groups)[:3]:
        st.markdown(f"- **{dimension_titles().get(dimension, dimension)}:** {inert(high)} rated it {gap:.0f} "
                    f"points higher than {inert(low)}")


def _contested(statements) -> None:
    """Discussion prompts, each linked to the handbook section on its dimension."""
    st.subheader("Most contested statements", anchor=False)
    st.caption("Lowest agreement first (van der Eijk's agreement A: +1 all agree, 0 spread evenly, −1 split into "
               "opposite camps). Start the discussion here.")
    chapters = dimension_chapters()
    for s in statements:
        st.markdown(f"**{inert(s.text)}**  \nagreement {s.agreement:.2f} · n={s.n} · mean {s.mean:.1f} · "
                    f"spread {s.spread:.1f}")
        slug, _, section = chapters.get(s.dimension or "", "").partition("#")
        if slug:
            st.page_link(HANDBOOK_PAGE, label="Read about it in the handbook", icon=":material/menu_book:",
                         query_params={"chapter": slug, **({"section": section} if section else {})})


def _common_ground(found) -> None:
    """Where every stakeholder group leans the same way: the place to start building agreement."""
    st.subheader("Common ground", anchor=False)
    st.caption("Statements on which every group shown leans the same way (Pol.is's group-informed consensus: "
               "each group's share taking that side, multiplied across groups). Where fewer than two groups can "
               "be shown, the room must lean that way, and the one group shown with it.")
    if not found:
        st.write("No statement yet on which every group leans the same way.")
    for c in found:
        who = "every group" if c.across == "groups" else "most of the room"
        st.markdown(f"**{inert(c.stats.text)}**  \n{who} {'agrees' if c.side == 'agree' else 'disagrees'} · "
                    f"group-informed consensus {c.score:.2f}")


def leader_comparison(workshop: WorkshopInfo, instrument: Instrument, now: Snapshot | None = None) -> None:
    """The room's mean scores beside the leader's own saved assessment, when one is linked (pass the
    room's snapshot when the caller already has it)."""
    if not workshop.assessment_id:
        return
    saved = get_store().get(workshop.assessment_id)
    if saved is None:
        return
    now = now or get_rooms().of(workshop)
    st.subheader("The room against the leader's own assessment", anchor=False)
    statements = against_leader(instrument, now.stats, saved.answers)
    picks = picks_against_leader(now.picks, saved.answers)
    if not statements and not picks:
        st.caption("Question by question: nothing to compare yet. Questions appear here once enough people have "
                   "answered them and your saved assessment answers them too.")
    _question_by_question(statements)
    _picks_beside_leader(picks)
    if workshop.sections == [MEMBERS_ONLY]:
        return  # a handful of questions per dimension: their scores would not be the leader's dimensions
    own = leader_scores(instrument, workshop.sections, saved.answers)
    room_scores = next(g for g in now.scores if g.group == ROOM).scores  # empty until enough people have answered
    titles = dimension_titles()
    table = [{"Dimension": titles.get(ref.id, ref.id), "Leader": own.get(ref.id), "Room": room_scores.get(ref.id),
              "Difference": None if ref.id not in own or ref.id not in room_scores
              else round(room_scores[ref.id] - own[ref.id], 1)}
             for ref in instrument.dimensions if ref.id in own or ref.id in room_scores]
    st.caption("Dimension by dimension, on the statements the room was asked: your answers to the same statements "
               "are scored the same way.")
    st.dataframe(table, hide_index=True, width="stretch", key="leader_table")


def _picks_beside_leader(rows: list[PickComparison]) -> None:
    """The leader's picks on each list question beside the room's, counts included."""
    if not rows:
        return
    st.markdown(f"**Picked from a list: the room's most chosen answer is among yours on "
                f"{sum(r.shared for r in rows)} of {len(rows)} questions.**")
    st.table([{"Question": r.question,
               "You chose (and how many in the room did too)": "; ".join(
                   f"{c.label} ({c.people} of {r.picked})" for c in r.yours),
               "The room chose most": "; ".join(f"{c.label} ({c.people} of {r.picked})" for c in r.most) or "–"}
              for r in rows])


def _question_by_question(rows: list[Comparison]) -> None:
    """The leader's answer beside the room's, furthest apart first, with the finding in words."""
    if not rows:
        return
    apart = [r for r in rows if r.apart]
    furthest = f" Furthest apart: “{inert(apart[0].question.rstrip('.'))}”, where {apart[0].same_side}% of the " \
               "room answered as you did." if apart else ""
    st.markdown(f"**Question by question: the room sides with your answer on {len(rows) - len(apart)} of "
                f"{len(rows)} statements.**{furthest}")
    st.table([{"Statement": r.question, "You": r.leader,
               "Room on your side": "–" if r.same_side is None else f"{r.same_side}%",
               "Room: disagree · neither · agree": f"{r.room.disagree}% · {r.room.neutral}% · {r.room.agree}%"}
              for r in rows])  # a table that wraps: a statement is never cut short
