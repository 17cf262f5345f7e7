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
import unicodedata
from datetime import date
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from assessment.charts import Figure, dimension_figure, power_interest_figure, stage_figure, to_svg, whole
from assessment.cleaning import without_autolinks
from assessment.engine import Result
from assessment.grammar import sentence
from assessment.i18n import Translator, translator
from assessment.model import Instrument, Stakeholder, text_in
from assessment.representation import MapLabels, load_labels
from assessment.stage import load_stages
from handbook.errors import ContentError
from handbook.library import Handbook, shared_handbook

STYLE = """*{box-sizing:border-box}body{font-family:Helvetica,Arial,"DejaVu Sans",sans-serif;max-width:50rem;
margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5;overflow-wrap:break-word}h1,h2,h3{line-height:1.2}
h1{font-size:1.7rem}h2{margin-top:2rem;border-bottom:1px solid #ccd;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.8rem 0;width:100%;font-size:.9em}th,td{border:1px solid #bbb;
padding:.3rem .5rem;text-align:left;vertical-align:top}td{overflow-wrap:break-word}th{background:#eef3f8;hyphens:auto}
td.n,th.n{text-align:right}.top{border-left:5px solid #0072B2;padding-left:.8rem}
.rec{margin:1rem 0;padding:.5rem .8rem;background:#f7f9fb}.muted{color:#555;font-size:.9em}
.finding{font-weight:bold;margin:.6rem 0}.missing{background:#f4f6f8;border-left:4px solid #999;padding:.5rem .8rem}
figure{margin:.5rem 0}svg{max-width:100%;height:auto;display:block}
@media (max-width:30rem){body{margin:1rem auto;padding:0 .6rem}h1{font-size:1.35rem}
table,tbody,tr,td{display:block;width:100%}thead{display:none}tr{border:1px solid #bbb;border-radius:4px;
margin:.5rem 0;padding:.3rem .5rem}td,td.n{border:none;padding:.1rem 0;display:flex;justify-content:space-between;
gap:1rem;text-align:right}td::before{content:attr(data-label);color:#555;text-align:left;flex:none}
td:first-child{font-weight:bold;display:block;text-align:left}td:first-child::before{content:none}
td:empty{display:none}}
@page{size:A4;margin:18mm 16mm;@bottom-right{content:counter(page) " / " counter(pages);font-size:9pt;color:#555}}
@media print{body{max-width:none;margin:0;padding:0}.rec,figure,tr{page-break-inside:avoid}
h2,h3,.finding{page-break-after:avoid}}"""


def chapter_link(chapter: str, language: str = "en", base: str | None = None) -> tuple[str, str | None]:
    """The chapter and section titles as the handbook page shows them, and a URL when the app's address
    is known: `base` (the page that made the report) or COALITION_PUBLIC_URL. The chapters are in
    English only: in another language the label says so."""
    slug, _sep, section = chapter.partition("#")
    label = in_english(section_title(slug, section), language)
    base = (base or os.environ.get("COALITION_PUBLIC_URL", "")).rstrip("/")
    url = f"{base}/handbook?" + urlencode({"chapter": slug, **({"section": section} if section else {})}) \
        if base else None
    return label, url


def _handbook() -> Handbook | None:
    try:
        return shared_handbook()
    except ContentError:  # a report is still written, with plainer labels
        return None


def section_title(slug: str, anchor: str) -> str:
    """“Chapter title › Section title”, from the handbook itself (its slug, made readable, if it has none)."""
    chapter = _handbook().chapter(slug) if _handbook() else None
    if chapter is None:
        return slug.replace("-", " ").capitalize() + (f" › {anchor.replace('-', ' ')}" if anchor else "")
    found = chapter.section(anchor) if anchor else None
    return f"{chapter.title} › {found.title}" if found else chapter.title


def in_english(label: str, language: str) -> str:
    """A handbook link's label; from a page in French or Spanish it warns that the chapter is English."""
    if language == "en":
        return label
    return translator(language).gettext("{chapter} (in English)").format(chapter=label)


