"""The language of the assessment pages: the open assessment's, chosen by its leader and stored
with it; before one is open, the one chosen on the start screen, else the browser's.

The handbook stays English for now, so links into it say so from French and Spanish pages.
"""

from __future__ import annotations

import streamlit as st

from assessment.i18n import DEFAULT, LANGUAGES, NAMES, Translator, negotiate, translator

START_KEY = "start_language"


def browser_language() -> str:
    """The browser's own language when it is one of ours (navigator.language, e.g. "fr-FR")."""
    return negotiate(st.context.locale or "") or DEFAULT


def page_language(saved=None) -> str:
    if saved is not None:
        return saved.language
    chosen = st.session_state.get(START_KEY)
    return chosen if chosen in LANGUAGES else browser_language()


def words(saved=None) -> Translator:
    """The translator of this page (call once at the top of a page)."""
    return translator(page_language(saved))


def language_choice(saved, store) -> None:
    """A switch between the three languages; the choice is stored with the assessment, so its report
    and downloads follow it, and a colleague opening the resume link reads the same language."""
    t = translator(saved.language)
    chosen = st.segmented_control(t.gettext("Language"), LANGUAGES, default=saved.language, format_func=NAMES.get,
                                  key=f"language_{saved.id}", label_visibility="collapsed", required=True)
    if chosen and chosen != saved.language:
        store.set_language(saved.id, chosen)
        st.rerun()


def read_label(chapter: str, language: str) -> str:
    """The label of a link into the handbook. From a French or Spanish page it says first that the
    chapter is in English (a long link label is cut short on a phone, so the warning leads)."""
    _ = translator(language).gettext
    if language == DEFAULT:
        return _("Read: {chapter}").format(chapter=chapter)
    return _("Read (in English): {chapter}").format(chapter=chapter)
