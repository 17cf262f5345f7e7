"""Altair charts for results. Each returns a Figure: a chart whose title states the finding, and
the data table shown beside it (accessibility: the numbers are never only in the picture).

Colours are the Okabe–Ito palette, distinguishable with the common forms of colour blindness.
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

import altair as alt
import pandas as pd
from babel.dates import format_date

from assessment.cleaning import xml_safe_tree
from assessment.i18n import BABEL_LOCALE, N_, translator
from assessment.model import STAGES, Stakeholder
from assessment.scoring import BANDS, DimensionScore
from assessment.stage import StageDiagnosis

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
BAND_COLOURS = {"at risk": "#D55E00", "developing": "#E69F00", "established": "#56B4E9", "strong": "#009E73"}
# The width follows the page while the plot keeps its height (Streamlit's default, "fit", squeezes the
# plot to make room for axes and legend).
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
REPORT_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
PARTICIPATION_COLOURS = {"core": "#0072B2", "member": "#56B4E9", "consulted": "#009E73",
                         "not_engaged": "#E69F00", "opposed": "#D55E00"}


@dataclass(frozen=True)
class Figure:
    title: str
    chart: alt.Chart | dict  # an Altair chart, or a Vega-Lite spec written as data
    table: pd.DataFrame
    key: tuple[str, ...] = ()  # what the chart's numbers stand for, in order from 1 (shown under it)


def _band_scale(language: str = "en") -> alt.Scale:
    bands = [name for _floor, name in reversed(BANDS)]
    _ = translator(language).gettext
    return alt.Scale(domain=[_(b) for b in bands], range=[BAND_COLOURS[b] for b in bands])


# Column names of the tables beside the charts (the charts' own fields keep these English keys).
COLUMNS = (N_("Dimension"), N_("Score"), N_("Band"), N_("Answered"), N_("Don’t know"), N_("Confidence"),
           N_("Stakeholder"), N_("Sector"), N_("Influence"), N_("Stake"), N_("Participation"), N_("Votes %"),
           N_("Stage"), N_("Evidence (0–100)"), N_("You are here"), N_("Change"), N_("Taking part"), N_("No."))


def _translated(table: pd.DataFrame, language: str) -> pd.DataFrame:
    """The table with its column names in the reader's language."""
    if language == "en":
        return table
    _ = translator(language).gettext
    return table.rename(columns={c: _(c) for c in table.columns if isinstance(c, str)})


def wrap(text: str, width: int = 22) -> list[str]:
    """A label as lines of at most `width` characters, broken between words (never truncated)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=True) or [text]


def chart_title(text: str, width: int = 40) -> alt.TitleParams:
    """A chart's title as lines that fit a 360 px phone: Vega never wraps a title by itself, and the
    finding it states ("You are here: Constitution and framing") would run off the screen."""
    return alt.TitleParams(text=wrap(text, width), anchor="start")


def wrapped_labels(labels: list[str], width: int = 22) -> str:
    """A Vega label expression that shows each long label on several lines instead of cutting it
    ("Accountability an…"). Labels that fit on one line are left as they are."""
    lines = {label: wrap(label, width) for label in labels if len(label) > width}
    return f"({json.dumps(lines)})[datum.label] || datum.label" if lines else "datum.label"


def _row_axis(labels: list[str]) -> alt.Axis:
    return alt.Axis(labelExpr=wrapped_labels(labels), labelLimit=0, labelFontSize=12, labelPadding=6,
                    ticks=False, domain=False)


def _tips(language: str, *fields: str) -> list[alt.Tooltip]:
    """Tooltips whose names are in the reader's language ("Score:Q" shows as "Note")."""
    _ = translator(language).gettext
    return [alt.Tooltip(field, title=_(field.split(":")[0])) for field in fields]


