"""Reports of a result: self-contained HTML (charts as inline SVG), Markdown, JSON and answers CSV.

Everything a person typed (coalition name, stakeholder names) is escaped in HTML and neutralised in
Markdown, so a report can be opened or published without running anyone's markup.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
from datetime import date
from typing import Any

from assessment.charts import dimension_figure, power_interest_figure, stage_figure, to_svg
from assessment.engine import Result
from assessment.model import Instrument, Stakeholder, text_in

STYLE = """body{font-family:Helvetica,Arial,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;
line-height:1.5}h1,h2{line-height:1.2}table{border-collapse:collapse;margin:.8rem 0}th,td{border:1px solid #bbb;
padding:.3rem .5rem;text-align:left}th{background:#eef3f8}.top{border-left:5px solid #0072B2;padding-left:.8rem}
.rec{margin:1rem 0;padding:.5rem .8rem;background:#f7f9fb}.muted{color:#555;font-size:.9em}svg{max-width:100%;
height:auto}@media print{body{max-width:none}.rec{page-break-inside:avoid}}"""


def chapter_link(chapter: str) -> tuple[str, str | None]:
    """Readable chapter reference, and a URL when COALITION_PUBLIC_URL says where the app lives."""
    slug, _, section = chapter.partition("#")
    label = slug.replace("-", " ").capitalize() + (f" › {section.replace('-', ' ')}" if section else "")
    base = os.environ.get("COALITION_PUBLIC_URL", "").rstrip("/")
    url = f"{base}/handbook?chapter={slug}" + (f"&section={section}" if section else "") if base else None
    return label, url


def md_text(value: str) -> str:
    """User text made inert in Markdown: no links, images, emphasis or HTML."""
    return re.sub(r"([\\`*_{}\[\]()<>#+!|])", r"\\\1", value)


def to_json(result: Result) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)


def to_markdown(result: Result, stakeholders: list[Stakeholder] = ()) -> str:
    name = md_text(result.profile.name) if result.profile.name else "Your coalition"
    out = [f"# {name}: {result.instrument_title}", "", f"Report of {date.today():%d %B %Y}.", ""]
    out += ["## Where you are in the life cycle", "", f"**{result.stage.title or 'Not known'}**", ""]
    out += [f"- {md_text(line)}" for line in result.stage.evidence]
    out += [f"- Foundation skipped ({s.title}): {s.note}" for s in result.stage.skipped]
    out += ["", "## Dimensions", "", "| Dimension | Score | Band | Answered | Don't know | Confidence |",
            "|---|---|---|---|---|---|"]
    for d in result.dimensions.values():
        score = f"{d.score:.0f}" if d.score is not None else "–"
        band = d.band or "not scored"
        out.append(f"| {d.title} | {score} | {band} | {d.answered} | {d.dont_know} | {d.confidence} |")
    out += ["", "## Representation", ""]
    out += [f"- **{g.title}**: {md_text(g.detail)}" for g in result.representation.gaps] or ["- No gaps found."]
    if stakeholders:
        out += ["", "| Stakeholder | Sector | Influence | Stake | Participation | Votes % |",
                "|---|---|---|---|---|---|"]
        out += [f"| {md_text(s.name)} | {s.sector} | {s.influence} | {s.stake} | {s.participation} | {s.votes:g} |"
                for s in stakeholders]
    out += ["", "## What to do next", ""]
    out += [line for rec in result.recommendations if rec.top for line in _recommendation_md(rec)]
    also = [rec for rec in result.recommendations if not rec.top]
    if also:
        out += ["## Also worth doing", ""]
        for title, group in _by_dimension(also):
            out += [f"**{title}**", ""] + [line for rec in group for line in _recommendation_md(rec, "####")]
    if result.recommendations_not_shown:
        out += [_not_shown(result.recommendations_not_shown), ""]
    if result.problems or result.notes:
        out += ["## Notes on the input", ""] + [f"- {md_text(p)}" for p in [*result.notes, *result.problems]]
    return "\n".join(out) + "\n"


def _recommendation_md(rec, level: str = "###") -> list[str]:
    label, url = chapter_link(rec.chapter)
    out = [f"{level} {rec.rank}. {rec.title} ({rec.priority_label})", "", rec.why, "",
           "Why this was shown: " + "; ".join(md_text(r) for r in rec.reasons), "", rec.rank_reason, ""]
    out += [f"{i}. {step}" for i, step in enumerate(rec.steps, 1)]
    read = f"Read: [{label}]({url})" if url else f"Read: {label}"
    return [*out, "", f"*Ask the group:* {rec.question}", "", read, ""]


def _by_dimension(recommendations) -> list[tuple[str, list]]:
    """The "also worth doing" actions under their dimension, in the order the engine grouped them."""
    titles = list(dict.fromkeys(rec.dimension_title for rec in recommendations))
    return [(title, [rec for rec in recommendations if rec.dimension_title == title]) for title in titles]


def _not_shown(n: int) -> str:
    return (f"{n} further {'action applies' if n == 1 else 'actions apply'} but {'is' if n == 1 else 'are'} not shown, "
            "to keep the list short.")


def to_html(result: Result, stakeholders: list[Stakeholder] = (), participation_labels: dict[str, str] | None = None,
            stage_titles: dict[str, str] | None = None) -> str:
    esc = html.escape
    labels = participation_labels or {}
    titles = stage_titles or {}
    name = esc(result.profile.name) if result.profile.name else "Your coalition"
    parts = [f"<h1>{name}: {esc(result.instrument_title)}</h1>",
             f"<p class='muted'>Report of {date.today():%d %B %Y}. No single overall score: each dimension "
             "stands on its own evidence.</p>"]
    if titles:
        figure = stage_figure(result.stage, titles)
        parts += [f"<h2>{esc(figure.title)}</h2>", to_svg(figure.chart)]
    else:
        parts.append(f"<h2>Life-cycle stage: {esc(result.stage.title or 'not known')}</h2>")
    parts.append("<ul>" + "".join(f"<li>{esc(e)}</li>" for e in result.stage.evidence)
                 + "".join(f"<li><strong>Foundation skipped ({esc(s.title)}):</strong> {esc(s.note)}</li>"
                           for s in result.stage.skipped) + "</ul>")
    figure = dimension_figure(result.dimensions)
    parts += [f"<h2>{esc(figure.title)}</h2>", to_svg(figure.chart), html_table(figure.table)]
    parts.append("<h2>Representation</h2><ul>" + ("".join(
        f"<li><strong>{esc(g.title)}:</strong> {esc(g.detail)}</li>" for g in result.representation.gaps)
        or "<li>No gaps found.</li>") + "</ul>")
    if stakeholders:
        figure = power_interest_figure(list(stakeholders), labels)
        parts += [f"<h3>{esc(figure.title)}</h3>", to_svg(figure.chart), html_table(figure.table)]
    parts.append("<h2>What to do next</h2>")
    parts += [_recommendation_html(rec) for rec in result.recommendations if rec.top]
    also = [rec for rec in result.recommendations if not rec.top]
    if also:
        parts.append("<h2>Also worth doing</h2>")
        for title, group in _by_dimension(also):
            parts.append(f"<h3>{esc(title)}</h3>")
            parts += [_recommendation_html(rec) for rec in group]
    if result.recommendations_not_shown:
        parts.append(f"<p class='muted'>{esc(_not_shown(result.recommendations_not_shown))}</p>")
    if result.problems or result.notes:
        parts.append("<h2>Notes on the input</h2><ul>" + "".join(
            f"<li>{esc(p)}</li>" for p in [*result.notes, *result.problems]) + "</ul>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' "
            "content='width=device-width, initial-scale=1'>"
            f"<title>{name}: report</title><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")


def _recommendation_html(rec) -> str:
    esc = html.escape
    label, url = chapter_link(rec.chapter)
    read = f"<a href='{esc(url)}'>{esc(label)}</a>" if url else esc(label)
    steps = "".join(f"<li>{esc(s)}</li>" for s in rec.steps)
    heading = "h3" if rec.top else "h4"
    return (f"<div class='rec{' top' if rec.top else ''}'><{heading}>{rec.rank}. {esc(rec.title)} "
            f"<small>({esc(rec.priority_label)})</small></{heading}><p>{esc(rec.why)}</p>"
            f"<p class='muted'>Why this was shown: {esc('; '.join(rec.reasons))}</p>"
            f"<p class='muted'>{esc(rec.rank_reason)}</p><ol>{steps}</ol>"
            f"<p><em>Ask the group:</em> {esc(rec.question)}</p><p>Read: {read}</p></div>")


def html_table(frame) -> str:
    esc = html.escape
    head = "".join(f"<th>{esc(str(c))}</th>" for c in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td>{esc('' if v is None or v != v else str(v))}</td>" for v in row)
                   + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def answers_csv(instrument: Instrument, answers: dict[str, Any]) -> str:
    """One row per question, with the answer and its label, for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["section", "item", "dimension", "question", "answer", "answer_label"])
    for section in instrument.sections:
        for item in section.items:
            value = answers.get(item.id)
            writer.writerow([section.id, item.id, item.dimension or "", text_in(item.text),
                             _csv_value(value), _label(instrument, item, value)])
    return buffer.getvalue()


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    text = ";".join(map(str, value)) if isinstance(value, list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def _label(instrument: Instrument, item, value: Any) -> str:
    scale = instrument.scale_of(item)
    if value is None or scale is None:
        return ""
    if value in ("dont_know", "not_applicable"):
        return {"dont_know": "Don't know", "not_applicable": "Not applicable"}[value]
    values = value if isinstance(value, list) else [value]
    return "; ".join(text_in(scale.choices.get(str(v), str(v))) for v in values)
