"""Logging for servers and workers: readable text by default, JSON lines with
`VIGIL_LOG_FORMAT=json`, and secrets scrubbed from every line either way.

Log shippers (Loki, Elasticsearch, CloudWatch) want one JSON object per line with stable
keys, so a JSON line carries `time`, `level`, `logger`, `message` and, when the line was
written during a run, `test_id` and `run_id` (bound with `log_context`, so no call site has to
pass them). Redaction works on the final message: the configured secrets (API and metrics
tokens, Redis password, webhook and QStash keys) are replaced wherever they appear, and so are
credentials in URLs, `Authorization` headers and `password=`-style pairs, because an
exception text can quote any of them.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import IO, Final
from urllib.parse import urlsplit

from vigil.config import Settings

REDACTED: Final = "***"

_test_id: ContextVar[str | None] = ContextVar("vigil_test_id", default=None)
_run_id: ContextVar[str | None] = ContextVar("vigil_run_id", default=None)

_PATTERNS: Final = (
    # scheme://user:password@host -> scheme://user:***@host
    (re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^@\s/]+(?P<tail>@)", re.I), None),
    (re.compile(r"(?P<head>\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=-]{6,}(?P<tail>)", re.I), None),
    (
        re.compile(
            r"(?P<head>\b(?:password|passwd|pwd|secret|token|api[_-]?key|apikey)\b"
            r"[\"']?\s*[=:]\s*[\"']?)[^\s\"'&,;]+(?P<tail>)",
            re.I,
        ),
        None,
    ),
)


def bind_run_id(run_id: str) -> None:
    """Tag the rest of this run's log lines with its id (inside `log_context`)."""
    _run_id.set(run_id)


@contextmanager
def log_context(*, test_id: str | None = None, run_id: str | None = None) -> Iterator[None]:
    """Log lines written inside carry these ids; the previous ids come back on exit."""
    tokens = (_test_id.set(test_id), _run_id.set(run_id))
    try:
        yield
    finally:
        _run_id.reset(tokens[1])
        _test_id.reset(tokens[0])


def known_secrets(settings: Settings, extra: Iterable[str] = ()) -> list[str]:
    """The configured secret values: exact strings to scrub wherever they show up."""
    values = [
        settings.secret(name)
        for name in (
            "api_token",
            "metrics_token",
            "webhook_secret",
            "qstash_token",
            "qstash_current_signing_key",
            "qstash_next_signing_key",
            "tinyfish_api_key",
        )
    ]
    redis_url = settings.secret("redis_url")
    if redis_url:
        password = urlsplit(redis_url).password
        values.append(password)
    return [v for v in [*values, *extra] if v and len(v) >= 4]


class Redactor(logging.Filter):
    """Renders each record's message once, scrubbed, so no handler sees the raw text."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets = sorted(set(secrets), key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        for pattern, _ in _PATTERNS:
            text = pattern.sub(lambda m: f"{m['head']}{REDACTED}{m['tail']}", text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.scrub(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        record.exc_info = None  # the scrubbed exc_text is what gets printed
        if record.stack_info:
            record.stack_info = self.scrub(record.stack_info)
        record.test_id = getattr(record, "test_id", None) or _test_id.get()
        record.run_id = getattr(record, "run_id", None) or _run_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line; ids only when known, the traceback as `exc_info`."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in ("test_id", "run_id"):
            value = getattr(record, name, None)
            if value:
                line[name] = value
        if record.exc_text:
            line["exc_info"] = record.exc_text
        return json.dumps(line, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """`2026-02-14 10:00:00,123 INFO vigil.runs [abc12345/a1b2c3d4] message`."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s%(ids)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        ids = [str(v) for v in (getattr(record, "test_id", None), getattr(record, "run_id", None))]
        record.ids = (
            f" [{'/'.join(i for i in ids if i != 'None')}]" if any(i != "None" for i in ids) else ""
        )
        return super().format(record)


def configure_logging(
    settings: Settings,
    *,
    stream: IO[str] | None = None,
    level: int = logging.INFO,
    extra_secrets: Iterable[str] = (),
) -> logging.Handler:
    """Route every logger (uvicorn's included, which must be started with `log_config=None`)
    through one handler on the root logger; returns the handler."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(Redactor(known_secrets(settings, extra_secrets)))
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else TextFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_vigil", False):
            root.removeHandler(old)
    handler._vigil = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    # httpx logs every request's full URL at INFO, and a webhook URL's path is often its
    # secret (Slack, Discord): only its warnings get through.
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    return handler
