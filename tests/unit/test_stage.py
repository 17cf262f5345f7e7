"""Stage diagnosis: done / under way / not started per stage, paths per type, "between", stability."""

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.engine import default_engine
from assessment.model import COALITION_TYPES, STAGES, Profile
from assessment.stage import diagnose_stage, half_step, load_stage_model
from tests.assessment_helpers import BASE, instrument

SCALE = """
  progress3:
    kind: likert
    choices: {1: Not started, 2: Under way, 3: Done}
    extra: [dont_know, not_applicable]
sections:
"""
STAGE_ITEMS = "\n".join(
    f"      - {{id: st_{stage}_{n}, text: '{stage} {n}', dimension: stage, scale: progress3, stage: {stage}}}"
    for stage in STAGES for n in (1, 2))
FORM = instrument("  - id: stage\n    title: Stage\n    items:\n" + STAGE_ITEMS, BASE.replace("sections:\n", SCALE))
MODEL = load_stage_model()
ENGINE = default_engine()
FULL, QUICK = ENGINE.instruments["full-diagnostic"], ENGINE.instruments["quick-check"]
NOT, UNDER, DONE = 1, 2, 3


def answers(**levels):
    """Both items of each named stage get the level; a pair (a, b) sets the two items apart."""
    out = {}
    for stage, value in levels.items():
        first, second = value if isinstance(value, tuple) else (value, value)
        out[f"st_{stage}_1"], out[f"st_{stage}_2"] = first, second
    return out


def diagnose(coalition_type=None, **levels):
    return diagnose_stage(FORM, answers(**levels), MODEL, coalition_type)


def test_no_answers_means_unknown_stage():
    result = diagnose_stage(FORM, {}, MODEL)
    assert result.id is None and "not known" in result.evidence[0]


def test_life_cycle_questions_answered_dont_know_are_said_to_be_so():
    result = diagnose_stage(QUICK, {i.id: "dont_know" for i in QUICK.items if i.stage}, MODEL)
    assert result.id is None and result.unsure == 3
    assert result.evidence == ["The life-cycle questions were answered “Don't know”, so the stage is not known."]
    assert diagnose_stage(QUICK, {}, MODEL).unsure == 0


def test_the_current_stage_is_the_most_advanced_one_under_way():
    result = diagnose(forming=DONE, agenda_setting=DONE, negotiation=DONE, implementation=UNDER, monitoring=NOT,
                      evaluation=NOT)
    assert result.id == "implementation" and result.title == "Implementation" and result.between == []
    assert result.status == {"forming": "done", "agenda_setting": "done", "negotiation": "done",
                             "implementation": "under way", "monitoring": "not started", "evaluation": "not started"}
    assert result.evidence[0] == "Implementation is under way: “implementation 1”; “implementation 2”."  # said once
    split = diagnose(forming=DONE, agenda_setting=DONE, negotiation=DONE, implementation=(DONE, NOT),
                     monitoring=NOT, evaluation=NOT)
    assert split.evidence[0] == ("Implementation is under way: “implementation 1” (done); “implementation 2” (not "
                                 "started).")  # answers that differ are each named
    assert result.skipped == []


def test_a_coalition_in_the_middle_of_negotiating_is_placed_at_negotiation():
    """The old engine needed "the agreement was adopted" to reach negotiation at all."""
    result = diagnose(forming=DONE, agenda_setting=DONE, negotiation=(DONE, NOT), implementation=NOT,
                      monitoring=NOT, evaluation=NOT)
    assert result.id == "negotiation" and result.status["negotiation"] == "under way"


def test_split_evidence_says_between_instead_of_flipping():
    result = diagnose(forming=DONE, agenda_setting=DONE, negotiation=(UNDER, NOT), implementation=NOT,
                      monitoring=NOT, evaluation=NOT)
    assert result.between == ["agenda_setting", "negotiation"] and result.id == "negotiation"
    assert result.title == "Between agenda-setting and negotiation" and result.position == 1.5
    assert result.stages == ["agenda_setting", "negotiation"]
    assert any("advice for both stages applies" in line for line in result.evidence)


def test_a_stage_done_with_the_next_not_started_stays_at_that_stage():
    result = diagnose(forming=DONE, agenda_setting=DONE, negotiation=NOT, implementation=NOT, monitoring=NOT,
                      evaluation=NOT)
    assert result.id == "agenda_setting" and result.between == []


def test_foundations_skipped_are_flagged():
    result = diagnose(forming=NOT, agenda_setting=DONE, negotiation=NOT, implementation=DONE, monitoring=UNDER,
                      evaluation=NOT)
    assert result.id in ("implementation", "monitoring")
    assert [s.id for s in result.skipped] == ["forming", "negotiation"]
    assert "written framing" in result.skipped[0].note


