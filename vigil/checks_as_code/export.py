"""`vigil export`: the stored checks as a YAML file `vigil apply` reads back unchanged.

Only values that differ from the defaults are written, so an exported file reads like one a
person wrote. Multi-line goals become block scalars. Alert targets often carry a secret in
their path or query (a Slack webhook URL is a credential), so by default they are written as
`${VIGIL_ALERT_<NAME>}` references and the variables to set are listed on stderr; inline
values need an explicit `--secrets inline`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import yaml

from vigil.checks_as_code.model import API_FIELDS, FILE_NAMES, DeclaredCheck

SecretsMode = Literal["env", "inline"]


class _Dumper(yaml.SafeDumper):
    """Block scalars for multi-line strings; keys in the order given."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def env_name(check_name: str, used: set[str]) -> str:
    base = "VIGIL_ALERT_" + (re.sub(r"[^A-Za-z0-9]+", "_", check_name).strip("_").upper() or "X")
    name, n = base, 2
    while name in used:
        name, n = f"{base}_{n}", n + 1
    used.add(name)
    return name


def _defaults() -> dict[str, Any]:
    fields = DeclaredCheck.model_fields
    out: dict[str, Any] = {}
    for api_name in API_FIELDS:
        file_name = FILE_NAMES.get(api_name, api_name)
        info = fields[file_name]
        out[file_name] = info.get_default(call_default_factory=True)
    return out


def export_checks(
    tests: Sequence[Mapping[str, Any]], *, secrets: SecretsMode = "env"
) -> tuple[str, dict[str, str]]:
    """The YAML text, and the environment variables its `${…}` references need."""
    defaults = _defaults()
    names = [str(t["name"]) for t in tests]
    env: dict[str, str] = {}
    used: set[str] = set()
    documents: list[dict[str, Any]] = []
    for test in tests:
        doc: dict[str, Any] = {}
        if names.count(str(test["name"])) > 1:  # the name alone would not say which
            doc["id"] = test["id"]
        for api_name in API_FIELDS:
            file_name = FILE_NAMES.get(api_name, api_name)
            value = test.get(api_name)
            if api_name == "status":
                value = value == "paused"
            if api_name == "alert_webhook" and value and secrets == "env":
                var = env_name(str(test["name"]), used)
                env[var] = str(value)
                value = "${" + var + "}"
            if file_name in ("name", "url", "goal") or value != defaults[file_name]:
                doc[file_name] = value
        documents.append(doc)
    text = yaml.dump_all(
        documents,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        explicit_start=True,
        width=100,
    )
    header = "# Vigil checks (vigil export). Apply with: vigil apply FILE\n"
    return header + text, env
