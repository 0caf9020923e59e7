"""A small multi-page demo website for exercising the pipeline against a real browser.

Stdlib only, so the bench and the tests can start it in a thread without extra dependencies.
Some routes misbehave on purpose (500, a response held open, an aborted request): a monitor is
mostly tested by how it reports a site that is broken.
"""

from __future__ import annotations

import html
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.site.socket_page import serve_socket

PAGES = Path(__file__).parent / "pages"

# Path -> page file, for pages served as they are.
STATIC = {
    "/": "index.html",
    "/products": "products.html",
    "/form": "form.html",
    "/delayed": "delayed.html",
    "/modal": "modal.html",
    "/second": "second.html",
    "/errors": "errors.html",
    "/stuck": "stuck.html",
    "/todo": "todo.html",
    "/catalog": "catalog.html",
    "/settings": "settings.html",
    "/search": "search.html",
    "/corner": "corner.html",
    "/busy": "busy.html",
    "/patterns": "patterns.html",
    "/employee": "employee.html",
    "/storefront": "storefront.html",
    "/loading": "loading.html",
    "/spinning": "spinning.html",
    "/offer": "offer.html",
    "/admin/shelf/": "shelves.html",
    "/admin/shelf/new/": "shelf_new.html",
    "/admin/shelf/2/delete/": "shelf_delete.html",
    "/journey": "journey.html",
    "/ledger": "ledger.html",
    "/gate": "gate.html",
    "/notices": "notices.html",
    "/declined": "declined.html",
    "/board": "board.html",
    "/chores": "chores.html",
    "/socket": "socket.html",
    "/journey/end": "journey_end.html",
    "/journey/wrong": "journey_wrong.html",
    "/tree": "tree.html",
    "/tree/recipes": "tree_recipes.html",
    "/tree/travel": "tree_travel.html",
    "/tree/edit": "tree_edit.html",
    "/finder": "finder.html",
    "/backoffice": "backoffice.html",
    "/cookbook": "cookbook.html",
    "/cookbook/recipe": "cookbook.html",
    "/cookbook/edit": "cookbook.html",
    "/pantry": "cookbook.html",
    "/leave": "leave.html",
    "/desk": "desk.html",
    "/logo.svg": "logo.svg",
    "/favicon.ico": "logo.svg",
}

# How long a held-open response waits at most; the server's stop() releases it at once.
HOLD_S = 120.0


class _Handler(BaseHTTPRequestHandler):
    server: DemoServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test output should show the monitor's messages, not an access log."""

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _page(self, name: str, **values: str) -> bytes:
        text = (PAGES / name).read_text()
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", html.escape(value))
        return text.encode()

    def _user(self) -> str | None:
        for part in self.headers.get("Cookie", "").split(";"):
            key, _, value = part.strip().partition("=")
            if key == "session" and value:
                return value
        return None

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in STATIC:
            name = STATIC[path]
            kind = "image/svg+xml" if name.endswith(".svg") else "text/html; charset=utf-8"
            self._send(200, self._page(name), kind)
        elif path == "/login":
            self._send(200, self._page("login.html", error=""))
        elif path == "/dashboard":
            user = self._user()
            if user is None:
                self._send(303, b"", headers={"Location": "/login"})
            else:
                self._send(200, self._page("dashboard.html", user=user))
        elif path == "/orders" or path.startswith("/orders/"):
            self._orders(path)
        elif path == "/people":
            self._people()
        elif path == "/journey/next":
            # Answers slowly: the page that asked for it stays on screen meanwhile.
            self.server.stopping.wait(SLOW_JOURNEY_S)
            self._send(200, self._page("journey_next.html"))
        elif path == "/socket/live":
            serve_socket(self, self.server.stopping)
        elif path == "/gear" or path.startswith("/gear/"):
            self._gear(path)
        elif path == "/logout":
            self._send(303, b"", headers={"Location": "/", "Set-Cookie": "session=; Max-Age=0"})
        elif path == "/broken":
            self._send(500, b"<!doctype html><title>Error</title><h1>Internal Server Error</h1>")
        elif path == "/hang":
            self._hold(
                "text/html; charset=utf-8",
                b"<!doctype html><title>Hanging</title><h1>Still loading</h1>",
            )
        elif path == "/hang.svg":
            self._hold("image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'")
        elif path == "/refused-resource":
            # Drop the connection without an answer: the browser reports a failed request.
            self.close_connection = True
            self.connection.close()
        else:
            self._send(404, b"<!doctype html><title>Not found</title><h1>Not found</h1>")

    def _people(self) -> None:
        """A directory searched on the server, slowly: the results page arrives well after
        the search is submitted, while the unfiltered list is still on screen."""
        query = parse_qs(urlsplit(self.path).query).get("q", [""])[0]
        if query:
            self.server.stopping.wait(SLOW_SEARCH_S)
        shown = [p for p in PEOPLE if query.casefold() in p.casefold()]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in shown)
        heading = f"Results for {html.escape(query)}" if query else "Everyone"
        # As in many admin sites: a filter-as-you-type box in the side menu (a searchbox,
        # no form) before the page's own search, a plain text field with a Search button.
        body = (
            "<!doctype html><title>People</title>"
            "<nav><input type='search' placeholder='Start typing to filter…'>"
            "<a href='/'>Home</a> <a href='/people'>People</a></nav>"
            "<main><h1>People</h1><form action='/people'><input type='text' name='q' "
            "id='searchbar'> <input type='submit' value='Search'></form>"
            f"<h2>{heading}</h2><ul>{items}</ul></main>"
        )
        self._send(200, body.encode())

    def _gear(self, path: str) -> None:
        """An admin list in the manner of Flask-Admin: filters are added through an "Add
        Filter" menu, names are plain text, and each row has a delete link before its "View
        Record" icon link; sorting by name goes through the header, whose first (hidden)
        link removes the sort, as Django's sorted headers do."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        if path in ("/gear/view", "/gear/delete"):
            item = next((g for g in GEAR if g[0] == query.get("id")), None)
            if item is None:
                self._send(404, b"<!doctype html><title>Not found</title><h1>No such item</h1>")
                return
            verb = "Viewing" if path == "/gear/view" else "Deleted"
            body = (
                f"<!doctype html><title>{verb} {html.escape(item[1])}</title>"
                f"<h1>{verb} {html.escape(item[1])}</h1><table><tr><th>SKU</th>"
                f"<td>{item[4]}</td></tr><tr><th>Category</th><td>{item[2]}</td></tr></table>"
            )
            self._send(200, body.encode())
            return
        self._send(200, _gear_page(query).encode())

    def _orders(self, path: str) -> None:
        """The signed-in landing's order history and one page per invoice; anonymous visitors
        are sent to the login page, as a real shop would."""
        user = self._user()
        invoice = path.removeprefix("/orders").strip("/")
        if user is None:
            self._send(303, b"", headers={"Location": "/login"})
        elif not invoice:
            self._send(200, self._page("orders.html", user=user))
        elif invoice in ("INV-201", "INV-203", "INV-204"):
            self._send(200, self._page("order.html", invoice=invoice))
        else:
            self._send(404, b"<!doctype html><title>Not found</title><h1>No such invoice</h1>")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        form = parse_qs(self.rfile.read(length).decode())
        if path != "/login":
            self._send(404, b"not found")
            return
        user = form.get("username", [""])[0]
        password = form.get("password", [""])[0]
        if (user, password) in ACCOUNTS:
            self._send(
                303,
                b"",
                headers={"Location": "/dashboard", "Set-Cookie": f"session={user}; Path=/"},
            )
        else:
            self._send(200, self._page("login.html", error="Invalid username or password"))

    def _hold(self, content_type: str, start: bytes) -> None:
        """Start an answer and never finish it: the page's load event never fires."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(start)
        self.wfile.flush()
        self.server.stopping.wait(HOLD_S)
        self.close_connection = True


