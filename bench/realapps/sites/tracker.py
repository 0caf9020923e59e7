"""The bench's team issue tracker, "Squad Board": a NiceGUI app (Vue/Quasar driven over
socket.io) as a small team would write one with NiceGUI's own components.

Pages: a sign-in page (two accounts: the lead can delete tickets and change settings, the
member cannot), a dashboard of counters, the board (Quasar table with sorting, a search box, a
priority filter, Open / Closed / All tabs and a "New ticket" dialog), a ticket page (status and
assignee selects, priority badge, tag chips, comments) and settings (switches, a disabled
button). State lives in SQLite (TRACKER_DB) and is read on every page load, so the bench
resets it by restoring a pristine copy of the file. Serve it with
`python -m bench.realapps.sites.tracker PORT`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from fastapi.responses import RedirectResponse
from nicegui import app, ui

ACCOUNTS = {
    "dana": ("board-room-7", "Dana Whitfield", "Admin"),
    "ravi": ("sticky-notes-3", "Ravi Menon", "Member"),
}
PEOPLE = ["Dana Whitfield", "Ravi Menon", "Priya Shah", "Tom Becker", "Lena Ortiz"]
UNASSIGNED = "Unassigned"
STATUSES = ["To do", "In progress", "Blocked", "Closed"]
PRIORITIES = ["Low", "Medium", "High", "Urgent"]
PRIORITY_COLOURS = {"Low": "grey", "Medium": "blue", "High": "orange", "Urgent": "red"}

# key, title, status, priority, assignee, tags, updated, description
TICKETS = [
    ("SQ-101", "Set up CI pipeline for mobile app", "Closed", "Medium", "Tom Becker",
     "devops", "2026-11-02", "Build and sign the iOS and Android apps on every merge."),
    ("SQ-102", "Login page times out on Safari", "In progress", "High", "Priya Shah",
     "bug,frontend", "2026-11-24", "Safari users wait 30 seconds and then see a blank page."),
    ("SQ-103", "Add CSV export to reports", "To do", "Medium", "Ravi Menon",
     "feature", "2026-11-18", "Finance wants the monthly report as a spreadsheet."),
    ("SQ-104", "Password reset email never arrives", "Blocked", "Urgent", "Dana Whitfield",
     "bug,email", "2026-11-26", "Reset emails to Outlook addresses are silently dropped."),
    ("SQ-105", "Dark mode for the dashboard", "To do", "Low", UNASSIGNED,
     "feature,frontend", "2026-11-10", "Follow the operating system's colour scheme."),
    ("SQ-106", "Upgrade Postgres to 16", "Closed", "High", "Tom Becker",
     "devops", "2026-11-05", "Staging first, then production during the maintenance window."),
    ("SQ-107", "Typos on the pricing page", "Closed", "Low", "Lena Ortiz",
     "content", "2026-11-12", "'Anual' and 'recieve' on the pricing page."),
    ("SQ-108", "Search results ignore accents", "In progress", "Medium", "Ravi Menon",
     "bug,search", "2026-11-25", "Searching for 'cafe' should find 'Café Central'."),
    ("SQ-109", "Onboarding checklist for new hires", "To do", "Low", "Ravi Menon",
     "docs", "2026-11-15", "One page: accounts, laptop, first-week buddy."),
    ("SQ-110", "Rate limit the public API", "In progress", "High", "Dana Whitfield",
     "backend", "2026-11-27", "100 requests a minute per token; 429 with Retry-After."),
    ("SQ-111", "Invoice PDF shows wrong VAT", "To do", "Urgent", "Priya Shah",
     "bug,billing", "2026-11-28", "German invoices show 19% VAT on reduced-rate items."),
    ("SQ-112", "Archive old projects automatically", "Closed", "Medium", "Ravi Menon",
     "feature", "2026-11-08", "Projects untouched for a year move to the archive."),
    ("SQ-113", "Flaky test in checkout flow", "To do", "Medium", UNASSIGNED,
     "bug,tests", "2026-11-21", "test_checkout_with_coupon fails about one run in ten."),
    ("SQ-114", "Translate emails into Spanish", "Blocked", "Low", "Lena Ortiz",
     "content", "2026-11-19", "Waiting for the translation agency's quote."),
]  # fmt: skip
COMMENTS = [
    ("SQ-102", "Priya Shah", "Reproduced on Safari 17, not on Chrome."),
    ("SQ-102", "Dana Whitfield", "Could be the new session cookie. Check SameSite."),
    ("SQ-104", "Tom Becker", "Waiting on the mail provider to whitelist our IP."),
    ("SQ-111", "Lena Ortiz", "Customer in Munich reported it first."),
]
SETTINGS = {"workspace": "Squad Board", "email_notifications": "1", "daily_digest": "0"}


def seed(path: str) -> None:
    """Write the seeded tickets, comments and settings into a new SQLite file at `path`."""
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            CREATE TABLE tickets (key TEXT PRIMARY KEY, title TEXT, status TEXT, priority TEXT,
                assignee TEXT, tags TEXT, updated TEXT, description TEXT);
            CREATE TABLE comments (id INTEGER PRIMARY KEY, ticket TEXT, author TEXT, body TEXT);
            CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT);
            """
        )
        conn.executemany("INSERT INTO tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?)", TICKETS)
        conn.executemany("INSERT INTO comments (ticket, author, body) VALUES (?, ?, ?)", COMMENTS)
        conn.executemany("INSERT INTO settings VALUES (?, ?)", SETTINGS.items())


