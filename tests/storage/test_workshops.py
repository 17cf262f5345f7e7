"""Workshops on SQLite and PostgreSQL: life cycle, concurrency, several processes, security."""

import json
import subprocess
import sys
import threading

import pytest

from assessment.engine import default_engine
from tests.conftest import ROOT
from workshop.report import answers_csv, answers_json, group_report_html
from workshop.stats import group_scores, item_stats, likert_items
from workshop.workshops import CODE_ALPHABET, WorkshopError, Workshops

QUICK = default_engine().instruments["quick-check"]
TITLES = default_engine().titles


@pytest.fixture
def service(store):
    return Workshops(store)


def test_life_cycle(service):
    workshop, _key = service.create("Retreat", QUICK, ["NGOs", "States", "NGOs", " "])
    assert workshop.groups == ["NGOs", "States"] and workshop.status == "open" and workshop.threshold == 3
    assert set(workshop.code) <= set(CODE_ALPHABET) and len(workshop.code) == 6
    assert service.by_code(workshop.code.lower()).id == workshop.id
    person, token = service.join(workshop.code, "NGOs")
    service.save_answer(person, "le_members_accept_decisions", 2)
    service.save_answer(person, "le_members_accept_decisions", 4)
    assert service.participant(token).answers == {"le_members_accept_decisions": 4}
    assert service.counts(workshop.id) == {"joined": 1, "answering": 1, "finished": 0}
    service.finish(person)
    assert service.counts(workshop.id) == {"joined": 1, "answering": 0, "finished": 1}
    closed = service.update(workshop, status="closed", revealed=True, pace="led", current_section=2)
    assert (closed.status, closed.revealed, closed.pace, closed.current_section) == ("closed", True, "led", 2)
    with pytest.raises(WorkshopError, match="Answering is closed"):
        service.save_answer(person, "le_members_accept_decisions", 1)
    with pytest.raises(WorkshopError, match="not taking answers"):
        service.join(workshop.code)
    service.delete(workshop)
    assert service.by_code(workshop.code) is None and service.participant(token) is None
    assert service.rows(workshop.id) == []


def test_bad_inputs_are_refused_plainly(service):
    with pytest.raises(WorkshopError, match="title"):
        service.create("  ", QUICK, [])
    with pytest.raises(WorkshopError, match="threshold"):
        service.create("T", QUICK, [], threshold=0)
    workshop, _ = service.create("T", QUICK, ["A"])
    with pytest.raises(WorkshopError, match="listed groups"):
        service.join(workshop.code, "Not a group")
    with pytest.raises(WorkshopError, match="No workshop has this code"):
        service.join("ZZZZZZ")
    with pytest.raises(WorkshopError, match="status"):
        service.update(workshop, status="paused")
    with pytest.raises(WorkshopError, match="cannot change"):
        service.update(workshop, key_hash="x")


def test_wrong_facilitator_key_sees_and_changes_nothing(service):
    workshop, key = service.create("T", QUICK, [])
    assert service.as_facilitator(workshop.code, key).id == workshop.id
    for wrong in ("", key[:-1], key + "x", "x" * 1000, None):
        assert service.as_facilitator(workshop.code, wrong or "") is None
    assert service.as_facilitator("ZZZZZZ", key) is None


def test_key_and_tokens_are_stored_only_as_hashes(service, store):
    workshop, key = service.create("T", QUICK, [])
    _, token = service.join(workshop.code)
    with store.engine.connect() as connection:
        dump = json.dumps([list(map(str, row)) for table in ("workshops", "participants")
                           for row in connection.exec_driver_sql(f"SELECT * FROM {table}")])
    assert key not in dump and token not in dump


def test_participant_sees_only_their_own_answers(service):
    workshop, _ = service.create("T", QUICK, [])
    alice, alice_token = service.join(workshop.code)
    bob, _ = service.join(workshop.code)
    service.save_answer(alice, "le_members_accept_decisions", 5)
    service.save_answer(bob, "le_members_accept_decisions", 1)
    assert service.participant(alice_token).answers == {"le_members_accept_decisions": 5}


def test_fifty_participants_answering_at_once_lose_nothing(service):
    workshop, _ = service.create("Crowd", QUICK, ["A", "B"])
    people = [service.join(workshop.code, "A" if n % 2 else "B")[0] for n in range(50)]
    errors = []

    def answer(person, n):
        try:
            for index, item in enumerate(QUICK.items):
                service.save_answer(person, item.id, (n + index) % 5 + 1)
            service.finish(person)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(p, n)) for n, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = service.rows(workshop.id)
    assert len(rows) == 50 and all(len(r.answers) == len(QUICK.items) and r.finished for r in rows)
    expected = {(n, item.id): (n + i) % 5 + 1 for n in range(50) for i, item in enumerate(QUICK.items)}
    # rows are numbered in joining order, which is the order people were created in
    assert {(r.number - 1, k): v for r in rows for k, v in r.answers.items()} == expected


