"""The stakeholder map's two editors, both saving as they are edited: a table on wide screens and a
card per stakeholder on phones (a grid of six columns cannot be edited on a 360 px screen).

Both are rendered and CSS shows one of them by screen width: Streamlit cannot know the width on
the server, and a media query switches instantly when a tablet is turned.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from assessment.i18n import N_, translator
from assessment.model import PARTICIPATION, SECTORS, Stakeholder, text_in
from assessment.representation import MapLabels
from ui.safe import inert
from ui.scroll import scroll_to

COLUMNS = ["name", "sector", "influence", "stake", "participation", "votes"]
OPEN_CARD = "map_card_open"  # the card last edited on a phone, kept open across the rebuild a save makes
REMOVED = "map_removed"  # {"by": "card" or "table", "rows": [(place, row), ...]}: the last removal, for Undo
SCROLL_TO_REMOVED = "map_removed_scroll"  # set by a card's Remove: bring its note into view on the next run only
FIELD_FIXES = {"name": N_("give it a name"), "sector": N_("choose its sector"),
               "influence": N_("rate its influence (1–5)"), "stake": N_("rate its stake (1–5)"),
               "participation": N_("choose how it takes part"), "votes": N_("give its share of votes as 0–100")}
FIELD_NAMES = {"name": N_("Name"), "sector": N_("Sector"), "influence": N_("Influence"), "stake": N_("Stake"),
               "participation": N_("Taking part"), "votes": N_("Votes %")}


@dataclass(frozen=True)
class Wording:
    """The stakeholder map's labels (content/instruments/stakeholder-map.yaml) in one language."""

    title: str
    description: str
    help: dict[str, str]
    sectors: dict[str, str]
    participation: dict[str, str]

    @classmethod
    def of(cls, labels: MapLabels, language: str) -> Wording:
        def words(texts: dict) -> dict[str, str]:
            return {key: text_in(text, language) for key, text in texts.items()}

        return cls(text_in(labels.title, language), text_in(labels.description, language), words(labels.help),
                   words(labels.sectors), words(labels.participation))

LAYOUT_CSS = """<style>
@media (max-width: 640px) { .st-key-map_table { display: none; } }
@media (min-width: 641px) { .st-key-map_cards { display: none; } }
.st-key-map_cards [data-testid="stExpander"] summary { min-height: 44px; }
</style>"""


def frame(stakeholders: list[Stakeholder], unsaved: list[dict[str, Any]] = ()) -> pd.DataFrame:
    """The table's rows: the saved stakeholders, then any rows still being typed (see `unsaved_rows`)."""
    return pd.DataFrame([*(s.model_dump() for s in stakeholders), *unsaved], columns=COLUMNS)


