"""The user's settings for the screens that judge the hunt (agenda, hunt view)."""

from __future__ import annotations

from jobtrack.app.config import Config, ConfigError, load_config


def settings() -> Config:
    """The config file's settings, or the defaults when it is broken: the reminder checker says what is wrong."""
    try:
        return load_config()
    except ConfigError:
        return Config()