def test_nothing_started_places_the_coalition_at_the_start():
    result = diagnose(forming=NOT, negotiation=NOT)
    assert result.id == "forming" and result.skipped == []


def test_a_knowledge_network_never_negotiates_nor_skips_negotiation():
    levels = dict(forming=DONE, agenda_setting=DONE, negotiation=NOT, implementation=DONE, monitoring=UNDER,
                  evaluation=DONE)
    forum = diagnose("knowledge", **levels)
    assert "negotiation" not in forum.path and forum.id == "evaluation"
    assert "negotiation" not in [s.id for s in forum.skipped]
    assert any("knowledge coalitions do not usually go through" in line for line in forum.evidence)
    campaign = diagnose("advocacy", **levels)
    assert "negotiation" in [s.id for s in campaign.skipped]


def test_not_applicable_takes_a_stage_off_the_path():
    given = answers(forming=DONE, agenda_setting=DONE, implementation=DONE, monitoring=UNDER, evaluation=NOT)
    given |= {"st_negotiation_1": "not_applicable", "st_negotiation_2": "not_applicable"}
    result = diagnose_stage(FORM, given, MODEL, "stewardship")
    assert "negotiation" not in result.path and result.skipped == []
    assert any("not applicable" in line for line in result.evidence)


def placed(*values, kind="advocacy"):
    """The full diagnostic's twelve stage answers, in the life cycle's order."""
    ids = [i.id for i in FULL.items if i.stage]
    return diagnose_stage(FULL, dict(zip(ids, values, strict=True)), MODEL, kind)


def test_a_coalition_at_the_drafting_table_is_placed_at_negotiation():
    """Drafting under way opens negotiation: nearly through agenda-setting, the coalition is between the two."""
    drafting = placed(DONE, UNDER, DONE, UNDER, UNDER, NOT, NOT, NOT, NOT, NOT, NOT, NOT)
    assert drafting.between == ["agenda_setting", "negotiation"] and drafting.id == "negotiation"
    split = next(i for i, line in enumerate(drafting.evidence) if line.startswith("The evidence is split"))
    assert drafting.evidence[split + 1].startswith("“Drafting or negotiating a treaty") \
        and "(under way), so the negotiation stage has begun" in drafting.evidence[split + 1]
    not_yet = placed(DONE, UNDER, DONE, UNDER, NOT, NOT, NOT, NOT, NOT, NOT, NOT, NOT)
    assert not_yet.id == "agenda_setting" and not_yet.between == []
    assert not any("has begun" in line for line in not_yet.evidence)


def test_a_coalition_putting_commitments_into_practice_while_bargaining_is_placed_at_implementation():
    """Commitments in practice open implementation; help for implementers alone does not."""
    practising = placed(DONE, DONE, DONE, UNDER, UNDER, UNDER, UNDER, UNDER, NOT, NOT, NOT, NOT, kind="implementation")
    assert practising.between == ["negotiation", "implementation"] and practising.id == "implementation"
    helping = placed(DONE, DONE, DONE, UNDER, UNDER, UNDER, NOT, DONE, NOT, NOT, NOT, NOT, kind="implementation")
    assert helping.id == "negotiation" and helping.between == []


def test_a_coalition_reviewing_its_whole_effort_is_placed_at_evaluation():
    """An overall review done but no decision yet opens evaluation, though monitoring was never set up."""
    reviewed = placed(DONE, DONE, DONE, UNDER, DONE, DONE, UNDER, UNDER, NOT, NOT, DONE, UNDER, kind="implementation")
    assert reviewed.between == ["monitoring", "evaluation"] and reviewed.id == "evaluation"
    assert reviewed.title == "Between monitoring and evaluation"


def test_the_quick_check_infers_the_stage_between_its_three_questions():
    agenda = diagnose_stage(QUICK, {"st_problem_statement_agreed": DONE, "st_agreement_adopted": NOT,
                                    "st_monitoring_method_agreed": NOT}, MODEL)
    assert agenda.id == "agenda_setting" and agenda.inferred
    assert any("inferred from forming and framing (done) and negotiation (not started)" in line
               for line in agenda.evidence)
    implementing = diagnose_stage(QUICK, {"st_problem_statement_agreed": DONE, "st_agreement_adopted": DONE,
                                          "st_monitoring_method_agreed": NOT}, MODEL)
    assert implementing.id == "implementation"
    negotiating = diagnose_stage(QUICK, {"st_problem_statement_agreed": DONE, "st_agreement_adopted": UNDER,
                                         "st_monitoring_method_agreed": NOT}, MODEL)
    assert negotiating.id == "negotiation" and not negotiating.inferred


