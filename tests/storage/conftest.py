"""The store on SQLite (a temporary file) and on a real PostgreSQL from TEST_DATABASE_URL."""

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from assessment.storage import Store
from tests.conftest import require


def postgres_url() -> str:
    url = os.environ.get("TEST_DATABASE_URL", "")
    require(bool(url), "TEST_DATABASE_URL is not set (a PostgreSQL server for the postgres tests)")
    return url


@pytest.fixture
def pg_schema_url():
    """A fresh PostgreSQL schema per test, dropped afterwards, so tests never see each other's rows."""
    url = postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    joiner = "&" if "?" in url else "?"
    yield f"{url}{joiner}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(store_url):
    store = Store(store_url)
    yield store
    store.engine.dispose()
