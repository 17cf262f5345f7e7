"""Charts and reports show only what is known, say each finding once, in whole numbers and plain words."""

from __future__ import annotations

import io
import re
import sys

import pandas as pd
import pytest

from assessment.charts import (
    dimension_figure,
    power_interest_figure,
    stage_figure,
    to_svg,
    trend_figure,
    whole,
    wrap,
    wrapped_labels,
)
from assessment.engine import default_engine
from assessment.i18n import translator
from assessment.model import Profile, Stakeholder
from assessment.pdf import html_to_pdf, pdf_problem
from assessment.report import hhi_gloss, html_table, to_html, to_markdown
from handbook.library import load_handbook

ENGINE = default_engine()
ENGINE_HANDBOOK = load_handbook()
QUICK = ENGINE.instruments["quick-check"]
FULL = ENGINE.instruments["full-diagnostic"]
TITLES = {s.id: s.title for s in ENGINE.stages}
PEOPLE = [Stakeholder(name="Ministry of Foreign Affairs of the Republic", sector="national_government", influence=5,
                      stake=5, participation="opposed"),
          Stakeholder(name="Campaign secretariat", sector="ngo", influence=5, stake=5, participation="core", votes=70),
          Stakeholder(name="Survivors' network", sector="affected_community", influence=2, stake=5,
                      participation="member", votes=30)]


def full_result(stakeholders=PEOPLE):
    answers = {i.id: (4 if n % 3 else 2) for n, i in enumerate(FULL.items) if i.kind == "likert"}
    return ENGINE.assess(FULL, answers, stakeholders, Profile(name="Mine Ban <Coalition>", type="advocacy"))


def test_labels_wrap_between_words_and_are_never_cut():
    label = "Accountability and decision-making"
    lines = wrap(label, 22)
    assert len(lines) == 2 and all(len(line) <= 22 for line in lines)
    assert " ".join(lines) == label
    assert "Accountability and" in wrapped_labels([label, "Issue fit"]) and "Issue fit" not in wrapped_labels(
        [label, "Issue fit"])  # short labels are left alone
    assert wrapped_labels(["Issue fit"]) == "datum.label"
    spec = dimension_figure(full_result().dimensions, "fr").chart.to_dict()
    [legend] = [layer["encoding"]["color"]["legend"] for layer in spec["layer"] if "color" in layer.get("encoding", {})
                and "legend" in layer["encoding"]["color"]]
    assert legend["labelLimit"] == 0 and legend["columns"] == 1  # "en développement" was cut at a phone's edge


@pytest.mark.parametrize(("score", "shown"), [(62.5, 63), (71.4, 71), (0.0, 0), (99.5, 100), (None, None)])
def test_scores_are_whole_numbers_rounded_half_up(score, shown):
    assert whole(score) == shown


def test_the_dimension_table_and_chart_show_the_same_whole_numbers():
    result = full_result()
    figure = dimension_figure(result.dimensions)
    spec = figure.chart.to_dict()
    data = next(iter(spec["datasets"].values()))
    for row, d in zip(figure.table.itertuples(index=False), result.dimensions.values(), strict=True):
        assert row.Score == whole(d.score)
    assert {r["Label"] for r in data} == {str(whole(d.score)) for d in result.dimensions.values()}
    assert spec["layer"][0]["encoding"]["y"]["axis"]["labelLimit"] == 0  # never truncated


def test_the_current_stage_is_marked_even_without_evidence_for_it():
    result = full_result()
    stage = result.stage.model_copy(update={"levels": {**result.stage.levels, result.stage.id: None}, "between": []})
    data = next(iter(stage_figure(stage, TITLES).chart.to_dict()["datasets"].values()))
    marked = [r for r in data if "You are here" in r["Label"]]
    assert [r["Stage"] for r in marked] == [TITLES[result.stage.id]]
    assert marked[0]["Label"] == "no answers · You are here"


def row_labels_top_to_bottom(svg: str) -> list[str]:
    """The y-axis labels of a rendered chart, top first (each label's first line, by its y position)."""
    groups = re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg, re.S)
    rows = next(g for g in groups if 'translate(-' in g)  # the y axis's labels sit left of the axis
    labels = re.findall(r'transform="translate\((-?[\d.]+),(-?[\d.]+)\)"[^>]*>(?:<tspan[^>]*>)?([^<]+)', rows)
    return [text for _, y, text in sorted(labels, key=lambda label: float(label[1]))]


