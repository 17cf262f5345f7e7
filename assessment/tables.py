"""Database tables (SQLAlchemy 2). Schema changes go through migrations in migrations/versions."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Coalition(Base):
    __tablename__ = "coalitions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    type: Mapped[str | None] = mapped_column(String(40))
    issue_area: Mapped[str] = mapped_column(String(200), default="")
    scope: Mapped[str | None] = mapped_column(String(40))
    founded: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Assessment(Base):
    __tablename__ = "assessments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    coalition_id: Mapped[str] = mapped_column(ForeignKey("coalitions.id", ondelete="CASCADE"), index=True)
    instrument_id: Mapped[str] = mapped_column(String(80))
    instrument_version: Mapped[int] = mapped_column(Integer)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    section: Mapped[int] = mapped_column(Integer, default=0)
    stakeholders: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")  # its pages and report


class Answer(Base):
    __tablename__ = "answers"
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON text: a number, a string or a list
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Workshop(Base):
    __tablename__ = "workshops"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    code: Mapped[str] = mapped_column(String(6), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    instrument_id: Mapped[str] = mapped_column(String(80))
    sections: Mapped[list] = mapped_column(JSON, default=list)  # empty: every section
    groups: Mapped[list] = mapped_column(JSON, default=list)
    threshold: Mapped[int] = mapped_column(Integer, default=3)
    key_hash: Mapped[str] = mapped_column(String(64))
    assessment_id: Mapped[str | None] = mapped_column(ForeignKey("assessments.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(10), default="open")  # open, closed, ended
    pace: Mapped[str] = mapped_column(String(10), default="self")  # self, led
    current_section: Mapped[int] = mapped_column(Integer, default=0)
    revealed: Mapped[bool] = mapped_column(default=False)
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")  # phones' default
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)


class Participant(Base):
    __tablename__ = "participants"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    group: Mapped[str | None] = mapped_column(String(100))
    section: Mapped[int] = mapped_column(Integer, default=0)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ParticipantAnswer(Base):
    __tablename__ = "participant_answers"
    participant_id: Mapped[str] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