@contextmanager
def _db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(os.environ["TRACKER_DB"], timeout=10)
    conn.row_factory = sqlite3.Row
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def _tickets() -> list[dict[str, Any]]:
    with _db() as conn:
        rows = conn.execute("SELECT * FROM tickets ORDER BY key").fetchall()
    return [dict(r) for r in rows]


def _ticket(key: str) -> dict[str, Any] | None:
    with _db() as conn:
        row = conn.execute("SELECT * FROM tickets WHERE key = ?", (key,)).fetchone()
    return dict(row) if row else None


def _settings() -> dict[str, str]:
    with _db() as conn:
        return {r["name"]: r["value"] for r in conn.execute("SELECT * FROM settings")}


def _user() -> tuple[str, str, str] | None:
    """(username, full name, role) of the signed-in account, or None."""
    name = app.storage.user.get("username")
    if not isinstance(name, str) or name not in ACCOUNTS:
        return None
    _, full, role = ACCOUNTS[name]
    return name, full, role


def _frame(title: str) -> tuple[str, str, str]:
    """The header every signed-in page shares; returns the signed-in user."""
    user = _user()
    assert user is not None
    ui.page_title(f"{title} · Squad Board")
    with ui.header().classes("items-center justify-between bg-indigo-8"):
        with ui.row().classes("items-center gap-6"):
            ui.label("Squad Board").classes("text-h6 text-white")
            ui.link("Dashboard", "/").classes("text-white")
            ui.link("Board", "/board").classes("text-white")
            ui.link("Settings", "/settings").classes("text-white")
        with ui.row().classes("items-center"):
            ui.label(f"{user[1]} ({user[2]})").classes("text-white")

            def sign_out() -> None:
                app.storage.user.clear()
                ui.navigate.to("/login")

            ui.button("Sign out", on_click=sign_out).props("flat color=white")
    return user


def _guard() -> RedirectResponse | None:
    return RedirectResponse("/login") if _user() is None else None


