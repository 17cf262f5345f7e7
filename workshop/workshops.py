"""Live workshops in the database: everything about a workshop lives in rows, never in one
process's memory, so several app processes behind a load balancer can serve one room.

A facilitator holds a private key (shown once, stored hashed); participants hold a private
token in their URL (stored hashed). Answers are upserted one by one as they are given.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from assessment.cleaning import UnsafeText, clean_text
from assessment.i18n import DEFAULT, LANGUAGES, N_, translator
from assessment.model import Instrument, Section
from assessment.storage import Store
from assessment.tables import Participant, ParticipantAnswer, Workshop, now
from assessment.tokens import matches, new_token, token_hash
from workshop.group_commit import GroupCommit

# No look-alikes: no 0/O/Q/D, 1/I/L, 2/Z, 5/S, 8/B, U/V.
CODE_ALPHABET = "ACEFGHJKMNPRTWXY34679"
CODE_LENGTH = 6
STATUSES = ("open", "closed", "ended")
PACES = ("self", "led")
MAX_GROUPS = 20
TITLE_LIMIT = 200
GROUP_LIMIT = 100
# Stored among a workshop's section ids: ask the questions marked "ask your members" (how safe it is to
# disagree, hidden agendas...), on which a leader's own answer is only a guess. No column of its own, so
# workshops made before it read as they did.
MEMBERS_ONLY = "ask_your_members"
MEMBERS_TITLE = N_("Questions for members")
MEMBERS_INTRO = N_("The coalition's leaders can only guess the answers to these. Answer as it is for you, not as it "
                   "should be.")


class WorkshopError(ValueError):
    """Something a participant or facilitator can act on, said plainly. The message is a catalogue
    entry with named placeholders, so a phone can show it in its own language (`in_language`)."""

    def __init__(self, message: str, **values: Any):
        self.message, self.values = message, values
        super().__init__(message.format(**values))

    def in_language(self, language: str) -> str:
        return translator(language).gettext(self.message).format(**self.values)


@dataclass(frozen=True)
class WorkshopInfo:
    id: str
    code: str
    title: str
    instrument_id: str
    sections: list[str]
    groups: list[str]
    threshold: int
    assessment_id: str | None
    status: str
    pace: str
    current_section: int
    revealed: bool
    created_at: datetime
    language: str = DEFAULT  # the phones' language when a phone asks for none of ours; the projector's


@dataclass(frozen=True)
class ParticipantInfo:
    id: str
    workshop_id: str
    group: str | None
    section: int
    finished: bool
    answers: dict[str, Any]


@dataclass(frozen=True)
class Row:
    """One participant's answers, as aggregation and export need them (no token, no id)."""

    number: int
    group: str | None
    finished: bool
    answers: dict[str, Any]


def _decode(value: str) -> Any:
    """A stored answer: most are one digit (a point on a scale), so skip the JSON parser for those."""
    return int(value) if len(value) == 1 and value.isdigit() else json.loads(value)


def normalise_code(code: str) -> str:
    return "".join(ch for ch in str(code).upper() if ch.isalnum())[:CODE_LENGTH]


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def workshop_sections(instrument: Instrument, workshop: WorkshopInfo) -> list[Section]:
    """The instrument's sections this workshop asks, in order."""
    return chosen_sections(instrument, workshop.sections)


def chosen_sections(instrument: Instrument, section_ids: Sequence[str]) -> list[Section]:
    """The sections named (all when none is), then, when MEMBERS_ONLY is named, the members' questions
    not already among them as one last section. If the questionnaire no longer has any of them (its
    content changed under a running workshop), every section: phones always have something to answer."""
    sections = [s for s in instrument.sections if not section_ids or s.id in section_ids]
    if MEMBERS_ONLY in section_ids:
        asked = {item.id for section in sections for item in section.items}
        items = [item for item in instrument.ask_members_items if item.id not in asked]
        if items:
            title, intro = ({language: translator(language).gettext(text) for language in LANGUAGES}
                            for text in (MEMBERS_TITLE, MEMBERS_INTRO))
            sections.append(Section(id=MEMBERS_ONLY, title=title, intro=intro, items=items))
    return sections or list(instrument.sections)


def section_choices(instrument: Instrument) -> list[str]:
    """What a facilitator may choose to ask: each section, and the members' questions if there are any."""
    return [s.id for s in instrument.sections] + ([MEMBERS_ONLY] if instrument.ask_members_items else [])


