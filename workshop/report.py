"""Workshop exports: answers as CSV and JSON (no ids or tokens), and a self-contained group report.

Every export passes the same disclosure control as the screen (workshop/disclosure.py).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from assessment.i18n import translations, translator
from assessment.model import Instrument, text_in
from assessment.report import chapter_link
from workshop.charts import diverging_figure, group_figure
from workshop.choices import finding, in_language, room_tallies
from workshop.room import build
from workshop.stats import export_groups, group_gaps, group_scores, item_stats, likert_items, scale_labels
from workshop.workshops import Row, WorkshopInfo


def exported(workshop: WorkshopInfo, rows: list[Row]) -> list[tuple[str, str, Row]]:
    """(label, group, row) for people who answered, in an order that says nothing about who joined
    when, with a group only where disclosure control allows it (see workshop/disclosure.py)."""
    allowed = export_groups(rows, workshop.threshold)
    answered = sorted((r for r in rows if r.answers),
                      key=lambda r: hashlib.sha256(f"{workshop.id}:{r.number}".encode()).hexdigest())
    return [(f"P{n:03d}", allowed.get(row.group, ""), row) for n, row in enumerate(answered, start=1)]


def answers_csv(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["participant", "group", "finished", "item", "answer"])
    for label, group, row in exported(workshop, rows):
        for item in instrument.items:
            if item.id in row.answers:
                value = row.answers[item.id]
                text = ";".join(map(str, value)) if isinstance(value, list) else str(value)
                writer.writerow([label, _cell(group), "yes" if row.finished else "no", item.id, _cell(text)])
    return buffer.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def answers_json(workshop: WorkshopInfo, rows: list[Row]) -> str:
    return json.dumps({
        "workshop": {"title": workshop.title, "code": workshop.code, "instrument": workshop.instrument_id,
                     "anonymity_threshold": workshop.threshold},
        "participants": [{"participant": label, "group": group, "finished": row.finished, "answers": row.answers}
                         for label, group, row in exported(workshop, rows)],
    }, indent=2, ensure_ascii=False)


@cache
def templates(language: str) -> Environment:
    """The report's templates speaking one language (Jinja2's i18n extension, newstyle: values passed
    to a message are escaped like any other)."""
    env = Environment(loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True,
                      extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(translations(language), newstyle=True)
    return env


def group_report_html(workshop: WorkshopInfo, instrument: Instrument, rows: list[Row],
                      dimension_titles: dict[str, str], dimension_chapters: dict[str, str]) -> str:
    """A self-contained report to send round after the workshop, legible on A4 and on a phone: the
    distributions as plain bars and tables (a chart picture shrinks to unreadable on a phone). It is
    in the workshop's language, like its projector."""
    t = translator(workshop.language)
    lang = t.language
    titles = {d: text_in(title, lang) for d, title in dimension_titles.items()}
    titles |= {ref.id: text_in(ref.title, lang) for ref in instrument.dimensions if ref.title}
    items = likert_items(instrument, workshop.sections)
    stats = item_stats(instrument, items, rows, workshop.threshold)
    groups = group_scores(instrument, items, rows, workshop.threshold, workshop.groups)
    statements = {item.id: text_in(item.text, lang) for item in instrument.items}
    labels = scale_labels(instrument)
    worded = [replace(s, text=statements.get(s.item.id, s.text)) for s in stats]
    picks = [in_language(p, instrument, lang) for p in room_tallies(instrument, workshop, rows) if p.shown]
    return templates(lang).get_template("group_report.html").render(
        workshop=workshop, today=t.date(date.today()), questionnaire=text_in(instrument.title, lang), language=lang,
        room=build(workshop, instrument, rows, titles, worded, groups, picks), statements=statements,
        picks=[(p, finding(p, lang)) for p in picks],
        agreement=lambda value: t.number(value, 2),
        chart_title=diverging_figure(worded, labels, lang).title,
        groups_title=group_figure(groups, titles, lang).title,
        gaps=[(titles.get(d, d), round(gap), high, low) for d, gap, high, low in group_gaps(groups)[:5]],
        links={d: chapter_link(chapter, lang) for d, chapter in dimension_chapters.items()})
