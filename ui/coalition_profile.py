"""The coalition's main purpose and scope, which decide what kinds of actor the representation
analysis expects: chosen when an assessment starts, or later from the results when left out then."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import N_, Translator
from assessment.model import COALITION_TYPES
from assessment.storage import Saved, Store

TYPE_LABELS = {"advocacy": N_("Advocacy and norm-building"),
               "standard_setting": N_("Standard-setting and certification"),
               "implementation": N_("Implementation and service delivery"), "knowledge": N_("Knowledge and evidence"),
               "stewardship": N_("Stewardship of a shared resource")}
SCOPE_LABELS = {"local": N_("Local"), "national": N_("National"), "regional": N_("Regional"),
                "international": N_("International")}


def purpose_and_scope(saved: Saved, store: Store, t: Translator) -> None:
    """For a coalition with a map but no main purpose: without it no kind of actor can be called
    missing, and "no gaps found" would pass for a finding."""
    _ = t.gettext
    st.info(_("Absent kinds of actor are not checked yet: what a coalition usually involves depends on its main "
              "purpose, which this assessment does not have. Choose it to run the check."), icon=":material/info:")
    with st.form("coalition_purpose", border=True):
        kind = st.selectbox(_("Main purpose"), [None, *COALITION_TYPES], key="purpose_type",
                            format_func=lambda k: _("Choose…") if k is None else _(TYPE_LABELS[k]))
        scopes = [None, *SCOPE_LABELS]
        scope = st.selectbox(_("Scope"), scopes, index=scopes.index(saved.profile.scope), key="purpose_scope",
                             format_func=lambda s: _("Choose…") if s is None else _(SCOPE_LABELS[s]))
        if st.form_submit_button(_("Check for absent kinds of actor"), icon=":material/fact_check:"):
            if kind is None:
                st.warning(_("Choose the main purpose first."))
                return
            store.save_profile(saved.coalition_id, saved.profile.model_copy(update={"type": kind, "scope": scope}))
            st.rerun()
