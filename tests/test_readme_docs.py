"""The README's new sections say what the code does: the example checks file is valid (for
the loader and for the JSON Schema) and every `vigil …` command line shown exists, with its
options."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import typer
import yaml

from vigil.checks_as_code.loader import load_text
from vigil.checks_as_code.schema import generate
from vigil.cli.main import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()


def section(title: str) -> str:
    start = README.index(f"## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


def test_the_example_checks_file_is_valid() -> None:
    example = blocks(section("Checks as code"), "yaml")[0]

    declared, problems = load_text(example, "README.md", {"SLACK_WEBHOOK_PATH": "T0/B0/x"})

    assert problems == []
    assert [d.check.name for d in declared] == ["Checkout", "Home page"]
    assert declared[0].check.alert == "https://hooks.slack.com/services/T0/B0/x"
    validator = jsonschema.Draft202012Validator(generate())
    for document in yaml.safe_load_all(example):
        assert list(validator.iter_errors(document)) == []


def test_every_vigil_command_shown_exists_with_its_options() -> None:
    group: Any = typer.main.get_command(app)
    shown = "\n".join(
        "\n".join(blocks(section(title), "sh"))
        for title in ("Checks as code", "Running in containers")
    ).replace("\\\n", " ")
    lines = re.findall(r"\bvigil ([a-z]+)([^#\n]*)", shown)
    lines += re.findall(r"docker compose run .*? api\s+([a-z]+)([^#\n]*)", shown)
    assert {cmd for cmd, _ in lines} >= {"apply", "export"}
    for cmd, rest in lines:
        assert cmd in group.commands, f"vigil {cmd}"
        options = {o for p in group.commands[cmd].params for o in getattr(p, "opts", [])}
        for word in rest.split():
            if word.startswith("-"):
                assert word in options, f"vigil {cmd} {word}"