def test_half_steps_are_monotone_with_two_steps_per_unit():
    points = [i / 100 for i in range(0, 601)]
    steps = [half_step(p, [False] * 5) for p in points]
    assert steps == sorted(steps)
    assert all(abs(half_step(p + 1, [False] * 5) - half_step(p, [False] * 5)) <= 1 for p in points[:500])


def test_stage_weights_and_paths_load():
    assert MODEL.weight(["monitoring"], "impact") > 1 > MODEL.weight(["forming"], "impact")
    assert MODEL.weight(["agenda_setting", "negotiation"], "resources") == 1.2
    assert set(MODEL.paths) == {*COALITION_TYPES, "default"}


# --- properties -------------------------------------------------------------------------------------

STAGE_IDS = [i.id for i in FULL.items if i.stage]
stage_answers = st.fixed_dictionaries({i: st.integers(1, 3) for i in STAGE_IDS})


@settings(max_examples=300, deadline=None)
@given(stage_answers, st.sampled_from(STAGE_IDS), st.sampled_from([-1, 1]),
       st.sampled_from([None, *COALITION_TYPES]))
def test_one_answer_moved_one_step_moves_the_stage_at_most_one_step(given, item, step, kind):
    moved = dict(given)
    moved[item] = min(3, max(1, given[item] + step))
    before = diagnose_stage(FULL, given, MODEL, kind)
    after = diagnose_stage(FULL, moved, MODEL, kind)
    assert abs(after.position - before.position) <= 1, (before.title, after.title)


def one_unknown_per_stage(draw):
    """Every stage question answered, except that each stage may leave one of its two as "don't know"."""
    answers = draw(stage_answers)
    for first, second in zip(STAGE_IDS[::2], STAGE_IDS[1::2], strict=True):
        unknown = draw(st.sampled_from([None, first, second]))
        if unknown:
            answers[unknown] = "dont_know"
    return answers


@settings(max_examples=800, deadline=None)
@given(st.composite(one_unknown_per_stage)(), st.data(), st.sampled_from([-1, 1]),
       st.sampled_from([None, *COALITION_TYPES]))
def test_with_a_dont_know_in_a_stage_one_answer_still_moves_the_stage_at_most_one_step(given, data, step, kind):
    """A stage answered by one question moves twice as far per step, so the opening rule stands aside."""
    item = data.draw(st.sampled_from([i for i in STAGE_IDS if isinstance(given[i], int)]))
    moved = dict(given)
    moved[item] = min(3, max(1, given[item] + step))
    before = diagnose_stage(FULL, given, MODEL, kind)
    after = diagnose_stage(FULL, moved, MODEL, kind)
    assert abs(after.position - before.position) <= 1, (before.title, after.title)


def test_the_opening_rule_stands_aside_while_a_stage_question_is_dont_know():
    """The case a stress run found: monitoring answered by one question moves a whole unit in one step,
    and with the review under way the opening rule would have added half a step on top."""
    given = {"st_problem_statement_agreed": DONE, "st_goals_agreed": DONE, "st_issue_taken_up": "dont_know",
             "st_officials_ask_for_input": DONE, "st_helped_draft_text": UNDER, "st_agreement_adopted": UNDER,
             "st_commitments_in_practice": NOT, "st_supports_implementers": "dont_know",
             "st_monitoring_method_agreed": "dont_know", "st_compliance_report_published": UNDER,
             "st_overall_review_done": UNDER, "st_future_decided_on_review": "dont_know"}
    before = diagnose_stage(FULL, given, MODEL, "implementation")
    after = diagnose_stage(FULL, given | {"st_compliance_report_published": DONE}, MODEL, "implementation")
    assert (before.id, after.id) == ("implementation", "monitoring") and after.between == []


QUICK_IDS = [i.id for i in QUICK.items if i.stage]


@settings(max_examples=100, deadline=None)
@given(st.fixed_dictionaries({i: st.integers(1, 3) for i in QUICK_IDS}), st.sampled_from(QUICK_IDS),
       st.sampled_from([-1, 1]))
def test_the_quick_check_moves_at_most_one_of_its_own_steps(given, item, step):
    """The quick check asks about three stages, so one of its steps spans the stage inferred between them."""
    moved = dict(given)
    moved[item] = min(3, max(1, given[item] + step))
    before, after = diagnose_stage(QUICK, given, MODEL), diagnose_stage(QUICK, moved, MODEL)
    assert abs(after.position - before.position) <= 2