def test_rows_keep_the_life_cycle_and_questionnaire_order_when_some_have_no_answer():
    """The quick check asks about three stages; the rows it leaves empty once sank to the bottom."""
    answers = {i.id: 2 for i in QUICK.items if i.kind == "likert"} | {"tr_governance_public": "dont_know"}
    result = ENGINE.assess(QUICK, answers, [], Profile())
    stages = row_labels_top_to_bottom(to_svg(stage_figure(result.stage, TITLES).chart))
    assert stages == [TITLES[s] for s in ("forming", "agenda_setting", "negotiation", "implementation", "monitoring",
                                          "evaluation")]
    dimensions = row_labels_top_to_bottom(to_svg(dimension_figure(result.dimensions).chart))
    assert dimensions.index("Transparency") == list(result.dimensions).index("transparency")


def test_a_tie_is_named_and_a_dimension_answered_dont_know_says_so():
    answers = {i.id: 3 for i in QUICK.items if i.kind == "likert"} | {"tr_governance_public": "dont_know"}
    result = ENGINE.assess(QUICK, answers, [], Profile())
    figure = dimension_figure(result.dimensions)
    data = next(iter(figure.chart.to_dict()["datasets"].values()))
    assert {r["Dimension"]: r["Label"] for r in data}["Transparency"] == "“Don't know” only"
    top = max(whole(d.score) for d in result.dimensions.values() if d.score is not None)
    tied = [d.title for d in result.dimensions.values() if d.score is not None and whole(d.score) == top]
    assert len(tied) == 2 and figure.title.startswith(f"Strongest: {tied[0]}, tied with {tied[1]} ({top});")
    assert "tied with 5 others" in figure.title  # more than two: the first, and how many share its score


def test_between_two_stages_both_are_marked_as_the_title_names_both():
    result = full_result()
    stage = result.stage.model_copy(update={"id": "agenda_setting", "between": ["agenda_setting", "negotiation"],
                                            "title": "Between agenda-setting and negotiation"})
    figure = stage_figure(stage, TITLES)
    data = next(iter(figure.chart.to_dict()["datasets"].values()))
    assert [r["Stage"] for r in data if "You are here" in r["Label"]] == [TITLES["agenda_setting"],
                                                                         TITLES["negotiation"]]
    assert list(figure.table["You are here"]).count("◀ here") == 2
    assert figure.title == "You are here: Between agenda-setting and negotiation"


def test_each_stakeholder_is_a_numbered_point_named_in_the_key_with_sector_names():
    figure = power_interest_figure(PEOPLE, ENGINE.labels.participation, ENGINE.labels.sectors)
    assert list(figure.table["No."]) == [1, 2, 3]
    assert list(figure.table["Sector"]) == ["National government", "NGO",
                                            "Affected community or its own representatives"]
    assert figure.key == ("Ministry of Foreign Affairs of the Republic (Opposed)", "Campaign secretariat (Core group)",
                          "Survivors' network (Member)")
    spec = figure.chart.to_dict()
    texts = {(r["Stake"], r["Influence"]): r["Numbers"] for data in spec["datasets"].values() for r in data
             if "Label at" in r}
    assert texts == {(5, 5): "1, 2", (5, 2): "3"}  # two on one point share a label; no name on the grid
    crowded = [Stakeholder(name=f"Group {n}", sector="ngo", influence=3, stake=3, participation="member")
               for n in range(7)]
    spec = power_interest_figure(crowded, ENGINE.labels.participation).chart.to_dict()
    label = next(r["Numbers"] for data in spec["datasets"].values() for r in data if "Label at" in r)
    assert label.split("\n") == ["1, 2, 3", "4, 5, 6", "7"]  # short lines, so a cell's label stays in its cell


def test_the_grid_title_never_reassures_about_nobody_and_names_an_opponent():
    def person(participation, level):
        return Stakeholder(name=f"{participation} {level}", sector="ngo", influence=level, stake=level,
                           participation=participation)

    def title(*people):
        return power_interest_figure(list(people), ENGINE.labels.participation).title

    assert title(person("member", 3), person("opposed", 3)) == ("No stakeholder is rated 4 or 5 for influence or "
                                                                "stake; 1 stakeholder is opposed")
    engaged = "Every stakeholder with high influence or stake is engaged"
    assert title(person("member", 5), person("consulted", 2)) == engaged
    assert title(person("member", 5), person("opposed", 5), person("opposed", 2)) == (
        "1 stakeholder with high influence or stake is outside the coalition")


