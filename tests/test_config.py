"""Settings: every DESIGN §8 variable, one-line errors naming the variable, `_FILE` secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.config import load_settings
from vigil.errors import ConfigError


def test_defaults_need_no_environment() -> None:
    settings = load_settings({})
    assert settings.port == 8000
    assert settings.concurrency == 2
    assert settings.scheduler == "embedded"
    assert settings.executor == "playwright"
    assert settings.block_private_networks is False
    assert str(settings.chromium_path) == "/usr/bin/chromium"
    assert settings.redis_url is None


def test_every_design_variable_is_read() -> None:
    env = {
        "REDIS_URL": "redis://h:1/0",
        "VIGIL_API_TOKEN": "tok",
        "VIGIL_DATA_DIR": "/tmp/vigil-x",
        "VIGIL_HOST": "0.0.0.0",
        "VIGIL_PORT": "9000",
        "VIGIL_CHROMIUM_PATH": "/opt/chrome",
        "VIGIL_CONCURRENCY": "4",
        "VIGIL_MODEL": "openai:gpt-4o",
        "VIGIL_EXECUTOR": "tinyfish",
        "TINYFISH_API_KEY": "tf",
        "VIGIL_SCHEDULER": "qstash",
        "VIGIL_PUBLIC_URL": "https://vigil.example.com/",
        "QSTASH_TOKEN": "qt",
        "QSTASH_CURRENT_SIGNING_KEY": "cur",
        "QSTASH_NEXT_SIGNING_KEY": "nxt",
        "VIGIL_WEBHOOK_SECRET": "whsec_abc",
        "VIGIL_BLOCK_PRIVATE_NETWORKS": "true",
    }
    s = load_settings(env)
    assert s.secret("redis_url") == "redis://h:1/0"
    assert s.secret("api_token") == "tok"
    assert str(s.data_dir) == "/tmp/vigil-x"
    assert (s.host, s.port, s.concurrency) == ("0.0.0.0", 9000, 4)
    assert str(s.chromium_path) == "/opt/chrome"
    assert (s.model, s.executor, s.scheduler) == ("openai:gpt-4o", "tinyfish", "qstash")
    assert s.secret("tinyfish_api_key") == "tf"
    assert s.public_url == "https://vigil.example.com"
    assert s.secret("qstash_token") == "qt"
    assert s.secret("qstash_current_signing_key") == "cur"
    assert s.secret("qstash_next_signing_key") == "nxt"
    assert s.secret("webhook_secret") == "whsec_abc"
    assert s.block_private_networks is True


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"VIGIL_PORT": "http"}, "VIGIL_PORT: Input should be a valid integer"),
        ({"VIGIL_PORT": "70000"}, "VIGIL_PORT: Input should be less than or equal to 65535"),
        ({"VIGIL_CONCURRENCY": "0"}, "VIGIL_CONCURRENCY: Input should be greater than"),
        ({"VIGIL_SCHEDULER": "cron"}, "VIGIL_SCHEDULER: Input should be 'embedded'"),
        ({"VIGIL_EXECUTOR": "selenium"}, "VIGIL_EXECUTOR: Input should be 'playwright'"),
        ({"VIGIL_PUBLIC_URL": "vigil.local"}, "VIGIL_PUBLIC_URL: must start"),
        ({"VIGIL_BLOCK_PRIVATE_NETWORKS": "maybe"}, "VIGIL_BLOCK_PRIVATE_NETWORKS: Input"),
    ],
)
def test_a_wrong_value_names_the_variable(env: dict[str, str], line: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(env)
    message = str(info.value)
    assert message.startswith(line)
    assert "\n" not in message


def test_secrets_can_come_from_files(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("from-a-file\n")
    settings = load_settings({"VIGIL_API_TOKEN_FILE": str(token)})
    assert settings.secret("api_token") == "from-a-file"


def test_an_unreadable_secret_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^QSTASH_TOKEN_FILE: cannot read .*/nope"):
        load_settings({"QSTASH_TOKEN_FILE": str(tmp_path / "nope")})


def test_secret_values_are_never_echoed_in_errors() -> None:
    settings = load_settings({"VIGIL_WEBHOOK_SECRET": "s3cret-value"})
    assert "s3cret-value" not in repr(settings)
