"""`vigil run URL GOAL` as a user runs it: a separate process, exit codes, --json output."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site.server import DemoServer
from vigil.models import RunRecord


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = DemoServer().start()
    yield server.url
    server.stop()


def vigil_run(*args: str, tmp: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("VIGIL_", "REDIS_URL"))}
    environ.update({"VIGIL_DATA_DIR": str(tmp), "VIGIL_STEP_TIMEOUT": "5", **env})
    return subprocess.run(
        [sys.executable, "-m", "vigil.cli.main", "run", *args],
        capture_output=True,
        text=True,
        timeout=90,
        env=environ,
    )


def test_a_passing_check_exits_0_with_progress_on_stderr(site: str, tmp_path: Path) -> None:
    proc = vigil_run(f"{site}/second", "verify the page shows 'second page'", tmp=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("PASSED  All steps passed successfully.")
    assert "✓ Step 1: " in proc.stderr and "✓ Step 2: " in proc.stderr


def test_a_failing_check_exits_1_and_json_is_a_run_record(site: str, tmp_path: Path) -> None:
    proc = vigil_run(site, "verify the page shows 'Free shipping'", "--json", tmp=tmp_path)
    assert proc.returncode == 1, proc.stderr
    record = RunRecord.model_validate_json(proc.stdout)
    assert record.outcome == "failed" and not record.passed
    assert record.triggered_by == "cli" and record.test_id == "adhoc"
    assert (record.steps_passed, record.steps_total) == (1, 2)
    assert record.details.startswith("1 of 2 steps passed. Step 2 failed: text 'Free shipping'")
    assert record.step_results[1].error and record.started_at < record.completed_at
    assert "✗ Step 2" in proc.stderr, "progress still goes to stderr"


def test_a_bad_url_exits_2_naming_the_url(tmp_path: Path) -> None:
    proc = vigil_run("ftp://example.com", "the page should load", tmp=tmp_path)
    assert proc.returncode == 2
    assert "url 'ftp://example.com' must start with http:// or https://" in proc.stdout


def test_a_missing_browser_exits_2_with_a_json_error_record(site: str, tmp_path: Path) -> None:
    proc = vigil_run(
        site,
        "the page should load",
        "--json",
        tmp=tmp_path,
        VIGIL_CHROMIUM_PATH="/nonexistent/chromium",
    )
    assert proc.returncode == 2
    record = RunRecord.model_validate_json(proc.stdout)
    assert record.outcome == "error" and not record.passed
    assert record.error and "VIGIL_CHROMIUM_PATH" in record.error
    assert "apt-get install chromium" in record.error


def test_a_run_over_its_timeout_exits_2(site: str, tmp_path: Path) -> None:
    proc = vigil_run(
        f"{site}/hang",
        "the page should load",
        "--timeout",
        "2",
        tmp=tmp_path,
        VIGIL_STEP_TIMEOUT="30",
    )
    assert proc.returncode == 2
    assert "did not finish within its 2 s timeout" in proc.stdout


def test_a_goal_it_cannot_understand_exits_2(site: str, tmp_path: Path) -> None:
    proc = vigil_run(site, "frobnicate the 'Pro' widget and click 'Send'", tmp=tmp_path)
    assert proc.returncode == 2
    assert "could not understand" in proc.stdout and "frobnicate the 'Pro' widget" in proc.stdout
