"""The questionnaires and rules are complete, and every reference between them resolves."""

from collections import Counter

import pytest

from assessment.loader import load_instruments
from assessment.model import STAGES, text_in
from assessment.recommend import load_rules, load_themes
from assessment.representation import load_labels
from assessment.validate import resolves, validate_all
from tests.conftest import ROOT

INSTRUMENTS = load_instruments()
FULL, QUICK = INSTRUMENTS["full-diagnostic"], INSTRUMENTS["quick-check"]
RULES = load_rules()
SCORED = ["issue_fit", "legitimacy", "accountability", "transparency", "representation", "trust", "resources",
          "impact", "effectiveness", "technology"]


def test_validate_reports_no_problem():
    problems, counts = validate_all()
    assert problems == []
    assert counts["rules"] == len(RULES)


def test_full_diagnostic_size_and_coverage():
    # A ceiling keeps the questionnaire from growing one good idea at a time: at about 20 seconds an item, 115
    # items still fit the 40 minutes it promises.
    assert 60 <= len(FULL.items) <= 115 and 25 <= FULL.minutes <= 45
    per_dimension = Counter(i.dimension for i in FULL.items if i.scored)
    reverse = Counter(i.dimension for i in FULL.items if i.scored and i.reverse)
    for dimension in SCORED:
        assert per_dimension[dimension] >= 6, dimension
        assert reverse[dimension] >= 1, dimension
    assert {i.stage for i in FULL.items if i.stage} == set(STAGES)


def test_every_item_has_help_text():
    for instrument in INSTRUMENTS.values():
        assert all(item.help for item in instrument.items), instrument.id


def test_quick_check_is_a_subset_with_identical_items():
    assert 12 <= len(QUICK.items) <= 19 and "workshop" in QUICK.use
    # one multiple-choice question, what stands most in the way, beside the statements
    assert [i.id for i in QUICK.items if i.kind != "likert"] == ["st_main_obstacles"]
    assert {i.dimension for i in QUICK.items if i.dimension} == {*SCORED, "stage"}
    assert 2 <= sum(1 for i in QUICK.items if i.stage) <= 3
    for item in QUICK.items:
        assert FULL.item(item.id) == item, item.id


def test_skip_logic_is_used():
    assert any(i.relevant for i in FULL.items)


@pytest.mark.parametrize("dimension", [*SCORED, "stage"])
def test_every_dimension_has_at_least_four_recommendations(dimension):
    assert sum(r.dimension == dimension for r in RULES) >= 4


def test_at_least_45_rules_each_linking_to_an_existing_section(handbook):
    assert len(RULES) >= 45
    for rule in RULES:
        assert "#" in rule.chapter and resolves(handbook, rule.chapter), rule.id
        assert 2 <= len(rule.steps) <= 5 and rule.question.endswith("?"), rule.id


def test_every_stage_has_a_rule():
    mentioned = {s for r in RULES for s in (r.requires.stages or []) if len(r.requires.stages) <= 2}
    mentioned |= {c.skipped for r in RULES for c in r.when if c.skipped}
    assert mentioned >= set(STAGES)


def test_stage_items_are_factual_and_split_per_stage():
    for instrument in (FULL, QUICK):
        for item in (i for i in instrument.items if i.stage):
            assert instrument.scale_of(item).choices == {"1": "Not started", "2": "Under way", "3": "Done"}, item.id
    assert Counter(i.stage for i in FULL.items if i.stage) == dict.fromkeys(STAGES, 2)


def test_factual_items_use_yes_partly_no_and_members_items_are_marked():
    yes3 = [i for i in FULL.items if i.scale == "yes3"]
    assert len(yes3) >= 17
    assert FULL.scales["yes3"].choices == {"1": "No", "2": "Partly", "3": "Yes"}
    asked = {i.id for i in FULL.items if i.ask_members}
    assert {"tu_safe_to_disagree", "tu_hidden_agendas", "tu_critics_sidelined", "ac_decisions_outside_process",
            "tr_awards_to_insiders"} <= asked


def test_the_missing_factors_have_items():
    """History of collaboration, layers of participation, flexibility, pace, skilled leadership, self-interest
    and mutual benefit, concrete goals, shared vision, and the members and skills the next stage needs."""
    for item_id in ("tu_history_of_collaboration", "re_layers_of_participation", "ef_flexible", "ef_pace_suits_members",
                    "ef_leadership_skilled", "tu_self_interest_served", "tu_gains_written", "st_goals_agreed",
                    "tu_shared_vision", "rs_next_stage_members", "rs_next_stage_skills"):
        assert FULL.item(item_id) is not None, item_id


def test_double_barrelled_items_were_split():
    split = next(u for u in FULL.upgrades if u.from_version == 1).split
    assert len(split) >= 7
    assert split["ac_members_can_name_deciders"] == ["ac_members_can_name_deciders", "ac_budget_decider_written",
                                                     "ac_admission_rule_written"]
    assert " and " not in text_in(FULL.item("fi_shared_evidence").text)


def test_stakeholder_map_labels_load():
    labels = load_labels()
    assert all(labels.expected_sectors.values())


def test_themes_are_a_clean_vocabulary():
    themes = load_themes()
    ids = [t.id for t in themes]
    assert len(ids) == len(set(ids)) >= 20
    assert all(t.title.strip() and t.description.strip() for t in themes)


def test_every_rule_names_known_themes_and_every_theme_is_reachable_or_listed():
    import yaml

    themes = {t["id"] for t in yaml.safe_load((ROOT / "content" / "themes.yaml").read_text())}
    for rule in RULES:
        assert rule.themes and set(rule.themes) <= themes, rule.id


def test_validate_names_an_unknown_theme(monkeypatch):
    from assessment import validate

    bad = RULES[0].model_copy(update={"themes": ["no_such_theme"]})
    monkeypatch.setattr(validate, "load_rules", lambda: [bad, *RULES[1:]])
    problems, _ = validate.validate_all()
    assert any("unknown theme 'no_such_theme'" in p for p in problems)


@pytest.mark.parametrize("field", ["closed_by", "opened_by"])
def test_validate_names_a_stage_closed_or_opened_by_an_item_of_another_stage(monkeypatch, field):
    from assessment import validate
    from assessment.stage import load_stage_model

    model = load_stage_model()
    stages = [s.model_copy(update={field: "st_goals_agreed"}) if s.id == "evaluation" else s
              for s in model.stages]
    monkeypatch.setattr(validate, "load_stages", lambda: stages)
    problems, _ = validate.validate_all()
    assert any(f"{field} 'st_goals_agreed' is not an item of that stage" in p for p in problems)


@pytest.mark.parametrize("instrument", [FULL, QUICK], ids=["full", "quick"])
def test_no_partly_yes_choices_are_listed_in_one_order_on_every_page(instrument):
    """A tester met Yes/Partly/No beside No/Partly/Yes on one page: a tap by habit gave the opposite answer."""
    for name, scale in instrument.scales.items():
        labels = [text_in(label) for label in scale.choices.values()]
        if {"Yes", "No"} <= set(labels):
            assert labels.index("No") < labels.index("Yes"), name
