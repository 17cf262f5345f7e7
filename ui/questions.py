"""Render one questionnaire item as a widget, saving each answer the moment it is given."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.answers import TOO_MANY, problem_with
from assessment.i18n import N_, translator
from assessment.model import DONT_KNOW, NOT_APPLICABLE, Instrument, Item, text_in

EXTRA_LABELS = {DONT_KNOW: N_("Don't know"), NOT_APPLICABLE: N_("Not applicable")}
ASK_MEMBERS = N_("Ask your members: only they can answer this well.")
ASK_MEMBERS_HELP = N_("Give your best guess or “Don't know” here, then ask the members themselves: a workshop "
                      "(Workshop in the menu) can ask the room only these questions, anonymously, and show their "
                      "answers beside yours.")

# Answer options as a list of large tap targets. Scoped to the questionnaire's container, so other
# radios in the app keep Streamlit's look. On a phone the options stack in scale order, one per row
# (a wrapped row put "Strongly agree" beside "Don't know"); on a wide screen they stay in a row.
QUESTIONNAIRE_CSS = """<style>
.st-key-questionnaire [data-testid="stRadioGroup"] { display: flex; flex-wrap: wrap; gap: .4rem .5rem; }
.st-key-questionnaire [data-testid="stRadioOption"] {
  display: flex; align-items: center; min-height: 44px; margin: 0; padding: .3rem .8rem .3rem .6rem;
  box-sizing: border-box; border: 1px solid rgba(49, 51, 63, .25); border-radius: .5rem; cursor: pointer; }
.st-key-questionnaire [data-testid="stRadioOption"][data-selected="true"] {
  border-color: #0072B2; background: rgba(0, 114, 178, .08); }
.st-key-questionnaire [data-testid="stRadioOption"]:has(input:focus-visible) {
  outline: 2px solid #0072B2; outline-offset: 2px; }
@media (max-width: 640px) {
  .st-key-questionnaire [data-testid="stRadioGroup"] {
    flex-direction: column; flex-wrap: nowrap; align-items: stretch; }
  .st-key-questionnaire [data-testid="stRadioGroup"] > div, .st-key-questionnaire [data-testid="stRadioOption"] {
    width: 100%; }
}
</style>"""


def widget_key(item: Item) -> str:
    return f"q_{item.id}"


def render_item(instrument: Instrument, item: Item, saved: Any, save: Callable[[str, Any], None],
                language: str = "en") -> None:
    """Show the item with its saved answer, worded in `language`; on change, validate and save (None
    clears it). The answer saved is the choice's key, never its label, whatever the language."""
    _ = translator(language).gettext
    key = widget_key(item)
    if key not in st.session_state:
        st.session_state[key] = _widget_value(item, saved)
    label = text_in(item.text, language)
    help_text = text_in(item.help, language) if item.help else None
    scale = instrument.scale_of(item)

    def changed() -> None:
        value = _answer_value(item, st.session_state[key])
        if item.max_choices is not None and isinstance(value, list) and len(value) > item.max_choices:
            st.session_state[key] = _widget_value(item, saved)  # the choices saved stay, and stay shown
            st.session_state[f"{key}_problem"] = _(TOO_MANY).format(
                n=item.max_choices)
            return
        problem = problem_with(instrument, item, value) if value is not None else None
        if problem:
            st.session_state[f"{key}_problem"] = text_in(problem, language)
            return
        st.session_state.pop(f"{key}_problem", None)
        save(item.id, value)

    if item.kind in ("likert", "single"):
        options = [*scale.choices, *scale.extra]
        labels = {**{k: text_in(v, language) for k, v in scale.choices.items()},
                  **{k: _(v) for k, v in EXTRA_LABELS.items()}}
        st.radio(label, options, key=key, help=help_text, on_change=changed, format_func=labels.get,
                 horizontal=item.kind == "likert", index=None)
    elif item.kind == "multiple":
        labels = {k: text_in(v, language) for k, v in scale.choices.items()}
        st.pills(label, list(scale.choices), selection_mode="multi", key=key, help=help_text, on_change=changed,
                 format_func=labels.get)
    elif item.kind == "number":
        st.number_input(label, min_value=item.minimum, max_value=item.maximum, key=key, help=help_text,
                        on_change=changed, value=None, step=1.0, format="%g")  # 7 months, not "7.00"
    else:
        st.text_area(label, key=key, help=help_text, on_change=changed, max_chars=item.max_length)
    if item.ask_members:
        st.caption(":material/groups: " + _(ASK_MEMBERS), help=_(ASK_MEMBERS_HELP))
    problem = st.session_state.get(f"{key}_problem")
    if problem:
        st.warning(_("Not saved: {problem}.").format(problem=problem))


def _widget_value(item: Item, saved: Any) -> Any:
    if item.kind in ("likert", "single"):
        return None if saved is None else str(saved)
    if item.kind == "multiple":
        return list(saved) if isinstance(saved, list) else []
    if item.kind == "number":
        return float(saved) if isinstance(saved, int | float) else None
    return saved or ""


def _answer_value(item: Item, widget_value: Any) -> Any:
    if widget_value in (None, "", []):
        return None
    if item.kind == "likert":
        return widget_value if widget_value in EXTRA_LABELS else int(widget_value)
    if item.kind == "number":
        return int(widget_value) if float(widget_value).is_integer() else float(widget_value)
    return widget_value
