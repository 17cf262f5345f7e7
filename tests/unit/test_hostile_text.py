"""Every report and chart built from hostile text in every text field: no crash, text shown as text.

Control characters once made the chart renderer abort the whole server (every session and live
workshop with it). Text now passes one cleaning boundary (assessment/cleaning.py) on the way in,
and the SVG renderer is guarded on its own as well.
"""

from __future__ import annotations

import json

import pytest

from assessment.charts import dimension_figure, power_interest_figure, stage_figure, to_svg
from assessment.engine import default_engine
from assessment.files import read_answers
from assessment.report import answers_csv, to_html, to_json, to_markdown
from assessment.storage import Store
from workshop.charts import diverging_figure, group_figure
from workshop.report import answers_csv as workshop_csv
from workshop.report import answers_json, group_report_html
from workshop.stats import group_scores, item_stats, likert_items, scale_labels
from workshop.workshops import Workshops

ENGINE = default_engine()
QUICK = ENGINE.instruments["quick-check"]
CONTROL = "a\x00b\x07c\x1b[31m\x0b\ufffe\uffff\x7f"
HOSTILE = [CONTROL, "\u202eevil\u202c name", "🙂👍🏽 мир عالم", "n" * 10_000, "<script>alert(1)</script>",
           "[x](http://evil.example) ![i](http://evil.example/i.png)", "=HYPERLINK(\"http://e\")"]
INVISIBLE = ["\x00", "\x07", "\x1b", "\x0b", "\ufffe", "\uffff", "\u202e"]


def assert_clean(text: str, markup: bool = True) -> None:
    assert not [ch for ch in INVISIBLE if ch in text]
    assert "n" * 201 not in text  # names are capped at 200 characters
    if markup:
        assert "<script>alert" not in text


@pytest.fixture(scope="module")
def hostile_file():
    stakeholders = [{"name": name, "sector": sector, "influence": 5, "stake": 4, "participation": "opposed",
                     "votes": 10} for name, sector in zip(HOSTILE, ["ngo", "business", "donor", "media", "academia",
                                                                    "other", "civil_society"], strict=True)]
    answers = {item.id: 2 for item in QUICK.items if item.kind == "likert"}
    data = {"instrument": "quick-check", "answers": answers, "stakeholders": stakeholders,
            "profile": {"name": CONTROL + HOSTILE[1], "issue_area": HOSTILE[3]}}
    return read_answers(json.dumps(data), ENGINE.instruments, "hostile.json")


def test_names_are_cleaned_at_the_edge(hostile_file):
    assert len(hostile_file.stakeholders) == len(HOSTILE)
    assert hostile_file.stakeholders[0].name == "abc[31m"
    assert hostile_file.profile.name == "abc[31mevil name"
    assert len(hostile_file.profile.issue_area) == 200


def test_assessment_reports_and_charts(hostile_file):
    result = ENGINE.assess_file(hostile_file)
    stages = {s.id: s.title for s in ENGINE.stages}
    html = to_html(result, hostile_file.stakeholders, ENGINE.labels.participation, stages)
    assert_clean(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "🙂👍🏽 мир عالم" in html
    markdown = to_markdown(result, hostile_file.stakeholders)
    assert_clean(markdown)
    assert "![i](" not in markdown and "\\!\\[i\\]" in markdown
    assert "http://evil" not in markdown  # a bare address would still be made a link by a Markdown viewer
    assert "http\u2060://evil.example" in markdown  # so a word joiner, invisible, sits inside it
    assert_clean(to_json(result), markup=False)
    assert_clean(answers_csv(QUICK, hostile_file.answers), markup=False)
    for figure in (dimension_figure(result.dimensions), stage_figure(result.stage, stages),
                   power_interest_figure(hostile_file.stakeholders, ENGINE.labels.participation)):
        assert to_svg(figure.chart).startswith("<svg")


def test_the_svg_renderer_survives_text_that_skipped_the_boundary():
    """Defence in depth: even raw control characters in a chart never reach the renderer."""
    import altair as alt
    import pandas as pd

    chart = alt.Chart(pd.DataFrame({"a": [CONTROL], "b": [1]})).mark_bar().encode(x="b", y="a")
    assert "<svg" in to_svg(chart.properties(title=CONTROL))


def test_workshop_report_exports_and_dashboard_figures(tmp_path):
    service = Workshops(Store(f"sqlite:///{tmp_path / 'w.db'}"))
    workshop, _ = service.create(CONTROL + HOSTILE[4], QUICK, HOSTILE[:3] + HOSTILE[4:], threshold=1)
    assert "\x07" not in workshop.title and all(len(g) <= 100 for g in workshop.groups)
    items = likert_items(QUICK, [])
    for group in workshop.groups:
        person, _ = service.join(workshop.code, group)
        for n, item in enumerate(items):
            service.save_answer(person, item.id, n % 5 + 1)
    rows = service.rows(workshop.id)
    report = group_report_html(workshop, QUICK, rows, ENGINE.titles, {})
    assert_clean(report)
    assert "&lt;script&gt;" in report
    for export in (workshop_csv(workshop, QUICK, rows), answers_json(workshop, rows)):
        assert_clean(export, markup=False)
    stats = item_stats(QUICK, items, rows, workshop.threshold)
    for figure in (diverging_figure(stats, scale_labels(QUICK)),
                   group_figure(group_scores(QUICK, items, rows, 1, workshop.groups), ENGINE.titles)):
        assert to_svg(figure.chart).startswith("<svg")
