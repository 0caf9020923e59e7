"""Whether the page has settled: the signal that lets a failing claim fail at once.

A claim that does not hold yet may hold a moment later (late JavaScript, an XHR still in
flight, a timer about to render results), so a miss is looked at again. Waiting a fixed
few seconds before every failure would make a broken site slow to report and every failing
goal cost the same long wait; instead the page says when it is quiet: the document has
loaded, no fetch/XHR is in flight, no WebSocket message is waiting for its replies (an app
drawn by its server redraws after one), no short timer is pending, and the DOM has not
changed for a moment. A miss on a quiet page, confirmed by one more look, is final.

Timers longer than `LONG_TIMER_MS` (session refresh), timers re-armed by a timer with a
delay of `LOOP_TIMER_MS` or more (a ticking clock, polling), intervals, and requests open
for longer than `LONG_TIMER_MS` (long polls, streams) do not count: they would keep a page
"busy" forever. A page that never settles still ends at the retry
budget, exactly as before.

A document that is being left (its `beforeunload` has fired: a link, a form or a script
started a navigation that has not replaced it yet) is not settled either: what it shows is
about to go, so neither a miss nor a hit on it says anything about the page the step leads
to. A navigation that never replaces it (a 204 answer, a download) stops counting after
`LONG_TIMER_MS`, like a long request.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

# How long the DOM must be unchanged before the page counts as quiet: about three frames,
# enough for rendering that follows a change in requestAnimationFrame or a microtask. Work
# that takes longer shows as a pending timer or request, which is tracked on its own.
QUIET_MS = 50
LONG_TIMER_MS = 5000
LOOP_TIMER_MS = 100
# How long the replies to a WebSocket message must pause before the exchange counts as over:
# a server-drawn app streams its redraw as messages, with gaps while its code runs between
# them; a claim that misses meanwhile is looked at again rather than failed on the old view.
SOCKET_QUIET_MS = 1000

# Installed in every document before the page's own scripts (an init script).
ACTIVITY_JS = (
    """(() => {
  if (window.__vigilBusy !== undefined) return;
  const timers = new Set();
  const requests = new Map();  // id -> start time; a long poll stops counting after LONG_MS
  let next = 0;
  let leftAt = -1;
  addEventListener('beforeunload', () => { leftAt = performance.now(); }, true);
  window.__vigilLeaving = () => leftAt >= 0 && performance.now() - leftAt < LONG_MS;
  window.__vigilBusy = () => {
    const now = performance.now();
    let open = 0;
    for (const t0 of requests.values()) if (now - t0 < LONG_MS) open += 1;
    return timers.size + open;
  };
  const setT = window.setTimeout, clearT = window.clearTimeout;
  let inTimer = false;
  window.setTimeout = function (fn, ms, ...args) {
    const delay = Number(ms) || 0;
    if (typeof fn !== 'function') return setT.call(window, fn, ms, ...args);
    // A timer re-armed from a timer with a real delay is a polling loop (a clock, a refresh),
    // not work about to finish: it does not count. Every callback marks that it runs in a
    // timer, so the loop stays untracked from one round to the next.
    const tracked = delay <= LONG_MS && !(inTimer && delay >= LOOP_MS);
    let id;
    const run = function () {
      timers.delete(id);
      const outer = inTimer;
      inTimer = true;
      try { return fn.apply(this, args); } finally { inTimer = outer; }
    };
    id = setT.call(window, run, ms);
    if (tracked) timers.add(id);
    return id;
  };
  window.clearTimeout = function (id) {
    timers.delete(id);
    return clearT.call(window, id);
  };
  const track = () => { const id = next++; requests.set(id, performance.now());
    return () => requests.delete(id); };
  const fetchOrig = window.fetch;
  if (fetchOrig) {
    window.fetch = function (...args) {
      const done = track();
      const p = fetchOrig.apply(this, args);
      p.then(done, done);
      return p;
    };
  }
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    this.addEventListener('loadend', track(), {once: true});
    return send.apply(this, args);
  };
  // A message sent over a WebSocket is a request whose answer comes back as messages (apps
  // that redraw from a server: Streamlit, LiveView, Blazor): busy from the send until a
  // reply has come and the replies have paused for SOCKET_QUIET_MS, or LONG_MS has passed.
  const WS = window.WebSocket;
  if (WS) {
    let sentAt = -1, heardAt = -1;
    const wsSend = WS.prototype.send;
    WS.prototype.send = function (...args) {
      sentAt = performance.now();
      if (!this.__vigilHeard) {
        this.__vigilHeard = true;
        this.addEventListener('message', () => { heardAt = performance.now(); });
      }
      return wsSend.apply(this, args);
    };
    window.__vigilAwaitingSocket = () => {
      const now = performance.now();
      return sentAt >= 0 && now - sentAt < LONG_MS
        && (heardAt < sentAt || now - heardAt < SOCKET_QUIET_MS);
    };
    const busyBefore = window.__vigilBusy;
    window.__vigilBusy = () => busyBefore() + (window.__vigilAwaitingSocket() ? 1 : 0);
  }
})();""".replace("LONG_MS", str(LONG_TIMER_MS))
    .replace("LOOP_MS", str(LOOP_TIMER_MS))
    .replace("SOCKET_QUIET_MS", str(SOCKET_QUIET_MS))
)

_STATE_JS = """(quiet) => {
  const busy = window.__vigilBusy ? window.__vigilBusy() : 0;
  const leaving = window.__vigilLeaving ? window.__vigilLeaving() : false;
  const last = window.__vigilLastChange ?? 0;
  const changes = window.__vigilChanges ?? -1;
  const since = performance.now() - last;
  const idle = document.readyState === 'complete' && busy === 0 && !leaving;
  const socket = window.__vigilAwaitingSocket ? window.__vigilAwaitingSocket() : false;
  return [idle && since >= quiet, changes, idle ? Math.max(0, quiet - since) : -1, leaving,
    performance.timeOrigin, document.readyState === 'complete', socket];
}"""


@dataclass(frozen=True)
class PageState:
    """`settled`: nothing is loading or about to change; `changes`: the DOM change count and
    `document` the document's time origin, so two looks can tell that nothing happened
    between them; `leaving`: a navigation away from this document has started;
    `awaiting_socket`: a WebSocket message was sent and its replies (the server's redraw)
    are still coming, so what is on screen may be the view being left."""

    settled: bool
    changes: int
    quiet_in_s: float | None = None  # when only the quiet window is left: how long it is
    leaving: bool = False
    document: float = -1.0  # -1: the page could not be asked (mid-navigation, closing)
    loaded: bool = False
    awaiting_socket: bool = False

    def unchanged_since(self, before: PageState) -> bool:
        """Settled now and at `before`, in the same document, with no DOM change between:
        everything looked at in between saw the page as it will stay."""
        return (
            self.settled
            and before.settled
            and self.changes >= 0
            and self.changes == before.changes
            and self.document == before.document
        )

    def next_look_s(self, pause: float) -> float:
        """How long to wait before the next look: no longer than the quiet window needs."""
        if self.quiet_in_s is None or self.settled:
            return pause
        return min(pause, self.quiet_in_s + 0.005)


async def page_state(page: Page) -> PageState:
    """The page's state now; a page mid-navigation is not settled."""
    try:
        settled, changes, quiet_in, leaving, origin, loaded, socket = await page.evaluate(
            _STATE_JS, QUIET_MS
        )
    except PlaywrightError:
        return PageState(False, -1)
    left = None if quiet_in < 0 else float(quiet_in) / 1000
    return PageState(
        bool(settled), int(changes), left, bool(leaving), float(origin), bool(loaded), bool(socket)
    )
