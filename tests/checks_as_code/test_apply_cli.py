"""`vigil apply` and `vigil export` as a user runs them: the CLI against a real server over
HTTP, backed by the test Redis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import redis as sync_redis
from typer.testing import CliRunner, Result

from tests.conftest import TOKEN
from tests.live_server import api, live_server
from vigil.cli.main import app
from vigil.config import Settings

CHECKS = """\
name: Checkout
url: https://shop.example
goal: |
  go to /cart
  click 'Check out'
  verify the page shows 'Thank you'
schedule: "*/5 * * * *"
alert: https://hooks.example/${HOOK_TOKEN}
retries: 2
tags: [shop, critical]
public_badge: true
---
name: Home
url: https://www.example
goal: verify the page shows 'Welcome'
paused: true
"""


@pytest.fixture
def server(settings: Settings, redis_url: str) -> Iterator[str]:
    sync_redis.Redis.from_url(redis_url).flushdb()
    with live_server(settings, redis_url) as base:
        yield base


def vigil(base: str, tmp_path: Path, *args: str, **env: str) -> Result:
    environ = {"VIGIL_API_TOKEN": TOKEN, "VIGIL_DATA_DIR": str(tmp_path / "cli"), **env}
    return CliRunner().invoke(app, [*args, "--server", base], env=environ)


def write(tmp_path: Path, text: str, name: str = "checks.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def stored(base: str) -> dict[str, dict[str, object]]:
    with api(base) as client:
        return {t["name"]: t for t in client.get("/api/tests").json()}


def test_apply_creates_then_a_second_apply_changes_nothing(server: str, tmp_path: Path) -> None:
    path = write(tmp_path, CHECKS)

    first = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="abc123")

    assert first.exit_code == 0, first.output
    assert "+ create    'Checkout'" in first.stdout
    assert "Plan: 2 to create, 0 to update, 0 to delete, 0 unchanged." in first.stdout
    assert "abc123" not in first.stdout  # alert targets are shown without their secret part
    tests = stored(server)
    checkout = tests["Checkout"]
    assert checkout["goal"] == "go to /cart\nclick 'Check out'\nverify the page shows 'Thank you'"
    assert checkout["alert_webhook"] == "https://hooks.example/abc123"
    assert (checkout["retries"], checkout["tags"], checkout["public_badge"]) == (
        2,
        ["shop", "critical"],
        True,
    )
    assert (tests["Home"]["status"], tests["Home"]["tags"]) == ("paused", [])

    second = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="abc123")

    assert second.exit_code == 0, second.output
    assert "No changes: 2 check(s) up to date." in second.stdout
    assert "= unchanged 'Checkout'" in second.stdout


def test_an_edit_is_an_update_of_the_changed_fields_and_dry_run_changes_nothing(
    server: str, tmp_path: Path
) -> None:
    path = write(tmp_path, CHECKS)
    assert vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t").exit_code == 0
    before = stored(server)
    path.write_text(CHECKS.replace('"*/5 * * * *"', '"*/10 * * * *"').replace("paused: true", ""))

    dry = vigil(server, tmp_path, "apply", str(path), "--dry-run", HOOK_TOKEN="t")

    assert dry.exit_code == 0, dry.output
    checkout_id, home_id = before["Checkout"]["id"], before["Home"]["id"]
    assert f"~ update    'Checkout' [{checkout_id}]" in dry.stdout
    assert '      schedule: "*/5 * * * *" -> "*/10 * * * *"' in dry.stdout
    assert f"~ update    'Home' [{home_id}]" in dry.stdout
    assert "      paused: true -> false" in dry.stdout
    assert stored(server) == before

    real = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t")

    assert real.exit_code == 0, real.output
    after = stored(server)
    assert after["Checkout"]["schedule"] == "*/10 * * * *"
    assert after["Home"]["status"] == "active"
    assert after["Checkout"]["id"] == checkout_id  # updated in place, history kept


def test_a_changed_secret_is_an_update_without_showing_the_secret(
    server: str, tmp_path: Path
) -> None:
    path = write(tmp_path, CHECKS)
    assert vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="old-one").exit_code == 0

    out = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="new-one")

    assert out.exit_code == 0, out.output
    assert "      alert: https://hooks.example/… -> https://hooks.example/… (changed)" in (
        out.stdout
    )
    assert "new-one" not in out.output and "old-one" not in out.output
    assert stored(server)["Checkout"]["alert_webhook"] == "https://hooks.example/new-one"


def test_prune_deletes_only_what_no_file_declares(server: str, tmp_path: Path) -> None:
    path = write(tmp_path, CHECKS)
    assert vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t").exit_code == 0
    home_id = stored(server)["Home"]["id"]
    path.write_text(CHECKS.split("---")[0])

    without = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t")
    assert "No changes: 1 check(s) up to date." in without.stdout
    assert set(stored(server)) == {"Checkout", "Home"}

    pruned = vigil(server, tmp_path, "apply", str(path), "--prune", HOOK_TOKEN="t")

    assert pruned.exit_code == 0, pruned.output
    assert f"- delete    'Home' [{home_id}]" in pruned.stdout
    assert f"- deleted 'Home' [{home_id}]" in pruned.stdout
    assert set(stored(server)) == {"Checkout"}


def test_one_invalid_document_means_nothing_is_applied(server: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        CHECKS + "---\nname: Broken\nurl: https://a.example\ngoal: x\nschedule: every day\n",
    )

    out = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t")

    assert out.exit_code == 1
    assert (
        f"vigil: {path}: document 3, line 21: schedule: must have 5 fields (minute hour day "
        "month weekday), got 2: 'every day'"
    ) in out.stderr
    assert "nothing applied" in out.stderr
    assert stored(server) == {}


def test_an_explicit_id_ties_a_document_to_a_renamed_check(server: str, tmp_path: Path) -> None:
    path = write(tmp_path, CHECKS)
    assert vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t").exit_code == 0
    home_id = stored(server)["Home"]["id"]
    # Quoted as `vigil export` writes it: an id of digits (and an "e") would read as a number.
    path.write_text(CHECKS.replace("name: Home", f'id: "{home_id}"\nname: Front page'))

    out = vigil(server, tmp_path, "apply", str(path), HOOK_TOKEN="t")

    assert out.exit_code == 0, out.output
    assert '      name: "Home" -> "Front page"' in out.stdout
    assert stored(server)["Front page"]["id"] == home_id

    unknown = write(tmp_path, "id: deadbeef\nname: X\nurl: https://x.example\ngoal: x\n", "x.yaml")
    refused = vigil(server, tmp_path, "apply", str(unknown))
    assert refused.exit_code == 1
    assert f"{unknown}: document 1, line 1: id: no stored check has id 'deadbeef'" in (
        refused.stderr
    )


def test_export_then_apply_finds_no_changes(server: str, tmp_path: Path) -> None:
    source = write(tmp_path, CHECKS)
    assert vigil(server, tmp_path, "apply", str(source), HOOK_TOKEN="k3y").exit_code == 0
    with api(server) as client:  # a check made in the UI, with a multi-line goal
        made = client.post(
            "/api/tests",
            json={
                "name": "From the UI",
                "url": "https://ui.example",
                "goal": "verify 'a'\n\nverify 'c'",
            },
        )
        assert made.status_code == 201

    inline = vigil(
        server, tmp_path, "export", "--secrets", "inline", "-o", str(tmp_path / "i.yaml")
    )
    by_env = vigil(server, tmp_path, "export")

    assert inline.exit_code == 0 and by_env.exit_code == 0, inline.output + by_env.output
    assert "k3y" not in by_env.stdout
    assert "alert: ${VIGIL_ALERT_CHECKOUT}" in by_env.stdout
    assert "set VIGIL_ALERT_CHECKOUT when applying" in by_env.stderr
    assert "goal: |-\n  go to /cart\n  click 'Check out'\n" in by_env.stdout
    exported = write(tmp_path, by_env.stdout, "exported.yaml")
    for path, env in (
        (tmp_path / "i.yaml", {}),
        (exported, {"VIGIL_ALERT_CHECKOUT": "https://hooks.example/k3y"}),
    ):
        again = vigil(server, tmp_path, "apply", str(path), "--prune", **env)
        assert again.exit_code == 0, again.output
        assert "No changes: 3 check(s) up to date." in again.stdout


def test_a_goal_the_server_refuses_is_reported_at_its_line_and_nothing_stays_applied(
    settings: Settings, redis_url: str, tmp_path: Path
) -> None:
    sync_redis.Redis.from_url(redis_url).flushdb()
    path = write(tmp_path, CHECKS)
    refused = "---\nname: A\nurl: https://a.example\ngoal: |\n  frobnicate the widget\n"
    with live_server(settings, redis_url) as base:
        assert vigil(base, tmp_path, "apply", str(path), HOOK_TOKEN="t").exit_code == 0
        before = stored(base)
        # One update, one create, then the refused create.
        path.write_text(
            CHECKS.replace("retries: 2", "retries: 3")
            + "---\nname: New\nurl: https://new.example\ngoal: verify 'x'\n"
            + refused
        )

        out = vigil(base, tmp_path, "apply", str(path), HOOK_TOKEN="t")
        after = stored(base)

    assert out.exit_code == 1
    assert (
        f"vigil: {path}: document 4, line 24: goal: could not understand 'frobnicate the widget'"
    ) in out.stderr
    assert "undone: deleted 'New'" in out.stdout
    assert "undone: restored 'Checkout'" in out.stdout
    for state in (before, after):
        for test in state.values():
            test.pop("updated_at")
    assert after == before