@ui.page("/login")
def login_page() -> RedirectResponse | None:
    if _user() is not None:
        return RedirectResponse("/")
    ui.page_title("Sign in · Squad Board")

    def attempt() -> None:
        account = ACCOUNTS.get(username.value.strip())
        if account is None or account[0] != password.value:
            ui.notify("Wrong username or password", type="negative")
            return
        app.storage.user["username"] = username.value.strip()
        ui.navigate.to("/")

    with ui.card().classes("absolute-center w-80"):
        ui.label("Sign in to Squad Board").classes("text-h6")
        username = ui.input("Username").classes("w-full")
        password = ui.input("Password", password=True, password_toggle_button=True)
        password.classes("w-full").on("keydown.enter", attempt)
        ui.button("Sign in", on_click=attempt).classes("w-full")
    return None


@ui.page("/")
def dashboard_page() -> RedirectResponse | None:
    if (redirect := _guard()) is not None:
        return redirect
    user = _frame("Dashboard")
    tickets = _tickets()
    is_open = [t for t in tickets if t["status"] != "Closed"]
    counters = [
        ("Open tickets", len(is_open)),
        ("In progress", sum(t["status"] == "In progress" for t in tickets)),
        ("Blocked", sum(t["status"] == "Blocked" for t in tickets)),
        ("Closed", sum(t["status"] == "Closed" for t in tickets)),
        ("Assigned to me", sum(t["assignee"] == user[1] for t in is_open)),
    ]
    ui.label(f"Welcome back, {user[1].split()[0]}").classes("text-h5")
    with ui.row().classes("gap-4"):
        for label, count in counters:
            with ui.card().classes("w-40 items-center"):
                ui.label(str(count)).classes("text-h4 text-weight-bold")
                ui.label(label).classes("text-subtitle2 text-grey-8")
    ui.label("Urgent and open").classes("text-h6 q-mt-md")
    with ui.list().props("bordered separator").classes("w-96"):
        for t in is_open:
            if t["priority"] == "Urgent":
                target = f"/ticket/{t['key']}"
                with ui.item(on_click=lambda to=target: ui.navigate.to(to)), ui.item_section():
                    ui.item_label(f"{t['key']} · {t['title']}")
                    ui.item_label(t["status"]).props("caption")
    return None


COLUMNS = [
    {"name": "key", "label": "Key", "field": "key", "sortable": True, "align": "left"},
    {"name": "title", "label": "Title", "field": "title", "sortable": True, "align": "left"},
    {"name": "status", "label": "Status", "field": "status", "sortable": True, "align": "left"},
    {"name": "priority", "label": "Priority", "field": "priority", "sortable": True},
    {"name": "assignee", "label": "Assignee", "field": "assignee", "sortable": True},
    {"name": "updated", "label": "Updated", "field": "updated", "sortable": True},
]
TITLE_CELL = """
<q-td :props="props">
  <a :href="'/ticket/' + props.row.key" class="text-primary">{{ props.value }}</a>
</q-td>
"""


