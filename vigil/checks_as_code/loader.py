"""Reading YAML files of declared checks, with every problem located.

A problem names the file, the document (1-based, in the order of `---` separators), the line
and the field, taken from the YAML library's marks, because "schedule is invalid" is useless
in a directory of forty checks. All files are read and every problem is collected before
anything is applied, so a broken file never leaves a half-applied set of checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from vigil.checks_as_code.model import DeclaredCheck

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Problem:
    path: str
    document: int
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: document {self.document}, line {self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


@dataclass
class Source:
    """Where a declared check came from, and the line of each of its fields."""

    path: str
    document: int
    line: int
    lines: dict[str, int] = field(default_factory=dict)

    def problem(self, field_name: str, message: str) -> Problem:
        return Problem(
            self.path, self.document, self.lines.get(field_name, self.line), field_name, message
        )


@dataclass
class Declared:
    check: DeclaredCheck
    source: Source


def files_in(target: Path) -> list[Path]:
    """`target` itself, or the YAML files under a directory, in a stable order."""
    if target.is_dir():
        return sorted(p for p in target.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    return [target]


def _node_at(root: Node, loc: Iterable[int | str]) -> Node:
    """The deepest node along `loc` (a pydantic error location) that exists."""
    node = root
    for part in loc:
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value == part:
                    node = value
                    break
            else:
                return node
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            return node
    return node


def _duplicate_keys(node: MappingNode) -> list[tuple[str, int]]:
    seen: set[str] = set()
    duplicates: list[tuple[str, int]] = []
    for key, _ in node.value:
        if isinstance(key, ScalarNode):
            if key.value in seen:
                duplicates.append((key.value, key.start_mark.line + 1))
            seen.add(key.value)
    return duplicates


def _message(err: Mapping[str, object]) -> str:
    kind = str(err.get("type", ""))
    if kind == "extra_forbidden":
        return "unknown field (the schema is served at /api/schema/checks.json)"
    if kind == "missing":
        return "is required"
    return str(err.get("msg", "invalid")).removeprefix("Value error, ")


def _document(
    path: str, number: int, node: Node, env: Mapping[str, str]
) -> tuple[Declared | None, list[Problem]]:
    line = node.start_mark.line + 1
    if not isinstance(node, MappingNode):
        return None, [Problem(path, number, line, "", "a document must be a mapping of fields")]
    problems = [
        Problem(path, number, at, key, "appears twice in this document")
        for key, at in _duplicate_keys(node)
    ]
    data = yaml.SafeLoader("").construct_document(node)  # plain values, marks kept in `node`
    source = Source(path, number, line)
    for key, value in node.value:
        if isinstance(key, ScalarNode):
            source.lines[key.value] = value.start_mark.line + 1
    try:
        check = DeclaredCheck.model_validate(data, context={"env": env})
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            at = _node_at(node, loc).start_mark.line + 1
            name = ".".join(str(p) for p in loc)
            problems.append(Problem(path, number, at, name, _message(dict(err))))
        return None, problems
    return (None if problems else Declared(check, source)), problems


def load_text(text: str, path: str, env: Mapping[str, str]) -> tuple[list[Declared], list[Problem]]:
    """Every check in one file's text; empty documents are skipped."""
    declared: list[Declared] = []
    problems: list[Problem] = []
    loader = yaml.SafeLoader(text)
    number = 0
    try:
        while loader.check_node():
            number += 1
            node = loader.get_node()
            if node is None or (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
                continue
            found, trouble = _document(path, number, node, env)
            problems += trouble
            if found is not None:
                declared.append(found)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        detail = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        problems.append(Problem(path, max(number, 1), line, "", f"not valid YAML: {detail}"))
    except yaml.YAMLError as exc:
        problems.append(Problem(path, max(number, 1), 1, "", f"not valid YAML: {exc}"))
    finally:
        loader.dispose()
    return declared, problems


def _key_clashes(declared: list[Declared]) -> list[Problem]:
    """Two documents may not manage the same check."""
    problems: list[Problem] = []
    first: dict[tuple[str, str], Declared] = {}
    for item in declared:
        keys = [("name", item.check.name)]
        if item.check.id:
            keys.append(("id", item.check.id))
        for key in keys:
            if key in first:
                other = first[key].source
                problems.append(
                    item.source.problem(
                        key[0],
                        f"'{key[1]}' is also declared in {other.path}, document {other.document}",
                    )
                )
            else:
                first[key] = item
    return problems


def load(targets: Iterable[Path], env: Mapping[str, str]) -> tuple[list[Declared], list[Problem]]:
    """All checks under `targets` (files or directories), and every problem found."""
    declared: list[Declared] = []
    problems: list[Problem] = []
    for target in targets:
        if not target.exists():
            problems.append(Problem(str(target), 1, 1, "", "no such file or directory"))
            continue
        paths = files_in(target)
        if not paths:
            problems.append(Problem(str(target), 1, 1, "", "no .yaml or .yml files in it"))
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(str(path), 1, 1, "", f"cannot read: {exc}"))
                continue
            found, trouble = load_text(text, str(path), env)
            declared += found
            problems += trouble
    return declared, problems + _key_clashes(declared)
