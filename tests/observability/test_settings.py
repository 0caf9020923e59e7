"""The two settings issue #13 adds: a scrape token (also from a file) and the log format."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.config import load_settings
from vigil.errors import ConfigError


def test_the_metrics_token_can_come_from_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "metrics-token"
    secret.write_text("from-a-file\n")

    settings = load_settings({"VIGIL_METRICS_TOKEN_FILE": str(secret)})

    assert settings.secret("metrics_token") == "from-a-file"
    assert settings.log_format == "text"


def test_a_wrong_log_format_stops_start_up_in_one_line() -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({"VIGIL_LOG_FORMAT": "xml"})

    assert str(caught.value).startswith("VIGIL_LOG_FORMAT: ")
    assert "\n" not in str(caught.value)
