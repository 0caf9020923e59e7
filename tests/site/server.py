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
        if user == "demo" and password == "demo":
            self._send(
                303, b"", headers={"Location": "/dashboard", "Set-Cookie": "session=demo; Path=/"}
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
