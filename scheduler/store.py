"""The scheduler's SQLite database: the source of truth for subscriptions, reminders, outbox.

Deliveries are claimed with a unique row (chat, event, lead, event start) *before* sending,
so a restart can never send the same reminder twice; a claim whose send did not complete is
retried once the bot is back (see ReminderService.unsent).
"""

from __future__ import annotations

import fcntl
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

SCHEMA_VERSION = 12  # 2: lead_runs, 3: broadcasts and the outbox, 4: open_batches,
# 5: a delivery is for one start of its event, so a session moved later is reminded again,
# 6: reminders go through the outbox (a row's own text, an expiry), events_seen, announced,
# 7: a /remind lead is for that session only (personal.minutes; the chat-wide leads go),
# 8: a chat's interface language (chosen, and Telegram's) and whether it was told once that
# treaty texts are quoted in English,
# 9: held agenda changes have ids (held_changes), so a decision acts on the change it was for,
# 10: a broadcast's parts may be written per reader language (the agenda the bot words),
# 11: the sessions followers were told are cancelled (told_cancelled), to tell them it is back,
# 12: whether a chat gets the organisers' announcements (chats.announcements: /unsubscribe all)
SCHEMA = """
CREATE TABLE IF NOT EXISTS chats (
    chat_id INTEGER PRIMARY KEY,
    timezone TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    language TEXT,                            -- chosen with /language
    user_language TEXT,                       -- from Telegram's language_code
    told_english INTEGER NOT NULL DEFAULT 0,  -- told that treaty texts are quoted in English
    announcements INTEGER NOT NULL DEFAULT 1  -- 0: /unsubscribe all, until /subscribe
);
CREATE TABLE IF NOT EXISTS subscriptions (
    chat_id INTEGER NOT NULL,
    series TEXT NOT NULL,              -- '*' = the whole agenda
    PRIMARY KEY (chat_id, series)
);
CREATE INDEX IF NOT EXISTS subscriptions_series ON subscriptions (series);
CREATE TABLE IF NOT EXISTS personal (     -- /remind: one session, at its own lead or the defaults
    chat_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    minutes INTEGER,                          -- NULL: the default leads
    PRIMARY KEY (chat_id, event_id)
);
CREATE INDEX IF NOT EXISTS personal_event ON personal (event_id);
CREATE TABLE IF NOT EXISTS deliveries (
    chat_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    start REAL NOT NULL,                      -- the event start the reminder was for
    claimed_at REAL NOT NULL,
    sent_at REAL,
    PRIMARY KEY (chat_id, event_id, minutes, start)
);
CREATE INDEX IF NOT EXISTS deliveries_unsent ON deliveries (sent_at) WHERE sent_at IS NULL;
CREATE TABLE IF NOT EXISTS lead_runs (      -- (event, lead) batches already claimed
    event_id TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    start REAL NOT NULL,                      -- the event start the batch was for
    PRIMARY KEY (event_id, minutes, start)
);
CREATE TABLE IF NOT EXISTS open_batches (   -- (event, lead) batches being claimed
    event_id TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    start REAL NOT NULL,
    opened_at REAL NOT NULL,                  -- when claiming began (for the late flag)
    cursor INTEGER NOT NULL,                  -- chats up to this id are claimed
    PRIMARY KEY (event_id, minutes, start)
);
CREATE TABLE IF NOT EXISTS broadcasts (
    broadcast_id INTEGER PRIMARY KEY,
    organiser INTEGER NOT NULL,               -- 0: the bot itself (agenda change notices)
    audience TEXT NOT NULL,                   -- '*', a series, or 'event:<id>'
    status TEXT NOT NULL DEFAULT 'draft',     -- draft, confirmed, cancelled
    created_at REAL NOT NULL,
    confirmed_at REAL
);
CREATE TABLE IF NOT EXISTS broadcast_parts (
    broadcast_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    html TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '',        -- its readers' language; '' for every other reader
    PRIMARY KEY (broadcast_id, part)
);
CREATE TABLE IF NOT EXISTS outbox (
    row_id INTEGER PRIMARY KEY,
    broadcast_id INTEGER NOT NULL,
    chat_id INTEGER NOT NULL,
    part INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',   -- pending, sending, sent, failed, blocked, unknown
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before REAL NOT NULL DEFAULT 0,
    detail TEXT,
    sent_at REAL,
    html TEXT,                                -- this chat's own text (reminders), else the part's
    expires REAL,                             -- not sent after this moment (the session began)
    UNIQUE (broadcast_id, chat_id, part)
);
CREATE INDEX IF NOT EXISTS outbox_waiting ON outbox (not_before) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_status ON outbox (broadcast_id, status);
CREATE INDEX IF NOT EXISTS broadcasts_audience ON broadcasts (audience);
CREATE TABLE IF NOT EXISTS announced (      -- the agenda as last announced to followers
    event_id TEXT PRIMARY KEY,
    event TEXT NOT NULL                       -- JSON: what a change notice needs
);
CREATE TABLE IF NOT EXISTS told_cancelled (  -- off the agenda, and followers were told so
    event_id TEXT PRIMARY KEY,
    event TEXT NOT NULL,                      -- JSON: the event as its cancellation was told
    ends_at REAL NOT NULL                     -- forgotten once over (a restored one is no news)
);
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS held_changes (   -- agenda changes waiting for an organiser
    held_id INTEGER PRIMARY KEY AUTOINCREMENT, -- on the buttons: never given twice
    digest TEXT NOT NULL,                     -- the change set shown (ChangeSet.digest)
    status TEXT NOT NULL DEFAULT 'open',      -- open, decided, superseded
    created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS events_seen (    -- when the bot first saw each event on the agenda
    event_id TEXT PRIMARY KEY,
    first_seen REAL NOT NULL
);
"""
# Schema 6 kept one set of lead times per chat, set by any /remind: each personal reminder
# keeps the chat's shortest one, and other sessions go back to the defaults.
_PERSONAL_LEADS = """
UPDATE personal SET minutes =
    (SELECT MIN(l.minutes) FROM leads l WHERE l.chat_id = personal.chat_id);
"""
_CHAT_LANGUAGES = """
ALTER TABLE chats ADD COLUMN language TEXT;
ALTER TABLE chats ADD COLUMN user_language TEXT;
ALTER TABLE chats ADD COLUMN told_english INTEGER NOT NULL DEFAULT 0;
"""
_OUTBOX_WITH_OWN_TEXT = """
ALTER TABLE outbox ADD COLUMN html TEXT;
ALTER TABLE outbox ADD COLUMN expires REAL;
"""
# Schema 4 keyed deliveries without the event start: each keeps the start of the batch that
# claimed it (the latest, if the event had already moved), so nothing is sent twice.
_DELIVERIES_WITH_START = """
ALTER TABLE deliveries RENAME TO deliveries_v4;
CREATE TABLE deliveries (
    chat_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    minutes INTEGER NOT NULL,
    start REAL NOT NULL,
    claimed_at REAL NOT NULL,
    sent_at REAL,
    PRIMARY KEY (chat_id, event_id, minutes, start)
);
INSERT INTO deliveries (chat_id, event_id, minutes, start, claimed_at, sent_at)
SELECT d.chat_id, d.event_id, d.minutes,
       COALESCE((SELECT MAX(r.start) FROM lead_runs r
                 WHERE r.event_id = d.event_id AND r.minutes = d.minutes),
                (SELECT MAX(b.start) FROM open_batches b
                 WHERE b.event_id = d.event_id AND b.minutes = d.minutes), 0),
       d.claimed_at, d.sent_at
FROM deliveries_v4 d;
DROP TABLE deliveries_v4;
CREATE INDEX IF NOT EXISTS deliveries_unsent ON deliveries (sent_at) WHERE sent_at IS NULL;
"""


