"""Typed settings, loaded once from the environment and an optional YAML config file."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from corpus.problems import load_limited

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PROJECT_ROOT / "config.yaml"
TELEGRAM_API = "https://api.telegram.org/bot"


@dataclass(frozen=True, slots=True)
class Settings:
    telegram_token: str | None = None
    api_base_url: str = TELEGRAM_API
    webhook_secret: str | None = None
    organisers: frozenset[int] = field(default_factory=frozenset)
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    agenda_dir: Path = PROJECT_ROOT / "corpus" / "agenda"
    faq_dir: Path = PROJECT_ROOT / "faq" / "entries"
    thesaurus: Path = PROJECT_ROOT / "index" / "thesaurus.yaml"
    data_dir: Path = PROJECT_ROOT / "var"
    db_path: Path = PROJECT_ROOT / "var" / "workshop-bot.sqlite3"
    index_dir: Path = PROJECT_ROOT / "var" / "index"
    user_hash_salt: str | None = None  # None: a random secret kept in the database
    rate_limit_per_minute: int = 20
    default_timezone: str = "Europe/Paris"
    reminder_tick_seconds: float = 30.0

    @property
    def heartbeat_path(self) -> Path:
        """Touched by the running bot every HEARTBEAT_SECONDS (see `workshop-bot health`)."""
        return self.db_path.with_name(self.db_path.name + ".heartbeat")

    @property
    def vectors_dir(self) -> Path:
        """Passage vectors, beside the index (inside it they would fail its file manifest)."""
        return self.index_dir.parent / f"{self.index_dir.name}-vectors"


ENVIRONMENT = {
    "TELEGRAM_BOT_TOKEN": "telegram_token",
    "TELEGRAM_API_BASE_URL": "api_base_url",
    "TELEGRAM_WEBHOOK_SECRET": "webhook_secret",
    "WORKSHOP_BOT_ORGANISERS": "organisers",
    "WORKSHOP_BOT_CORPUS_DIR": "corpus_dir",
    "WORKSHOP_BOT_AGENDA_DIR": "agenda_dir",
    "WORKSHOP_BOT_FAQ_DIR": "faq_dir",
    "WORKSHOP_BOT_DATA_DIR": "data_dir",
    "WORKSHOP_BOT_DB": "db_path",
    "WORKSHOP_BOT_INDEX_DIR": "index_dir",
    "WORKSHOP_BOT_SALT": "user_hash_salt",
    "WORKSHOP_BOT_REMINDER_TICK": "reminder_tick_seconds",
}


PATH_SETTINGS = {
    "corpus_dir",
    "agenda_dir",
    "faq_dir",
    "thesaurus",
    "data_dir",
    "db_path",
    "index_dir",
}


class SettingsError(ValueError):
    """A config value is invalid; the message names the key."""


def _convert(name: str, value: Any) -> Any:
    if name == "organisers":
        items = value.replace(",", " ").split() if isinstance(value, str) else list(value or [])
        try:
            return frozenset(int(item) for item in items)
        except ValueError as error:
            raise SettingsError(
                f"organisers: Telegram user ids must be numbers ({error})"
            ) from None
    if name == "rate_limit_per_minute":
        return int(value)
    if name == "reminder_tick_seconds":
        return float(value)
    if name in PATH_SETTINGS:
        path = Path(value).expanduser()
        return path if path.is_absolute() else PROJECT_ROOT / path
    return None if value in ("", None) else str(value)


def load_settings(config: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Config file first, then environment variables on top; unknown keys are errors."""
    env = os.environ if environ is None else environ
    settings = Settings()
    path = config or Path(env.get("WORKSHOP_BOT_CONFIG", str(DEFAULT_CONFIG)))
    values: dict[str, Any] = {}
    if path.exists():
        loaded = load_limited(path.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise SettingsError(f"{path}: expected a mapping of settings")
        known = {f.name for f in fields(Settings)}
        for key, value in loaded.items():
            if key not in known:
                raise SettingsError(f"{path}: unknown setting {key!r}")
            values[key] = _convert(key, value)
    for variable, name in ENVIRONMENT.items():
        if env.get(variable):
            values[name] = _convert(name, env[variable])
    settings = replace(settings, **values)
    if "data_dir" in values:
        data = settings.data_dir
        settings = replace(
            settings,
            db_path=values.get("db_path", data / "workshop-bot.sqlite3"),
            index_dir=values.get("index_dir", data / "index"),
        )
    return settings