def test_answers_sent_together_share_transactions_and_a_closed_room_refuses_only_its_own(service):
    """Phones of an open and a closed workshop answer at the same moment: the group commit writes
    the open room's answers in few transactions and refuses only the closed room's phones."""
    open_room, _ = service.create("Open", QUICK, ["A"])
    closed_room, _ = service.create("Closed", QUICK, ["A"])
    people = [service.join(room.code, "A")[0] for room in (open_room, closed_room) for _ in range(20)]
    service.update(service.get(closed_room.id), status="closed")
    item = QUICK.items[0].id
    refused, start = [], threading.Barrier(len(people))

    def answer(person):
        start.wait()
        try:
            service.save_answer(person, item, 2)
            service.save_answer(person, item, 5)  # the later answer is the one kept
        except WorkshopError:
            refused.append(person.workshop_id)

    threads = [threading.Thread(target=answer, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert refused == [closed_room.id] * 20
    assert [r.answers for r in service.rows(open_room.id)] == [{item: 5}] * 20
    assert all(not r.answers for r in service.rows(closed_room.id))
    assert service._answers.batches < 30  # of 60 saves: 40 by the open room, 20 refused


@pytest.mark.postgres
def test_two_app_processes_on_one_postgres_see_each_others_participants(pg_schema_url):
    """Nothing about a workshop lives in one process: a second process joins, the first sees it."""
    service = Workshops(__import__("assessment.storage", fromlist=["Store"]).Store(pg_schema_url))
    workshop, _ = service.create("Shared", QUICK, ["NGOs"])
    script = (
        "import sys; from assessment.storage import Store; from workshop.workshops import Workshops\n"
        "s = Workshops(Store(sys.argv[1])); p, _ = s.join(sys.argv[2], 'NGOs')\n"
        "s.save_answer(p, 'le_members_accept_decisions', 4); print(len(s.rows(p.workshop_id)))\n"
    )
    outputs = [subprocess.run([sys.executable, "-c", script, pg_schema_url, workshop.code], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip() for _ in range(2)]
    assert outputs == ["1", "2"]  # the second process saw the first one's participant
    rows = service.rows(workshop.id)
    assert len(rows) == 2 and all(r.answers == {"le_members_accept_decisions": 4} for r in rows)


def test_small_groups_are_hidden_everywhere_exports_included(service):
    workshop, _ = service.create("Anon <script>", QUICK, ["Big", "Other", "Small"], threshold=3)
    item = QUICK.items[0]
    for group in ["Big"] * 4 + ["Other"] * 3 + ["Small"] * 3:
        person, _ = service.join(workshop.code, group)
        if group != "Small" or service.rows(workshop.id)[-1].number == 8:  # only one Small member answers
            service.save_answer(person, item.id, 2 if group == "Big" else 5)
    rows = service.rows(workshop.id)
    assert sum(1 for r in rows if r.group == "Small" and r.answers) == 1
    items = likert_items(QUICK, [])
    groups = {g.group: g for g in group_scores(QUICK, items, rows, workshop.threshold, workshop.groups)}
    # Small has three members but one respondent: hidden. Other (the smaller shown group) is hidden
    # too, or Small's lone answer would be the room minus Big minus Other.
    assert groups["Small"].hidden and not groups["Big"].hidden and groups["Other"].hidden
    csv_text = answers_csv(workshop, QUICK, rows)
    json_text = answers_json(workshop, rows)
    report = group_report_html(workshop, QUICK, rows, TITLES, {})
    for export in (csv_text, json_text, report):
        assert "Small" not in export.replace("Anon", "") and "Other" not in export
        assert "Big" in export
    assert csv_text.count(",Big,") == 4 and csv_text.count(",,") == 4  # four people carry no group
    assert "Anon &lt;script&gt;" in report and "<script>" not in report
    assert "token" not in json_text.lower() and workshop.id not in json_text


def test_distribution_counts_match_answers(service):
    workshop, _ = service.create("Counts", QUICK, [])
    item = QUICK.items[0]
    for value in [1, 1, 2, 5, "dont_know"]:
        person, _ = service.join(workshop.code)
        service.save_answer(person, item.id, value)
    stats = item_stats(QUICK, [item], service.rows(workshop.id), threshold=3)[0]
    assert stats.counts == [2, 1, 0, 0, 1] and stats.dont_know == 1 and stats.n == 4
