"""Altair charts for results. Each returns a Figure: a chart whose title states the finding, and
the data table shown beside it (accessibility: the numbers are never only in the picture).

Colours are the Okabe–Ito palette, distinguishable with the common forms of colour blindness.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import altair as alt
import pandas as pd

from assessment.cleaning import xml_safe_tree
from assessment.model import STAGES, Stakeholder
from assessment.scoring import BANDS, DimensionScore
from assessment.stage import StageDiagnosis

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
BAND_COLOURS = {"at risk": "#D55E00", "developing": "#E69F00", "established": "#56B4E9", "strong": "#009E73"}
PARTICIPATION_COLOURS = {"core": "#0072B2", "member": "#56B4E9", "consulted": "#009E73",
                         "not_engaged": "#E69F00", "opposed": "#D55E00"}


@dataclass(frozen=True)
class Figure:
    title: str
    chart: alt.Chart
    table: pd.DataFrame


def _band_scale() -> alt.Scale:
    bands = [name for _, name in reversed(BANDS)]
    return alt.Scale(domain=bands, range=[BAND_COLOURS[b] for b in bands])


def dimension_figure(dimensions: dict[str, DimensionScore]) -> Figure:
    scored = [d for d in dimensions.values() if d.score is not None]
    table = pd.DataFrame({
        "Dimension": [d.title for d in dimensions.values()],
        "Score": [d.score for d in dimensions.values()],
        "Band": [d.band or "not scored" for d in dimensions.values()],
        "Answered": [d.answered for d in dimensions.values()],
        "Don’t know": [d.dont_know for d in dimensions.values()],
        "Confidence": [d.confidence for d in dimensions.values()],
    })
    if scored:
        best = max(scored, key=lambda d: d.score)
        worst = min(scored, key=lambda d: d.score)
        title = f"Strongest: {best.title} ({best.score:.0f}); weakest: {worst.title} ({worst.score:.0f})"
    else:
        title = "No dimension could be scored yet"
    data = table.dropna(subset=["Score"])
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("Score:Q", scale=alt.Scale(domain=[0, 100]), title="Score (0–100)"),
        y=alt.Y("Dimension:N", sort=None, title=None),
        color=alt.Color("Band:N", scale=_band_scale(), legend=alt.Legend(orient="bottom", title="Band", columns=4)),
        tooltip=["Dimension:N", "Score:Q", "Band:N", "Answered:Q", "Don’t know:Q", "Confidence:N"],
    )
    cuts = alt.Chart(pd.DataFrame({"x": [floor for floor, _ in BANDS if floor > 0]})).mark_rule(
        strokeDash=[3, 3], color="#777").encode(x="x:Q")
    chart = (bars + cuts).properties(title=title, width="container", height=alt.Step(28))
    return Figure(title, chart, table)


def power_interest_figure(stakeholders: list[Stakeholder], participation_labels: dict[str, str]) -> Figure:
    table = pd.DataFrame({
        "Stakeholder": [s.name for s in stakeholders],
        "Sector": [s.sector.replace("_", " ") for s in stakeholders],
        "Influence": [s.influence for s in stakeholders],
        "Stake": [s.stake for s in stakeholders],
        "Participation": [participation_labels.get(s.participation, s.participation) for s in stakeholders],
        "Votes %": [s.votes for s in stakeholders],
    })
    outside = [s for s in stakeholders if s.participation in ("not_engaged", "opposed")
               and max(s.influence, s.stake) >= 4]
    if not stakeholders:
        title = "No stakeholders mapped yet"
    elif outside:
        title = f"{len(outside)} stakeholder{'s' if len(outside) != 1 else ''} with high influence or stake " \
                f"{'are' if len(outside) != 1 else 'is'} outside the coalition"
    else:
        title = "Every stakeholder with high influence or stake is engaged"
    labels = list(participation_labels.values())
    colours = [PARTICIPATION_COLOURS.get(key, "#000000") for key in participation_labels]
    # Stakeholders on the same cell are spread sideways a little so none hides another.
    plotted = table.assign(Nudge=table.groupby(["Stake", "Influence"]).cumcount())
    plotted["Stake at"] = plotted["Stake"] + (plotted["Nudge"] - plotted.groupby(["Stake", "Influence"])["Nudge"]
                                              .transform("max") / 2) * 0.18
    points = alt.Chart(plotted).mark_point(filled=True, size=160, opacity=0.85).encode(
        x=alt.X("Stake at:Q", scale=alt.Scale(domain=[0.5, 5.5]), title="Stake (1–5)",
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d")),
        y=alt.Y("Influence:Q", scale=alt.Scale(domain=[0.5, 5.5]), title="Influence (1–5)",
                axis=alt.Axis(values=[1, 2, 3, 4, 5], format="d")),
        color=alt.Color("Participation:N", scale=alt.Scale(domain=labels, range=colours),
                        legend=alt.Legend(orient="bottom", columns=3)),
        shape=alt.Shape("Participation:N", scale=alt.Scale(domain=labels)),
        tooltip=["Stakeholder:N", "Sector:N", "Influence:Q", "Stake:Q", "Participation:N", "Votes %:Q"],
    )
    names = points.mark_text(dy=-13, fontSize=11).encode(text="Stakeholder:N", shape=alt.value("circle"),
                                                          opacity=alt.condition("datum.Nudge == 0", alt.value(1),
                                                                                alt.value(0)))
    quadrants = alt.Chart(pd.DataFrame({"v": [3]})).mark_rule(color="#999", strokeDash=[4, 4])
    chart = (quadrants.encode(x="v:Q") + quadrants.encode(y="v:Q") + points + names).properties(
        title=title, width="container", height=320)
    return Figure(title, chart, table)


def stage_figure(stage: StageDiagnosis, stage_titles: dict[str, str]) -> Figure:
    table = pd.DataFrame({
        "Stage": [stage_titles[s] for s in STAGES],
        "Evidence (0–100)": [stage.levels.get(s) for s in STAGES],
        "You are here": ["◀ here" if s == stage.id else "" for s in STAGES],
    })
    title = f"You are here: {stage.title}" if stage.id else "Life-cycle stage not known yet"
    if stage.skipped:
        title += f", with {len(stage.skipped)} foundation{'s' if len(stage.skipped) != 1 else ''} skipped"
    data = table.assign(Current=[s == stage.id for s in STAGES])
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("Stage:N", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelLimit=90)),
        y=alt.Y("Evidence (0–100):Q", scale=alt.Scale(domain=[0, 100])),
        color=alt.condition("datum.Current", alt.value("#0072B2"), alt.value("#B8C4CE")),
        tooltip=["Stage:N", "Evidence (0–100):Q"],
    ).properties(title=title, width="container", height=220)
    return Figure(title, chart, table)


def trend_figure(history: list[tuple[datetime, dict[str, DimensionScore]]]) -> Figure:
    rows = [{"Date": when, "Dimension": d.title, "Score": d.score}
            for when, dims in history for d in dims.values() if d.score is not None]
    table = pd.DataFrame(rows, columns=["Date", "Dimension", "Score"])
    title = _trend_title(table)
    chart = alt.Chart(table).mark_line(point=True).encode(
        x=alt.X("Date:T", title=None),
        y=alt.Y("Score:Q", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("Dimension:N", scale=alt.Scale(range=OKABE_ITO), legend=alt.Legend(orient="bottom",
                                                                                         columns=2)),
        strokeDash=alt.StrokeDash("Dimension:N", legend=None),
        tooltip=["Date:T", "Dimension:N", "Score:Q"],
    ).properties(title=title, width="container", height=320)
    return Figure(title, chart, table)


def _trend_title(table: pd.DataFrame) -> str:
    if table.empty or table["Date"].nunique() < 2:
        return "One assessment so far: the trend appears after the next one"
    ordered = table.sort_values("Date")
    change = ordered.groupby("Dimension")["Score"].agg(lambda s: s.iloc[-1] - s.iloc[0])
    up, down = change.idxmax(), change.idxmin()
    parts = []
    if change[up] > 0:
        parts.append(f"{up} rose most (+{change[up]:.0f})")
    if change[down] < 0:
        parts.append(f"{down} fell most ({change[down]:.0f})")
    return "Since the first assessment, " + ("; ".join(parts) if parts else "scores have not changed")


def to_svg(chart: alt.TopLevelMixin) -> str:
    """Render a chart to SVG without a browser or network (vl-convert bundles Vega)."""
    import vl_convert

    spec = xml_safe_tree(chart.to_dict())  # defence in depth: the cleaning boundary should have done it
    if spec.get("width") == "container":
        spec["width"] = 560
    return vl_convert.vegalite_to_svg(spec)
