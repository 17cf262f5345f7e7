"""Altair charts of a workshop room: diverging bars per statement and group scores per dimension.

Same rules as assessment.charts: the title states the finding, the table carries the numbers,
colours are colour-blind safe.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from assessment.charts import OKABE_ITO, Figure

LIKERT_COLOURS = ["#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2"]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def diverging_figure(stats, labels: list[str]) -> Figure:
    """Likert answers as diverging stacked bars: disagreement left of zero, agreement right,
    the neutral middle split across zero."""
    rows = []
    middle = len(labels) // 2 if len(labels) % 2 else None
    for s in stats:
        if not s.n:
            continue
        shares = [c / s.n * 100 for c in s.counts]
        left = -sum(shares[: len(labels) // 2]) - (shares[middle] / 2 if middle is not None else 0)
        for index, share in enumerate(shares):
            rows.append({"Statement": _short(s.text), "Answer": labels[index], "order": index, "start": left,
                         "end": left + share, "Share %": round(share, 1), "People": s.counts[index]})
            left += share
    table = pd.DataFrame(
        [{"Statement": s.text, **{labels[i]: c for i, c in enumerate(s.counts)}, "Don’t know": s.dont_know,
          "n": s.n, "Mean": None if s.mean is None else round(s.mean, 2),
          "Agreement A": None if s.agreement is None else round(s.agreement, 2)} for s in stats])
    answered = [s for s in stats if s.n and s.agreement is not None]
    if answered:
        divided = min(answered, key=lambda s: s.agreement)
        title = f"Most divided: “{_short(divided.text, 70)}” (agreement {divided.agreement:.2f})"
    else:
        title = "No answers yet"
    chart = alt.Chart(pd.DataFrame(rows, columns=["Statement", "Answer", "order", "start", "end", "Share %",
                                                  "People"])).mark_bar().encode(
        x=alt.X("start:Q", title="← disagree · agree → (% of answers)", scale=alt.Scale(domain=[-100, 100])),
        x2="end:Q",
        y=alt.Y("Statement:N", sort=None, title=None, axis=alt.Axis(labelLimit=160)),
        color=alt.Color("Answer:N", scale=alt.Scale(domain=labels, range=LIKERT_COLOURS[: len(labels)]),
                        legend=alt.Legend(orient="bottom", title=None, columns=2), sort=labels),
        order="order:Q",
        tooltip=["Statement:N", "Answer:N", "People:Q", "Share %:Q"],
    ).properties(title=title, width="container", height=alt.Step(26))
    return Figure(title, chart, table)


def group_figure(groups, titles: dict[str, str]) -> Figure:
    """Each visible group's mean score per dimension; hidden groups are left out entirely."""
    shown = [g for g in groups if not g.hidden]
    rows = [{"Group": g.group, "Dimension": titles.get(d, d), "Score": s, "n": g.n}
            for g in shown for d, s in g.scores.items() if s is not None]
    table = pd.DataFrame(rows, columns=["Group", "Dimension", "Score", "n"])
    others = [g for g in shown if g.group != "Everyone"]
    if len(others) >= 2 and not table.empty:
        spread = table[table.Group != "Everyone"].groupby("Dimension")["Score"].agg(lambda s: s.max() - s.min())
        widest = spread.idxmax()
        title = (f"Groups differ most on {widest} ({spread[widest]:.0f} points apart)" if spread[widest] >= 1
                 else "The groups score every dimension alike")
    else:
        title = "Group comparison appears when two groups each reach the anonymity threshold"
    chart = alt.Chart(table).mark_point(filled=True, size=120).encode(
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("Dimension:N", sort=None, title=None),
        color=alt.Color("Group:N", scale=alt.Scale(range=OKABE_ITO), legend=alt.Legend(orient="bottom", columns=3)),
        shape=alt.Shape("Group:N"),
        tooltip=["Group:N", "Dimension:N", "Score:Q", "n:Q"],
    ).properties(title=title, width="container", height=alt.Step(26))
    return Figure(title, chart, table)
