"""One declared check, as a YAML document says it, validated by the API's own validators.

The field validators are the API's (vigil.models), so a file that validates here is accepted
by the server, and the values are normalised the same way (stripped goal, single-spaced cron):
comparing a declared check with the stored one then finds no spurious changes. The JSON
Schema shipped for editors is generated from this model (vigil/checks_as_code/schema.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from vigil import validation
from vigil.models import Cron, Goal, Name, Tags, Url

# `${NAME}` in an alert target is replaced by the environment variable at apply time, so a
# webhook secret lives in CI secrets or the shell, never in the repository.
ENV_REF: Final = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)\}")

# The fields a declared check sets on the server, in the order an export writes them.
API_FIELDS: Final = (
    "name",
    "url",
    "goal",
    "schedule",
    "alert_webhook",
    "status",
    "retries",
    "alert_after",
    "reminder_every",
    "timeout_s",
    "tags",
    "public_badge",
)


def expand_env(value: str, env: Mapping[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in env:
            raise ValueError(f"${{{name}}} is not set in the environment")
        return env[name]

    return ENV_REF.sub(one, value)


class DeclaredCheck(BaseModel):
    """A Vigil check. `name` (or `id`, when given) ties it to the stored check it manages."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        title="Vigil check",
        json_schema_extra={
            "description": "One check per YAML document (separate documents with ---). "
            "See README 'Checks as code'."
        },
    )

    id: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{1,64}$",
        description="Id of an existing stored check to manage; default: match by name.",
    )
    name: Name = Field(description="Display name; the key that ties the document to a check.")
    url: Url = Field(description="The page the check starts on (http or https).")
    goal: Goal = Field(
        description="What to do and verify, in plain words; a block scalar (|) for step lists."
    )
    schedule: Cron = Field(default="", description="5-field cron; empty = manual runs only.")
    alert: str = Field(
        default="",
        description="Webhook URL or Apprise URL (slack://, mailto://, …). ${ENV_VAR} is "
        "replaced from the environment when applied.",
    )
    paused: bool = Field(default=False, description="A paused check is never run on schedule.")
    retries: int = Field(default=1, ge=0, le=5, description="Immediate retries of a failure.")
    alert_after: int = Field(default=1, ge=1, le=100, description="Failures in a row to alert.")
    reminder_every: int = Field(
        default=0, ge=0, le=1000, description="Re-alert every N further failures; 0 = never."
    )
    timeout_s: int = Field(default=120, ge=5, le=1800, description="Whole-run timeout, seconds.")
    tags: Tags = Field(default_factory=list, description="Labels for grouping and filtering.")
    public_badge: bool = Field(
        default=False, description="Serve /badge/{id}.svg to anyone, without a token."
    )

    @field_validator("alert")
    @classmethod
    def _alert(cls, value: str, info: ValidationInfo) -> str:
        context = info.context if isinstance(info.context, dict) else {}
        env: Mapping[str, str] = context.get("env", {})
        return validation.check_alert_target(expand_env(value, env))

    def api_body(self) -> dict[str, Any]:
        """The fields as the API's create/update models name them."""
        return {
            "name": self.name,
            "url": self.url,
            "goal": self.goal,
            "schedule": self.schedule,
            "alert_webhook": self.alert,
            "status": "paused" if self.paused else "active",
            "retries": self.retries,
            "alert_after": self.alert_after,
            "reminder_every": self.reminder_every,
            "timeout_s": self.timeout_s,
            "tags": list(self.tags),
            "public_badge": self.public_badge,
        }


def stored_body(test: Mapping[str, Any]) -> dict[str, Any]:
    """A stored check (the API's JSON) restricted to what a declaration sets."""
    return {name: test.get(name) for name in API_FIELDS}


# The file's names for the API's fields, where they differ.
FILE_NAMES: Final = {"alert_webhook": "alert", "status": "paused"}
