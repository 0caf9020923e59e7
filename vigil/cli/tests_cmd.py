"""`vigil tests …`: manage checks on a running server through its API."""

from __future__ import annotations

import json

import typer

from vigil.cli.common import api_client, call

app = typer.Typer(help="List, create, run and delete checks on a running Vigil server.")

ServerOpt = typer.Option(None, "--server", help="Vigil URL [http://VIGIL_HOST:VIGIL_PORT]")


@app.command("list")
def list_tests(
    server: str | None = ServerOpt,
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table"),
) -> None:
    """List all checks: id, status, last result, schedule, next run (UTC), name."""
    with api_client(server) as client:
        tests = call(client, "GET", "/api/tests")
    if as_json:
        typer.echo(json.dumps(tests, indent=2))
        return
    if not tests:
        typer.echo("no checks yet: create one with `vigil tests create URL GOAL`")
        return
    for t in tests:
        last = t.get("last_result") or "never run"
        schedule = t.get("schedule") or "manual"
        upcoming = t.get("next_run_at") or "-"
        typer.echo(
            f"{t['id']}  {t['status']:<6}  {last:<9}  {schedule:<12}  {upcoming:<24}  {t['name']}"
        )


@app.command("create")
def create_test(
    url: str = typer.Argument(..., help="The page the check starts on"),
    goal: str = typer.Argument(..., help="What to do and verify, in plain words"),
    name: str | None = typer.Option(None, help="Display name (default: the URL)"),
    schedule: str = typer.Option("", help="5-field cron, e.g. '*/5 * * * *'; empty = manual"),
    alert: str = typer.Option("", "--alert", help="Webhook URL or Apprise URL for alerts"),
    server: str | None = ServerOpt,
) -> None:
    """Create a check and print its id."""
    body: dict[str, object] = {"url": url, "goal": goal, "schedule": schedule}
    if name:
        body["name"] = name
    if alert:
        body["alert_webhook"] = alert
    with api_client(server) as client:
        test = call(client, "POST", "/api/tests", json=body)
    typer.echo(test["id"])


@app.command("run")
def run_test(
    test_id: str = typer.Argument(..., help="The check's id"),
    server: str | None = ServerOpt,
) -> None:
    """Run a stored check now (stored and alerted like any run). Exit 0 pass, 1 fail."""
    with api_client(server) as client:
        out = call(client, "POST", f"/api/tests/{test_id}/run")
    result = out["result"]
    calls, tokens = result.get("llm_calls", 0), result.get("llm_tokens", 0)
    usage = f"  (model: {calls} calls, {tokens} tokens)" if calls or tokens else ""
    typer.echo(f"{'PASS' if result['passed'] else 'FAIL'}  {result['details']}{usage}")
    raise typer.Exit(0 if result["passed"] else 1)


@app.command("delete")
def delete_test(
    test_id: str = typer.Argument(..., help="The check's id"),
    server: str | None = ServerOpt,
) -> None:
    """Delete a check and all its history."""
    with api_client(server) as client:
        call(client, "DELETE", f"/api/tests/{test_id}")
    typer.echo(f"deleted {test_id}")
