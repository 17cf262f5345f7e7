"""Trend: the same coalition's scores across its completed assessments."""

from __future__ import annotations

import streamlit as st

from assessment.charts import trend_figure
from assessment.model import text_in
from ui.assessment_state import RESUME, assessment_nav, get_engine, get_store, open_assessment, show_resume_link
from ui.figures import show_trend
from ui.language import words

engine = get_engine()
store = get_store()
heading = st.empty()  # the title comes first; its language is the open assessment's
saved = open_assessment()
t = words(saved)
_ = t.gettext
language = t.language
heading.title(_("Trend over time"))
if saved is None:
    st.info(_("Open an assessment with its resume link to see how the coalition's scores change over time."))
    st.stop()

assessment_nav("pages/trend.py", saved)
history = store.history(saved.coalition_id)
points = []
for past in history:
    instrument = engine.instruments.get(past.instrument_id)
    if instrument:
        result = engine.assess(instrument, past.answers, past.stakeholders, past.profile, language=language)
        points.append((past.completed_at, result.dimensions))
if not points:
    st.info(_("No completed assessment yet. Finish this one (the last section's “See results” button) to start "
              "the trend."))
else:
    show_trend(trend_figure(points, language), language)
    st.caption(t.ngettext("{n} completed assessment. Quick checks and full diagnostics are compared on the "
                          "dimensions they share.",
                          "{n} completed assessments. Quick checks and full diagnostics are compared on the "
                          "dimensions they share.", len(points)).format(n=len(points)))

unfinished = store.unfinished(saved.coalition_id)
if points and saved.id in unfinished:  # with no point yet, the note above says so
    st.caption(_("This assessment is not finished, so it is not in the trend yet: press “See results” on its last "
                 "page."))
others = len([i for i in unfinished if i != saved.id])
if others:
    st.caption(t.ngettext("{n} other assessment of this coalition is not finished, so it is not in the trend: open "
                          "it with its resume link and press “See results” on its last page.",
                          "{n} other assessments of this coalition are not finished, so they are not in the trend: "
                          "open each with its resume link and press “See results” on its last page.",
                          others).format(n=others))

st.subheader(_("Assess again"))
st.write(_("Coalitions that repeat the assessment every six to twelve months see what their actions changed. "
           "A new assessment starts from this coalition's latest stakeholder map, ready to update."))
choice = st.selectbox(_("Questionnaire"), list(engine.instruments), key="repeat_instrument",
                      format_func=lambda i: text_in(engine.instruments[i].title, language))
if st.button(_("Start a new assessment of this coalition"), key="repeat_start", icon=":material/add:"):
    _id, token = store.repeat(saved.coalition_id, engine.instruments[choice], language)
    st.query_params[RESUME] = token
    st.session_state.new_token = token
    st.switch_page("pages/assess.py", query_params={RESUME: token})
if st.session_state.get("new_token") == st.query_params.get(RESUME):
    show_resume_link(st.session_state.new_token, language)