@ui.page("/board")
def board_page() -> RedirectResponse | None:
    if (redirect := _guard()) is not None:
        return redirect
    _frame("Board")
    state = {"tab": "Open", "priority": "Any priority"}

    def visible_rows() -> list[dict[str, Any]]:
        rows = _tickets()
        if state["tab"] == "Open":
            rows = [r for r in rows if r["status"] != "Closed"]
        elif state["tab"] == "Closed":
            rows = [r for r in rows if r["status"] == "Closed"]
        if state["priority"] != "Any priority":
            rows = [r for r in rows if r["priority"] == state["priority"]]
        return rows

    def refresh() -> None:
        table.rows = visible_rows()
        table.update()

    def on_tab(e: Any) -> None:
        state["tab"] = str(e.value)
        refresh()

    def on_priority(e: Any) -> None:
        state["priority"] = str(e.value)
        refresh()

    dialog = ui.dialog()
    with ui.row().classes("items-center w-full justify-between"):
        ui.label("Tickets").classes("text-h5")
        ui.button("New ticket", icon="add", on_click=dialog.open)
    with ui.tabs(on_change=on_tab) as tabs:
        ui.tab("Open")
        ui.tab("Closed")
        ui.tab("All")
    tabs.set_value("Open")
    with ui.row().classes("items-center gap-4"):
        search = ui.input("Search tickets").props("clearable dense").classes("w-64")
        ui.select(
            ["Any priority", *PRIORITIES],
            value="Any priority",
            on_change=on_priority,
            label="Priority",
        ).props("dense").classes("w-48")
    table: ui.table = ui.table(
        columns=COLUMNS,
        rows=visible_rows(),
        row_key="key",
        pagination={"rowsPerPage": 20, "sortBy": "key"},
    ).classes("w-full")
    table.add_slot("body-cell-title", TITLE_CELL)
    search.bind_value(table, "filter")

    with dialog, ui.card().classes("w-96"):
        ui.label("New ticket").classes("text-h6")
        title = ui.input("Title").classes("w-full")
        description = ui.textarea("Description").classes("w-full")
        priority = ui.select(PRIORITIES, value="Medium", label="Priority").classes("w-full")
        assignee = ui.select([UNASSIGNED, *PEOPLE], value=UNASSIGNED, label="Assignee")
        assignee.classes("w-full")

        def create() -> None:
            if not title.value.strip():
                ui.notify("A ticket needs a title", type="warning")
                return
            with _db() as conn:
                last = conn.execute("SELECT MAX(CAST(SUBSTR(key, 4) AS INTEGER)) FROM tickets")
                key = f"SQ-{last.fetchone()[0] + 1}"
                conn.execute(
                    "INSERT INTO tickets VALUES (?, ?, 'To do', ?, ?, '', ?, ?)",
                    (
                        key,
                        title.value.strip(),
                        priority.value,
                        assignee.value,
                        date.today().isoformat(),
                        description.value,
                    ),
                )
            dialog.close()
            title.value = description.value = ""
            refresh()
            ui.notify(f"Ticket {key} created", type="positive")

        with ui.row().classes("w-full justify-end"):
            ui.button("Cancel", on_click=dialog.close).props("flat")
            ui.button("Create", on_click=create)
    return None


@ui.page("/ticket/{key}")
def ticket_page(key: str) -> RedirectResponse | None:
    if (redirect := _guard()) is not None:
        return redirect
    user = _frame(key)
    ticket = _ticket(key)
    if ticket is None:
        ui.label(f"No ticket {key}").classes("text-h5")
        ui.link("Back to the board", "/board")
        return None

    def save(field: str, value: str, message: str) -> None:
        with _db() as conn:
            conn.execute(
                # `field` is one of this module's own column names, never user input.
                f"UPDATE tickets SET {field} = ?, updated = ? WHERE key = ?",
                (value, date.today().isoformat(), key),
            )
        ui.notify(message, type="positive")

    ui.link("← Board", "/board")
    ui.label(f"{key} · {ticket['title']}").classes("text-h5")
    with ui.row().classes("items-center gap-2"):
        ui.badge(ticket["priority"], color=PRIORITY_COLOURS[ticket["priority"]])
        for tag in filter(None, ticket["tags"].split(",")):
            ui.chip(tag, icon="label").props("dense outline")
    ui.label(ticket["description"]).classes("q-my-md")
    with ui.row().classes("gap-4"):
        ui.select(
            STATUSES,
            value=ticket["status"],
            label="Status",
            on_change=lambda e: save("status", e.value, f"Status changed to {e.value}"),
        ).classes("w-48")
        ui.select(
            [UNASSIGNED, *PEOPLE],
            value=ticket["assignee"],
            label="Assignee",
            on_change=lambda e: save("assignee", e.value, f"Assigned to {e.value}"),
        ).classes("w-56")

    with _db() as conn:
        comments = conn.execute(
            "SELECT author, body FROM comments WHERE ticket = ? ORDER BY id", (key,)
        ).fetchall()
    heading = ui.label(f"Comments ({len(comments)})").classes("text-h6 q-mt-md")
    thread = ui.column().classes("w-full")

    def show_comment(author: str, body: str) -> None:
        with thread, ui.card().classes("w-full q-pa-sm"):
            ui.label(author).classes("text-weight-bold")
            ui.label(body)

    for c in comments:
        show_comment(c["author"], c["body"])
    if not comments:
        with thread:
            empty = ui.label("No comments yet").classes("text-grey-7")
    box = ui.textarea("Add a comment").classes("w-full")

    def post() -> None:
        body = box.value.strip()
        if not body:
            ui.notify("Write something first", type="warning")
            return
        with _db() as conn:
            conn.execute(
                "INSERT INTO comments (ticket, author, body) VALUES (?, ?, ?)", (key, user[1], body)
            )
            count = conn.execute("SELECT COUNT(*) FROM comments WHERE ticket = ?", (key,))
            heading.text = f"Comments ({count.fetchone()[0]})"
        if not comments:
            empty.set_visibility(False)
        show_comment(user[1], body)
        box.value = ""
        ui.notify("Comment added", type="positive")

    ui.button("Post comment", on_click=post)

    if user[2] == "Admin":

        def delete() -> None:
            with _db() as conn:
                conn.execute("DELETE FROM comments WHERE ticket = ?", (key,))
                conn.execute("DELETE FROM tickets WHERE key = ?", (key,))
            confirm.close()
            ui.navigate.to("/board")

        with ui.dialog() as confirm, ui.card():
            ui.label(f"Delete {key}? This cannot be undone.")
            with ui.row().classes("w-full justify-end"):
                ui.button("Cancel", on_click=confirm.close).props("flat")
                ui.button("Delete", on_click=delete).props("color=negative")
        ui.button("Delete ticket", icon="delete", on_click=confirm.open).props(
            "color=negative outline"
        ).classes("q-mt-lg")
    return None