def md_text(value: str) -> str:
    """User text made inert in Markdown: no links, images, emphasis or HTML."""
    return re.sub(r"([\\`*_{}\[\]()<>#+!|])", r"\\\1", without_autolinks(value))


def to_json(result: Result) -> str:
    return json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False)


def stage_not_known(result: Result, asks_stage: bool) -> str:
    """What would place the coalition in its life cycle, when nothing does yet."""
    _ = translator(result.language).gettext
    if not asks_stage:
        return _("The {questionnaire} does not ask where the coalition is in its life cycle; the full diagnostic's "
                 "life-cycle questions do.").format(questionnaire=result.instrument_title.lower())
    if result.stage.unsure:
        return _("The life-cycle questions were answered “Don't know”, so the coalition cannot be placed in its life "
                 "cycle yet. Someone who knows its history, or the members in a workshop, can answer them.")
    return _("The life-cycle questions are not answered yet; answer them to see where the coalition stands.")


def hhi_gloss(hhi: float, language: str = "en") -> str:
    """The Herfindahl index in plain words: as concentrated as if this many members shared the votes equally."""
    t = translator(language)
    _ = t.gettext
    equal = 1 / hhi if hhi else 0
    holders = _("one member held every vote") if equal < 1.05 else _("{n} members shared them equally").format(
        n=f"{equal:.0f}")
    level = _("highly concentrated") if hhi >= 0.25 else _("not highly concentrated")
    return _("Concentration of decision votes (Herfindahl index): {hhi}, {level}. In plain words, the votes are as "
             "concentrated as if {holders}; {one} would mean one member holds them all, and {threshold} or more (as "
             "if four or fewer shared them) counts as highly concentrated.").format(
        hhi=t.number(hhi, 2), level=level, holders=holders, one=t.number(1, 2), threshold=t.number(0.25, 2))


def to_markdown(result: Result, stakeholders: list[Stakeholder] = (), labels: MapLabels | None = None,
                base: str | None = None) -> str:
    """The report as Markdown; `base` is the app's address, for links into the handbook."""
    labels = labels or load_labels()
    t = translator(result.language)
    _ = t.gettext
    lang = t.language
    name = md_text(result.profile.name) if result.profile.name else _("Your coalition")
    out = [f"# {t.colon(name)} {result.instrument_title}", "", _("Report of {date}.").format(date=t.date(date.today())),
           ""]
    out += ["## " + _("Where you are in the life cycle"), "", "**" + (result.stage.title or _("Not known")) + "**", ""]
    out += [f"- {md_text(line)}" for line in result.stage.evidence]
    skipped = _("Foundation skipped ({stage}): {note}")
    out += ["- " + skipped.format(stage=s.title, note=s.note) for s in result.stage.skipped]
    if result.stage.id:  # the chart's numbers, as on the page and in the PDF
        titles = {s.id: s.name_in(lang) for s in load_stages()}
        out += ["", md_table(stage_figure(result.stage, titles, lang).table)]
    out += ["", "## " + _("Dimensions"), "",
            "| " + " | ".join(_(c) for c in ("Dimension", "Score", "Band", "Answered", "Don’t know", "Confidence"))
            + " |", "|---|---|---|---|---|---|"]
    for d in result.dimensions.values():
        score = str(whole(d.score)) if d.score is not None else "–"
        band = _(d.band or "not scored")
        confidence = _(d.confidence)
        out.append(f"| {d.title} | {score} | {band} | {d.answered} | {d.dont_know} | {confidence} |")
    out += ["", "## " + _("Representation"), ""]
    out += ([f"- **{t.colon(g.title)}** {md_text(g.detail)}" for g in result.representation.gaps]
            or ["- " + _("No gaps found.")])
    if unchecked := kinds_unchecked(result, stakeholders, t):
        out += ["", unchecked]
    if result.representation.hhi is not None:
        out += ["", hhi_gloss(result.representation.hhi, lang)]
    if stakeholders:
        out += ["", "| " + " | ".join(_(c) for c in ("Stakeholder", "Sector", "Influence", "Stake", "Taking part",
                                                     "Votes %")) + " |", "|---|---|---|---|---|---|"]
        out += [f"| {md_text(s.name)} | {text_in(labels.sectors[s.sector], lang)} | {s.influence} | {s.stake} | "
                f"{text_in(labels.participation[s.participation], lang)} | {whole(s.votes)} |" for s in stakeholders]
    out += ["", "## " + _("What to do next"), ""]
    if note := obstacles_note(result, t):
        out += [note, ""]
    if not result.recommendations:
        out += [no_actions_note(result, t), ""]
    out += [line for rec in result.recommendations if rec.top for line in _recommendation_md(rec, t, base=base)]
    also = [rec for rec in result.recommendations if not rec.top]
    if also:
        out += ["## " + _("Also worth doing"), "", also_worth_note(len(also), t), ""]
        for title, group in _by_dimension(also):
            out += [f"**{title}**", ""] + [line for rec in group for line in _recommendation_md(rec, t, "####", base)]
    if result.recommendations_not_shown:
        out += [_not_shown(result.recommendations_not_shown, t), ""]
    if result.problems or result.notes:
        out += ["## " + _("Notes on the input"), ""] + [f"- {md_text(p)}" for p in [*result.notes, *result.problems]]
    return "\n".join(out) + "\n"


