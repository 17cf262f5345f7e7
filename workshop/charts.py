"""Charts of a workshop room: diverging bars per statement and group scores per dimension.

Same rules as assessment.charts: the title states the finding, the table carries the numbers,
colours are colour-blind safe. Statement labels wrap onto several lines; they are never cut. The
charts are Vega-Lite specs written as plain data (the live dashboard redraws them every few
seconds, and going through Altair's schema objects cost more than the statistics behind them).
"""

from __future__ import annotations

import textwrap

import pandas as pd

from assessment.charts import OKABE_ITO, Figure
from assessment.i18n import translator
from workshop.choices import Tally, finding

LIKERT_COLOURS = ["#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2"]
LINE_BREAK = "|"  # statements hold no "|"; Vega splits the label there into lines
WRAP_AT = 34
LINE_HEIGHT = 13


def wrapped(text: str, width: int = WRAP_AT) -> str:
    """A label broken into lines of at most `width` characters (a very long word keeps its line)."""
    return LINE_BREAK.join(textwrap.wrap(text.replace(LINE_BREAK, "/"), width, break_long_words=False)) or text


def _lines(label: str) -> int:
    return label.count(LINE_BREAK) + 1


_LABEL_AXIS = {"labelExpr": f"split(datum.label, '{LINE_BREAK}')", "labelLimit": 0, "labelFontSize": 11,
               "labelPadding": 6}


def _step(labels: list[str]) -> int:
    """Room for the tallest wrapped label, so bars never overlap their neighbours' text."""
    return max([_lines(label) for label in labels] + [1]) * LINE_HEIGHT + 12


def colours_for(points: int) -> list[str]:
    """Disagreement in vermillion and orange, the middle grey, agreement in sky and blue."""
    return {5: LIKERT_COLOURS, 3: [LIKERT_COLOURS[0], LIKERT_COLOURS[2], LIKERT_COLOURS[4]]}.get(
        points, LIKERT_COLOURS[: points])


def diverging_figure(stats, labels_of, language: str = "en") -> Figure:
    """Answers as diverging stacked bars: the lower half of each statement's own scale left of zero,
    the upper half right, a middle answer split across zero. A questionnaire may mix scales (agree–
    disagree, yes–partly–no), so `labels_of(item)` gives each statement its own answer labels.
    Statements fewer people answered than the anonymity threshold are left out."""
    shown = [s for s in stats if s.shown and s.n]
    rows, legend = [], {}
    for s in shown:
        labels = labels_of(s.item)
        colours = colours_for(len(labels))
        legend.update({label: colour for label, colour in zip(labels, colours, strict=True) if label not in legend})
        shares = [c / s.n * 100 for c in s.counts]
        half, middle = len(labels) // 2, len(labels) // 2 if len(labels) % 2 else None
        left = -sum(shares[:half]) - (shares[middle] / 2 if middle is not None else 0)
        for index, share in enumerate(shares):
            rows.append({"Statement": wrapped(s.text), "Answer": labels[index], "order": index, "start": left,
                         "end": left + share, "Share %": round(share), "People": s.counts[index]})
            left += share
    table = pd.DataFrame([{"Statement": s.text, **_three_way(s), "Don’t know": s.dont_know, "n": s.n,
                           "Agreement A": None if s.agreement is None else round(s.agreement, 2)} for s in shown])
    answered = [s for s in shown if s.agreement is not None]
    t = translator(language)  # the title only: the group report is in the workshop's language
    if answered:
        divided = min(answered, key=lambda s: s.agreement)
        title = t.gettext("Most divided: “{statement}” (agreement {agreement})").format(
            statement=divided.text, agreement=t.number(divided.agreement, 2))
    else:
        title = t.gettext("No statement has enough answers to show yet")
    chart = {  # a Vega-Lite spec written out: the live dashboard redraws it every few seconds, and
        # building it through Altair's schema objects cost more than the statistics behind it
        "title": title, "width": "container", "height": {"step": _step([r["Statement"] for r in rows])},
        "data": {"values": rows}, "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "start", "type": "quantitative", "title": "← lower · higher → (% of answers)",
                  "scale": {"domain": [-100, 100]}},
            "x2": {"field": "end"},
            "y": {"field": "Statement", "type": "nominal", "sort": None, "title": None, "axis": _LABEL_AXIS},
            "color": {"field": "Answer", "type": "nominal", "sort": list(legend),
                      "scale": {"domain": list(legend), "range": list(legend.values())},
                      "legend": {"orient": "bottom", "title": None, "columns": 1, "labelLimit": 0}},
            "order": {"field": "order", "type": "quantitative"},
            "tooltip": [{"field": f, "type": k} for f, k in (("Statement", "nominal"), ("Answer", "nominal"),
                                                              ("People", "quantitative"),
                                                              ("Share %", "quantitative"))]}}
    return Figure(title, chart, table)


