"""Carrying out a plan through the server's HTTP API, the same routes the UI calls.

Going through the API (not the store) means a created or edited check gets whatever the
server does on create and update: its schedule, its QStash schedule, validation that needs
the server (a rule-mode goal with unread clauses answers 422). Such a 422 is reported like a
local validation error, located in the file.

"Nothing is applied when a document is invalid" holds for those server-side refusals too:
creates and updates go first, and if one is refused the ones already made are undone through
the same API (created checks deleted, updated fields set back to the values the plan read);
deletions (--prune) come last, once everything else went through, because they cannot be
undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from vigil.checks_as_code.loader import Problem
from vigil.checks_as_code.model import API_FIELDS, FILE_NAMES
from vigil.checks_as_code.plan import SYMBOL, Action, Plan


class ApplyError(Exception):
    """The server refused a step; `problem` locates it when it is about a declared field."""

    def __init__(self, message: str, problem: Problem | None = None) -> None:
        super().__init__(message)
        self.problem = problem


def _detail(response: httpx.Response) -> tuple[str, list[str]]:
    try:
        body = response.json()
    except ValueError:
        return response.text, []
    detail = str(body.get("detail", response.text)) if isinstance(body, dict) else response.text
    errors = body.get("errors") if isinstance(body, dict) else None
    return detail, [str(e) for e in errors] if isinstance(errors, list) else [detail]


def _located(action: Action, message: str) -> Problem | None:
    """'goal: could not understand …' -> the goal's line in the file: the API's 422 lines
    always start with the field they are about."""
    if action.declared is None:
        return None
    source = action.declared.source
    head, sep, rest = message.partition(": ")
    api_name = head.split(".")[0]
    if sep and api_name in API_FIELDS:
        name = FILE_NAMES.get(api_name, api_name)
        return source.problem(name, rest)
    return source.problem("", message)


def _call(client: httpx.Client, action: Action, method: str, path: str, **kw: Any) -> Any:
    try:
        response = client.request(method, path, **kw)
    except httpx.HTTPError as exc:
        raise ApplyError(f"cannot reach Vigil at {client.base_url}: {exc}") from None
    if response.status_code == 422:
        detail, errors = _detail(response)
        problems = [p for p in (_located(action, e) for e in errors) if p is not None]
        raise ApplyError(f"422: {detail}", problems[0] if problems else None)
    if response.status_code >= 400:
        detail, _ = _detail(response)
        raise ApplyError(f"{method} {path}: {response.status_code}: {detail}")
    return response.json() if response.content else None


def apply_action(client: httpx.Client, action: Action) -> str:
    """Carry out one action; returns the line to print."""
    if action.kind == "create":
        created = _call(client, action, "POST", "/api/tests", json=action.body)
        action.test_id = str(created["id"])
    elif action.kind == "update":
        assert action.test_id is not None
        fields = {k: v for k, v in action.body.items() if k != "status"}
        if fields:
            _call(client, action, "PATCH", f"/api/tests/{action.test_id}", json=fields)
        if "status" in action.body:
            verb = "pause" if action.body["status"] == "paused" else "resume"
            _call(client, action, "POST", f"/api/tests/{action.test_id}/{verb}")
    elif action.kind == "delete":
        _call(client, action, "DELETE", f"/api/tests/{action.test_id}")
    done = {"create": "created", "update": "updated", "delete": "deleted"}[action.kind]
    return f"{SYMBOL[action.kind]} {done} {action.name!r} [{action.test_id}]"


def _undo(client: httpx.Client, action: Action) -> str:
    if action.kind == "create":
        _call(client, action, "DELETE", f"/api/tests/{action.test_id}")
        return f"  undone: deleted {action.name!r} [{action.test_id}]"
    back = Action("update", action.name, action.test_id, action.declared, action.before)
    apply_action(client, back)
    return f"  undone: restored {action.name!r} [{action.test_id}]"


def apply_plan(client: httpx.Client, plan: Plan, echo: Callable[[str], None]) -> int:
    """Every change of `plan`; returns how many were made. At the first refusal, undoes the
    creates and updates made so far and raises ApplyError."""
    made: list[Action] = []
    try:
        for action in plan.actions:
            if action.kind in ("create", "update"):
                echo(apply_action(client, action))
                made.append(action)
    except ApplyError:
        for done in reversed(made):
            try:
                echo(_undo(client, done))
            except ApplyError as exc:
                echo(f"  could not undo {done.kind} of {done.name!r} [{done.test_id}]: {exc}")
        raise
    deleted = 0
    for action in plan.actions:
        if action.kind == "delete":
            echo(apply_action(client, action))
            deleted += 1
    return len(made) + deleted
