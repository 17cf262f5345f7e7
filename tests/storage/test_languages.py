"""Languages in the database: migration 0003 adds them to existing rows, the store and the workshop
service keep them, and answers stay language-free (item id and value, never a label)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select, text

from assessment.engine import default_engine
from assessment.model import Profile
from assessment.storage import MIGRATIONS, Store
from assessment.tables import ParticipantAnswer
from workshop.workshops import WorkshopError, Workshops

QUICK = default_engine().instruments["quick-check"]


def _alembic(url: str, target: str, down: bool = False) -> None:
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, target)
        connection.commit()
    engine.dispose()


def test_migration_gives_existing_rows_english_and_goes_back(store_url):
    """Rows written before languages existed read as English; the migration also goes down cleanly."""
    _alembic(store_url, "0002")
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO coalitions (id, name, issue_area, created_at) "
                                "VALUES ('c1', 'Old', '', CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO assessments (id, coalition_id, instrument_id, instrument_version, "
                                "token_hash, section, stakeholders, created_at, updated_at) VALUES ('a1', 'c1', "
                                "'quick-check', 2, 'h1', 0, '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
        connection.execute(text("INSERT INTO workshops (id, code, title, instrument_id, sections, groups, threshold, "
                                "key_hash, status, pace, current_section, revealed, created_at) VALUES ('w1', "
                                "'ACEFGH', 'Old room', 'quick-check', '[]', '[]', 3, 'k', 'open', 'self', 0, "
                                ":no, CURRENT_TIMESTAMP)"), {"no": False})
    _alembic(store_url, "head")
    store = Store(store_url)
    assert store.get("a1").language == "en"
    assert Workshops(store).get("w1").language == "en"
    store.engine.dispose()
    _alembic(store_url, "0002", down=True)
    with engine.connect() as connection:
        columns = connection.execute(text("SELECT * FROM workshops")).keys()
    assert "language" not in columns
    engine.dispose()


def test_an_assessment_keeps_its_language_and_a_repeat_inherits_it(store_url):
    store = Store(store_url)
    assessment_id, token = store.start(QUICK, Profile(name="Réseau"), "fr")
    assert store.open(token).language == "fr"
    store.set_language(assessment_id, "es")
    assert store.open(token).language == "es"
    with pytest.raises(ValueError, match="language must be one of en, fr, es"):
        store.set_language(assessment_id, "de")
    saved = store.open(token)
    _, again = store.repeat(saved.coalition_id, QUICK)
    assert store.open(again).language == "es"  # the coalition's latest language
    _, english = store.repeat(saved.coalition_id, QUICK, "en")
    assert store.open(english).language == "en"
    unknown, _ = store.start(QUICK, Profile(), "xx")
    assert store.get(unknown).language == "en"  # an unknown language falls back to English
    store.engine.dispose()


def test_a_workshop_has_a_default_language_and_answers_carry_none(store_url):
    store = Store(store_url)
    service = Workshops(store)
    workshop, _ = service.create("Atelier de Dakar", QUICK, ["ONG", "États"], language="fr")
    assert workshop.language == "fr" and service.by_code(workshop.code).language == "fr"
    assert service.update(workshop, language="es").language == "es"
    with pytest.raises(WorkshopError, match="the language must be one of en, fr, es"):
        service.create("Room", QUICK, [], language="de")
    item = next(i for i in QUICK.items if i.kind == "likert")
    people = [service.join(workshop.code, "ONG")[0] for _ in range(3)]
    for person in people:
        service.save_answer(person, item.id, 4)
    with store.reading() as session:
        stored = session.execute(select(ParticipantAnswer.item_id, ParticipantAnswer.value)
                                 .where(ParticipantAnswer.workshop_id == workshop.id)).all()
    assert stored == [(item.id, "4")] * 3
    store.engine.dispose()


def test_the_language_of_a_resume_link_is_read_without_opening_the_assessment(tmp_path):
    """The sidebar asks on every rerun, so it reads one column; a wrong or long token gives None."""
    from assessment.engine import default_engine
    from assessment.model import Profile
    from assessment.storage import Store

    store = Store(f"sqlite:///{tmp_path / 'l.db'}")
    _, token = store.start(default_engine().instruments["quick-check"], Profile(name="X"), "es")
    assert store.language_of(token) == "es" == store.open(token).language
    assert store.language_of(token[:-1] + "x") is None and store.language_of("y" * 500) is None
    assert store.language_of("") is None
