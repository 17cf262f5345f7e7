"""Saved coalitions and assessments: SQLite by default, PostgreSQL by DATABASE_URL.

Answers are saved one by one as they are given (an upsert per assessment and item), so a reload, a
lost connection or a restart loses nothing. On SQLite, writes begin with BEGIN IMMEDIATE: a
transaction that reads and then writes could otherwise fail with "database is locked" despite
the busy timeout.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, delete, event, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from assessment.i18n import DEFAULT, LANGUAGES
from assessment.loader import load_instruments
from assessment.model import Instrument, Profile, Stakeholder
from assessment.tables import Answer, Assessment, Coalition, now
from assessment.tokens import matches, new_token, token_hash
from assessment.upgrade import Upgraded, upgrade_answers

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


def database_url() -> str:
    """DATABASE_URL if set, else a SQLite file in COALITION_DATA_DIR (default ./data)."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    folder = Path(os.environ.get("COALITION_DATA_DIR", "data"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder.resolve() / 'coalition.db'}"


def pool_size() -> int:
    """Connections each app process may hold on PostgreSQL (COALITION_DB_POOL, default 10).

    Size it so that processes × pool stays under the server's max_connections (100 by default,
    a few reserved for superusers): four processes × 20 = 80 fits; four × 30 does not."""
    raw = os.environ.get("COALITION_DB_POOL", "").strip() or "10"
    if not raw.isdigit() or not 1 <= int(raw) <= 200:
        raise ValueError(f"COALITION_DB_POOL must be a whole number from 1 to 200, not {raw!r}")
    return int(raw)


