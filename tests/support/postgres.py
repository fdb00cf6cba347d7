"""A throwaway PostgreSQL server for the test session.

``postgres_url`` starts a private PostgreSQL cluster (initdb + pg_ctl) in a temporary folder,
listening on a free port on 127.0.0.1 only, with trust authentication and ``fsync=off``, and
creates the database ``retailerp_test``; the cluster is stopped and removed at session end.
``fresh_pg_url`` creates an empty database per test and drops it afterwards.

Environment:
- ``RETAILERP_TEST_PG_URL``: use this server (a SQLAlchemy URL) instead of starting one.
- ``RETAILERP_PG_BINDIR``: folder holding ``initdb`` and ``pg_ctl``.
- ``CI``: when set, missing PostgreSQL binaries fail the tests instead of skipping them.

initdb refuses to run as root; as root the cluster runs as the ``postgres`` user
(``runuser -u postgres --``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pytest

PG_MAJOR = "15"
TEST_DATABASE = "retailerp_test"


@dataclass
class PostgresServer:
    """A reachable PostgreSQL server; ``admin_url`` may create and drop databases."""

    admin_url: str
    owned: bool = False
    _data_root: Path | None = field(default=None, repr=False)
    _bindir: Path | None = field(default=None, repr=False)
    _run_as: list[str] = field(default_factory=list, repr=False)

    def url_for(self, database: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(database=database).render_as_string(hide_password=False)

    def connect_admin(self) -> Any:
        """A psycopg connection in autocommit mode (for CREATE / DROP DATABASE)."""
        import psycopg

        return psycopg.connect(**_connect_args(self.admin_url), autocommit=True)

    def create_database(self, name: str) -> str:
        with self.connect_admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        with self.connect_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if not self.owned or self._data_root is None or self._bindir is None:
            return
        data = self._data_root / "data"
        subprocess.run(
            [
                *self._run_as,
                str(self._bindir / "pg_ctl"),
                "stop",
                "-D",
                str(data),
                "-m",
                "immediate",
                "-w",
            ],
            cwd=self._data_root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        shutil.rmtree(self._data_root, ignore_errors=True)
        self._data_root = None


def _connect_args(url: str) -> dict[str, Any]:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    args: dict[str, Any] = parsed.translate_connect_args(username="user", database="dbname")
    args.update({k: v for k, v in parsed.query.items() if isinstance(v, str)})
    return args


def _unavailable(reason: str) -> NoReturn:
    """Skip the test, or fail it on CI, which must run the PostgreSQL tests."""
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL tests cannot run on CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def find_bindir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``, or ``None`` when PostgreSQL is absent."""
    candidates: list[Path] = []
    if os.environ.get("RETAILERP_PG_BINDIR"):
        candidates.append(Path(os.environ["RETAILERP_PG_BINDIR"]))
    candidates.append(Path(f"/usr/lib/postgresql/{PG_MAJOR}/bin"))
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, check=True
            ).stdout.strip()
            if out:
                candidates.append(Path(out))
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(Path(initdb).parent)
    for candidate in candidates:
        if (candidate / "initdb").is_file() and (candidate / "pg_ctl").is_file():
            return candidate
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}"
        )


def start_cluster(bindir: Path) -> PostgresServer:
    """initdb + pg_ctl start in a new temporary folder; returns the running server."""
    run_as: list[str] = []
    owner: tuple[int, int] | None = None
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        import pwd

        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no 'postgres' user to run initdb as")
        runuser = shutil.which("runuser")
        if runuser is None:
            _unavailable("running as root and 'runuser' is missing")
        run_as = [str(runuser), "-u", "postgres", "--"]
        owner = (entry.pw_uid, entry.pw_gid)

    # as root, a folder the postgres user can reach (TMPDIR might be under /root)
    parent = "/tmp" if owner is not None and Path("/tmp").is_dir() else None
    root = Path(tempfile.mkdtemp(prefix="retailerp-pg-", dir=parent))
    if owner is not None:
        os.chown(root, *owner)
    data = root / "data"
    server = PostgresServer(
        admin_url="", owned=True, _data_root=root, _bindir=bindir, _run_as=run_as
    )
    try:
        _run(
            [
                *run_as,
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            cwd=root,
        )
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                "\n# test cluster (tests/support/postgres.py)\n"
                "listen_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{root}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "max_connections = 200\n"
            )
        last_error: Exception | None = None
        for _attempt in range(5):
            port = _free_port()
            try:
                _run(
                    [
                        *run_as,
                        str(bindir / "pg_ctl"),
                        "start",
                        "-D",
                        str(data),
                        "-w",
                        "-t",
                        "60",
                        "-l",
                        str(root / "postgres.log"),
                        "-o",
                        f"-p {port}",
                    ],
                    cwd=root,
                )
            except RuntimeError as error:
                log = root / "postgres.log"
                detail = log.read_text(errors="replace") if log.exists() else ""
                last_error = RuntimeError(f"{error}\n{detail}")
                continue
            server.admin_url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
            return server
        raise RuntimeError(f"PostgreSQL did not start: {last_error}")
    except BaseException:
        server.stop()
        raise


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL server (started here unless RETAILERP_TEST_PG_URL is set)."""
    external = os.environ.get("RETAILERP_TEST_PG_URL")
    if external:
        yield PostgresServer(admin_url=external)
        return
    bindir = find_bindir()
    if bindir is None:
        _unavailable(
            f"no initdb/pg_ctl found (looked in RETAILERP_PG_BINDIR, "
            f"/usr/lib/postgresql/{PG_MAJOR}/bin, pg_config --bindir, PATH); "
            "install PostgreSQL or set RETAILERP_TEST_PG_URL"
        )
    server = start_cluster(bindir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_url(postgres_server: PostgresServer) -> str:
    """SQLAlchemy URL of the session's test database (``retailerp_test``)."""
    if not postgres_server.owned:
        return postgres_server.admin_url
    return postgres_server.create_database(TEST_DATABASE)


@pytest.fixture
def fresh_pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a new, empty database, dropped (WITH FORCE) after the test."""
    name = f"t_{uuid.uuid4().hex}"
    url = postgres_server.create_database(name)
    try:
        yield url
    finally:
        postgres_server.drop_database(name)
