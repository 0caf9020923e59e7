"""`vigil plan URL GOAL [--ground] [--json]`: how a goal is read, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def vigil_plan(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_URL"))}
    environ.update({"VIGIL_DATA_DIR": str(tmp), "VIGIL_STEP_TIMEOUT": "5"})
    return subprocess.run(
        [sys.executable, "-m", "vigil.cli.main", "plan", *args],
        capture_output=True,
        text=True,
        timeout=90,
        env=environ,
    )


def test_each_step_shows_the_words_it_came_from_and_the_password_never(tmp_path: Path) -> None:
    goal = "log in as ana / hunter2 and verify the page shows 'Welcome'"
    proc = vigil_plan("http://127.0.0.1:9/", goal, tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Type the password into 'Password'" in proc.stdout
    assert "← \"verify the page shows 'Welcome'\"" in proc.stdout
    assert "hunter2" not in proc.stdout


def test_an_unread_clause_is_named_with_the_closest_phrasings_and_exits_2(
    tmp_path: Path,
) -> None:
    proc = vigil_plan("http://127.0.0.1:9/", "click 'Buy'; frobnicate the widget", tmp=tmp_path)
    assert proc.returncode == 2
    assert "✗ could not understand: 'frobnicate the widget'" in proc.stdout
    assert "closest known phrasing:" in proc.stdout


def test_json_lists_steps_and_unread_clauses(tmp_path: Path) -> None:
    proc = vigil_plan("http://127.0.0.1:9/", "frobnicate the widget", "--json", tmp=tmp_path)
    assert proc.returncode == 2
    body = json.loads(proc.stdout)
    assert body["unread"][0]["clause"] == "frobnicate the widget"
    assert body["errors"], "an unread clause is a plan error"


def test_ground_does_the_steps_and_says_what_each_name_resolved_to(
    demo_site: str, tmp_path: Path
) -> None:
    proc = vigil_plan(demo_site, "open the Products page", "--ground", tmp=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "On the live page:" in proc.stdout
    assert "link 'Products'" in proc.stdout


def test_ground_exits_1_when_a_name_does_not_resolve(demo_site: str, tmp_path: Path) -> None:
    proc = vigil_plan(demo_site, "click 'No such button'", "--ground", tmp=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "✗" in proc.stdout
