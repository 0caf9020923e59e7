"""Reading check files: values normalised like the API's, problems located by file, document,
line and field."""

from __future__ import annotations

from pathlib import Path

from vigil.checks_as_code.loader import load

GOOD = """\
name: Checkout
url: https://shop.example
goal: |
  go to /cart
  click 'Check out'
  verify the page shows 'Thank you'
schedule: "*/5   * * * *"
alert: https://hooks.example/${HOOK_TOKEN}
paused: true
tags: [shop, critical]
---
# an empty document is allowed (a file that ends with ---)
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_a_block_scalar_goal_and_env_expansion(tmp_path: Path) -> None:
    path = write(tmp_path, "checks.yaml", GOOD)

    [item], problems = load([path], {"HOOK_TOKEN": "s3cr3t"})

    assert problems == []
    check = item.check
    assert check.goal == "go to /cart\nclick 'Check out'\nverify the page shows 'Thank you'"
    assert check.schedule == "*/5 * * * *"  # normalised as the API stores it
    assert check.alert == "https://hooks.example/s3cr3t"
    assert check.api_body()["status"] == "paused"
    assert (item.source.document, item.source.lines["goal"]) == (1, 3)


def test_every_problem_names_file_document_line_and_field(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad.yaml",
        GOOD
        + """\
---
name: Broken
url: ftp://shop.example
goal: ""
schedule: "61 * * * *"
retries: 9
colour: blue
alert: ${NOT_SET_ANYWHERE}
""",
    )

    declared, problems = load([path], {"HOOK_TOKEN": "x"})

    assert [d.check.name for d in declared] == ["Checkout"]
    shown = {str(p) for p in problems}
    p = str(path)
    assert shown == {
        f"{p}: document 3, line 15: url: must start with http:// or https://",
        f"{p}: document 3, line 16: goal: must not be empty: describe what the check should do",
        f"{p}: document 3, line 17: schedule: '61 * * * *' is not a valid cron expression",
        f"{p}: document 3, line 18: retries: Input should be less than or equal to 5",
        f"{p}: document 3, line 19: colour: unknown field (the schema is served at "
        "/api/schema/checks.json)",
        f"{p}: document 3, line 20: alert: ${{NOT_SET_ANYWHERE}} is not set in the environment",
    }


def test_a_missing_field_points_at_the_document_and_yaml_errors_at_their_line(
    tmp_path: Path,
) -> None:
    missing = write(tmp_path, "a.yaml", "name: Only a name\n")
    broken = write(tmp_path, "b.yaml", "name: x\nurl: https://a.example\ngoal: [unclosed\n")
    scalar = write(tmp_path, "c.yaml", "---\njust a string\n")

    _, problems = load([missing, broken, scalar], {})

    shown = [str(p) for p in problems]
    assert f"{missing}: document 1, line 1: url: is required" in shown
    assert f"{missing}: document 1, line 1: goal: is required" in shown
    [yaml_error] = [s for s in shown if s.startswith(str(broken))]
    assert yaml_error.startswith(f"{broken}: document 1, line 4: not valid YAML")
    assert shown[-1] == f"{scalar}: document 1, line 2: a document must be a mapping of fields"


def test_a_directory_is_read_in_order_and_two_documents_may_not_claim_one_check(
    tmp_path: Path,
) -> None:
    write(tmp_path / "checks", "b/second.yml", "name: Home\nurl: https://b.example\ngoal: x\n")
    write(tmp_path / "checks", "a.yaml", "name: Home\nurl: https://a.example\ngoal: x\n")
    write(tmp_path / "checks", "notes.txt", "not a check")

    declared, problems = load([tmp_path / "checks"], {})

    assert [d.check.url for d in declared] == ["https://a.example", "https://b.example"]
    [clash] = problems
    assert str(clash) == (
        f"{tmp_path / 'checks/b/second.yml'}: document 1, line 1: name: 'Home' is also "
        f"declared in {tmp_path / 'checks/a.yaml'}, document 1"
    )


def test_a_key_given_twice_in_one_document_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.yaml", "name: a\nurl: https://a.example\ngoal: x\nname: b\n")

    declared, problems = load([path], {})

    assert declared == []
    assert [str(p) for p in problems] == [
        f"{path}: document 1, line 4: name: appears twice in this document"
    ]
