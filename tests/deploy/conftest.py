"""The deployment tests use the PostgreSQL schema fixture of the storage tests."""

from tests.storage.conftest import pg_schema_url  # noqa: F401 (a fixture, found by name)