def test_the_report_names_each_number_of_the_grid_in_the_reader_s_language():
    report = to_html(full_result(), PEOPLE)
    assert ("<ol class='key'><li>Ministry of Foreign Affairs of the Republic (Opposed)</li>"
            "<li>Campaign secretariat (Core group)</li><li>Survivors&#x27; network (Member)</li></ol>") in report
    french = power_interest_figure(PEOPLE, {"opposed": "Opposé", "core": "Noyau", "member": "Membre"},
                                   language="fr")
    assert "N°" in french.table.columns and french.key[0] == "Ministry of Foreign Affairs of the Republic (Opposé)"


def test_a_dimension_first_scored_later_changes_from_its_first_score_as_the_title_counts():
    from datetime import datetime

    others = {i.id: 3 for i in QUICK.items if i.kind == "likert" and i.dimension != "transparency"}
    transparency = [i.id for i in QUICK.items if i.dimension == "transparency"]
    first, second, third = (ENGINE.assess(QUICK, others | {i: level for i in transparency if level}).dimensions
                            for level in (None, 1, 3))  # transparency first answered in the second
    figure = trend_figure([(datetime(2025, 1, 5), first), (datetime(2025, 4, 5), second),
                           (datetime(2025, 7, 5), third)])
    row = figure.table[figure.table["Dimension"] == "Transparency"].iloc[0]
    assert pd.isna(row["05 Jan 2025"]) and row["Change"] == row["05 Jul 2025"] - row["05 Apr 2025"] > 0
    assert f"Transparency rose most (+{row['Change']})" in figure.title


def test_trend_has_a_panel_per_dimension_and_a_table_with_the_change():
    from datetime import datetime

    before = ENGINE.assess(QUICK, {i.id: 2 for i in QUICK.items if i.kind == "likert"}).dimensions
    after = ENGINE.assess(QUICK, {i.id: 5 for i in QUICK.items if i.kind == "likert"}).dimensions
    figure = trend_figure([(datetime(2025, 1, 5), before), (datetime(2025, 7, 5), after)])
    assert [name for name, _ in figure.panels] == [d.title for d in before.values()]
    assert list(figure.table.columns) == ["Dimension", "05 Jan 2025", "05 Jul 2025", "Change"]
    row = figure.table.set_index("Dimension").loc["Legitimacy"]
    assert (row["05 Jan 2025"], row["05 Jul 2025"], row["Change"]) == (25, 100, 75)


def test_a_french_trend_names_its_months_in_french_on_the_axis_and_in_the_table():
    from datetime import datetime

    before = ENGINE.assess(QUICK, {i.id: 2 for i in QUICK.items if i.kind == "likert"}, language="fr").dimensions
    after = ENGINE.assess(QUICK, {i.id: 5 for i in QUICK.items if i.kind == "likert"}, language="fr").dimensions
    figure = trend_figure([(datetime(2025, 12, 5), before), (datetime(2026, 7, 5), after)], "fr")
    assert "05 déc. 2025" in figure.table.columns and "05 juil. 2026" in figure.table.columns
    svg = to_svg(figure.panels[0][1])
    axis = " ".join(re.findall(r'role-axis-label.*?</g>', svg, re.S))
    assert "déc." in axis or "juil." in axis or "janv." in axis, axis
    assert not re.search(r">(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ", svg)


def test_trend_dates_are_labelled_at_each_assessments_own_day():
    """Two assessments a week apart were both labelled "Dec 2026", six times along one axis; across a month's
    end a time axis named a "nice" day between them. Each assessment now has its own label, the table's."""
    from datetime import datetime

    dims = ENGINE.assess(QUICK, {i.id: 3 for i in QUICK.items if i.kind == "likert"}).dimensions

    def axis_labels(figure) -> list[str]:
        axis = " ".join(re.findall(r'role-axis-label.*?</g>', to_svg(figure.panels[0][1]), re.S))
        return [t for t in re.findall(r">([^<>]+)</text>", axis) if not t.strip().isdigit()]

    week = trend_figure([(datetime(2026, 11, 28, 10), dims), (datetime(2026, 12, 2, 10), dims)])
    assert axis_labels(week) == ["28 Nov 2026", "02 Dec 2026"] == list(week.table.columns[1:3])
    same_day = trend_figure([(datetime(2026, 12, 2, 10, 8), dims), (datetime(2026, 12, 2, 15, 30), dims)])
    assert axis_labels(same_day) == ["02 Dec 2026 10:08", "02 Dec 2026 15:30"]


