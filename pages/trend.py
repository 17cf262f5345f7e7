"""Trend: the same coalition's scores across its completed assessments."""

from __future__ import annotations

import streamlit as st

from assessment.charts import trend_figure
from assessment.model import text_in
from ui.assessment_state import RESUME, assessment_nav, get_engine, get_store, open_assessment, show_resume_link
from ui.figures import show_trend

engine = get_engine()
store = get_store()
st.title("Trend over time")
saved = open_assessment()
if saved is None:
    st.info("Open an assessment with its resume link to see how the coalition's scores change over time.")
    st.stop()

assessment_nav("pages/trend.py")
history = store.history(saved.coalition_id)
points = []
for past in history:
    instrument = engine.instruments.get(past.instrument_id)
    if instrument:
        result = engine.assess(instrument, past.answers, past.stakeholders, past.profile)
        points.append((past.completed_at, result.dimensions))
if not points:
    st.info("No completed assessment yet. Finish this one (the last section's “See results” button) to start "
            "the trend.")
else:
    show_trend(trend_figure(points))
    st.caption(f"{len(points)} completed assessment{'s' if len(points) != 1 else ''}. Quick checks and full "
               "diagnostics are compared on the dimensions they share.")

st.subheader("Assess again")
st.write("Coalitions that repeat the assessment every six to twelve months see what their actions changed. "
         "A new assessment starts from this coalition's latest stakeholder map, ready to update.")
choice = st.selectbox("Questionnaire", list(engine.instruments), key="repeat_instrument",
                      format_func=lambda i: text_in(engine.instruments[i].title))
if st.button("Start a new assessment of this coalition", key="repeat_start", icon=":material/add:"):
    _, token = store.repeat(saved.coalition_id, engine.instruments[choice])
    st.query_params[RESUME] = token
    st.session_state.new_token = token
    st.switch_page("pages/assess.py", query_params={RESUME: token})
if st.session_state.get("new_token") == st.query_params.get(RESUME):
    show_resume_link(st.session_state.new_token)