def _recommendation_md(rec, t: Translator, level: str = "###", base: str | None = None) -> list[str]:
    _ = t.gettext
    label, url = chapter_link(rec.chapter, t.language, base)
    out = [f"{level} {rec.rank}. {rec.title} ({rec.priority_label})", "", rec.why, "",
           why_shown(rec.reasons, t, md_text), "",
           rec.rank_reason, ""]
    out += [f"{i}. {step}" for i, step in enumerate(rec.steps, 1)]
    read = _("Read: {chapter}").format(chapter=f"[{label}]({url})" if url else label)
    return [*out, "", _("*Ask the group:* {question}").format(question=rec.question), "", read, ""]


def _by_dimension(recommendations) -> list[tuple[str, list]]:
    """The "also worth doing" actions under their dimension, in the order the engine grouped them."""
    titles = list(dict.fromkeys(rec.dimension_title for rec in recommendations))
    return [(title, [rec for rec in recommendations if rec.dimension_title == title]) for title in titles]


def also_worth_note(n: int, t: Translator | None = None) -> str:
    """How many more actions there are and how they are grouped, then why the list deserves a read: on real
    coalitions compared with advisers (tests/data/golden/TUNING.md), their first priorities were often ranked
    6th to 15th. The page and every report say the same, so "these" always has something to refer to."""
    t = t or translator("en")
    return t.ngettext("{n} more, grouped by dimension. Its number is its place in the whole list.",
                      "{n} more, grouped by dimension, most important first within each. Their numbers are their "
                      "places in the whole list, so a group may skip one.", n).format(n=n) + " " + \
        t.ngettext("Read it before you choose what to do first. When the diagnosis was compared with experienced "
                   "advisers on real coalitions, an adviser's first priorities were often here rather than at the "
                   "top of the list.",
                   "Read these before you choose what to do first. When the diagnosis was compared with experienced "
                   "advisers on real coalitions, an adviser's first priorities were often here rather than at the "
                   "top of the list.", n)


def download_name(coalition: str, when: date, what: str) -> str:
    """A file name a leader can find again among other downloads: the coalition, the assessment's day and
    what the file holds ("c40-cities-2026-12-02-report"). Letters are reduced to plain ASCII so that every
    system, mail program and shared drive keeps the name as it is."""
    plain = unicodedata.normalize("NFKD", coalition).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].rstrip("-") or "coalition"
    return f"{slug}-{when.isoformat()}-{what}"


def why_shown(reasons: list[str], t: Translator, shown: Any = str) -> str:
    """"Why this was shown: …", each reason a sentence of its own: reasons are whole sentences ("You answered
    “Disagree” to: “…”"), so joined by semicolons they read "…; You answered…" with a stop doubled after a
    quoted statement. `shown` escapes each reason for where it goes (Markdown, a page)."""
    return t.gettext("Why this was shown: {reasons}").format(reasons=" ".join(shown(ended(r)) for r in reasons))


