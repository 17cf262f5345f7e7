"""Results: life-cycle stage, dimension profile, stakeholder grid, gaps and ranked actions."""

from __future__ import annotations

import json
from functools import partial

import streamlit as st

from assessment.charts import dimension_figure, power_interest_figure, stage_figure
from assessment.files import AnswersFile
from assessment.model import text_in
from assessment.pdf import html_to_pdf, pdf_problem
from assessment.report import (
    also_worth_note,
    answers_csv,
    download_name,
    hhi_gloss,
    no_actions_note,
    obstacles_note,
    section_title,
    stage_not_known,
    to_html,
    to_json,
    to_markdown,
    why_shown,
)
from ui.assessment_state import NEW, assessment_nav, get_engine, get_store, open_assessment, resume_params
from ui.coalition_profile import purpose_and_scope
from ui.figures import show_figure
from ui.language import read_label, words
from ui.links import base_url
from ui.safe import inert

engine = get_engine()
saved = open_assessment()
t = words(saved)
_ = t.gettext
language = t.language
if saved is None:
    st.title(_("Results"))
    st.info(_("Open or start an assessment to see its results."))
    st.page_link("pages/assess.py", label=_("Start an assessment"), icon=":material/arrow_forward:")
    st.stop()

instrument = engine.instruments[saved.instrument_id]
result = engine.assess(instrument, saved.answers, saved.stakeholders, saved.profile, notes=list(saved.notes),
                       language=language)
stage_titles = {s.id: s.name_in(language) for s in engine.stages}
participation = {k: text_in(v, language) for k, v in engine.labels.participation.items()}
sectors = {k: text_in(v, language) for k, v in engine.labels.sectors.items()}

name = inert(saved.profile.name) if saved.profile.name else _("Your coalition")

st.title(_("Results: {name}").format(name=name) if saved.profile.name else _("Results"))
assessment_nav("pages/results.py", saved)
answered = sum(d.answered for d in result.dimensions.values())
count = t.ngettext("{n} answer", "{n} answers", len(saved.answers)).format(n=len(saved.answers))
st.caption(_("{questionnaire} · {answers} · no single overall score: each dimension stands on its own "
             "evidence.").format(questionnaire=result.instrument_title, answers=count))
if answered == 0:
    st.warning(_("No scored question has been answered yet, so there is little to show."))

st.header(_("Where you are in the life cycle"), anchor="stage")
stage_items = [i for i in instrument.items if i.stage]
if result.stage.id:
    show_figure(stage_figure(result.stage, stage_titles, language), "stage", language)
    for line in result.stage.evidence:
        st.markdown(f"- {inert(line)}")
    for skipped in result.stage.skipped:
        st.warning("**" + _("Foundation skipped: {stage}.").format(stage=skipped.title) + f"** {skipped.note}")
elif stage_items:
    st.markdown(stage_not_known(result, asks_stage=True))
    st.page_link("pages/assess.py", label=_("Go to the life-cycle questions") if result.stage.unsure
                 else _("Answer the life-cycle questions"), icon=":material/checklist:",
                 query_params={**resume_params(), "section": next(
                     s.id for s in instrument.sections if any(i.stage for i in s.items))})
else:
    st.markdown(stage_not_known(result, asks_stage=False))
    st.page_link("pages/assess.py", label=_("Take the full diagnostic (about {minutes} minutes)").format(
                 minutes=engine.instruments["full-diagnostic"].minutes),
                 icon=":material/add_circle:", query_params={NEW: "1", "instrument": "full-diagnostic"})

st.header(_("Dimensions"), anchor="dimensions")
if answered:
    show_figure(dimension_figure(result.dimensions, language), "dimensions", language)
else:
    st.markdown(_("No dimension can be scored until a scored question is answered."))
    st.page_link("pages/assess.py", label=_("Answer the questions"), icon=":material/checklist:",
                 query_params=resume_params())
unknown = [d for d in result.dimensions.values() if d.dont_know]
if unknown:
    st.info(_("“Don't know” answers are a finding too: {dimensions}.").format(
        dimensions=", ".join(f"{d.title} ({d.dont_know})" for d in unknown)))

st.header(_("Representation"), anchor="representation")
if saved.stakeholders:
    show_figure(power_interest_figure(saved.stakeholders, participation, sectors, language), "grid", language)
else:
    st.markdown(_("No stakeholder map yet. Listing who has influence over the outcome and who has a stake in it "
                  "draws the power–interest grid and finds who is missing."))
    st.page_link("pages/stakeholders.py", label=_("Fill in the stakeholder map"), icon=":material/hub:",
                 query_params=resume_params())
gaps = [g for g in result.representation.gaps if g.kind != "no_stakeholder_map"]
for gap in gaps:
    st.markdown(f"- **{t.colon(gap.title)}** {inert(gap.detail)}")
if saved.stakeholders and saved.profile.type is None:
    purpose_and_scope(saved, get_store(), t)  # until then "no gaps found" would overstate what was checked
elif saved.stakeholders and not gaps:
    st.markdown(_("No representation gaps found in what you entered."))
if result.representation.hhi is not None:
    st.caption(hhi_gloss(result.representation.hhi, language))