def make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        # The pool is a hard cap (no overflow), so processes × pool is what PostgreSQL must allow.
        return create_engine(url, pool_pre_ping=True, pool_size=pool_size(), max_overflow=0, pool_timeout=15)
    # A connection per worker thread (Starlette's pool has 28, Streamlit's script threads more): opening
    # and configuring SQLite connections over and over costs more than keeping them.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                           pool_size=32, max_overflow=16)

    @event.listens_for(engine, "connect")
    def _sqlite_settings(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the driver, starts transactions
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        immediate = connection.get_execution_options().get("write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


MIGRATION_LOCK = 720_451_966  # any constant: the PostgreSQL advisory lock that migrations share


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (safe to run at every start).

    Several processes often start together (behind nginx, or a restart); the migration runs under
    a lock so one upgrades and the others wait and then find nothing to do."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with _migration_lock(engine), engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """A file lock beside the SQLite database; an advisory lock on PostgreSQL."""
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with open(f"{database}.migrate.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        return
    with engine.connect() as connection:
        connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
        try:
            yield
        finally:
            connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
            connection.commit()


@dataclass(frozen=True)
class Saved:
    """A saved assessment as the pages need it."""

    id: str
    coalition_id: str
    instrument_id: str
    section: int
    created_at: datetime
    completed_at: datetime | None
    answers: dict[str, Any]
    stakeholders: list[Stakeholder]
    profile: Profile
    notes: tuple[str, ...] = ()  # what changed when answers to an older questionnaire version were carried over
    language: str = DEFAULT  # of its pages, its report and its downloads


class Store:
    def __init__(self, url: str | None = None):
        self.url = url or database_url()
        self.engine = make_engine(self.url)
        self.sqlite = self.engine.dialect.name == "sqlite"
        # SQLite allows one writer at a time. Queueing this process's writers on a lock is fairer
        # and faster than letting them poll the busy timeout; other processes still use the timeout.
        self._writer = threading.Lock() if self.sqlite else nullcontext()
        migrate(self.engine)

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A session in a write transaction (BEGIN IMMEDIATE on SQLite), committed on exit."""
        with (self.engine.connect().execution_options(write=True) as connection, self._writer,
              Session(connection) as session, session.begin()):  # the lock covers the transaction only
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only; nothing is committed."""
        with Session(self.engine) as session:
            yield session

    def start(self, instrument: Instrument, profile: Profile, language: str = DEFAULT) -> tuple[str, str]:
        """A new coalition profile and assessment; returns (assessment id, resume token shown once)."""
        language = language if language in LANGUAGES else DEFAULT
        token = new_token()
        coalition_id, assessment_id = str(uuid.uuid4()), str(uuid.uuid4())
        with self.writing() as session:
            session.add(Coalition(id=coalition_id, **_profile_columns(profile)))
            session.flush()  # the coalition row must exist before the assessment that refers to it
            session.add(Assessment(id=assessment_id, coalition_id=coalition_id, instrument_id=instrument.id,
                                   instrument_version=instrument.version, token_hash=token_hash(token),
                                   stakeholders=[], language=language))
        return assessment_id, token

    def repeat(self, coalition_id: str, instrument: Instrument, language: str | None = None) -> tuple[str, str]:
        """A new assessment of an existing coalition (for the trend); returns (id, token). It starts
        from the coalition's most recently edited stakeholder map: who holds power changes slowly,
        and retyping the map every six months is how maps go stale. Unless told otherwise, it keeps
        the language of the coalition's latest assessment."""
        token = new_token()
        assessment_id = str(uuid.uuid4())
        with self.writing() as session:
            latest = session.scalars(select(Assessment.stakeholders).where(Assessment.coalition_id == coalition_id)
                                     .order_by(Assessment.updated_at.desc())).all()
            stakeholders = next((list(rows) for rows in latest if rows), [])
            if language not in LANGUAGES:
                language = session.scalar(select(Assessment.language).where(Assessment.coalition_id == coalition_id)
                                          .order_by(Assessment.updated_at.desc()).limit(1)) or DEFAULT
            session.add(Assessment(id=assessment_id, coalition_id=coalition_id, instrument_id=instrument.id,
                                   instrument_version=instrument.version, token_hash=token_hash(token),
                                   stakeholders=stakeholders, language=language))
        return assessment_id, token

    def open(self, token: str) -> Saved | None:
        """The assessment a resume token opens, or None. Looked up by hash, confirmed in constant time."""
        with self.reading() as session:
            row = self._by_token(session, token)
            return self._saved(session, row) if row is not None else None

    def language_of(self, token: str) -> str | None:
        """The language of the assessment a resume token opens, without loading its answers (the sidebar
        asks on every rerun of every page)."""
        with self.reading() as session:
            row = self._by_token(session, token)
            return (row.language if row.language in LANGUAGES else DEFAULT) if row is not None else None

    @staticmethod
    def _by_token(session: Session, token: str) -> Assessment | None:
        if not token or len(token) > 100:
            return None
        row = session.scalar(select(Assessment).where(Assessment.token_hash == token_hash(token)))
        return row if row is not None and matches(token, row.token_hash) else None

    def get(self, assessment_id: str) -> Saved | None:
        with self.reading() as session:
            row = session.get(Assessment, assessment_id)
            return self._saved(session, row) if row else None

    def _saved(self, session: Session, row: Assessment) -> Saved:
        coalition = session.get(Coalition, row.coalition_id)
        answers = {a.item_id: json.loads(a.value) for a in
                   session.scalars(select(Answer).where(Answer.assessment_id == row.id))}
        upgraded = _upgraded(row, answers)
        return Saved(id=row.id, coalition_id=row.coalition_id, instrument_id=row.instrument_id, section=row.section,
                     created_at=row.created_at, completed_at=row.completed_at, answers=upgraded.answers,
                     notes=tuple(upgraded.notes), language=row.language if row.language in LANGUAGES else DEFAULT,
                     stakeholders=[Stakeholder.model_validate(s) for s in row.stakeholders or []],
                     profile=Profile(name=coalition.name, type=coalition.type, issue_area=coalition.issue_area,
                                     scope=coalition.scope, founded=coalition.founded))

    def _store_upgrade(self, session: Session, assessment_id: str) -> None:
        """Before the first new answer, rewrite answers given to an older questionnaire version in the current one,
        so new answers are never mistaken for old ones."""
        row = session.get(Assessment, assessment_id)
        instrument = load_instruments().get(row.instrument_id) if row else None
        if instrument is None or row.instrument_version >= instrument.version:
            return
        old = {a.item_id: json.loads(a.value) for a in
               session.scalars(select(Answer).where(Answer.assessment_id == assessment_id))}
        session.execute(delete(Answer).where(Answer.assessment_id == assessment_id))
        rows = [{"assessment_id": assessment_id, "item_id": k, "value": json.dumps(v), "updated_at": now()}
                for k, v in _upgraded(row, old).answers.items()]
        if rows:
            session.execute(self._upsert(rows))
        row.instrument_version = instrument.version

    def save_answer(self, assessment_id: str, item_id: str, value: Any) -> None:
        """Upsert one answer; None removes it (the person cleared the question)."""
        with self.writing() as session:
            self._store_upgrade(session, assessment_id)
            if value is None:
                session.execute(delete(Answer).where(Answer.assessment_id == assessment_id,
                                                     Answer.item_id == item_id))
            else:
                session.execute(self._upsert([{"assessment_id": assessment_id, "item_id": item_id,
                                               "value": json.dumps(value), "updated_at": now()}]))
            session.execute(Assessment.__table__.update().where(Assessment.id == assessment_id)
                            .values(updated_at=now()))

    def save_answers(self, assessment_id: str, answers: dict[str, Any]) -> None:
        rows = [{"assessment_id": assessment_id, "item_id": k, "value": json.dumps(v), "updated_at": now()}
                for k, v in answers.items() if v is not None]
        if rows:
            with self.writing() as session:
                self._store_upgrade(session, assessment_id)
                session.execute(self._upsert(rows))

    def _upsert(self, rows: list[dict]):
        insert = sqlite_insert if self.sqlite else pg_insert
        statement = insert(Answer).values(rows)
        return statement.on_conflict_do_update(
            index_elements=["assessment_id", "item_id"],
            set_={"value": statement.excluded.value, "updated_at": statement.excluded.updated_at})

    def save_stakeholders(self, assessment_id: str, stakeholders: list[Stakeholder]) -> None:
        with self.writing() as session:
            row = session.get(Assessment, assessment_id)
            row.stakeholders = [s.model_dump() for s in stakeholders]
            row.updated_at = now()

    def save_profile(self, coalition_id: str, profile: Profile) -> None:
        with self.writing() as session:
            row = session.get(Coalition, coalition_id)
            for key, value in _profile_columns(profile).items():
                setattr(row, key, value)

    def set_language(self, assessment_id: str, language: str) -> None:
        """The language of the assessment's pages, report and downloads (its answers do not change)."""
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        with self.writing() as session:
            session.get(Assessment, assessment_id).language = language

    def set_section(self, assessment_id: str, section: int) -> None:
        with self.writing() as session:
            session.get(Assessment, assessment_id).section = section

    def complete(self, assessment_id: str) -> None:
        with self.writing() as session:
            row = session.get(Assessment, assessment_id)
            row.completed_at = row.completed_at or now()

    def unfinished(self, coalition_id: str) -> list[str]:
        """The ids of the coalition's assessments not finished yet: the trend leaves them out and says so."""
        with self.reading() as session:
            return list(session.scalars(select(Assessment.id).where(Assessment.coalition_id == coalition_id,
                                                                    Assessment.completed_at.is_(None))))

    def history(self, coalition_id: str) -> list[Saved]:
        """The coalition's completed assessments, oldest first, for the trend."""
        with self.reading() as session:
            rows = session.scalars(select(Assessment).where(Assessment.coalition_id == coalition_id,
                                                            Assessment.completed_at.is_not(None))
                                   .order_by(Assessment.completed_at)).all()
            return [self._saved(session, row) for row in rows]


@cache
def shared_store() -> Store:
    """The process's one store: the pages and the participant path share its pool and its lock."""
    return Store()


def _upgraded(row: Assessment, answers: dict[str, Any]) -> Upgraded:
    """Answers saved with an older version of the questionnaire, read in the current one (with notes)."""
    instrument = load_instruments().get(row.instrument_id)
    if instrument is None:
        return Upgraded(answers)
    return upgrade_answers(instrument, answers, row.instrument_version)


def _profile_columns(profile: Profile) -> dict[str, Any]:
    return {"name": profile.name, "type": profile.type, "issue_area": profile.issue_area, "scope": profile.scope,
            "founded": profile.founded}