def _info(row: Workshop) -> WorkshopInfo:
    """Stored text is cleaned again on the way out: rows written before the cleaning boundary existed
    must not reach a chart with a control character in them."""
    return WorkshopInfo(id=row.id, code=row.code, title=clean_text(row.title, TITLE_LIMIT),
                        instrument_id=row.instrument_id, sections=list(row.sections or []),
                        groups=[clean_text(g, GROUP_LIMIT) for g in row.groups or []], threshold=row.threshold,
                        assessment_id=row.assessment_id, status=row.status, pace=row.pace,
                        current_section=row.current_section, revealed=bool(row.revealed), created_at=row.created_at,
                        language=row.language if row.language in LANGUAGES else DEFAULT)


def clean_title(title: str) -> str:
    try:
        cleaned = clean_text(title, TITLE_LIMIT)
    except UnsafeText as exc:
        raise WorkshopError("the title {problem}", problem=str(exc)) from None
    if not cleaned:
        raise WorkshopError("give the workshop a title")
    return cleaned


def clean_groups(groups: list[str]) -> list[str]:
    try:
        names = [clean_text(g, GROUP_LIMIT) for g in groups if g]
    except UnsafeText as exc:
        raise WorkshopError("a group name {problem}", problem=str(exc)) from None
    cleaned = list(dict.fromkeys(name for name in names if name))
    if len(cleaned) > MAX_GROUPS:
        raise WorkshopError("at most {count} stakeholder groups", count=MAX_GROUPS)
    return cleaned