@ui.page("/settings")
def settings_page() -> RedirectResponse | None:
    if (redirect := _guard()) is not None:
        return redirect
    user = _frame("Settings")
    current = _settings()
    admin = user[2] == "Admin"
    ui.label("Settings").classes("text-h5")
    if not admin:
        ui.label("Only admins can change workspace settings.").classes("text-orange-9")
    with ui.card().classes("w-96"):
        workspace = ui.input("Workspace name", value=current["workspace"]).classes("w-full")
        emails = ui.switch("Email notifications", value=current["email_notifications"] == "1")
        digest = ui.switch("Daily digest", value=current["daily_digest"] == "1")
        for control in (workspace, emails, digest):
            control.set_enabled(admin)

        def store() -> None:
            values = {
                "workspace": workspace.value,
                "email_notifications": "1" if emails.value else "0",
                "daily_digest": "1" if digest.value else "0",
            }
            with _db() as conn:
                conn.executemany(
                    "UPDATE settings SET value = ? WHERE name = ?",
                    [(v, k) for k, v in values.items()],
                )
            ui.notify("Settings saved", type="positive")

        ui.button("Save settings", on_click=store).set_enabled(admin)
    ui.label("Danger zone").classes("text-h6 q-mt-md")
    with ui.row().classes("items-center"):
        with ui.button("Delete workspace").props("color=negative") as remove:
            ui.tooltip("Contact support to delete a workspace")
        remove.disable()
    ui.label("Team").classes("text-h6 q-mt-md")
    with ui.list().props("dense"):
        for person in PEOPLE:
            role = "Admin" if person == "Dana Whitfield" else "Member"
            with ui.item(), ui.item_section():
                ui.item_label(person)
                ui.item_label(role).props("caption")
    return None


def main() -> None:
    ui.run(
        host="127.0.0.1",
        port=int(sys.argv[1]),
        title="Squad Board",
        reload=False,
        show=False,
        storage_secret="squad-board-bench",  # signs the browser-id cookie of a local bench app
        uvicorn_logging_level="warning",
    )


if __name__ in {"__main__", "__mp_main__"}:
    main()