@settings(max_examples=200, deadline=None)
@given(stage_answers, st.sampled_from(["knowledge", "na"]))
def test_a_14_year_old_forum_is_never_told_to_negotiate_a_treaty(given, how):
    answers = dict(given)
    kind = "knowledge"
    if how == "na":  # a dialogue forum typed as stewardship takes negotiation off its own path
        answers |= {"st_helped_draft_text": "not_applicable", "st_agreement_adopted": "not_applicable"}
        kind = "stewardship"
    result = ENGINE.assess(FULL, answers, profile=Profile(type=kind, founded=2011), as_of=2025)
    assert "negotiation" not in [s.id for s in result.stage.skipped]
    for rec in result.recommendations:
        text = " ".join([rec.title, *rec.reasons, *rec.steps]).lower()
        assert "treaty" not in rec.title.lower()
        assert not (rec.id == "stage-foundation-skipped" and "negotiated" in text)


# --- the place within a split, and the end of an evaluation ------------------------------------------

def full(**levels):
    """Answers to the full diagnostic's stage items: a level for both items of each named stage."""
    out = {}
    for item in FULL.items:
        if item.stage in levels:
            value = levels[item.stage]
            out[item.id] = value[[i.id for i in FULL.items if i.stage == item.stage].index(item.id)] \
                if isinstance(value, tuple) else value
    return out


def test_between_two_stages_the_current_one_is_the_most_advanced_under_way():
    """As the issue asks: a coalition bargaining over a text while officials have not all come round is
    negotiating, and one implementing while it starts to monitor is monitoring; both stages are named."""
    split = diagnose(forming=DONE, agenda_setting=DONE, negotiation=DONE, implementation=UNDER, monitoring=UNDER,
                     evaluation=(UNDER, NOT))
    assert split.between == ["implementation", "monitoring"] and split.id == "monitoring"
    bargaining = diagnose(forming=DONE, agenda_setting=(DONE, UNDER), negotiation=UNDER, implementation=NOT,
                          monitoring=NOT, evaluation=NOT)
    assert bargaining.between == ["agenda_setting", "negotiation"] and bargaining.id == "negotiation"


def test_a_between_is_not_also_reported_as_later_work():
    """Both stages of a between are named there, never again as "later work" or "done before it"."""
    split = diagnose(forming=DONE, agenda_setting=(DONE, UNDER), negotiation=UNDER, implementation=NOT,
                     monitoring=NOT, evaluation=NOT)
    assert split.between == ["agenda_setting", "negotiation"] and split.id == "negotiation"
    assert not any(line.startswith("Later work already started") for line in split.evidence)
    assert "Not started yet: implementation; monitoring; evaluation." in split.evidence
    ahead = diagnose(forming=DONE, agenda_setting=(DONE, UNDER), negotiation=UNDER, implementation=NOT,
                     monitoring=NOT, evaluation=UNDER)
    assert "Later work already started: evaluation (under way)." in ahead.evidence


def test_a_decision_on_the_future_ends_the_evaluation():
    """Review under way, decision to renew taken: the coalition is carrying out its renewed work."""
    levels = dict(forming=DONE, agenda_setting=DONE, negotiation=DONE, implementation=DONE, monitoring=DONE)
    deciding = diagnose_stage(FULL, full(**levels, evaluation=(UNDER, UNDER)), MODEL, "standard_setting")
    decided = diagnose_stage(FULL, full(**levels, evaluation=(UNDER, DONE)), MODEL, "standard_setting")
    assert deciding.id == "evaluation"
    assert decided.id == "monitoring" and decided.position == deciding.position - 1
    assert any("ends with that decision" in line for line in decided.evidence)
    assert not any("ends with that decision" in line for line in deciding.evidence)


def test_a_foundation_is_skipped_only_when_none_of_its_work_was_started():
    started = diagnose(forming=DONE, agenda_setting=(UNDER, NOT), negotiation=DONE, implementation=UNDER)
    assert "agenda_setting" not in [s.id for s in started.skipped]
    untouched = diagnose(forming=DONE, agenda_setting=NOT, negotiation=DONE, implementation=UNDER)
    assert [s.id for s in untouched.skipped] == ["agenda_setting"]


