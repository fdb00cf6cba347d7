"""The test session's PostgreSQL server is reachable through SQLAlchemy and psycopg."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from support.postgres import PostgresServer

pytestmark = pytest.mark.postgres


def test_the_session_database_answers_with_its_version(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("select version()")).scalar_one()
            database = conn.execute(text("select current_database()")).scalar_one()
    finally:
        engine.dispose()
    assert version.startswith("PostgreSQL")
    assert database


def _database_name(url: str) -> str:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("create table marker (id integer primary key)"))
            return str(conn.execute(text("select current_database()")).scalar_one())
    finally:
        engine.dispose()


def test_each_test_gets_its_own_empty_database(
    postgres_server: PostgresServer, fresh_pg_url: str
) -> None:
    first = _database_name(fresh_pg_url)
    assert first.startswith("t_")
    # a second fresh database, made the same way the fixture makes it
    server = postgres_server
    second_name = f"{first}_b"
    second_url = server.create_database(second_name)
    try:
        engine = create_engine(second_url)
        try:
            with engine.connect() as conn:
                tables = conn.execute(
                    text("select count(*) from pg_tables where schemaname = 'public'")
                ).scalar_one()
                name = conn.execute(text("select current_database()")).scalar_one()
        finally:
            engine.dispose()
    finally:
        server.drop_database(second_name)
    assert name == second_name != first
    assert tables == 0


@pytest.mark.parametrize("round_", [1, 2])
def test_fresh_databases_do_not_leak_between_tests(fresh_pg_url: str, round_: int) -> None:
    engine = create_engine(fresh_pg_url)
    try:
        with engine.begin() as conn:
            tables = conn.execute(
                text("select count(*) from pg_tables where schemaname = 'public'")
            ).scalar_one()
            conn.execute(text("create table leftover (id integer primary key)"))
    finally:
        engine.dispose()
    assert tables == 0, f"round {round_} found tables left by another test"