def ended(text: str) -> str:
    """The text with a capital and a full stop, unless it ends a sentence already, inside quotes too."""
    text = sentence(text)
    return text[:-1] if text.endswith((".”.", "?”.", "!”.", ".».", "?».", "!».")) else text


def kinds_unchecked(result: Result, stakeholders: list[Stakeholder], t: Translator) -> str | None:
    """Said under the gaps when the map exists but the main purpose does not: absent kinds of actor were
    not checked, so "No gaps found" alone would overstate what was looked at (the page says so too)."""
    if not stakeholders or result.profile.type:
        return None
    return t.gettext("Absent kinds of actor were not checked: what a coalition usually involves depends on its main "
                     "purpose, which this assessment does not have.")


def no_actions_note(result: Result, t: Translator | None = None) -> str:
    """What an empty list of actions means: too few answers to point anywhere, or answers that show no gap.
    The page and every report say it under "What to do next", which would otherwise stand empty."""
    t = t or translator(result.language)
    unscored = [d for d in result.dimensions.values() if d.score is None]
    if unscored:
        return t.ngettext(
            "No action to suggest yet: {n} dimension has no answers, and the answers given show no gap. Answer "
            "more questions for advice, or browse the handbook's toolkit.",
            "No action to suggest yet: {n} dimensions have no answers, and the answers given show no gap. Answer "
            "more questions for advice, or browse the handbook's toolkit.", len(unscored)).format(n=len(unscored))
    return t.gettext("Your answers show no gap that calls for action. Keep doing what works, and assess again after "
                     "a change of stage, of members or of leadership.")


def obstacles_note(result: Result, t: Translator | None = None) -> str | None:
    """What the leader named as standing most in the way, and how many of the first five tackle it. Why: an
    adviser answers the client's own worry even when the answers point elsewhere first, and says so."""
    if not result.obstacles:
        return None
    t = t or translator(result.language)
    _ = t.gettext
    named = _("You named as standing most in the way: {obstacles}.").format(
        obstacles=t.join(_("“{title}”").format(title=label) for label in result.obstacles))
    top = sum(bool(r.obstacles) for r in result.recommendations if r.top)
    if top:
        return named + " " + t.ngettext(  # "at the top", not "the first five": there may be fewer than five
            "{n} of the actions at the top tackles what you named and says so in its ranking.",
            "{n} of the actions at the top tackle what you named and say so in their ranking.", top).format(n=top)
    if any(r.obstacles for r in result.recommendations):
        return named + " " + _("None of the actions at the top tackles what you named: your other answers point to "
                               "more pressing work first. The actions further down that do say so in their ranking.")
    if result.obstacles_not_shown:
        return named + " " + t.ngettext(
            "None of the actions shown tackles what you named: your other answers point to more pressing work "
            "first, and {n} action that would is left out to keep the list short.",
            "None of the actions shown tackles what you named: your other answers point to more pressing work "
            "first, and {n} actions that would are left out to keep the list short.", result.obstacles_not_shown
        ).format(n=result.obstacles_not_shown)
    return named + " " + _("No action tackles what you named: your other answers show no gap there yet.")


def _not_shown(n: int, t: Translator | None = None) -> str:
    t = t or translator("en")
    return t.ngettext("{n} further action applies but is not shown, to keep the list short.",
                      "{n} further actions apply but are not shown, to keep the list short.", n).format(n=n)


def _figure_html(figure: Figure) -> str:
    """The finding as a wrapping line of text, the chart without a title of its own (so nothing is
    said twice), what its numbers stand for if it has a key, then its data as a table."""
    items = "".join(f"<li>{html.escape(entry)}</li>" for entry in figure.key)
    key = f"<ol class='key'>{items}</ol>" if items else ""
    return (f"<p class='finding'>{html.escape(figure.title)}</p><figure>{to_svg(figure.chart, width=400, title=False)}"
            f"</figure>{key}{html_table(figure.table)}")


