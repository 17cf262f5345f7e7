"""A chart with its finding as title and its data table beside it (accessibility rule)."""

import streamlit as st

from assessment.charts import Figure
from ui.safe import inert


def show_figure(figure: Figure, key: str) -> None:
    """The finding as wrapping text (a chart title would be cut off on a phone), then the chart,
    then its numbers. Downloaded reports keep the title inside the chart."""
    st.markdown(f"**{inert(figure.title)}**")
    st.altair_chart(figure.chart.properties(title=""), width="stretch", key=f"{key}_chart", alt=figure.title)
    with st.expander("Show data", key=f"{key}_data"):
        st.dataframe(figure.table, hide_index=True, width="stretch", key=f"{key}_table")