def dimension_figure(dimensions: dict[str, DimensionScore], language: str = "en") -> Figure:
    """One bar per dimension, its whole-number score at the end of the bar; a dimension with no
    answer stays on the chart, marked "no answers" as in its data table, so nothing silently disappears."""
    t = translator(language)
    _ = t.gettext
    dims = list(dimensions.values())
    scored = [d for d in dims if d.score is not None]
    bands = [_(d.band or "not scored") for d in dims]
    table = pd.DataFrame({
        "Dimension": [d.title for d in dims],
        "Score": pd.array([whole(d.score) for d in dims], dtype="Int64"),
        "Band": bands,
        "Answered": [d.answered for d in dims],
        "Don’t know": [d.dont_know for d in dims],
        "Confidence": [_(d.confidence) for d in dims],
    })
    top = max((whole(d.score) for d in scored), default=None)
    if len(scored) == 1:  # "strongest: X; weakest: X" says one thing twice as if it were two
        title = _("Only {dimension} could be scored ({score})").format(dimension=scored[0].title, score=top)
    elif scored and all(whole(d.score) == top for d in scored):
        title = t.ngettext("The {n} dimension scored stands at {score}", "The {n} dimensions scored all stand at "
                           "{score}", len(scored)).format(n=len(scored), score=top)
    elif scored:
        bottom = min(whole(d.score) for d in scored)
        title = _("Strongest: {best} ({best_score}); weakest: {worst} ({worst_score})").format(
            best=_tied([d.title for d in scored if whole(d.score) == top], t), best_score=top,
            worst=_tied([d.title for d in scored if whole(d.score) == bottom], t), worst_score=bottom)
    else:
        title = _("No dimension could be scored yet")
    data = pd.DataFrame({"Dimension": [d.title for d in dims], "Score": [whole(d.score) for d in dims],
                         "Band": bands,
                         "Label": [_label(d, language) for d in dims],
                         "Answered": [d.answered for d in dims], "Don’t know": [d.dont_know for d in dims]})
    y = _rows(list(data["Dimension"]))
    base = alt.Chart(data).encode(y=y)
    bars = base.transform_filter("isValid(datum.Score)").mark_bar(height={"band": 0.7}).encode(
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100]), title=_("Score (0–100)"),
                axis=alt.Axis(values=[0, 20, 40, 60, 80, 100])),
        color=alt.Color("Band:N", scale=_band_scale(language),
                        legend=alt.Legend(orient="bottom", title=_("Band"), columns=1, labelLimit=0)),
        tooltip=_tips(language, "Dimension:N", "Score:Q", "Band:N", "Answered:Q", "Don’t know:Q"),
    )
    numbers = base.mark_text(align="left", dx=4, fontSize=12, color="#1b1b1b").encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[0, 100])), text="Label:N",
    ).transform_calculate(x="isValid(datum.Score) ? datum.Score : 0")
    # The legend starts under the plot, right of the row labels: one column, so "en développement" is never
    # cut at a phone's edge as it was in the second of two.
    cuts = alt.Chart(pd.DataFrame({"x": [floor for floor, _ in BANDS if floor > 0]})).mark_rule(
        strokeDash=[3, 3], color="#777").encode(x="x:Q")
    chart = (bars + numbers + cuts).properties(title=chart_title(title), width="container", height=alt.Step(34))
    return Figure(title, chart, _translated(table, language))


def _tied(titles: list[str], t) -> str:
    """The first of the dimensions sharing a score, and that others share it: a tie is never hidden."""
    if len(titles) == 2:
        return t.gettext("{first}, tied with {other}").format(first=titles[0], other=titles[1])
    if len(titles) > 2:
        return t.ngettext("{first}, tied with {n} other", "{first}, tied with {n} others", len(titles) - 1).format(
            first=titles[0], n=len(titles) - 1)
    return titles[0]


def _label(dimension: DimensionScore, language: str) -> str:
    """The figure at the end of a dimension's bar; without a score, why there is none."""
    _ = translator(language).gettext
    if dimension.score is not None:
        return str(whole(dimension.score))
    return _("“Don't know” only") if dimension.dont_know else _("no answers")  # the table's words for it


def _rows(names: list[str], field: str = "Dimension") -> alt.Y:
    """Rows in the given order, always. `sort=None` keeps the data's order only within one layer: a
    layer that filters out rows without a value (a stage nobody answered) would put them last."""
    return alt.Y(f"{field}:N", sort=names, scale=alt.Scale(domain=names), title=None, axis=_row_axis(names))


