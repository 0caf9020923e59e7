"""A small staff-directory admin, served on 127.0.0.1 for the record-finding tests: a home
page that lists the kinds of records (with a sidebar table, as admin apps have), a list of
employees with facets and an operator dropdown, a page per employee, an "Add employee" form
and a delete confirmation. State lives in the server object, so each test starts fresh."""

from __future__ import annotations

import html
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlsplit


@dataclass
class Employee:
    name: str
    team: str
    active: bool
    manager: str
    started: str


def _seed() -> list[Employee]:
    return [
        Employee("Ada Byron", "Sales", True, "Grace Hopper", "2024-03-01"),
        Employee("Alan Turing", "Ops", False, "", "2023-07-15"),
        Employee("Grace Hopper", "Sales", True, "", "2021-01-10"),
    ]


_SIDEBAR = (
    '<nav id="sidebar"><table><caption>Directory</caption><tr><th scope=row>'
    '<a href="/staff/employees">Employees</a></th><td><a href="/staff/add">Add</a></td></tr>'
    '<tr><th scope=row><a href="/staff/teams">Teams</a></th><td><a href="#">Add</a></td></tr>'
    "</table></nav>"
)


def _page(title: str, main: str, message: str = "") -> bytes:
    # The message names the record with a link to it, as admin apps do.
    note = f'<ul class="messagelist"><li class="success">{message}</li></ul>' if message else ""
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
        f"{_SIDEBAR}<main><h1>{html.escape(title)}</h1>{note}{main}</main></body></html>"
    ).encode()


@dataclass
class StaffSite:
    employees: list[Employee] = field(default_factory=_seed)
    message: str = ""

    def home(self) -> bytes:
        main = (
            "<table><caption>Directory</caption><tr><th>Model</th><th></th></tr>"
            '<tr><td><a href="/staff/employees">Employees</a></td><td><a href="/staff/add">Add</a>'
            '</td></tr><tr><td><a href="/staff/teams">Teams</a></td><td>Add</td></tr></table>'
        )
        return _page("Staff administration", main)

    def listing(self, team: str | None) -> bytes:
        shown = [e for e in self.employees if team is None or e.team == team]
        tick = '<img src="/x.svg" alt="{0}" width="10" height="10">'
        rows = "".join(
            f"<tr><td><a href='/staff/employee/{quote(e.name)}'>{html.escape(e.name)}</a></td>"
            f"<td>{e.team}</td><td>{tick.format('True' if e.active else 'False')}</td>"
            f"<td>{html.escape(e.manager)}</td><td>{e.started}</td>"
            f'<td><button type=button onclick="ask({e.name!r})">Remove</button></td></tr>'
            for e in shown
        )
        teams = sorted({e.team for e in self.employees})
        facets = "".join(
            f"<li><a href='/staff/employees?team={t}'>{t}</a> "
            f"{sum(e.team == t for e in self.employees)}</li>"
            for t in teams
        )
        main = (
            '<ul class="tools"><li><a href="/staff/add">Add employee</a></li></ul>'
            "<form><label>team <select name=op><option>=</option><option>!=</option>"
            "<option>contains</option></select></label><input name=v></form>"
            f"<div class=facets><p><strong>team</strong></p><ul>{facets}</ul></div>"
            "<table id=results><thead><tr><th>Name</th><th>Team</th><th>Verified</th>"
            f"<th>Manager</th><th>Started</th></tr></thead><tbody>{rows}</tbody></table>"
            f"<p>{len(shown)} employees</p>"
            "<dialog id=confirm><p>Delete this employee?</p><form method=post id=ask>"
            "<button type=submit>Delete</button> <button type=button "
            "onclick=\"this.closest('dialog').close()\">Cancel</button></form></dialog>"
            "<script>function ask(name) { document.getElementById('ask').action = "
            "'/staff/delete/' + encodeURIComponent(name); "
            "document.getElementById('confirm').showModal(); }</script>"
        )
        message, self.message = self.message, ""
        return _page("Employees", main, message)

    def record(self, name: str) -> bytes | None:
        found = next((e for e in self.employees if e.name == name), None)
        if found is None:
            return None
        main = (
            f"<table><tr><th>Name</th><td>{html.escape(found.name)}</td></tr>"
            f"<tr><th>Team</th><td>{found.team}</td></tr>"
            f"<tr><th>Started</th><td>{found.started}</td></tr></table>"
            f"<a href='/staff/delete/{quote(found.name)}'>Delete</a>"
        )
        return _page(f"Employee: {found.name}", main)

    def confirm(self, name: str) -> bytes:
        main = (
            f"<p>Are you sure you want to delete “{html.escape(name)}”?</p>"
            f"<form method=post action='/staff/delete/{quote(name)}'>"
            "<button type=submit>Yes, I'm sure</button></form>"
        )
        return _page("Are you sure?", main)

    def form(self) -> bytes:
        main = (
            "<form method=post action='/staff/add'>"
            "<label>Name: <input name=name></label>"
            "<label>Team: <select name=team><option value=''>---</option>"
            "<option value=s>Sales</option><option value=o>Ops</option></select></label>"
            "<label>Started: <input name=started></label>"
            "<button type=submit>Save</button></form>"
        )
        return _page("Add employee", main)


class _Handler(BaseHTTPRequestHandler):
    site: StaffSite

    def log_message(self, format: str, *args: object) -> None:
        return

    def _send(self, status: int, body: bytes, location: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        path, query = unquote(parts.path), parse_qs(parts.query)
        page: bytes | None = None
        if path == "/staff/":
            page = self.site.home()
        elif path == "/staff/employees":
            page = self.site.listing(query.get("team", [None])[0])
        elif path.startswith("/staff/employee/"):
            page = self.site.record(path.removeprefix("/staff/employee/"))
        elif path.startswith("/staff/delete/"):
            page = self.site.confirm(path.removeprefix("/staff/delete/"))
        elif path == "/staff/add":
            page = self.site.form()
        if page is None:
            self._send(404, b"<!doctype html><title>Not found</title><h1>Not found</h1>")
        else:
            self._send(200, page)

    def do_POST(self) -> None:
        path = unquote(urlsplit(self.path).path)
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        if path.startswith("/staff/delete/"):
            name = path.removeprefix("/staff/delete/")
            self.site.employees = [e for e in self.site.employees if e.name != name]
            self.site.message = f"The employee “{html.escape(name)}” was deleted successfully."
            self._send(303, b"", "/staff/employees")
        elif path == "/staff/add":
            name = form.get("name", [""])[0]
            team = {"s": "Sales", "o": "Ops"}.get(form.get("team", [""])[0], "")
            if not name or not team:
                self._send(
                    200,
                    _page(
                        "Add employee", "<p class=errornote>Please correct the errors below.</p>"
                    ),
                )
                return
            started = form.get("started", [""])[0]
            self.site.employees.append(Employee(name, team, True, "", started))
            link = f"<a href='/staff/employee/{quote(name)}'>{html.escape(name)}</a>"
            self.site.message = f"The employee “{link}” was added successfully."
            self._send(303, b"", "/staff/employees")
        else:
            self._send(404, b"")


class StaffServer:
    def __init__(self) -> None:
        handler = type("Handler", (_Handler,), {"site": StaffSite()})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> StaffServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
