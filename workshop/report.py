"""Workshop exports: answers as CSV and JSON (no ids or tokens), and a self-contained group report.

Groups below the anonymity threshold are masked in every export, as on screen.
"""

from __future__ import annotations

import csv
import html
import io
import json
from datetime import date

from assessment.charts import to_svg
from assessment.model import Instrument, text_in
from assessment.report import STYLE, chapter_link, html_table
from workshop.charts import diverging_figure, group_figure
from workshop.stats import (
    contested,
    group_gaps,
    group_scores,
    group_sizes,
    item_stats,
    likert_items,
    safe_group,
)
from workshop.workshops import Row, WorkshopInfo


def answers_csv(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row]) -> str:
    sizes = group_sizes(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["participant", "group", "finished", "item", "answer"])
    for row in rows:
        for item in instrument.items:
            if item.id in row.answers:
                value = row.answers[item.id]
                text = ";".join(map(str, value)) if isinstance(value, list) else str(value)
                writer.writerow([f"P{row.number:03d}", _cell(safe_group(row, sizes, workshop.threshold)),
                                 "yes" if row.finished else "no", item.id, _cell(text)])
    return buffer.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def answers_json(workshop: WorkshopInfo, rows: list[Row]) -> str:
    sizes = group_sizes(rows)
    return json.dumps({
        "workshop": {"title": workshop.title, "code": workshop.code, "instrument": workshop.instrument_id,
                     "anonymity_threshold": workshop.threshold},
        "participants": [{"participant": f"P{row.number:03d}", "group": safe_group(row, sizes, workshop.threshold),
                          "finished": row.finished, "answers": row.answers} for row in rows],
    }, indent=2, ensure_ascii=False)


def group_report_html(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row],
                      dimension_titles: dict[str, str], dimension_chapters: dict[str, str]) -> str:
    esc = html.escape
    items = likert_items(instrument, workshop.sections)
    stats = item_stats(instrument, items, rows)
    scale = instrument.scale_of(items[0]) if items else None
    labels = [text_in(v) for v in scale.choices.values()] if scale else []
    groups = group_scores(instrument, items, rows, workshop.threshold, workshop.groups)
    parts = [f"<h1>{esc(workshop.title)}</h1>",
             f"<p class='muted'>Workshop report of {date.today():%d %B %Y} · {esc(text_in(instrument.title))} · "
             f"{len(rows)} participants · groups with fewer than {workshop.threshold} people are not shown.</p>"]
    figure = diverging_figure(stats, labels)
    parts += [f"<h2>{esc(figure.title)}</h2>", to_svg(figure.chart, title=False), html_table(figure.table)]
    parts.append("<h2>Most contested statements: start the discussion here</h2><ol>")
    for s in contested(stats, workshop.threshold):
        label, url = chapter_link(dimension_chapters.get(s.dimension or "", ""))
        read = f" Read: <a href='{esc(url)}'>{esc(label)}</a>" if url else f" Read: {esc(label)}"
        parts.append(f"<li>{esc(s.text)} <span class='muted'>(agreement A {s.agreement:.2f}, n={s.n})</span>"
                     f"{read}</li>")
    parts.append("</ol>")
    figure = group_figure(groups, dimension_titles)
    parts += [f"<h2>{esc(figure.title)}</h2>", to_svg(figure.chart, title=False), html_table(figure.table)]
    gaps = group_gaps(groups)
    if gaps:
        parts.append("<ul>" + "".join(
            f"<li>{esc(dimension_titles.get(d, d))}: {esc(high)} rated it {gap:.0f} points higher than {esc(low)}</li>"
            for d, gap, high, low in gaps[:5]) + "</ul>")
    parts.append("<p class='muted'>Agreement A (van der Eijk, 2001): +1 when everyone gives the same answer, 0 when "
                 "answers are spread evenly, −1 when the room splits into two opposite camps.</p>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><meta name='viewport' "
            "content='width=device-width, initial-scale=1'>"
            f"<title>{esc(workshop.title)}</title><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")