def to_html(result: Result, stakeholders: list[Stakeholder] = (), participation_labels: dict[str, str] | None = None,
            stage_titles: dict[str, str] | None = None, *, labels: MapLabels | None = None,
            asks_stage: bool = True, base: str | None = None) -> str:
    esc = html.escape
    t = translator(result.language)
    _ = t.gettext
    lang = t.language
    labels = labels or load_labels()
    participation = participation_labels or {k: text_in(v, lang) for k, v in labels.participation.items()}
    titles = stage_titles or {s.id: s.name_in(lang) for s in load_stages()}
    name = esc(result.profile.name) if result.profile.name else esc(_("Your coalition"))
    parts = [f"<h1>{t.colon(name)} {esc(result.instrument_title)}</h1>",
             "<p class='muted'>" + esc(_("Report of {date}.").format(date=t.date(date.today()))) + " "
             + esc(_("No single overall score: each dimension stands on its own evidence.")) + "</p>",
             "<h2>" + esc(_("Where you are in the life cycle")) + "</h2>"]
    if result.stage.id:
        parts.append(_figure_html(stage_figure(result.stage, titles, lang)))
        skipped = _("Foundation skipped ({stage}):")
        parts.append("<ul>" + "".join(f"<li>{esc(e)}</li>" for e in result.stage.evidence)
                     + "".join(f"<li><strong>{esc(skipped.format(stage=s.title))}</strong> {esc(s.note)}</li>"
                               for s in result.stage.skipped) + "</ul>")
    else:
        parts.append(f"<p class='missing'>{esc(stage_not_known(result, asks_stage))}</p>")
    parts.append("<h2>" + esc(_("Dimensions")) + "</h2>")
    if any(d.score is not None for d in result.dimensions.values()):
        parts.append(_figure_html(dimension_figure(result.dimensions, lang)))
    else:
        nothing = _("No dimension could be scored yet: no scored question was answered.")
        parts.append(f"<p class='missing'>{esc(nothing)}</p>")
    parts.append("<h2>" + esc(_("Representation")) + "</h2>")
    if stakeholders:
        sectors = {k: text_in(v, lang) for k, v in labels.sectors.items()}
        parts.append(_figure_html(power_interest_figure(list(stakeholders), participation, sectors, lang)))
    else:
        parts.append("<p class='missing'>" + esc(_("No stakeholder map yet. Listing who has influence and who has a "
                                                  "stake fills in the power–interest grid and the representation "
                                                  "gaps.")) + "</p>")
    gaps = [g for g in result.representation.gaps if g.kind != "no_stakeholder_map"]
    parts.append("<ul>" + ("".join(f"<li><strong>{esc(t.colon(g.title))}</strong> {esc(g.detail)}</li>" for g in gaps)
                           or ("<li>" + esc(_("No gaps found.")) + "</li>" if stakeholders else "")) + "</ul>")
    if unchecked := kinds_unchecked(result, stakeholders, t):
        parts.append(f"<p class='muted'>{esc(unchecked)}</p>")
    if result.representation.hhi is not None:
        parts.append(f"<p class='muted'>{esc(hhi_gloss(result.representation.hhi, lang))}</p>")
    parts.append("<h2>" + esc(_("What to do next")) + "</h2>")
    if note := obstacles_note(result, t):
        parts.append(f"<p>{esc(note)}</p>")
    if not result.recommendations:
        parts.append(f"<p>{esc(no_actions_note(result, t))}</p>")
    parts += [_recommendation_html(rec, t, base) for rec in result.recommendations if rec.top]
    also = [rec for rec in result.recommendations if not rec.top]
    if also:
        parts.append("<h2>" + esc(_("Also worth doing")) + "</h2>")
        parts.append(f"<p class='muted'>{esc(also_worth_note(len(also), t))}</p>")
        for title, group in _by_dimension(also):
            parts.append(f"<h3>{esc(title)}</h3>")
            parts += [_recommendation_html(rec, t, base) for rec in group]
    if result.recommendations_not_shown:
        parts.append(f"<p class='muted'>{esc(_not_shown(result.recommendations_not_shown, t))}</p>")
    if result.problems or result.notes:
        parts.append("<h2>" + esc(_("Notes on the input")) + "</h2><ul>" + "".join(
            f"<li>{esc(p)}</li>" for p in [*result.notes, *result.problems]) + "</ul>")
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><meta name='viewport' "
            "content='width=device-width, initial-scale=1'>"
            + "<title>" + esc(_("{name}: report").format(name=result.profile.name or _("Your coalition"))) + "</title>"
            + f"<style>{STYLE}</style></head><body>{''.join(parts)}</body></html>")