def unsaved_rows(editor_state: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Rows added in the table that are not stakeholders yet (a name typed, no sector chosen). When
    a card or the form saves, the table is rebuilt from what was saved; these rows go into it too,
    so a half-typed row is never dropped on the way."""
    unsaved = []
    for row in (editor_state or {}).get("added_rows", []):
        row = {k: v for k, v in _clean(row).items() if k in COLUMNS}
        if any(str(v).strip() for v in row.values()):
            try:
                Stakeholder.model_validate(row)
            except ValidationError:
                unsaved.append(row)
    return unsaved


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if v is not None and not (isinstance(v, float) and pd.isna(v))}


def validate(rows: list[dict[str, Any]], fallbacks: list[Stakeholder | None] | None = None,
             language: str = "en") -> tuple[list[Stakeholder], list[str]]:
    """The rows that make valid stakeholders, and for each other row what it still needs, in words
    a person can act on ("Row 4 (Ministry) is not saved yet: choose its sector"). A saved row that is
    being edited into an incomplete state keeps its saved version (its fallback) meanwhile, so
    clearing a cell never deletes a stakeholder."""
    t = translator(language)
    _ = t.gettext
    kept, problems = [], []
    for number, row in enumerate(rows, start=1):
        row = _clean(row)
        if not any(str(v).strip() for v in row.values()):
            continue
        try:
            kept.append(Stakeholder.model_validate(row))
        except ValidationError as exc:
            fields = list(dict.fromkeys(str(e["loc"][0]) for e in exc.errors() if e["loc"]))
            fixes = [_(FIELD_FIXES[f]) if f in FIELD_FIXES else _("check '{field}'").format(field=f)
                     for f in fields] or [_("check the row")]
            name = str(row.get("name") or "").strip()
            label = _("Row {number}").format(number=number) + (f" ({name[:40]})" if name else "")
            fallback = fallbacks[number - 1] if fallbacks else None
            if fallback is not None:
                kept.append(fallback)
                problems.append(_("{row}: the change is not saved yet ({fixes}); its earlier version is kept "
                                  "meanwhile.").format(row=label, fixes=t.join(fixes)))
            else:
                problems.append(_("{row} is not saved yet: {fixes}.").format(row=label, fixes=t.join(fixes)))
    return kept, problems


def validate_table(edited: pd.DataFrame, base: pd.DataFrame, language: str = "en",
                   ) -> tuple[list[Stakeholder], list[str]]:
    """Validate the table as shown; rows that were in the table when it opened fall back to their
    version then (the table keeps the index of its starting rows; added rows get new indexes)."""
    fallbacks = []
    for index in edited.index:
        original = _clean(base.loc[index].to_dict()) if index in base.index else None
        try:
            fallbacks.append(Stakeholder.model_validate(original) if original else None)
        except ValidationError:
            fallbacks.append(None)
    return validate(edited.to_dict("records"), fallbacks, language)


def column_config(labels: MapLabels | Wording, language: str = "en") -> dict[str, Any]:
    """Column widths that fit the centred page at 1280 px with no sideways scroll (about 700 px).

    No column is `required`: the table then holds back a new row until every required cell is
    filled, so a half-typed row was never seen here, the page said "all changes saved", and the row
    vanished at the next rebuild. Every row reaches `validate`, which says what it still needs."""
    labels = labels if isinstance(labels, Wording) else Wording.of(labels, language)
    help_ = labels.help.get
    _ = translator(language).gettext
    return {
        "name": st.column_config.TextColumn(_("Name"), help=help_("name"), max_chars=200, width=160),
        "sector": st.column_config.SelectboxColumn(_("Sector"), options=list(SECTORS), width=140,
                                                   format_func=labels.sectors.get, help=help_("sector")),
        "influence": st.column_config.NumberColumn(_("Influence"), min_value=1, max_value=5, step=1, default=3,
                                                   width=84, help=help_("influence")),
        "stake": st.column_config.NumberColumn(_("Stake"), min_value=1, max_value=5, step=1, default=3,
                                               width=64, help=help_("stake")),
        "participation": st.column_config.SelectboxColumn(_("Taking part"), options=list(PARTICIPATION),
                                                          format_func=labels.participation.get,
                                                          width=110, help=help_("participation")),
        "votes": st.column_config.NumberColumn(_("Votes %"), min_value=0, max_value=100, step=0.5, default=0.0,
                                               width=76, format="%g", help=help_("votes")),
    }


def cards(stakeholders: list[Stakeholder], labels: MapLabels | Wording, revision: int,
          save: Callable[[list[Stakeholder]], None], language: str = "en") -> None:
    """A card per stakeholder; its fields save the moment they change, like the table's cells."""
    labels = labels if isinstance(labels, Wording) else Wording.of(labels, language)
    _ = translator(language).gettext
    undo_removal(stakeholders, save, language, by="card")
    for number, person in enumerate(stakeholders):
        with st.container(border=True, key=f"map_card_{revision}_{number}"):
            st.markdown(f"**{inert(person.name)}**")
            weights = _("influence {influence}, stake {stake}").format(influence=person.influence, stake=person.stake)
            votes = _("{share}% of votes").format(share=f"{person.votes:g}") if person.votes else ""
            st.caption(" · ".join(part for part in (labels.sectors[person.sector],
                                                    labels.participation[person.participation], weights, votes)
                                  if part))
            # A saved change rebuilds the cards (their keys carry the revision): the card being edited
            # opens again, so a person changing three fields does not reopen it three times.
            with st.expander(_("Edit"), icon=":material/edit:", expanded=st.session_state.get(OPEN_CARD) == number):
                _card_fields(stakeholders, number, labels, revision, save, language)


def removed_by_table(before: list[Stakeholder], after: list[Stakeholder]) -> list[tuple[int, dict[str, Any]]]:
    """The rows the table's delete took out: each stakeholder saved before and missing after, with its place."""
    left = list(after)
    removed = []
    for place, person in enumerate(before):
        if person in left:
            left.remove(person)
        else:
            removed.append((place, person.model_dump()))
    return removed


def undo_removal(stakeholders: list[Stakeholder], save: Callable[[list[Stakeholder]], None], language: str,
                 by: str = "table") -> None:
    """After a card's "Remove" or rows deleted in the table, a note and an Undo that puts the stakeholders
    back where they were: one mis-tap or a Delete key must not cost rows typed with care. The note shows
    where the removal was made (above the table, or above the cards on a phone, scrolled into view: the
    page top is out of sight when the twentieth card is removed)."""
    removed = st.session_state.get(REMOVED)
    if not removed or removed["by"] != by:
        return
    t = translator(language)
    names = t.join(inert(row["name"]) for _place, row in removed["rows"])
    with st.container(horizontal=True, vertical_alignment="center", key="map_removed_note"):
        st.caption(t.gettext("Removed from the map: {name}.").format(name=names))
        if st.button(t.gettext("Undo"), key="map_undo", icon=":material/undo:"):
            st.session_state.pop(REMOVED)
            restored = list(stakeholders)
            for place, row in sorted(removed["rows"], key=lambda pair: pair[0]):
                restored.insert(min(place, len(restored)), Stakeholder.model_validate(row))
            save(restored)
            st.rerun()
    if by == "card" and st.session_state.pop(SCROLL_TO_REMOVED, False):  # once, not after each later edit
        scroll_to("map_removed_note", str(st.session_state.get("map_revision", 0)))


def _card_fields(stakeholders: list[Stakeholder], number: int, labels: Wording, revision: int,
                 save: Callable[[list[Stakeholder]], None], language: str = "en") -> None:
    person = stakeholders[number]
    prefix = f"map_card_{revision}_{number}_"
    _ = translator(language).gettext

    def changed() -> None:
        st.session_state[OPEN_CARD] = number
        for field in ("influence", "stake"):
            if st.session_state[prefix + field] is None:  # a second tap on the chosen number unselects it:
                st.session_state.map_revision = revision + 1  # the card is redrawn with the saved number
                return
        row = {field: st.session_state[prefix + field] for field in COLUMNS}
        try:
            updated = Stakeholder.model_validate(row)
        except ValidationError:
            st.session_state.map_card_problem = _("{name} was not changed: every field needs a value.").format(
                name=person.name[:40])
            return
        save([updated if i == number else s for i, s in enumerate(stakeholders)])

    st.text_input(_("Name"), person.name, key=prefix + "name", max_chars=200, on_change=changed)
    st.selectbox(_("Sector"), list(SECTORS), list(SECTORS).index(person.sector), key=prefix + "sector",
                 format_func=labels.sectors.get, on_change=changed)
    st.segmented_control(_("Influence"), [1, 2, 3, 4, 5], default=person.influence, key=prefix + "influence",
                         on_change=changed, help=labels.help.get("influence"), width="stretch")
    st.segmented_control(_("Stake"), [1, 2, 3, 4, 5], default=person.stake, key=prefix + "stake",
                         on_change=changed, help=labels.help.get("stake"), width="stretch")
    st.selectbox(_("Taking part"), list(PARTICIPATION), list(PARTICIPATION).index(person.participation),
                 key=prefix + "participation", format_func=labels.participation.get, on_change=changed)
    st.number_input(_("Share of decision votes (%)"), 0.0, 100.0, float(person.votes), 1.0, key=prefix + "votes",
                    format="%g", on_change=changed)
    if st.button(_("Remove from the map"), key=prefix + "remove", icon=":material/delete:"):
        st.session_state.pop(OPEN_CARD, None)
        st.session_state[REMOVED] = {"by": "card", "rows": [(number, person.model_dump())]}
        st.session_state[SCROLL_TO_REMOVED] = True
        save([s for i, s in enumerate(stakeholders) if i != number])
        st.rerun()
