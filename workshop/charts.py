"""Altair charts of a workshop room: diverging bars per statement and group scores per dimension.

Same rules as assessment.charts: the title states the finding, the table carries the numbers,
colours are colour-blind safe. Statement labels wrap onto several lines; they are never cut.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from assessment.charts import OKABE_ITO, Figure

LIKERT_COLOURS = ["#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2"]
LINE_BREAK = "|"  # statements hold no "|"; Vega splits the label there into lines
WRAP_AT = 34
LINE_HEIGHT = 13


def wrapped(text: str, width: int = WRAP_AT) -> str:
    """A label broken into lines of at most `width` characters (a very long word keeps its line)."""
    return LINE_BREAK.join(textwrap.wrap(text.replace(LINE_BREAK, "/"), width, break_long_words=False)) or text


def _lines(label: str) -> int:
    return label.count(LINE_BREAK) + 1


def _label_axis() -> alt.Axis:
    return alt.Axis(labelExpr=f"split(datum.label, '{LINE_BREAK}')", labelLimit=0, labelFontSize=11,
                    labelPadding=6)


def _step(labels: list[str]) -> alt.Step:
    """Room for the tallest wrapped label, so bars never overlap their neighbours' text."""
    return alt.Step(max([_lines(label) for label in labels] + [1]) * LINE_HEIGHT + 12)


def diverging_figure(stats, labels: list[str]) -> Figure:
    """Likert answers as diverging stacked bars: disagreement left of zero, agreement right,
    the neutral middle split across zero. Statements fewer people answered than the anonymity
    threshold are left out."""
    shown = [s for s in stats if s.shown and s.n]
    rows = []
    middle = len(labels) // 2 if len(labels) % 2 else None
    for s in shown:
        shares = [c / s.n * 100 for c in s.counts]
        left = -sum(shares[: len(labels) // 2]) - (shares[middle] / 2 if middle is not None else 0)
        for index, share in enumerate(shares):
            rows.append({"Statement": wrapped(s.text), "Answer": labels[index], "order": index, "start": left,
                         "end": left + share, "Share %": round(share), "People": s.counts[index]})
            left += share
    table = pd.DataFrame(
        [{"Statement": s.text, **{labels[i]: c for i, c in enumerate(s.counts)}, "Don’t know": s.dont_know,
          "n": s.n, "Mean": None if s.mean is None else round(s.mean, 1),
          "Agreement A": None if s.agreement is None else round(s.agreement, 2)} for s in shown])
    answered = [s for s in shown if s.agreement is not None]
    if answered:
        divided = min(answered, key=lambda s: s.agreement)
        title = f"Most divided: “{divided.text}” (agreement {divided.agreement:.2f})"
    else:
        title = "No statement has enough answers to show yet"
    chart = alt.Chart(pd.DataFrame(rows, columns=["Statement", "Answer", "order", "start", "end", "Share %",
                                                  "People"])).mark_bar().encode(
        x=alt.X("start:Q", title="← disagree · agree → (% of answers)", scale=alt.Scale(domain=[-100, 100])),
        x2="end:Q",
        y=alt.Y("Statement:N", sort=None, title=None, axis=_label_axis()),
        color=alt.Color("Answer:N", scale=alt.Scale(domain=labels, range=LIKERT_COLOURS[: len(labels)]),
                        legend=alt.Legend(orient="bottom", title=None, columns=3, labelLimit=0), sort=labels),
        order="order:Q",
        tooltip=["Statement:N", "Answer:N", "People:Q", "Share %:Q"],
    ).properties(title=title, width="container", height=_step([r["Statement"] for r in rows]))
    return Figure(title, chart, table)


def group_figure(groups, titles: dict[str, str]) -> Figure:
    """Each shown group's mean score per dimension; what disclosure control withholds is absent."""
    rows = [{"Group": g.group, "Dimension": titles.get(d, d), "Score": round(s), "n": g.counts[d]}
            for g in groups for d, s in g.scores.items()]
    table = pd.DataFrame(rows, columns=["Group", "Dimension", "Score", "n"])
    others = table[table.Group != "Everyone"]
    if others.Group.nunique() >= 2:
        spread = others.groupby("Dimension")["Score"].agg(lambda s: s.max() - s.min())
        widest = spread.idxmax()
        title = (f"Groups differ most on {widest} ({spread[widest]:.0f} points apart)" if spread[widest] >= 1
                 else "The groups score every dimension alike")
    elif table.empty:
        title = "Scores appear when enough people have answered"
    else:
        title = "Group comparison appears when two groups each reach the anonymity threshold"
    plotted = table.assign(Label=table.Dimension.map(lambda d: wrapped(d, 24)))
    chart = alt.Chart(plotted).mark_point(filled=True, size=120).encode(
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("Label:N", sort=None, title=None, axis=_label_axis()),
        color=alt.Color("Group:N", scale=alt.Scale(range=OKABE_ITO),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=0)),
        shape=alt.Shape("Group:N"),
        tooltip=["Group:N", "Dimension:N", "Score:Q", "n:Q"],
    ).properties(title=title, width="container", height=_step(list(plotted.Label)))
    return Figure(title, chart, table)
