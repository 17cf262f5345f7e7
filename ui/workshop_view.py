"""Workshop pieces shared by the facilitator, presenter and participant views."""

from __future__ import annotations

import io

import segno
import streamlit as st

from assessment.model import Instrument, text_in
from ui.assessment_state import get_engine, get_store
from ui.content import get_handbook
from ui.figures import show_figure
from ui.links import HANDBOOK_PAGE, base_url
from ui.safe import inert
from workshop.charts import diverging_figure, group_figure
from workshop.stats import ROOM, contested, group_gaps, group_scores, item_stats, likert_items
from workshop.workshops import WorkshopInfo, Workshops


@st.cache_resource(show_spinner=False)
def get_workshops() -> Workshops:
    return Workshops(get_store())


def join_url(code: str) -> str:
    return f"{base_url()}/join?code={code}"


def qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def dimension_titles() -> dict[str, str]:
    return get_engine().titles


def dimension_chapters() -> dict[str, str]:
    return {d.id: d.chapter for d in get_handbook().dimensions}


def room_results(workshop: WorkshopInfo, instrument: Instrument, key: str) -> None:
    """The room's answers: groups, the most contested statements, then every statement."""
    rows = get_workshops().rows(workshop.id)
    items = likert_items(instrument, workshop.sections)
    if not items or not rows:
        st.info("No answers yet.")
        return
    stats = item_stats(instrument, items, rows)
    _groups(workshop, group_scores(instrument, items, rows, workshop.threshold, workshop.groups), key)
    _contested(contested(stats, workshop.threshold))
    st.subheader("Every statement", anchor=False)
    labels = [text_in(v) for v in instrument.scale_of(items[0]).choices.values()]
    show_figure(diverging_figure(stats, labels), f"{key}_items")


def _groups(workshop: WorkshopInfo, groups, key: str) -> None:
    st.subheader("Where the room stands", anchor=False)
    show_figure(group_figure(groups, dimension_titles()), f"{key}_groups")
    hidden = [g.group for g in groups if g.hidden and g.n > 0]
    if hidden:
        st.caption(f"Not shown: {len(hidden)} group(s) with fewer than {workshop.threshold} people, to keep "
                   "answers anonymous.")
    for dimension, gap, high, low in group_gaps(groups)[:3]:
        st.markdown(f"- **{dimension_titles().get(dimension, dimension)}:** {inert(high)} scores {gap:.0f} points "
                    f"above {inert(low)}")


def _contested(statements) -> None:
    """Discussion prompts, each linked to the handbook section on its dimension."""
    st.subheader("Most contested statements", anchor=False)
    st.caption("Lowest agreement first (van der Eijk's agreement A: +1 all agree, 0 spread evenly, −1 split into "
               "opposite camps). Start the discussion here.")
    chapters = dimension_chapters()
    for s in statements:
        st.markdown(f"**{s.text}**  \nagreement {s.agreement:.2f} · n={s.n} · mean {s.mean:.1f} · "
                    f"spread {s.spread:.1f}")
        slug, _, section = chapters.get(s.dimension or "", "").partition("#")
        if slug:
            st.page_link(HANDBOOK_PAGE, label="Read about it in the handbook", icon=":material/menu_book:",
                         query_params={"chapter": slug, **({"section": section} if section else {})})


def leader_comparison(workshop: WorkshopInfo, instrument: Instrument) -> None:
    """The room's mean scores beside the leader's own saved assessment, when one is linked."""
    if not workshop.assessment_id:
        return
    saved = get_store().get(workshop.assessment_id)
    if saved is None:
        return
    engine = get_engine()
    own = engine.assess(engine.instruments[saved.instrument_id], saved.answers).dimensions
    rows = get_workshops().rows(workshop.id)
    room = group_scores(instrument, likert_items(instrument, workshop.sections), rows, workshop.threshold, [])
    room_scores = next(g for g in room if g.group == ROOM).scores
    table = [{"Dimension": d.title, "Leader": d.score, "Room": room_scores.get(key),
              "Difference": None if d.score is None or room_scores.get(key) is None
              else round(room_scores[key] - d.score, 1)} for key, d in own.items()]
    st.subheader("The room against the leader's own assessment", anchor=False)
    st.dataframe(table, hide_index=True, width="stretch", key="leader_table")