PEOPLE = ("Carl Sagan", "Richard Dawkins", "Ursula K. Le Guin")
# demo / demo, and an account whose password is written like one (for goals that give the
# credentials as an aside with no word for signing in: "(clerk / till-42)").
ACCOUNTS = frozenset({("demo", "demo"), ("clerk", "till-42")})
SLOW_JOURNEY_S = 0.6
# id, name, category, maker, SKU
GEAR = (
    ("1", "Titanium Pot", "Cooking", "Alpine Works", "CK-1"),
    ("2", "Canister Stove", "Cooking", "Fjord Textiles", "CK-2"),
    ("3", "Folding Spork", "Cooking", "Alpine Works", "CK-3"),
    ("4", "Rain Shell", "Clothing", "Fjord Textiles", "CL-4"),
    ("5", "Trail Shoe", "Footwear", "Kiso Metalcraft", "FW-5"),
)


def _gear_page(query: dict[str, str]) -> str:
    shown = list(GEAR)
    for key, col in (("category", 2), ("maker", 3)):
        wanted = query.get(f"flt_{key}", "").casefold()
        if not wanted:
            continue
        if query.get(f"op_{key}") == "equals":
            shown = [g for g in shown if g[col].casefold() == wanted]
        else:
            shown = [g for g in shown if wanted in g[col].casefold()]
    order = query.get("sort", "")
    if order.lstrip("-") == "name":
        shown.sort(key=lambda g: g[1], reverse=order.startswith("-"))
    toggle = "name" if order == "-name" else "-name"
    rows = "".join(
        f"<tr><td><a href='/gear/delete?id={g[0]}' title='Delete Record'>x</a> "
        f"<a href='/gear/view?id={g[0]}' title='View Record'><span class='eye'></span></a>"
        f"</td><td>{html.escape(g[1])}</td><td>{g[2]}</td><td>{g[3]}</td></tr>"
        for g in shown
    )
    # Active filters come back as rows of the filter form, as Flask-Admin shows them.
    active = "".join(
        f"<tr><td><a href='/gear'>&times; {key.title()}</a></td><td><select name='op_{key}'>"
        f"<option>contains</option><option>equals</option></select></td><td><input "
        f"type='text' name='flt_{key}' value='{html.escape(query[f'flt_{key}'])}'></td></tr>"
        for key in ("category", "maker")
        if query.get(f"flt_{key}")
    )
    page = (PAGES / "gear.html").read_text().replace("{{active}}", active)
    return page.replace("{{rows}}", rows).replace("{{toggle}}", toggle)


SLOW_SEARCH_S = 0.8


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    # Many short-lived connections from parallel browser contexts.
    request_queue_size = 64

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a page drops requests still in flight; that is not an error of
        the site, so it is not printed. Anything else still is."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]

    def start(self) -> DemoServer:
        self._thread = threading.Thread(target=self.serve_forever, name="demo-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)


def main() -> None:
    """Serve the demo site in the foreground (handy to look at it in a browser)."""
    server = DemoServer(int(sys.argv[1]) if len(sys.argv) > 1 else 8765)
    print(f"demo site on {server.url}")
    server.serve_forever()


if __name__ == "__main__":
    main()
