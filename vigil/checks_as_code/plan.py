"""What `vigil apply` would change: declared checks compared with the stored ones.

The plan is computed from the server's own JSON (`GET /api/tests`) and printed before
anything happens, in Terraform's notation. Declared values are normalised by the API's
validators, so a second apply of the same files finds nothing to do. Alert targets are shown
as scheme and host only: their paths and query strings are often the secret.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from vigil.checks_as_code.loader import Declared, Problem
from vigil.checks_as_code.model import API_FIELDS, FILE_NAMES, stored_body

Kind = Literal["create", "update", "delete", "unchanged"]
SYMBOL: dict[Kind, str] = {"create": "+", "update": "~", "delete": "-", "unchanged": "="}


@dataclass
class Action:
    kind: Kind
    name: str
    test_id: str | None = None
    declared: Declared | None = None
    # For create: the whole body; for update: only the fields that change.
    body: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    actions: list[Action]

    def count(self, kind: Kind) -> int:
        return sum(a.kind == kind for a in self.actions)

    @property
    def has_changes(self) -> bool:
        return any(a.kind != "unchanged" for a in self.actions)


def _by_name(stored: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = {}
    for test in stored:
        out.setdefault(str(test["name"]), []).append(test)
    return out


def make_plan(
    declared: Sequence[Declared], stored: Sequence[Mapping[str, Any]], *, prune: bool
) -> tuple[Plan, list[Problem]]:
    """The actions that make the server match `declared`; problems for declarations that
    cannot be matched unambiguously (nothing is applied if there are any)."""
    by_id = {str(t["id"]): t for t in stored}
    by_name = _by_name(stored)
    # Checks named by an explicit id are never also matched by name, whatever the order.
    claimed: set[str] = {d.check.id for d in declared if d.check.id and d.check.id in by_id}
    actions: list[Action] = []
    problems: list[Problem] = []
    for item in declared:
        check = item.check
        match: Mapping[str, Any] | None = None
        if check.id:
            match = by_id.get(check.id)
            if match is None:
                problems.append(item.source.problem("id", f"no stored check has id '{check.id}'"))
                continue
        else:
            candidates = [t for t in by_name.get(check.name, []) if str(t["id"]) not in claimed]
            if len(candidates) > 1:
                ids = ", ".join(str(t["id"]) for t in candidates)
                problems.append(
                    item.source.problem(
                        "name", f"{len(candidates)} stored checks are named so ({ids}): add `id`"
                    )
                )
                continue
            match = candidates[0] if candidates else None
        wanted = check.api_body()
        if match is None:
            actions.append(Action("create", check.name, declared=item, body=wanted))
            continue
        claimed.add(str(match["id"]))
        current = stored_body(match)
        changed = {k: v for k, v in wanted.items() if current.get(k) != v}
        before = {k: current.get(k) for k in changed}
        kind: Kind = "update" if changed else "unchanged"
        actions.append(Action(kind, check.name, str(match["id"]), item, changed, before))
    if prune:
        for test in stored:
            if str(test["id"]) not in claimed and not _declared_id(declared, str(test["id"])):
                actions.append(Action("delete", str(test["name"]), str(test["id"])))
    return Plan(actions), problems


def _declared_id(declared: Sequence[Declared], test_id: str) -> bool:
    return any(d.check.id == test_id for d in declared)


def _shown(name: str, value: Any) -> str:
    if name == "alert_webhook" and value:
        parts = urlsplit(str(value))
        return f"{parts.scheme}://{parts.hostname or ''}/…"
    if name == "status":
        return "true" if value == "paused" else "false"
    if isinstance(value, str) and "\n" in value:
        first = value.splitlines()[0]
        return json.dumps(first + f" … ({len(value.splitlines())} lines)")
    return json.dumps(value)


def render_plan(plan: Plan, *, show_unchanged: bool = True) -> str:
    lines: list[str] = []
    for action in plan.actions:
        if action.kind == "unchanged" and not show_unchanged:
            continue
        ident = f" [{action.test_id}]" if action.test_id else ""
        lines.append(f"{SYMBOL[action.kind]} {action.kind:<9} {action.name!r}{ident}")
        if action.kind == "update":
            for name in API_FIELDS:
                if name in action.body:
                    label = FILE_NAMES.get(name, name)
                    old = _shown(name, action.before.get(name))
                    new = _shown(name, action.body[name])
                    if old == new:  # e.g. an alert target that differs only in its secret
                        new += " (changed)"
                    lines.append(f"      {label}: {old} -> {new}")
    if not plan.has_changes:
        lines.append(f"No changes: {len(plan.actions)} check(s) up to date.")
    else:
        counts = ", ".join(
            f"{plan.count(kind)} to {kind}" for kind in ("create", "update", "delete")
        )
        lines.append(f"Plan: {counts}, {plan.count('unchanged')} unchanged.")
    return "\n".join(lines)