# Seconds a write waits for another connection's lock (the bot's other connection, a backup
# step) before it gives up with DatabaseBusy. Short: the services' one worker thread waits
# with it, and every chat's answer behind it (a 20 s wait held up everyone's replies).
BUSY_TIMEOUT = 2.0
SYSTEM = 0  # the organiser id of the bot's own messages: reminders and change notices
_patience: ContextVar[float] = ContextVar("patience", default=BUSY_TIMEOUT)


class DatabaseBusy(sqlite3.OperationalError):
    """Another program holds the database's write lock: nothing was written; try again."""


def is_busy(error: BaseException) -> bool:
    """Whether ``error`` says the database was locked (nothing written), not that it failed."""
    if isinstance(error, DatabaseBusy):
        return True
    said = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in said or "busy" in said)


@contextmanager
def impatient() -> Iterator[None]:
    """Writes made in this block do not wait for a lock at all: DatabaseBusy at once."""
    token = _patience.set(0.0)
    try:
        yield
    finally:
        _patience.reset(token)


class AlreadyRunning(Exception):
    """Another process delivers from the same database."""


@contextmanager
def sole_sender(db_path: Path) -> Iterator[None]:
    """Hold the database's sender lock while the block runs, or raise AlreadyRunning.

    Two bot processes on one database each sent a broadcast to everyone: the lock file
    beside the database lets only one deliver. The kernel frees it when the process dies,
    SIGKILL included, so a crash never leaves a stale lock."""
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        opened = db_path.with_name(db_path.name + ".sender.lock").open("a")
    except OSError as error:
        raise storage_problem(db_path, error) from error
    with opened as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(
                f"Another workshop-bot is already running on {db_path}: stop it first "
                "(two would deliver every reminder and broadcast twice)."
            ) from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class StorageProblem(Exception):
    """The database cannot be used; the message names the file, the reason and the remedy."""