def test_report_says_each_finding_once_with_sector_labels_and_a_gloss():
    result = full_result()
    report = to_html(result, PEOPLE)
    headings = re.findall(r"<h2>(.*?)</h2>", report)
    assert headings[:4] == ["Where you are in the life cycle", "Dimensions", "Representation", "What to do next"]
    for finding in re.findall(r"<p class='finding'>(.*?)</p>", report):
        assert report.count(finding) == 1, finding  # not repeated as a heading or inside the chart
    assert "National government" in report and "national_government" not in report
    assert "as if 2 members shared them equally" in report.replace("\n", " ")
    assert "Mine Ban &lt;Coalition&gt;" in report and "<Coalition>" not in report
    assert "data-label='Score'" in report  # each row becomes a card on a phone


def test_a_quick_check_report_has_no_empty_chart():
    statements = {i.id: 2 for i in QUICK.items if not i.stage and i.kind == "likert"}
    result = ENGINE.assess(QUICK, statements, [], Profile(name="Quick"))
    report = to_html(result, [], asks_stage=True)
    assert report.count("<svg") == 1  # the dimensions only: no stage chart without stage answers
    assert "life-cycle questions are not answered yet" in report
    assert "No stakeholder map yet" in report and "No gaps found" not in report


def test_markdown_report_uses_whole_numbers_and_labels():
    result = full_result()
    text = to_markdown(result, PEOPLE)
    assert re.search(r"\| \d+\.\d", text) is None
    assert "| Survivors' network | Affected community or its own representatives | 2 | 5 | Member | 30 |" in text


@pytest.mark.parametrize(("hhi", "words"), [(0.5, "as if 2 members shared them equally, "), (1.0, "one member held"),
                                            (0.2, "not highly concentrated")])
def test_herfindahl_gloss_in_plain_words(hhi, words):
    assert words.strip(", ") in hhi_gloss(hhi)


def test_html_table_marks_numbers_and_missing_values():
    import pandas as pd

    table = html_table(pd.DataFrame({"Name": ["a"], "Score": pd.array([None], dtype="Int64")}))
    assert "<td data-label='Score' class=n>–</td>" in table


def test_pdf_has_the_report_headings():
    if pdf_problem():
        pytest.skip(pdf_problem())
    pypdf = pytest.importorskip("pypdf")
    pdf = html_to_pdf(to_html(full_result(), PEOPLE))
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages).split())
    for heading in ["Mine Ban <Coalition>: Full coalition diagnostic", "Where you are in the life cycle",
                    "Dimensions", "Representation", "What to do next"]:
        assert heading in text
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    finding = dimension_figure(full_result().dimensions).title
    [page] = [p for p in pages if finding in p]
    assert "Score (0–100)" in page  # a chart's finding is never left at the foot of a page without its chart


def test_pdf_loads_nothing_from_outside():
    if pdf_problem():
        pytest.skip(pdf_problem())
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        port = listener.getsockname()[1]
        pdf = html_to_pdf(f"<p>x</p><img src='http://127.0.0.1:{port}/tracker.png'>")
        with pytest.raises(BlockingIOError):
            listener.accept()  # nobody connected
    assert pdf.startswith(b"%PDF")


def test_without_the_system_libraries_the_app_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # importing it now raises ImportError
    pdf_problem.cache_clear()
    try:
        message = pdf_problem()
    finally:
        pdf_problem.cache_clear()
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in message and "Print" in message


def test_chart_titles_wrap_to_fit_a_phone_and_keep_every_word():
    """Vega does not wrap titles: a finding longer than a phone is wide must come as lines."""
    result = full_result()
    for figure in (dimension_figure(result.dimensions), stage_figure(result.stage, TITLES, "fr")):
        spec = figure.chart.to_dict()
        lines = spec["title"]["text"]
        assert isinstance(lines, list) and all(len(line) <= 40 for line in lines)
        assert " ".join(lines) == figure.title


