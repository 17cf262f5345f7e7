"""Saved assessments on SQLite and PostgreSQL: save as you go, resume by private link, history."""

import threading

from sqlalchemy import inspect, select

from assessment.model import Profile, Stakeholder
from assessment.storage import Store
from assessment.tables import Assessment


class Form:
    id, version = "quick-check", 1


def test_answers_are_upserted_one_by_one_and_survive_a_new_process(store, store_url):
    assessment_id, token = store.start(Form, Profile(name="Landmine coalition", type="advocacy", founded=1992))
    store.save_answer(assessment_id, "le_a", 2)
    store.save_answer(assessment_id, "le_a", 4)  # changed mind: one row, newest value
    store.save_answer(assessment_id, "re_groups", ["women", "youth"])
    store.save_answer(assessment_id, "tr_x", "dont_know")
    store.save_answer(assessment_id, "tr_x", None)  # cleared
    reopened = Store(store_url).open(token)  # as after a server restart
    assert reopened.answers == {"le_a": 4, "re_groups": ["women", "youth"]}
    assert reopened.profile.name == "Landmine coalition" and reopened.profile.founded == 1992


def test_resume_token_is_stored_only_as_a_hash(store):
    assessment_id, token = store.start(Form, Profile())
    with store.engine.connect() as connection:
        stored = connection.execute(select(Assessment.token_hash)).scalar_one()
    assert token not in stored and len(stored) == 64
    assert store.open(token).id == assessment_id
    assert store.open(token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert store.open("") is None and store.open("x" * 500) is None


def test_stakeholders_profile_and_section_are_saved(store):
    assessment_id, token = store.start(Form, Profile())
    people = [Stakeholder(name="<i>Army</i>", sector="national_government", influence=5, stake=2,
                          participation="opposed", votes=0)]
    store.save_stakeholders(assessment_id, people)
    store.set_section(assessment_id, 3)
    saved = store.open(token)
    store.save_profile(saved.coalition_id, Profile(name="Renamed", scope="international"))
    saved = store.open(token)
    assert saved.stakeholders == people and saved.section == 3
    assert (saved.profile.name, saved.profile.scope) == ("Renamed", "international")


def test_history_lists_completed_assessments_of_one_coalition_in_order(store):
    first, token = store.start(Form, Profile(name="A"))
    coalition = store.open(token).coalition_id
    store.save_answer(first, "le_a", 2)
    store.complete(first)
    second, _ = store.repeat(coalition, Form)
    store.save_answer(second, "le_a", 5)
    assert [s.id for s in store.history(coalition)] == [first]
    store.complete(second)
    assert [s.answers["le_a"] for s in store.history(coalition)] == [2, 5]
    other, _ = store.start(Form, Profile(name="B"))
    store.complete(other)
    assert len(store.history(coalition)) == 2


def test_migrations_create_the_schema_once(store, store_url):
    Store(store_url)  # running migrations again is harmless
    tables = set(inspect(store.engine).get_table_names())
    assert {"coalitions", "assessments", "answers", "alembic_version"} <= tables


def test_concurrent_writers_lose_nothing(store):
    ids = [store.start(Form, Profile())[0] for _ in range(10)]
    errors = []

    def answer(assessment_id):
        try:
            for n in range(20):
                store.save_answer(assessment_id, f"item_{n}", n % 5 + 1)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(len(store.get(i).answers) == 20 for i in ids)
