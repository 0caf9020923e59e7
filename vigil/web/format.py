"""How values read on the pages: relative times, durations, schedules in words, percentages.

Jinja filters, pure functions, so they are tested without a browser.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cron_descriptor import Options, get_description

from vigil.store.results import parse_iso


def ago(value: str | None, now: datetime | None = None) -> str:
    """ "3 min ago"; the page's JavaScript keeps it current, the exact time is on hover."""
    if not value:
        return "never"
    seconds = int(((now or datetime.now(UTC)) - parse_iso(value)).total_seconds())
    if seconds < 10:
        return "just now"
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} d ago"


def exact(value: str | None) -> str:
    if not value:
        return ""
    return parse_iso(value).strftime("%Y-%m-%d %H:%M:%S UTC")


def duration(ms: int | None) -> str:
    if ms is None:
        return "-"
    if ms < 1000:
        return f"{ms} ms"
    return f"{ms / 1000:.1f} s"


def schedule_words(cron: str) -> str:
    """ "every 5 minutes" for `*/5 * * * *`; an empty schedule means runs only on demand."""
    if not cron.strip():
        return "manual only"
    options = Options()
    options.use_24hour_time_format = True
    options.verbose = False
    try:
        text = str(get_description(cron, options))
    except Exception:  # cron-descriptor raises its own types; the raw expression still helps
        return cron
    return text[:1].lower() + text[1:]


def percent(value: float | None) -> str:
    if value is None:
        return "no runs"
    if value in (0, 100):
        return f"{value:.0f} %"
    return f"{value:.1f} %"