_REMEDIES = (
    ("not a database", "it is not a SQLite database: move it aside or restore a backup"),
    ("malformed", "it is damaged: restore a backup, or move it aside to start afresh"),
    ("readonly", "it is read-only: give the bot write access to the file and its folder"),
    ("read-only", "it is read-only: give the bot write access to the file and its folder"),
    ("locked", "another program holds it locked: stop that program and start again"),
    ("unable to open", "the path is a folder, or its folder cannot be created or written"),
)


def storage_problem(path: Path, error: Exception) -> StorageProblem:
    """One clear line for an unusable database, whatever sqlite3 or the OS raised."""
    if isinstance(error, OSError) and not isinstance(error, sqlite3.Error):
        reason = f"{error.strerror or error}: {error.filename or path}"
        remedy = "its folder cannot be created or written"
    else:
        reason = str(error) or type(error).__name__
        remedy = next((r for key, r in _REMEDIES if key in reason.lower()), "sqlite3 refused it")
    return StorageProblem(f"Cannot use the database {path}: {remedy} ({reason}).")


class Database:
    """Two connections, each serialised by a lock (the bot's threads share them): one writes,
    one reads. In WAL mode reads never wait for a writer, so reading apart means a write
    waiting for another program's lock holds up no reader (the outbox polls from the event
    loop: behind a waiting write it froze every chat).

    Opening checks that the file is a sound, writable database, so a bad file is reported at
    start (StorageProblem) instead of by the first subscriber's /subscribe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(
                path, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT
            )
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._connection.execute("PRAGMA synchronous=NORMAL")
            self._lock = threading.Lock()
            self._reader = sqlite3.connect(
                path, check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT
            )
            self._read_lock = threading.Lock()
            version = self._connection.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:
                self._migrate()
            self._check()
        except (sqlite3.Error, OSError) as error:
            raise storage_problem(path, error) from error

    def _check(self) -> None:
        """Raise if the pages are damaged or the file cannot be written."""
        verdict = self._connection.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {verdict}")
        self._connection.execute("BEGIN IMMEDIATE")  # takes the write lock: fails if read-only
        self._connection.execute("ROLLBACK")

    def _migrate(self) -> None:
        """Create what is missing and bring older tables up to date, in one transaction."""
        script = SCHEMA
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(deliveries)")}
        if columns and "start" not in columns:
            script += _DELIVERIES_WITH_START
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(outbox)")}
        if columns and "html" not in columns:
            script += _OUTBOX_WITH_OWN_TEXT
        tables = {row[0] for row in self._connection.execute("SELECT name FROM sqlite_master")}
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(personal)")}
        if columns and "minutes" not in columns:
            script += "ALTER TABLE personal ADD COLUMN minutes INTEGER;"
            if "leads" in tables:
                script += _PERSONAL_LEADS
        if "leads" in tables:
            script += "DROP TABLE leads;"
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(chats)")}
        if columns and "language" not in columns:
            script += _CHAT_LANGUAGES
        if columns and "announcements" not in columns:
            script += "ALTER TABLE chats ADD COLUMN announcements INTEGER NOT NULL DEFAULT 1;"
        columns = {row[1] for row in self._connection.execute("PRAGMA table_info(broadcast_parts)")}
        if columns and "language" not in columns:
            script += "ALTER TABLE broadcast_parts ADD COLUMN language TEXT NOT NULL DEFAULT '';"
        self._connection.executescript(
            f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version={SCHEMA_VERSION};\nCOMMIT;"
        )

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; raises DatabaseBusy when the write lock is not had in time
        (BUSY_TIMEOUT, none at all under ``impatient()``)."""
        wait = _patience.get()
        with self._lock:
            if wait != BUSY_TIMEOUT:
                self._connection.execute(f"PRAGMA busy_timeout = {int(wait * 1000)}")
            try:
                self._connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if is_busy(error):
                    raise DatabaseBusy(str(error)) from error
                raise
            finally:
                if wait != BUSY_TIMEOUT:
                    self._connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def query(
        self, sql: str, parameters: tuple[object, ...] | dict[str, object] = ()
    ) -> list[tuple[object, ...]]:
        """A read: never waits for a write lock (WAL), so never for a locked database."""
        with self._read_lock:
            return list(self._reader.execute(sql, parameters).fetchall())

    def close(self) -> None:
        """Close both connections, each once no other thread uses it: the bookkeeping thread
        may be writing, and closing a connection under its statement crashed the process."""
        with self._read_lock:
            self._reader.close()
        with self._lock:
            self._connection.close()