def _three_way(s) -> dict[str, int]:
    """Any scale's answers as lower half, middle and upper half (%), so mixed scales share a table."""
    half = len(s.counts) // 2
    lower, upper = sum(s.counts[:half]), sum(s.counts[-half:])
    return {"Lower %": round(lower / s.n * 100), "Middle %": round((s.n - lower - upper) / s.n * 100),
            "Upper %": round(upper / s.n * 100)}


def group_figure(groups, titles: dict[str, str], language: str = "en") -> Figure:
    """Each shown group's mean score per dimension; what disclosure control withholds is absent."""
    t = translator(language)
    rows = [{"Group": g.group, "Dimension": titles.get(d, d), "Score": round(s), "n": g.counts[d]}
            for g in groups for d, s in g.scores.items()]
    table = pd.DataFrame(rows, columns=["Group", "Dimension", "Score", "n"])
    others = table[table.Group != "Everyone"]
    if others.Group.nunique() >= 2:
        spread = others.groupby("Dimension")["Score"].agg(lambda s: s.max() - s.min())
        widest = spread.idxmax()
        title = (t.gettext("Groups differ most on {dimension} ({points} points apart)").format(
            dimension=widest, points=f"{spread[widest]:.0f}") if spread[widest] >= 1
                 else t.gettext("The groups score every dimension alike"))
    elif table.empty:
        title = t.gettext("Scores appear when enough people have answered")
    elif others.Group.nunique() == 1:
        title = t.gettext("{group} beside the room; other groups appear once enough of their members have "
                          "answered").format(group=others.Group.iloc[0])
    else:
        title = t.gettext("Group comparison appears when two groups each reach the anonymity threshold")
    values = [{**row, "Label": wrapped(row["Dimension"], 24)} for row in rows]
    chart = {
        "title": title, "width": "container", "height": {"step": _step([v["Label"] for v in values])},
        "data": {"values": values}, "mark": {"type": "point", "filled": True, "size": 120},
        "encoding": {
            "x": {"field": "Score", "type": "quantitative", "scale": {"domain": [0, 100]}},
            "y": {"field": "Label", "type": "nominal", "sort": None, "title": None, "axis": _LABEL_AXIS},
            "color": {"field": "Group", "type": "nominal", "scale": {"range": OKABE_ITO},
                      "legend": {"orient": "bottom", "columns": 2, "labelLimit": 0}},
            "shape": {"field": "Group", "type": "nominal"},
            "tooltip": [{"field": f, "type": k} for f, k in (("Group", "nominal"), ("Dimension", "nominal"),
                                                              ("Score", "quantitative"), ("n", "quantitative"))]}}
    return Figure(title, chart, table)


def tally_figure(tally: Tally, language: str = "en") -> Figure:
    """How many people picked each answer, most picked first, as horizontal bars labelled with
    their count; answers nobody picked stay on the chart, at zero, because that is a finding too."""
    t = translator(language)
    rows = [{"Answer": c.label, "Label": wrapped(c.label), "People": c.people, "Share %": tally.share(c)}
            for c in tally.choices]
    table = pd.DataFrame([{t.gettext("Answer"): r["Answer"], t.gettext("People"): r["People"],
                           t.gettext("Share of those who picked") + " %": r["Share %"]} for r in rows])
    title = finding(tally, language)
    axis = {"field": "Label", "type": "nominal", "sort": None, "title": None, "axis": _LABEL_AXIS}
    count = {"field": "People", "type": "quantitative"}
    chart = {
        "title": title, "width": "container", "height": {"step": _step([r["Label"] for r in rows])},
        "data": {"values": rows},
        "encoding": {"y": axis, "x": {**count, "title": t.gettext("People"), "axis": {"tickMinStep": 1},
                                      "scale": {"domainMin": 0, "nice": True}}},
        "layer": [{"mark": {"type": "bar", "color": OKABE_ITO[0]},
                   "encoding": {"tooltip": [{"field": "Answer", "type": "nominal"}, count,
                                            {"field": "Share %", "type": "quantitative"}]}},
                  {"mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                   "encoding": {"text": count}}]}
    return Figure(title, chart, table)
