"""Settings, read from the environment once at start-up and passed down (DESIGN §8).

Nothing reads the environment except this module, through pydantic-settings' own environment
source, plus a source for `<NAME>_FILE` secrets. A wrong value stops start-up with one line that
names the variable, because a half-configured monitor that silently falls back to defaults is
worse than one that refuses to start.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from pydantic_settings.sources.utils import parse_env_vars

from vigil import validation
from vigil.errors import ConfigError

# Variables whose value may instead be read from a file named by `<NAME>_FILE` (Docker and
# systemd credentials), so a secret never has to sit in the process environment.
SECRET_VARS = (
    "REDIS_URL",
    "VIGIL_API_TOKEN",
    "TINYFISH_API_KEY",
    "QSTASH_TOKEN",
    "QSTASH_CURRENT_SIGNING_KEY",
    "QSTASH_NEXT_SIGNING_KEY",
    "VIGIL_WEBHOOK_SECRET",
    "VIGIL_METRICS_TOKEN",
)


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="", extra="ignore", populate_by_name=True, case_sensitive=False
    )

    redis_url: SecretStr | None = Field(None, validation_alias=_env("REDIS_URL"))
    api_token: SecretStr | None = Field(None, validation_alias=_env("VIGIL_API_TOKEN"))
    data_dir: Path = Field(
        Path("~/.local/share/vigil").expanduser(), validation_alias=_env("VIGIL_DATA_DIR")
    )
    host: str = Field("127.0.0.1", validation_alias=_env("VIGIL_HOST"))
    port: int = Field(8000, ge=1, le=65535, validation_alias=_env("VIGIL_PORT"))
    chromium_path: Path = Field(
        Path("/usr/bin/chromium"), validation_alias=_env("VIGIL_CHROMIUM_PATH")
    )
    concurrency: int = Field(2, ge=1, le=64, validation_alias=_env("VIGIL_CONCURRENCY"))
    model: str | None = Field(None, validation_alias=_env("VIGIL_MODEL"))
    # With a model: "auto" lets the rules read first and asks the model only about the rest;
    # "llm" gives the model the whole goal; "rules" never plans with the model.
    planner: Literal["auto", "llm", "rules"] = Field("auto", validation_alias=_env("VIGIL_PLANNER"))
    llm_max_calls: int = Field(8, ge=1, le=100, validation_alias=_env("VIGIL_LLM_MAX_CALLS"))
    llm_max_tokens: int = Field(60_000, ge=100, validation_alias=_env("VIGIL_LLM_MAX_TOKENS"))
    llm_timeout_s: float = Field(60.0, gt=0, le=600, validation_alias=_env("VIGIL_LLM_TIMEOUT"))
    # Steps the model may repair per run when their element is not found (0: never heal).
    llm_max_heals: int = Field(3, ge=0, le=20, validation_alias=_env("VIGIL_LLM_MAX_HEALS"))
    executor: Literal["playwright", "tinyfish"] = Field(
        "playwright", validation_alias=_env("VIGIL_EXECUTOR")
    )
    tinyfish_api_key: SecretStr | None = Field(None, validation_alias=_env("TINYFISH_API_KEY"))
    tinyfish_url: str = Field(
        "https://agent.tinyfish.ai", validation_alias=_env("TINYFISH_BASE_URL")
    )
    scheduler: Literal["embedded", "qstash", "off"] = Field(
        "embedded", validation_alias=_env("VIGIL_SCHEDULER")
    )
    public_url: str | None = Field(None, validation_alias=_env("VIGIL_PUBLIC_URL"))
    qstash_url: str = Field("https://qstash.upstash.io", validation_alias=_env("QSTASH_URL"))
    qstash_token: SecretStr | None = Field(None, validation_alias=_env("QSTASH_TOKEN"))
    qstash_current_signing_key: SecretStr | None = Field(
        None, validation_alias=_env("QSTASH_CURRENT_SIGNING_KEY")
    )
    qstash_next_signing_key: SecretStr | None = Field(
        None, validation_alias=_env("QSTASH_NEXT_SIGNING_KEY")
    )
    webhook_secret: SecretStr | None = Field(None, validation_alias=_env("VIGIL_WEBHOOK_SECRET"))
    block_private_networks: bool = Field(
        False, validation_alias=_env("VIGIL_BLOCK_PRIVATE_NETWORKS")
    )

    # Observability (issue #13): a scrape-only token for /metrics, and JSON log lines.
    metrics_token: SecretStr | None = Field(None, validation_alias=_env("VIGIL_METRICS_TOKEN"))
    log_format: Literal["text", "json"] = Field("text", validation_alias=_env("VIGIL_LOG_FORMAT"))

    # Tuning knobs beyond DESIGN §8, with the design's defaults. Results are trimmed per test;
    # screenshots are large, and a week is long enough to look into a failure.
    results_keep: int = Field(10_000, ge=10, validation_alias=_env("VIGIL_RESULTS_KEEP"))
    screenshot_ttl_s: int = Field(
        7 * 24 * 3600, ge=60, validation_alias=_env("VIGIL_SCREENSHOT_TTL")
    )
    step_timeout_s: float = Field(10.0, gt=0, le=600, validation_alias=_env("VIGIL_STEP_TIMEOUT"))
    browser_recycle_runs: int = Field(
        200, ge=1, validation_alias=_env("VIGIL_BROWSER_RECYCLE_RUNS")
    )

    # --- scheduling and workers (DESIGN §5; vigil/scheduling/) ---------------------------------
    # Timeouts are layered: a step (VIGIL_STEP_TIMEOUT) < a whole run (the test's `timeout_s`) <
    # one queue task (a fire: the run with its retries, storing and alerting; extended per test
    # when its runs need longer) < redelivery (how long a silent worker keeps a claimed fire;
    # a live worker renews its claim while the run lasts).
    task_timeout_s: float = Field(600.0, ge=10, validation_alias=_env("VIGIL_TASK_TIMEOUT"))
    redelivery_timeout_s: float = Field(
        60.0, gt=0, validation_alias=_env("VIGIL_REDELIVERY_TIMEOUT")
    )
    # SIGTERM lets running checks finish for at most this long; what is still running after
    # it is left to be redelivered to another worker.
    drain_timeout_s: float = Field(120.0, ge=0, validation_alias=_env("VIGIL_DRAIN_TIMEOUT"))
    reconcile_interval_s: float = Field(
        60.0, gt=0, validation_alias=_env("VIGIL_RECONCILE_INTERVAL")
    )
    # Test-only: every cron fires every N seconds instead (fault tests and the benchmark run
    # real processes for several cycles without waiting real minutes). 0 = use the cron.
    test_fire_every_s: float = Field(0.0, ge=0, validation_alias=_env("VIGIL_TEST_FIRE_EVERY"))

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, v: str | None) -> str | None:
        return None if not v else validation.check_url(v).rstrip("/")

    @field_validator("data_dir")
    @classmethod
    def _expand(cls, v: Path) -> Path:
        return v.expanduser()

    def secret(self, name: str) -> str | None:
        """The plain value of a SecretStr setting, or None."""
        value = getattr(self, name)
        return value.get_secret_value() if isinstance(value, SecretStr) else None


def _alias_of(field: str) -> str:
    alias = Settings.model_fields[field].validation_alias
    assert isinstance(alias, AliasChoices)
    first = alias.choices[0]
    assert isinstance(first, str)
    return first


def load_settings(environ: Mapping[str, str] | None = None, /, **overrides: object) -> Settings:
    """Build Settings from `environ` (default: the process environment) plus overrides.

    Overrides win over the environment, which wins over `<NAME>_FILE` secrets. Raises
    ConfigError with one line naming the variable and the problem.
    """

    class _Loaded(Settings):
        @classmethod
        def settings_customise_sources(
            cls,
            settings_cls: type[BaseSettings],
            init_settings: PydanticBaseSettingsSource,
            env_settings: PydanticBaseSettingsSource,
            dotenv_settings: PydanticBaseSettingsSource,
            file_secret_settings: PydanticBaseSettingsSource,
        ) -> tuple[PydanticBaseSettingsSource, ...]:
            env = (
                env_settings  # the process environment
                if environ is None
                else _MappingEnvSource(settings_cls, environ)  # a test's own
            )
            assert isinstance(env, EnvSettingsSource)
            return init_settings, env, _SecretFiles(settings_cls, env)

    known = {_alias_of(f) for f in Settings.model_fields}
    try:
        return _Loaded(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = str(err["loc"][0]) if err["loc"] else "settings"
        var = (
            loc.upper()
            if loc.upper() in known
            else _alias_of(loc)
            if loc in Settings.model_fields
            else loc
        )
        shown = "" if var in SECRET_VARS else f" (got {err.get('input')!r})"
        msg = str(err["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{var}: {msg}{shown}") from None


class _MappingEnvSource(EnvSettingsSource):
    """pydantic-settings' environment source, reading a given mapping instead of os.environ."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ  # read by _load_env_vars during super().__init__
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(
            self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str
        )


class _SecretFiles(PydanticBaseSettingsSource):
    """`<NAME>_FILE` for each of SECRET_VARS: the named file's content, stripped, unless the
    variable itself is set. An unreadable file stops start-up (ConfigError)."""

    def __init__(self, settings_cls: type[BaseSettings], env: EnvSettingsSource) -> None:
        super().__init__(settings_cls)
        self._env = env.env_vars  # names lower-cased: the settings are case-insensitive

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ reads the files directly

    def __call__(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name in SECRET_VARS:
            path = self._env.get(f"{name}_FILE".lower())
            if path and not self._env.get(name.lower()):
                try:
                    values[name] = Path(path).read_text().strip()
                except OSError as exc:
                    raise ConfigError(f"{name}_FILE: cannot read {path}: {exc.strerror}") from None
        return values
