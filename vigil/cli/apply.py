"""`vigil apply` and `vigil export`: checks as code against a running server.

apply: read every file, stop with located problems if any document is invalid (nothing is
applied), fetch the stored checks, print the plan, then (unless --dry-run) make the changes
through the API. Exit codes: 0 applied or nothing to do, 1 invalid files or a refused change,
2 the server could not be reached.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import typer

from vigil.cli.common import api_client, call, fail

ServerOpt = typer.Option(None, "--server", help="Vigil URL [http://VIGIL_HOST:VIGIL_PORT]")


def apply(
    paths: list[Path] = typer.Argument(..., help="YAML files or directories of checks"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the plan, change nothing"),
    prune: bool = typer.Option(False, "--prune", help="Delete stored checks that no file declares"),
    server: str | None = ServerOpt,
) -> None:
    """Make the server's checks match YAML files (prints a plan first, as Terraform does)."""
    from vigil.checks_as_code.apply import ApplyError, apply_plan
    from vigil.checks_as_code.loader import load
    from vigil.checks_as_code.plan import make_plan, render_plan

    declared, problems = load(paths, dict(os.environ))
    if problems:
        _report(problems, "invalid")
    with api_client(server) as client:
        stored: list[dict[str, Any]] = call(client, "GET", "/api/tests")
        plan, problems = make_plan(declared, stored, prune=prune)
        if problems:
            _report(problems, "cannot be matched")
        typer.echo(render_plan(plan))
        if dry_run or not plan.has_changes:
            return
        try:
            made = apply_plan(client, plan, typer.echo)
        except ApplyError as exc:
            if exc.problem is not None:
                typer.echo(f"vigil: {exc.problem}", err=True)
            fail(f"apply stopped, changes made before it undone: {exc}", code=1)
    typer.echo(f"Applied {made} change(s).")


def _report(problems: list[Any], what: str) -> None:
    for problem in problems:
        typer.echo(f"vigil: {problem}", err=True)
    fail(f"{len(problems)} problem(s): nothing applied ({what})", code=1)


def export(
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout"),
    secrets: str = typer.Option(
        "env",
        "--secrets",
        help="Alert targets as ${VIGIL_ALERT_<NAME>} references (env) or literally (inline)",
    ),
    server: str | None = ServerOpt,
) -> None:
    """Write the server's checks as YAML that `vigil apply` reads back with no changes."""
    from vigil.checks_as_code.export import export_checks

    if secrets not in ("env", "inline"):
        fail("--secrets must be 'env' or 'inline'")
    with api_client(server) as client:
        tests = call(client, "GET", "/api/tests")
    text, env = export_checks(tests, secrets="env" if secrets == "env" else "inline")
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(tests)} check(s) to {output}", err=True)
    if env:
        names = ", ".join(sorted(env))
        typer.echo(
            f"alert targets are written as references: set {names} when applying "
            "(or export with --secrets inline)",
            err=True,
        )