def test_reports_name_handbook_sections_as_the_handbook_does_and_link_them_when_the_address_is_known():
    result = full_result()
    rec = next(r for r in result.recommendations if "#" in r.chapter)
    slug, section = rec.chapter.split("#")
    chapter = ENGINE_HANDBOOK.chapter(slug)
    label = f"{chapter.title} › {chapter.section(section).title}"
    markdown = to_markdown(result, base="https://coalitions.example.org/")
    assert f"Read: [{label}](https://coalitions.example.org/handbook?chapter={slug}&section={section})" in markdown
    html = to_html(result, PEOPLE, base="https://coalitions.example.org")
    assert f"<a href='https://coalitions.example.org/handbook?chapter={slug}&amp;section={section}'>" in html
    assert f"Read: {label}" in to_markdown(result)  # no address known: the title, unlinked


def test_a_rendered_chart_keeps_a_margin_left_of_its_row_labels():
    from assessment.charts import LABEL_MARGIN, _with_left_margin

    assert _with_left_margin(None) == {"top": 5, "right": 5, "bottom": 5, "left": LABEL_MARGIN}
    assert _with_left_margin({"right": 24}) == {"top": 5, "right": 24, "bottom": 5, "left": LABEL_MARGIN}
    assert _with_left_margin(30)["left"] == 30
    svg = to_svg(stage_figure(full_result().stage, TITLES).chart)
    left = float(re.search(r'<g fill="none" stroke-miterlimit="10" transform="translate\(([\d.]+),', svg).group(1))
    widest = max(len(t) for t in TITLES.values())
    assert left >= widest * 6 + LABEL_MARGIN  # the labels (12 px, over 6 px a letter) and the margin


def test_a_download_is_named_after_the_coalition_and_the_day_in_plain_letters():
    from datetime import date

    from assessment.report import download_name

    day = date(2026, 12, 2)
    assert download_name("Coalition pour la Cour pénale internationale", day, "report.pdf") == (
        "coalition-pour-la-cour-penale-internatio-2026-12-02-report.pdf")  # 40 letters at most
    assert download_name("C40 Cities", day, "answers.json") == "c40-cities-2026-12-02-answers.json"
    assert download_name("../../etc/passwd", day, "report.md") == "etc-passwd-2026-12-02-report.md"
    assert download_name("مجلس", day, "result.json") == "coalition-2026-12-02-result.json"


def test_the_dimension_title_never_names_one_dimension_as_both_strongest_and_weakest():
    one = ENGINE.assess(QUICK, {"fi_adds_value_named": 1}).dimensions
    assert dimension_figure(one).title == "Only Issue fit could be scored (0)"
    level = {i.id: 3 for i in QUICK.items if i.kind == "likert" and QUICK.scale_of(i).points == 3 and not i.reverse}
    same = ENGINE.assess(QUICK, level).dimensions
    scores = {whole(d.score) for d in same.values() if d.score is not None}
    scored = sum(d.score is not None for d in same.values())
    assert scores == {100} and dimension_figure(same).title == f"The {scored} dimensions scored all stand at 100"


def test_reports_say_absent_kinds_of_actor_were_not_checked_without_a_main_purpose():
    people = [Stakeholder(name="Bottler", sector="business", influence=4, stake=3, participation="opposed")]
    result = ENGINE.assess(QUICK, {"fi_adds_value_named": 4}, people, Profile(name="No purpose"))
    said = "Absent kinds of actor were not checked: what a coalition usually involves depends on its main purpose"
    assert said in to_markdown(result, people) and said in to_html(result, people)
    assert "High influence, and not engaged or opposed: Bottler (opposed" in to_html(result, people)
    typed = ENGINE.assess(QUICK, {"fi_adds_value_named": 4}, people, Profile(name="Purpose", type="advocacy"))
    assert said not in to_markdown(typed, people)


def test_also_worth_doing_speaks_of_one_action_in_the_singular():
    from assessment.report import also_worth_note

    assert also_worth_note(1).startswith("1 more, grouped by dimension. Its number is its place in the whole list. "
                                         "Read it before you choose")
    assert "Lisez-les avant" in also_worth_note(3, translator("fr"))


def test_an_unanswered_dimension_is_no_answers_on_the_chart_as_in_its_table():
    from ui.figures import readable

    figure = dimension_figure(ENGINE.assess(QUICK, {"fi_adds_value_named": 4}).dimensions)
    labels = {r["Dimension"]: r["Label"] for data in figure.chart.to_dict()["datasets"].values() for r in data
              if "Label" in r}
    row = readable(figure.table).set_index("Dimension").loc["Legitimacy"]
    assert labels["Legitimacy"] == row["Score"] == "no answers"
