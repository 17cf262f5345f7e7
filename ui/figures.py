"""A chart with its finding as title and its data table beside it (accessibility rule)."""

import streamlit as st

from assessment.charts import Figure


def show_figure(figure: Figure, key: str) -> None:
    st.altair_chart(figure.chart, width="stretch", key=f"{key}_chart", alt=figure.title)
    with st.expander("Show data", key=f"{key}_data"):
        st.dataframe(figure.table, hide_index=True, width="stretch", key=f"{key}_table")