class Workshops:
    """Workshops, participants and answers in the store. The answer upsert is built once: it is the
    statement a live room runs a hundred times a second."""

    def __init__(self, store: Store):
        self.store = store
        insert = sqlite_insert if store.sqlite else pg_insert
        statement = insert(ParticipantAnswer)
        self._upsert = statement.on_conflict_do_update(
            index_elements=["participant_id", "item_id"],
            set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at})
        self._answers = GroupCommit(self._write_answers)

    # --- facilitator ---------------------------------------------------------------------------

    def create(self, title: str, instrument: Instrument, groups: list[str], sections: list[str] | None = None,
               threshold: int = 3, assessment_id: str | None = None, language: str = DEFAULT,
               ) -> tuple[WorkshopInfo, str]:
        """A new open workshop; returns it and the facilitator key (shown once, stored hashed).
        `language` is the default of its phones (each may choose another), projector and report."""
        title = clean_title(title)
        if language not in LANGUAGES:
            raise WorkshopError("the language must be one of {languages}", languages=", ".join(LANGUAGES))
        if not 1 <= threshold <= 50:
            raise WorkshopError("the anonymity threshold must be between 1 and 50")
        known = section_choices(instrument)
        chosen = [s for s in (sections or []) if s in known]
        if sections and not chosen:
            raise WorkshopError("choose at least one section of the questionnaire")
        key = new_token()
        for _ in range(10):  # a clash among 85 million codes is rare; try again if it happens
            code = new_code()
            with self.store.writing() as session:
                if session.scalar(select(Workshop.id).where(Workshop.code == code)):
                    continue
                row = Workshop(id=str(uuid.uuid4()), code=code, title=title, instrument_id=instrument.id,
                               sections=chosen, groups=clean_groups(groups), threshold=threshold,
                               key_hash=token_hash(key), assessment_id=assessment_id, language=language)
                session.add(row)
                session.flush()
                return _info(row), key
        raise WorkshopError("could not find a free join code; try again")

    def by_code(self, code: str) -> WorkshopInfo | None:
        code = normalise_code(code)
        if len(code) != CODE_LENGTH:
            return None
        with self.store.reading() as session:
            row = session.scalar(select(Workshop).where(Workshop.code == code))
            return _info(row) if row else None

    def as_facilitator(self, code: str, key: str) -> WorkshopInfo | None:
        """The workshop if the key is right; a wrong key learns nothing, in constant time."""
        workshop = self.by_code(code)
        if workshop is None or not key or len(key) > 100:
            return None
        with self.store.reading() as session:
            stored = session.scalar(select(Workshop.key_hash).where(Workshop.id == workshop.id))
        return workshop if stored and matches(key, stored) else None

    def get(self, workshop_id: str) -> WorkshopInfo | None:
        with self.store.reading() as session:
            row = session.get(Workshop, workshop_id)
            return _info(row) if row else None

    def many(self, workshop_ids: list[str]) -> list[WorkshopInfo]:
        with self.store.reading() as session:
            return [_info(row) for row in session.scalars(select(Workshop).where(Workshop.id.in_(workshop_ids)))]

    def update(self, workshop: WorkshopInfo, **changes: Any) -> WorkshopInfo:
        """Change controls (status, pace, current_section, revealed, groups, title, threshold)."""
        allowed = {"status", "pace", "current_section", "revealed", "groups", "title", "threshold", "language"}
        unknown = set(changes) - allowed
        if unknown:
            raise WorkshopError("cannot change {fields}", fields=", ".join(sorted(unknown)))
        if "status" in changes and changes["status"] not in STATUSES:
            raise WorkshopError("status must be one of {values}", values=", ".join(STATUSES))
        if "pace" in changes and changes["pace"] not in PACES:
            raise WorkshopError("pace must be one of {values}", values=", ".join(PACES))
        if "language" in changes and changes["language"] not in LANGUAGES:
            raise WorkshopError("the language must be one of {languages}", languages=", ".join(LANGUAGES))
        if "groups" in changes:
            changes["groups"] = clean_groups(changes["groups"])
        if "title" in changes:
            changes["title"] = clean_title(str(changes["title"]))
        with self.store.writing() as session:
            session.execute(update(Workshop).where(Workshop.id == workshop.id).values(**changes))
        return self.get(workshop.id)

    def delete(self, workshop: WorkshopInfo) -> None:
        """Remove the workshop and every participant and answer in it."""
        with self.store.writing() as session:
            session.execute(delete(ParticipantAnswer).where(ParticipantAnswer.workshop_id == workshop.id))
            session.execute(delete(Participant).where(Participant.workshop_id == workshop.id))
            session.execute(delete(Workshop).where(Workshop.id == workshop.id))

    # --- participants --------------------------------------------------------------------------

    def join(self, code: str, group: str | None = None, limit: int = 2000) -> tuple[ParticipantInfo, str]:
        """A new participant; refused when the workshop is closed or already has `limit` people."""
        workshop = self.by_code(code)
        if workshop is None:
            raise WorkshopError(N_("No workshop has this code. Check the code on the screen and try again."))
        if workshop.status != "open":
            raise WorkshopError(N_("This workshop is not taking answers any more. Ask the facilitator."))
        token = new_token()
        participant_id = str(uuid.uuid4())
        with self.store.writing() as session:
            joined = session.scalar(select(func.count()).where(Participant.workshop_id == workshop.id))
            if joined >= limit:
                raise WorkshopError(N_("This workshop is full ({limit} people have joined). Ask the facilitator."),
                                    limit=limit)
            session.add(Participant(id=participant_id, workshop_id=workshop.id, token_hash=token_hash(token),
                                    group=self._group(workshop, group)))
        return ParticipantInfo(participant_id, workshop.id, self._group(workshop, group), 0, False, {}), token

    @staticmethod
    def _group(workshop: WorkshopInfo, group: str | None) -> str | None:
        if group in (None, ""):
            return None
        if group not in workshop.groups:
            raise WorkshopError(N_("Choose one of the listed groups, or none."))
        return group

    def participant(self, token: str, with_answers: bool = True) -> ParticipantInfo | None:
        """The participant a private token names (found by its hash, confirmed in constant time).
        Saving one answer needs no earlier answers: `with_answers=False` spares that query."""
        if not token or len(token) > 100:
            return None
        wanted = token_hash(token)
        with self.store.reading() as session:
            row = session.execute(select(Participant.id, Participant.workshop_id, Participant.group,
                                         Participant.section, Participant.finished_at, Participant.token_hash)
                                  .where(Participant.token_hash == wanted)).first()
            if row is None or not matches(token, row.token_hash):
                return None
            answers = {a.item_id: json.loads(a.value) for a in session.scalars(
                select(ParticipantAnswer).where(ParticipantAnswer.participant_id == row.id))} if with_answers else {}
            return ParticipantInfo(row.id, row.workshop_id, row.group, row.section, row.finished_at is not None,
                                   answers)

    def save_answer(self, participant: ParticipantInfo, item_id: str, value: Any) -> None:
        """Upsert one answer (None clears it); refused once the facilitator has closed answering."""
        self.save_answers(participant, {item_id: value}, skip_unchanged=False)

    def save_answers(self, participant: ParticipantInfo, answers: dict[str, Any], skip_unchanged: bool = True) -> None:
        """Several answers in one transaction (a page sent as one form), shared with whatever other
        phones sent at the same moment (workshop/group_commit.py). With `skip_unchanged`, answers
        equal to those the participant was read with are not written again: a page whose answers
        were each saved as they were tapped costs no write at all."""
        changed = {k: v for k, v in answers.items() if not skip_unchanged or participant.answers.get(k) != v}
        if changed:
            self._answers.run((participant, changed))

    def _write_answers(self, batch: Sequence[tuple[ParticipantInfo, dict[str, Any]]]) -> None:
        """Answers of several participants in one transaction: the last answer to each question
        counts; refused as a whole if any of their workshops is closed (the group commit then
        writes each participant's answers alone, so only that workshop's phones are refused)."""
        latest: dict[tuple[str, str], tuple[ParticipantInfo, Any]] = {}
        for participant, changed in batch:
            for item_id, value in changed.items():
                latest[(participant.id, item_id)] = (participant, value)
        with self.store.writing() as session:
            workshops = {participant.workshop_id for participant, _ in batch}
            open_ = set(session.scalars(select(Workshop.id).where(Workshop.id.in_(workshops),
                                                                  Workshop.status == "open")))
            if workshops - open_:
                raise WorkshopError(N_("Answering is closed; your earlier answers are kept."))
            cleared = [(p.id, item_id) for (_, item_id), (p, v) in latest.items() if v is None]
            for participant_id, item_id in cleared:
                session.execute(delete(ParticipantAnswer).where(ParticipantAnswer.participant_id == participant_id,
                                                                ParticipantAnswer.item_id == item_id))
            stamp = now()
            given = [{"participant_id": p.id, "item_id": item_id, "workshop_id": p.workshop_id,
                      "value": json.dumps(v), "updated_at": stamp}
                     for (_, item_id), (p, v) in latest.items() if v is not None]
            if given:  # one statement, compiled once, run with the rows as parameters
                session.execute(self._upsert, given)

    def set_group(self, participant: ParticipantInfo, group: str | None) -> None:
        workshop = self.get(participant.workshop_id)
        with self.store.writing() as session:
            session.execute(update(Participant).where(Participant.id == participant.id)
                            .values(group=self._group(workshop, group)))

    def set_section(self, participant: ParticipantInfo, section: int) -> None:
        with self.store.writing() as session:
            session.execute(update(Participant).where(Participant.id == participant.id).values(section=section))

    def finish(self, participant: ParticipantInfo) -> None:
        with self.store.writing() as session:
            session.execute(update(Participant)
                            .where(Participant.id == participant.id, Participant.finished_at.is_(None))
                            .values(finished_at=now()))

    # --- the room ------------------------------------------------------------------------------

    def counts(self, workshop_id: str) -> dict[str, int]:
        """Joined, answering (joined, at least one answer, not finished) and finished."""
        with self.store.reading() as session:
            joined = session.scalar(select(func.count()).where(Participant.workshop_id == workshop_id))
            finished = session.scalar(select(func.count()).where(Participant.workshop_id == workshop_id,
                                                                 Participant.finished_at.is_not(None)))
            started = session.scalar(select(func.count(func.distinct(ParticipantAnswer.participant_id)))
                                     .join(Participant, Participant.id == ParticipantAnswer.participant_id)
                                     .where(ParticipantAnswer.workshop_id == workshop_id,
                                            Participant.finished_at.is_(None)))
        return {"joined": joined, "answering": started, "finished": finished}

    def data_version(self, workshop_id: str) -> tuple:
        """Changes whenever anyone joins, answers, changes an answer or finishes: two cheap counts
        that let views reuse what they computed while nothing has changed."""
        with self.store.reading() as session:
            people = session.execute(select(func.count(), func.count(Participant.finished_at))
                                     .where(Participant.workshop_id == workshop_id)).one()
            answers = session.execute(select(func.count(), func.max(ParticipantAnswer.updated_at))
                                      .where(ParticipantAnswer.workshop_id == workshop_id)).one()
        return (*people, *answers)

    def rows(self, workshop_id: str) -> list[Row]:
        """Every participant's answers, numbered in joining order, without ids or tokens."""
        with self.store.reading() as session:
            people = session.execute(select(Participant.id, Participant.group, Participant.finished_at)
                                     .where(Participant.workshop_id == workshop_id)
                                     .order_by(Participant.joined_at, Participant.id)).all()
            answers: dict[str, dict[str, Any]] = {p.id: {} for p in people}
            for participant_id, item_id, value in session.execute(
                    select(ParticipantAnswer.participant_id, ParticipantAnswer.item_id, ParticipantAnswer.value)
                    .where(ParticipantAnswer.workshop_id == workshop_id)):
                if participant_id in answers:
                    answers[participant_id][item_id] = _decode(value)
        groups = {g: clean_text(g, GROUP_LIMIT) for g in {p.group for p in people} if g}
        return [Row(number=n, group=groups.get(p.group), finished=p.finished_at is not None, answers=answers[p.id])
                for n, p in enumerate(people, start=1)]