st.header(_("What to do next"), anchor="actions")


def show_action(rec) -> None:
    """One action: its priority in words, why it was shown and why it ranks where it does, the steps."""
    label = f"{'★ ' if rec.top else ''}{rec.rank}. {rec.title} · {rec.priority_label}"
    with st.expander(label, expanded=rec.top, key=f"rec_{rec.id}"):
        st.write(rec.why)
        st.caption(why_shown(rec.reasons, t, inert))
        st.caption(_("Priority: {priority}.").format(priority=rec.priority_label) + " " + inert(rec.rank_reason))
        st.markdown("\n".join(f"{i}. {step}" for i, step in enumerate(rec.steps, 1)))
        st.markdown("**" + _("Ask the group:") + f"** {rec.question}")
        slug, _sep, section = rec.chapter.partition("#")
        st.page_link("pages/handbook.py", label=read_label(section_title(slug, section), language),
                     icon=":material/menu_book:",
                     query_params={"chapter": slug, **({"section": section} if section else {})})


top_actions = [r for r in result.recommendations if r.top]
also_actions = [r for r in result.recommendations if not r.top]
if not result.recommendations:
    st.write(no_actions_note(result, t))
elif top_actions:
    st.caption(t.ngettext("The most important action. It says why it ranks where it does.",
                          "The {n} most important: different things to do, at most two from one dimension. Each "
                          "says why it ranks where it does.", len(top_actions)).format(n=len(top_actions)))
    if engine.calibration.coalitions:
        st.caption(_("The order weighs the evidence in your answers by your life-cycle stage and by how often "
                     "experienced advisers named each action among their first priorities for {n} documented "
                     "coalitions.").format(n=engine.calibration.coalitions))
if note := obstacles_note(result, t):
    st.info(note, icon=":material/flag:")
for rec in top_actions:
    show_action(rec)
if also_actions:
    st.subheader(_("Also worth doing"), anchor="also-worth-doing")
    st.caption(also_worth_note(len(also_actions), t))
    for title in dict.fromkeys(r.dimension_title for r in also_actions):
        st.markdown(f"**{title}**")
        for rec in (r for r in also_actions if r.dimension_title == title):
            show_action(rec)
if result.recommendations_not_shown:
    n = result.recommendations_not_shown
    st.caption(t.ngettext("{n} further action applies but is not shown, to keep the list short: work on those above "
                          "first, then assess again.",
                          "{n} further actions apply but are not shown, to keep the list short: work on those above "
                          "first, then assess again.", n).format(n=n))

members_questions = instrument.ask_members_items
if members_questions:
    st.subheader(_("Check your guesses with your members"), anchor="ask-members")
    st.markdown(t.ngettext(
        "Only members can answer {n} of these questions well, such as whether it is safe to disagree. A workshop "
        "can ask the room just that one, anonymously on their phones, and show their answers beside yours.",
        "Only members can answer {n} of these questions well, such as whether it is safe to disagree. A workshop "
        "can ask the room just those, anonymously on their phones, and show their answers beside yours.",
        len(members_questions)).format(n=len(members_questions)))
    st.page_link("pages/facilitate.py", label=_("Run a workshop on these questions"), icon=":material/groups:")
    st.caption(_("On the workshop page, choose the members' questions and paste this assessment's resume link."))

st.header(_("Download"), anchor="download")
parsed = AnswersFile(instrument=instrument, answers=saved.answers, stakeholders=saved.stakeholders,
                     profile=saved.profile)
# Each file is built only when its button is pressed: rendering charts is the slowest step.
asks_stage = any(i.stage for i in instrument.items)


def report_html() -> str:
    return to_html(result, saved.stakeholders, participation, stage_titles, labels=engine.labels,
                   asks_stage=asks_stage, base=base_url())


named = partial(download_name, saved.profile.name, (saved.completed_at or saved.created_at).date())
DOWNLOADS = [  # every report and download is in the assessment's language
    ("pdf", _("Report (PDF)"), lambda: html_to_pdf(report_html()), named("report.pdf"), "application/pdf"),
    ("html", _("Report (HTML)"), report_html, named("report.html"), "text/html"),
    ("md", _("Report (Markdown)"), lambda: to_markdown(result, saved.stakeholders, engine.labels, base_url()),
     named("report.md"), "text/markdown"),
    ("json", _("Result (JSON)"), lambda: to_json(result), named("result.json"), "application/json"),
    ("csv", _("Answers (CSV)"), lambda: answers_csv(instrument, saved.answers, language), named("answers.csv"),
     "text/csv"),
    ("answers", _("Answers file (JSON, to resume elsewhere)"), lambda: json.dumps(parsed.to_json(), indent=2),
     named("answers.json"), "application/json"),
]
missing_pdf = pdf_problem()
if missing_pdf:
    st.info(missing_pdf, icon=":material/picture_as_pdf:")
    DOWNLOADS = DOWNLOADS[1:]
columns = st.columns(2)
for index, (key, label, build, file_name, mime) in enumerate(DOWNLOADS):
    columns[index % 2].download_button(label, build, file_name, mime, key=f"dl_{key}", on_click="ignore",
                                       icon=":material/download:", type="primary" if index == 0 else "secondary")
