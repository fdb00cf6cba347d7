"""Settings of this PC (not of the shop): language, database location, journal mode.

They live in a small JSON file under the user's configuration folder; shop-wide settings
(negative stock, ABC thresholds, review months) are in the database instead.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP = "RetailERP"


def config_dir() -> Path:
    override = os.environ.get("RETAILERP_CONFIG_DIR")
    return Path(override) if override else user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    override = os.environ.get("RETAILERP_DATA_DIR")
    return Path(override) if override else user_data_path(APP, appauthor=False)


def default_database() -> Path:
    """The embedded database a new installation uses: ``<user data dir>/retailerp.db``."""
    return data_dir() / "retailerp.db"


def default_backup_folder() -> Path:
    """Where this PC keeps its automatic backups unless told otherwise."""
    return data_dir() / "backups"


@dataclass
class LocalSettings:
    language: str = ""
    """'' follows the system locale; otherwise 'en' or 'zh_CN'."""
    database: str = ""
    """'' is the default database file; else a file path or a postgresql+psycopg:// URL."""
    journal_mode: str = "auto"
    """SQLite journal: auto, wal or delete. The mode a new file gets (auto: WAL locally,
    DELETE on a network share); an existing file keeps the mode recorded in it, and a PC set to
    wal or delete refuses a file in the other mode (see ``persistence.journal``)."""
    backup_folder: str = ""
    """'' is :func:`default_backup_folder`; else a folder on this PC for automatic backups."""

    def backup_root(self) -> Path:
        """The folder automatic backups go to (each database in a sub-folder of it)."""
        return (
            Path(self.backup_folder).expanduser()
            if self.backup_folder
            else (default_backup_folder())
        )

    @classmethod
    def load(cls) -> LocalSettings:
        path = config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in raw.items() if k in known})

    def save(self) -> None:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "settings.json"
        temp = target.with_suffix(".tmp")
        temp.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        temp.replace(target)


def pc_name() -> str:
    """This PC's name as the office knows it (the host name; ``RETAILERP_PC_NAME`` for tests)."""
    import socket

    name = os.environ.get("RETAILERP_PC_NAME") or socket.gethostname() or "this-pc"
    return name.strip()[:49] or "this-pc"
