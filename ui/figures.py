"""A chart with its finding as title and its data table beside it (accessibility rule)."""

import pandas as pd
import streamlit as st

from assessment.charts import Figure, TrendFigure
from assessment.i18n import translator
from ui.safe import inert


def show_figure(figure: Figure, key: str, language: str = "en") -> None:
    """The finding as wrapping text (a chart title would be cut off on a phone), then the chart,
    then its numbers. Downloaded reports keep the title inside the chart."""
    st.markdown(f"**{inert(figure.title)}**")
    if isinstance(figure.chart, dict):  # a Vega-Lite spec written as data (the live workshop charts)
        st.vega_lite_chart(spec={**figure.chart, "title": ""}, width="stretch", key=f"{key}_chart", alt=figure.title)
    else:
        st.altair_chart(figure.chart.properties(title=""), width="stretch", key=f"{key}_chart", alt=figure.title)
    if figure.key:  # what the numbers on the chart stand for, in a numbered list that wraps on a phone
        st.markdown("\n".join(f"{n}. {inert(entry)}" for n, entry in enumerate(figure.key, 1)))
    with st.expander(translator(language).gettext("Show data"), key=f"{key}_data"):
        data_table(figure.table, language)


def show_trend(figure: TrendFigure, language: str = "en") -> None:
    """Small multiples two a row; on a phone Streamlit stacks the columns, one panel a row. Each
    panel's dimension name is text above it, so it wraps instead of being cut."""
    _ = translator(language).gettext
    st.markdown(f"**{inert(figure.title)}**")
    for start in range(0, len(figure.panels), 2):
        columns = st.columns(2, gap="medium")
        for offset, (column, (dimension, chart)) in enumerate(zip(columns, figure.panels[start:start + 2],
                                                                  strict=False)):
            column.markdown(f"**{inert(dimension)}**")
            column.altair_chart(chart, width="stretch", key=f"trend_panel_{start + offset}",
                                alt=_("{dimension} over time").format(dimension=dimension))
    with st.expander(_("Show data"), key="trend_data"):
        data_table(figure.table, language)


def data_table(table: pd.DataFrame, language: str = "en") -> None:
    """The chart's numbers as a plain table whose cells wrap: an interactive grid cuts a stakeholder's
    name off at a phone's width, and a screen reader reads a table row by row. Its cells take Markdown,
    so every text cell is made inert (a stakeholder's name is the user's own text)."""
    shown = readable(table, language)
    text = shown.select_dtypes(exclude="number").columns
    shown[text] = shown[text].map(inert)
    st.table(shown, hide_index=True)


def readable(table: pd.DataFrame, language: str = "en") -> pd.DataFrame:
    """The table with an empty cell saying "no answers", as the chart does, instead of the grid's "None".
    A column with a gap becomes text throughout: numbers and words in one column cannot be sent to the
    browser as they are (Arrow logged a traceback on every view, then converted it anyway)."""
    missing = translator(language).gettext("no answers")
    shown = table.copy()
    for column in table.columns[table.isna().any()]:
        shown[column] = [missing if pd.isna(v) else str(v) for v in table[column]]
    return shown