def test_a_stage_answered_only_dont_know_is_said_to_be_left_out_of_the_count():
    """With implementation all "don't know", the place moves from negotiation to monitoring over it; the
    evidence says why, in the page's language, instead of leaving a leader to wonder where it went."""
    given = {"st_problem_statement_agreed": DONE, "st_goals_agreed": DONE, "st_issue_taken_up": DONE,
             "st_officials_ask_for_input": DONE, "st_helped_draft_text": DONE, "st_agreement_adopted": DONE,
             "st_commitments_in_practice": "dont_know", "st_supports_implementers": "dont_know",
             "st_monitoring_method_agreed": DONE, "st_compliance_report_published": NOT,
             "st_overall_review_done": NOT, "st_future_decided_on_review": NOT}
    stage = diagnose_stage(FULL, given, MODEL, "advocacy")
    assert stage.id == "monitoring"
    assert ("Stage not counted, because its questions were all answered “Don't know”: implementation. An answer "
            "there would place the coalition more precisely.") in stage.evidence
    french = diagnose_stage(FULL, given, MODEL, "advocacy", "fr")
    assert any(line.startswith("Étape non prise en compte") and "mise en œuvre" in line for line in french.evidence)
    blank = {k: v for k, v in given.items() if v != "dont_know"}  # left blank is not "don't know"
    assert not any("not counted" in line for line in diagnose_stage(FULL, blank, MODEL, "advocacy").evidence)


def test_you_are_here_beside_a_bar_of_0_or_100_says_why_in_words():
    """A tester read "You are here: Monitoring" beside monitoring "not started", and "Negotiation" beside
    negotiation "done", with nothing saying why. The evidence now says it."""
    given = {"st_problem_statement_agreed": DONE, "st_goals_agreed": UNDER, "st_issue_taken_up": DONE,
             "st_officials_ask_for_input": UNDER, "st_helped_draft_text": DONE, "st_agreement_adopted": UNDER,
             "st_commitments_in_practice": DONE, "st_supports_implementers": UNDER,
             "st_monitoring_method_agreed": NOT, "st_compliance_report_published": NOT,
             "st_overall_review_done": DONE, "st_future_decided_on_review": UNDER}
    behind = diagnose_stage(FULL, given, MODEL, "advocacy")
    assert behind.id == "monitoring" and behind.status["monitoring"] == "not started"
    assert ("Later work has started while monitoring is not started, so the coalition is placed there: that is "
            "the work to do now.") in behind.evidence
    done = given | {"st_helped_draft_text": DONE, "st_agreement_adopted": DONE} | dict.fromkeys(
        ["st_commitments_in_practice", "st_supports_implementers", "st_overall_review_done",
         "st_future_decided_on_review"], NOT)
    ended = diagnose_stage(FULL, done, MODEL, "advocacy", "es")
    assert ended.id == "negotiation" and ("La etapa «negociación» está realizada y la etapa «implementación» no ha "
                                          "empezado, así que la coalición se sitúa al final de la etapa "
                                          "«negociación».") in ended.evidence
    under_way = diagnose_stage(FULL, done | {"st_agreement_adopted": UNDER}, MODEL, "advocacy")
    said = ("Later work has started", "Negotiation is done and")
    assert not any(line.startswith(said) for line in under_way.evidence)


def test_the_quick_check_says_which_stages_it_does_not_ask_about_and_its_chart_says_not_asked():
    from assessment.charts import stage_figure

    given = {i.id: UNDER for i in QUICK.items if i.stage}
    stage = diagnose_stage(QUICK, given, MODEL, "advocacy")
    unasked = [s for s in STAGES if not any(i.stage == s for i in QUICK.items)]
    assert unasked and stage.unasked == [s for s in stage.path if s in unasked]
    names = [MODEL.stages[STAGES.index(s)].name.lower() for s in stage.unasked]
    assert stage.evidence[-1].startswith(f"This questionnaire has no question on {names[0]}")
    titles = {s.id: s.name for s in MODEL.stages}
    labels = stage_figure(stage, titles).chart.to_dict()
    shown = {r["Stage"]: r["Label"] for data in labels["datasets"].values() for r in data if "Label" in r}
    assert all(shown[titles[s]].startswith("not asked") for s in stage.unasked)
    assert diagnose_stage(FULL, {i.id: UNDER for i in FULL.items if i.stage}, MODEL).unasked == []


def test_an_earlier_stage_passed_but_unfinished_is_named_in_the_evidence():
    given = {i.id: DONE for i in FULL.items if i.stage and i.stage in ("forming", "agenda_setting")}
    given |= {"st_helped_draft_text": DONE, "st_agreement_adopted": UNDER, "st_commitments_in_practice": DONE,
              "st_supports_implementers": UNDER}
    given |= {i.id: NOT for i in FULL.items if i.stage in ("monitoring", "evaluation")}
    stage = diagnose_stage(FULL, given, MODEL, "advocacy")
    assert stage.id == "implementation" and not stage.between, stage.title
    assert "Before it, still unfinished: negotiation (under way)." in stage.evidence
