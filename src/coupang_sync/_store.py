"""The sync store: its engine, its migrations (Alembic, run programmatically) and the checks
that refuse a store this version cannot use (empty, behind, newer, corrupt or foreign)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool

from coupang_sync._errors import NewerSchemaError, StoreNotReadyError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

__all__ = [
    "DEFAULT_URL",
    "VERSION_TABLE",
    "current_revision",
    "head_revision",
    "make_engine",
    "migrate",
    "require_current",
]

#: The embedded default: a SQLite file in the working directory.
DEFAULT_URL = "sqlite:///coupang-sync.db"
#: Alembic's version table, named for the sync so a shared database keeps its own.
VERSION_TABLE = "sync_alembic_version"
MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    """An engine for ``url``: SQLite (file or memory) with a busy timeout, or PostgreSQL."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        memory = parsed.database in (None, "", ":memory:")
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            poolclass=StaticPool if memory else None,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config())


def head_revision() -> str:
    """The newest revision this version of coupang-sync knows."""
    head = _script_directory().get_current_head()
    if head is None:  # pragma: no cover - the package ships its revisions
        raise StoreNotReadyError("coupang_sync's migrations are missing from this install")
    return head


def _known_revisions() -> set[str]:
    return {script.revision for script in _script_directory().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The store's revision (``None`` for a store no migration has touched).

    Raises :class:`StoreNotReadyError` for a file that is not a database."""
    from sqlalchemy import column, table

    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(VERSION_TABLE):
                return None
            version = table(VERSION_TABLE, column("version_num"))
            rows = conn.execute(select(version.c.version_num)).scalars().all()
    except (DatabaseError, OperationalError) as exc:
        raise StoreNotReadyError(
            f"the sync store at {_safe(engine)} cannot be read as a database: {exc.orig}"
        ) from None
    return str(rows[0]) if rows else None


def _refuse_newer(engine: Engine, revision: str | None) -> None:
    if revision is not None and revision not in _known_revisions():
        raise NewerSchemaError(
            f"the sync store at {_safe(engine)} is at schema revision {revision}, newer than "
            f"this coupang-sync knows (head {head_revision()}): upgrade coupang-seller; "
            "nothing was changed"
        )


def migrate(engine_or_url: Engine | str, *, revision: str = "head") -> str:
    """Create the store or upgrade it in place to ``revision`` (default: the newest).

    Returns the revision the store is at. Raises :class:`NewerSchemaError` for a store a newer
    version wrote, :class:`StoreNotReadyError` for a file that is not a database."""
    from alembic import command

    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        _refuse_newer(engine, current_revision(engine))
        config = _alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        found = current_revision(engine)
        return found or revision
    finally:
        if isinstance(engine_or_url, str):
            engine.dispose()


def require_current(engine: Engine) -> None:
    """Refuse a store that is not at this version's head (behind, newer, empty or corrupt)."""
    revision = current_revision(engine)
    _refuse_newer(engine, revision)
    if revision is None:
        raise StoreNotReadyError(
            f"the sync store at {_safe(engine)} has no sync schema: run "
            "`coupang-seller sync migrate` (or Sync(url, migrate=True))"
        )
    if revision != head_revision():
        raise StoreNotReadyError(
            f"the sync store at {_safe(engine)} is at revision {revision}, behind "
            f"{head_revision()}: run `coupang-seller sync migrate`"
        )


def _safe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