def _recommendation_html(rec, t: Translator | None = None, base: str | None = None) -> str:
    esc = html.escape
    t = t or translator("en")
    _ = t.gettext
    label, url = chapter_link(rec.chapter, t.language, base)
    read = f"<a href='{esc(url)}'>{esc(label)}</a>" if url else esc(label)
    steps = "".join(f"<li>{esc(s)}</li>" for s in rec.steps)
    heading = "h3" if rec.top else "h4"
    reasons = why_shown(rec.reasons, t)
    return (f"<div class='rec{' top' if rec.top else ''}'><{heading}>{rec.rank}. {esc(rec.title)} "
            f"<small>({esc(rec.priority_label)})</small></{heading}><p>{esc(rec.why)}</p>"
            f"<p class='muted'>{esc(reasons)}</p>"
            f"<p class='muted'>{esc(rec.rank_reason)}</p><ol>{steps}</ol>"
            + "<p><em>" + esc(_("Ask the group:")) + f"</em> {esc(rec.question)}</p>"
            + "<p>" + esc(_("Read:")) + f" {read}</p></div>")


def md_table(frame) -> str:
    """A data frame as a Markdown table, missing values as a dash, cells made inert."""
    head = "| " + " | ".join(md_text(str(c)) for c in frame.columns) + " |"
    rule = "|" + "---|" * len(frame.columns)
    rows = ["| " + " | ".join("–" if pd.isna(v) else md_text(str(v)) for v in row) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *rows])


def html_table(frame) -> str:
    """A data frame as an HTML table; numbers right-aligned, missing values as a dash. Each cell carries
    its column name, so on a phone every row becomes a small card ("Score 71") instead of a table
    wider than the screen."""
    esc = html.escape
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    head = "".join(f"<th{' class=n' if n else ''}>{esc(str(c))}</th>" for c, n in zip(frame.columns, numeric,
                                                                                      strict=True))
    cells = [(f" data-label='{esc(str(c))}'" + (" class=n" if n else "")) for c, n in zip(frame.columns, numeric,
                                                                                             strict=True)]
    rows = "".join("<tr>" + "".join(f"<td{attrs}>{_cell(v)}</td>" for v, attrs in zip(row, cells, strict=True))
                   + "</tr>" for row in frame.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, float):
        return f"{value:g}"
    return html.escape(str(value))


def answers_csv(instrument: Instrument, answers: dict[str, Any], language: str = "en") -> str:
    """One row per question, with the answer and its label (in `language`), for spreadsheets. The column
    names stay the same in every language, so a spreadsheet or a script reads any of them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["section", "item", "dimension", "question", "answer", "answer_label"])
    for section in instrument.sections:
        for item in section.items:
            value = answers.get(item.id)
            writer.writerow([section.id, item.id, item.dimension or "", _csv_text(text_in(item.text, language)),
                             _csv_value(value), _csv_text(answer_label(instrument, item, value, language))])
    return buffer.getvalue()


def _csv_text(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    text = ";".join(map(str, value)) if isinstance(value, list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def answer_label(instrument: Instrument, item, value: Any, language: str = "en") -> str:
    """An answer in words: its choice on the scale, or "Don't know" and "Not applicable", in `language`."""
    scale = instrument.scale_of(item)
    if value is None or scale is None:
        return ""
    t = translator(language)
    _ = t.gettext
    if value in ("dont_know", "not_applicable"):
        return {"dont_know": _("Don't know"), "not_applicable": _("Not applicable")}[value]
    values = value if isinstance(value, list) else [value]
    return t.semicolons(text_in(scale.choices.get(str(v), str(v)), language) for v in values)
