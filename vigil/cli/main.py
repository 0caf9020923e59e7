"""The `vigil` command line. Each command lives in its own module; this file assembles them."""

from __future__ import annotations

import typer

from vigil.cli import tests_cmd
from vigil.cli.apply import apply, export
from vigil.cli.plan import plan
from vigil.cli.run import run
from vigil.cli.serve import serve
from vigil.cli.worker import worker

app = typer.Typer(
    help="Vigil: synthetic monitoring driven by plain-language goals.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("serve")(serve)
app.command("worker")(worker)
app.command("run")(run)
app.command("plan")(plan)
app.add_typer(tests_cmd.app, name="tests")
app.command("apply")(apply)
app.command("export")(export)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