def whole(value: float | None) -> int | None:
    """Scores are shown as whole numbers everywhere (chart, table, report), so they always agree."""
    return None if value is None else int(Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP))


def power_interest_figure(stakeholders: list[Stakeholder], participation_labels: dict[str, str],
                          sector_labels: dict[str, str] | None = None, language: str = "en") -> Figure:
    """The power–interest grid; `participation_labels` and `sector_labels` are in `language` already.
    Each stakeholder is a numbered point, and the key under the chart names each number: a dozen names
    written on the grid itself pile on each other, above all on a phone, where a column is 60 px wide."""
    t = translator(language)
    _ = t.gettext
    sectors = sector_labels or {}
    table = pd.DataFrame({
        "No.": list(range(1, len(stakeholders) + 1)),
        "Stakeholder": [s.name for s in stakeholders],
        "Sector": [sectors.get(s.sector, s.sector.replace("_", " ")) for s in stakeholders],
        "Influence": [s.influence for s in stakeholders],
        "Stake": [s.stake for s in stakeholders],
        "Participation": [participation_labels.get(s.participation, s.participation) for s in stakeholders],
        "Votes %": [whole(s.votes) for s in stakeholders],
    })
    outside = [s for s in stakeholders if s.participation in ("not_engaged", "opposed")
               and max(s.influence, s.stake) >= 4]
    if not stakeholders:
        title = _("No stakeholders mapped yet")
    elif outside:
        title = t.ngettext("{n} stakeholder with high influence or stake is outside the coalition",
                           "{n} stakeholders with high influence or stake are outside the coalition",
                           len(outside)).format(n=len(outside))
    elif not any(max(s.influence, s.stake) >= 4 for s in stakeholders):  # "every … is engaged" would be empty
        title = _("No stakeholder is rated 4 or 5 for influence or stake")
    else:
        title = _("Every stakeholder with high influence or stake is engaged")
    opposed = sum(s.participation == "opposed" for s in stakeholders)
    if opposed and not outside:  # an opponent is news even below the high marks, never hidden by a reassurance
        title += t.ngettext("; {n} stakeholder is opposed", "; {n} stakeholders are opposed", opposed).format(
            n=opposed)
    labels = list(participation_labels.values())
    colours = [PARTICIPATION_COLOURS.get(key, "#000000") for key in participation_labels]
    # "No." stays the table's heading; Vega reads a dot in a field name as a path, so the chart says "Number".
    # Stakeholders on the same cell are spread sideways a little so none hides another.
    plotted = table.rename(columns={"No.": "Number"})
    plotted = plotted.assign(Nudge=plotted.groupby(["Stake", "Influence"]).cumcount())
    plotted["Stake at"] = plotted["Stake"] + (plotted["Nudge"] - plotted.groupby(["Stake", "Influence"])["Nudge"]
                                              .transform("max") / 2) * 0.18
    x_scale = alt.Scale(domain=[0.5, 5.5])
    y_scale = alt.Scale(domain=[0.5, 5.5])
    points = alt.Chart(plotted).mark_point(filled=True, size=160, opacity=0.85).encode(
        x=alt.X("Stake at:Q", scale=x_scale, title=_("Stake (1–5)"),
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d")),
        y=alt.Y("Influence:Q", scale=y_scale, title=_("Influence (1–5)"),
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d")),
        color=alt.Color("Participation:N", scale=alt.Scale(domain=labels, range=colours),
                        legend=alt.Legend(orient="bottom", columns=3, title=_("Participation"))),
        shape=alt.Shape("Participation:N", scale=alt.Scale(domain=labels)),
        tooltip=[alt.Tooltip("Number:Q", title=_("No.")), *_tips(language, "Stakeholder:N", "Sector:N", "Influence:Q",
                                                                 "Stake:Q", "Participation:N", "Votes %:Q")],
    )
    quadrants = alt.Chart(pd.DataFrame({"v": [3]})).mark_rule(color="#999", strokeDash=[4, 4])
    layers = [quadrants.encode(x="v:Q"), quadrants.encode(y="v:Q"), points, *_cell_labels(plotted, x_scale, y_scale)]
    chart = alt.layer(*layers).properties(title=chart_title(title), width="container", height=GRID_HEIGHT,
                                          autosize=FIT_WIDTH)
    key = tuple(_("{name} ({participation})").format(name=name, participation=participation)
                for name, participation in zip(table["Stakeholder"], table["Participation"], strict=True))
    return Figure(title, chart, _translated(table, language), key)


GRID_HEIGHT = 340  # plot height in pixels; label offsets below are computed from it


def _cell_labels(table: pd.DataFrame, x_scale: alt.Scale, y_scale: alt.Scale) -> list[alt.Chart]:
    """One label per occupied cell with the numbers of everyone on it ("2, 5, 9"), above the points
    (below them in the top row, so it stays inside the grid). Numbers are short enough not to reach
    the next cell at any width, and wrap after three."""
    if table.empty:
        return []
    # Lines are joined with a newline and split again in Vega: a list in a data column would reach
    # the browser through Arrow as the text "[a,b]".
    cells = (table.groupby(["Stake", "Influence"])["Number"]
             .agg(lambda numbers: "\n".join(", ".join(map(str, list(numbers)[i:i + 3]))
                                             for i in range(0, len(numbers), 3))).reset_index()
             .rename(columns={"Number": "Numbers"}))
    per_unit = GRID_HEIGHT / 5  # the y domain spans five units
    lines = cells["Numbers"].map(lambda text: text.count("\n") + 1)
    # Text hangs from its top: above the point, the block's last line ends 12 px over the point.
    cells["Label at"] = [influence - 12 / per_unit if influence == 5 else influence + (12 + 13 * n) / per_unit
                         for influence, n in zip(cells["Influence"], lines, strict=True)]
    return [alt.Chart(cells).transform_calculate(Lines="split(datum.Numbers, '\\n')").mark_text(
        align="center", baseline="top", fontSize=12, fontWeight="bold", lineHeight=13, color="#1b1b1b").encode(
        x=alt.X("Stake:Q", scale=x_scale), y=alt.Y("Label at:Q", scale=y_scale), text="Lines:N")]


def stage_figure(stage: StageDiagnosis, stage_titles: dict[str, str], language: str = "en") -> Figure:
    """The evidence for each stage, with the current one marked "You are here" beside its bar even
    when its bar is short (a coalition placed at the start may have little evidence for any stage).
    Between two stages both are marked, as the title names both and the advice of both applies.
    `stage_titles` are in `language` already."""
    t = translator(language)
    _ = t.gettext
    levels = [stage.levels.get(s) for s in STAGES]
    here = set(stage.stages)
    table = pd.DataFrame({
        "Stage": [stage_titles[s] for s in STAGES],
        "Evidence (0–100)": pd.array([whole(v) for v in levels], dtype="Int64"),
        "You are here": [_("◀ here") if s in here else "" for s in STAGES],
    })
    title = _("You are here: {stage}").format(stage=stage.title) if stage.id else _("Life-cycle stage not known yet")
    if stage.skipped:
        title += t.ngettext(", with {n} foundation skipped", ", with {n} foundations skipped",
                            len(stage.skipped)).format(n=len(stage.skipped))
    data = pd.DataFrame({
        "Stage": table["Stage"], "Evidence": [whole(v) for v in levels],
        "Current": [s in here for s in STAGES],
        "Label": [_stage_label(s in here, v, language, s in stage.unasked) for s, v in zip(STAGES, levels,
                                                                                               strict=True)],
    })
    y = _rows(list(data["Stage"]), "Stage")
    x_scale = alt.Scale(domain=[0, 100])
    base = alt.Chart(data).encode(y=y)
    bars = base.transform_filter("isValid(datum.Evidence)").mark_bar(height={"band": 0.7}).encode(
        x=alt.X("Evidence:Q", scale=x_scale, title=_("Evidence (0–100)"),
                axis=alt.Axis(values=[0, 25, 50, 75, 100])),
        color=alt.condition("datum.Current", alt.value("#0072B2"), alt.value("#B8C4CE")),
        tooltip=_tips(language, "Stage:N", "Evidence:Q"),
    )
    text = base.transform_calculate(x="isValid(datum.Evidence) ? datum.Evidence : 0")
    labels = [
        text.transform_filter("datum.x <= 60").mark_text(align="left", dx=4, fontSize=12).encode(
            x=alt.X("x:Q", scale=x_scale), text="Label:N",
            color=alt.condition("datum.Current", alt.value("#0072B2"), alt.value("#555555"))),
        text.transform_filter("datum.x > 60").mark_text(align="right", dx=-4, fontSize=12, color="white").encode(
            x=alt.X("x:Q", scale=x_scale), text="Label:N"),
    ]
    chart = alt.layer(bars, *labels).properties(title=chart_title(title), width="container", height=alt.Step(34))
    return Figure(title, chart, _translated(table, language))


def _stage_label(current: bool, level: float | None, language: str = "en", unasked: bool = False) -> str:
    _ = translator(language).gettext
    number = (_("not asked") if unasked else _("no answers")) if level is None else str(whole(level))
    return _("{level} · You are here").format(level=number) if current else number


@dataclass(frozen=True)
class TrendFigure:
    """Small multiples: a finding, one small chart per dimension (in the instrument's order), one table."""

    title: str
    panels: list[tuple[str, alt.Chart]]
    table: pd.DataFrame


def trend_figure(history: list[tuple[datetime, dict[str, DimensionScore]]], language: str = "en") -> TrendFigure:
    """One small panel per dimension, so each line is read on its own (ten lines in one chart tangle).
    Separate charts rather than a facet: a facet cannot stretch to its container, so it either
    overflows a phone or looks tiny on a desktop, and its panel headers cannot wrap."""
    rows = [{"Date": when, "Dimension": d.title, "Score": whole(d.score)}
            for when, dims in history for d in dims.values() if d.score is not None]
    long = pd.DataFrame(rows, columns=["Date", "Dimension", "Score"])
    labels = date_labels(sorted(long["Date"].unique()), language)
    long["When"] = long["Date"].map(labels)  # the table's column names, so chart and table name dates alike
    order = list(dict.fromkeys(long["Dimension"]))
    when = list(labels.values())
    panels = [(dimension, _trend_panel(long[long["Dimension"] == dimension], when, language)) for dimension in order]
    return TrendFigure(_trend_title(long, language), panels, _translated(trend_table(long, order, language), language))


def _trend_panel(data: pd.DataFrame, when: list[str], language: str = "en") -> alt.Chart:
    """One dimension's line over `when`, every assessment's date label in order, the same on every panel: each
    label names an assessment's own day (a time axis labelled two assessments a week apart "Dec 2026" six
    times, or a "nice" day between them), and a dimension missing from one assessment keeps its slot."""
    _ = translator(language).gettext
    base = alt.Chart(data).encode(
        x=alt.X("When:N", title=None, sort=when, scale=alt.Scale(domain=when),
                axis=alt.Axis(labelAngle=0, labelOverlap=True, grid=False)),
        y=alt.Y("Score:Q", scale=alt.Scale(domain=[0, 100]), title=None, axis=alt.Axis(values=[0, 50, 100])),
        tooltip=[alt.Tooltip("When:N", title=_("Date")), alt.Tooltip("Score:Q", title=_("Score"))],
    )
    latest = data.sort_values("Date").tail(1)
    label = alt.Chart(latest).mark_text(align="left", dx=6, fontSize=12, fontWeight="bold").encode(
        x=alt.X("When:N", sort=when, scale=alt.Scale(domain=when)), y="Score:Q", text="Score:Q")
    chart = alt.layer(base.mark_line(color=OKABE_ITO[0]), base.mark_point(filled=True, color=OKABE_ITO[0], size=45),
                      label).properties(width="container", height=80, padding={"right": 24}, autosize=FIT_WIDTH)
    return chart


def trend_table(long: pd.DataFrame, order: list[str], language: str = "en") -> pd.DataFrame:
    """The trend's numbers: a row per dimension, a column per assessment, and the change from its first
    scored assessment to its last, as the title counts it (a dimension answered for the first time in the
    second assessment has no change yet, rather than none for every later one)."""
    if long.empty:
        return pd.DataFrame(columns=["Dimension"])
    labels = date_labels(sorted(long["Date"].unique()), language)
    wide = long.assign(When=long["Date"].map(labels)).pivot_table(
        index="Dimension", columns="When", values="Score", aggfunc="last", sort=False)
    dates = list(labels.values())
    wide = wide.reindex(index=order, columns=dates).astype("Int64")
    if len(dates) > 1:
        scored = wide[dates].apply(lambda row: row.dropna().tolist(), axis=1)
        wide["Change"] = pd.array([s[-1] - s[0] if len(s) > 1 else None for s in scored], dtype="Int64")
    return wide.reset_index()


def date_labels(moments: list, language: str = "en") -> dict:
    """A column label per assessment: its day in the language ("02 déc. 2026"), with the time when two
    fall on the same day."""
    days = [format_date(pd.Timestamp(m).date(), format="dd MMM y", locale=BABEL_LOCALE[language]) for m in moments]
    labels = [day if days.count(day) == 1 else f"{day} {pd.Timestamp(m):%H:%M}" for m, day in
              zip(moments, days, strict=True)]
    labels = [label if labels.count(label) == 1 else f"{label} ({labels[:i].count(label) + 1})"
              for i, label in enumerate(labels)]
    return dict(zip(moments, labels, strict=True))


def _trend_title(table: pd.DataFrame, language: str = "en") -> str:
    t = translator(language)
    _ = t.gettext
    if table.empty or table["Date"].nunique() < 2:
        return _("One assessment so far: the trend appears after the next one")
    ordered = table.sort_values("Date")
    change = ordered.groupby("Dimension")["Score"].agg(lambda s: s.iloc[-1] - s.iloc[0])
    up, down = change.idxmax(), change.idxmin()
    parts = []
    if change[up] > 0:
        parts.append(_("{dimension} rose most (+{points})").format(dimension=up, points=f"{change[up]:.0f}"))
    if change[down] < 0:
        parts.append(_("{dimension} fell most ({points})").format(dimension=down, points=f"{change[down]:.0f}"))
    if not parts:
        return _("Since the first assessment, scores have not changed")
    return _("Since the first assessment, {changes}").format(changes=t.semicolons(parts))


LABEL_MARGIN = 12  # pixels left of the longest row label in a rendered picture


def to_svg(chart: alt.TopLevelMixin | dict, width: int = 560, title: bool = True) -> str:
    """Render a chart to SVG without a browser or network (vl-convert bundles Vega). Reports that
    print the finding as text above the chart pass title=False, so it is not said twice."""
    import vl_convert

    # A copy made XML-safe: defence in depth, the cleaning boundary should have done it already.
    spec = xml_safe_tree(chart if isinstance(chart, dict) else chart.to_dict())
    if spec.get("width") == "container":
        spec["width"] = width
    if not title:
        spec.pop("title", None)
    # Vega sizes the chart by measuring its labels, here on the server; the viewer then draws them with
    # its own font. Measuring with the widest common sans (DejaVu, Linux's default) means a label never
    # overflows the picture's edge, whichever of these fonts the reader's browser or PDF viewer has.
    spec.setdefault("config", {})["font"] = REPORT_FONT
    spec["padding"] = _with_left_margin(spec.get("padding"))
    return vl_convert.vegalite_to_svg(spec)


def _with_left_margin(padding: int | dict | None) -> dict:
    """Room left of the row labels: a PDF's text engine can set a label a pixel or two wider than Vega
    measured it, and the first letter was clipped at the picture's edge."""
    sides = dict.fromkeys(("top", "right", "bottom", "left"), 5)
    sides |= padding if isinstance(padding, dict) else dict.fromkeys(sides, padding) if padding is not None else {}
    return sides | {"left": max(sides["left"], LABEL_MARGIN)}
