"""Notifications the page popped up: toasts, snackbars, alerts and status messages.

"A 'Case C-12 resolved' notification should pop up" is about a notification, not about the
words anywhere on the page: the same words in a heading or a list prove nothing about what
the action announced. And a toast goes away after a few seconds, so a claim looked at after
a slow step may find it gone although it was shown.

So every document records, from before its own scripts run (an init script), the text of each
notification as it appears or changes: an element with role alert or status, an aria-live
region, an `<output>`, or one whose class names it a toast, snackbar, notification or flash
message (Quasar's `q-notification`, Bootstrap's `toast`, Django's `messagelist`, …). Only
notifications recorded since the last input the user made in this document count (a click,
a key, a change): one announced before the action the claim follows, and still on screen,
is not what the action announced. A document opened by the action (a form that redirects,
a flash message on the next page) counts from its start. A notification is short: a landmark
or a long text that merely carries such a class (an inbox's "notifications" page) is not one.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from vigil.browser import wording

# Installed in every document before the page's own scripts (an init script).
NOTICES_JS = r"""(() => {
  if (window.__vigilNotices !== undefined) return;
  const SEL = '[role=alert], [role=status], [aria-live]:not([aria-live=off]), output, ' +
    '.q-notification, [class*=toast], [class*=Toast], [class*=snackbar], ' +
    '[class*=notification], [class*=notify], [class*=flash], [class*=messagelist], ' +
    '[data-testid=stToast]';
  const seen = [];  // {at, text, how}, oldest first, at most KEEP
  const KEEP = 200;
  const LONGEST = 300;
  const last = new WeakMap();  // element -> the text last recorded for it
  let lastInput = -1;
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'input', 'change', 'submit']) {
    addEventListener(type, (e) => { if (e.isTrusted) lastInput = performance.now(); }, true);
  }
  const describe = (el) => {
    const role = el.getAttribute('role');
    if (role) return 'role=' + role;
    if (el.getAttribute('aria-live')) return 'aria-live region';
    const cls = (el.getAttribute('class') || '').split(/\s+/).find((c) =>
      /toast|snackbar|notif|flash|message/i.test(c));
    return el.tagName.toLowerCase() + (cls ? '.' + cls : '');
  };
  const note = (el) => {
    // A page or a whole region that merely has such a class ("notifications-page") is not a
    // notification: those are short and never a landmark.
    if (el.matches('html, body, main, nav, header, footer, aside, form, table')) return;
    const text = (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > LONGEST || last.get(el) === text) return;
    last.set(el, text);
    seen.push({at: performance.now(), text, how: describe(el)});
    if (seen.length > KEEP) seen.shift();
  };
  const look = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (!el || !el.closest) return;
    const box = el.closest(SEL);
    if (box) note(box);
    if (node.nodeType === 1) for (const inner of node.querySelectorAll(SEL)) note(inner);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      look(r.target);
      for (const n of r.addedNodes) look(n);
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
  window.__vigilNotices = () =>
    seen.filter((s) => s.at >= lastInput).map((s) => [s.text, s.how]);
})();"""


@dataclass(frozen=True)
class Notice:
    text: str
    how: str


async def since_last_input(page: Page) -> list[Notice]:
    """The notifications this document showed since the user's last input, oldest first."""
    try:
        found = await page.evaluate("() => window.__vigilNotices ? window.__vigilNotices() : []")
    except PlaywrightError:
        return []  # a document being replaced has nothing to say yet
    return [Notice(str(text), str(how)) for text, how in found]


async def shown(page: Page, text: str, exact: bool) -> tuple[bool, str]:
    """Whether a notification since the last input said `text` (whole words, or exactly),
    and where: the details name the notification, or list what notifications said."""
    notices = await since_last_input(page)
    for notice in notices:
        said = wording.fold(notice.text) == wording.fold(text) if exact else None
        if said or (not exact and wording.holds_whole(notice.text, text)):
            return True, f" in a notification ({notice.how}: '{_short(notice.text)}')"
    if not notices:
        return False, " in any notification: none appeared since the last action"
    heard = "; ".join(f"'{_short(n.text)}'" for n in notices[-3:])
    return False, f" in a notification; the notifications since the last action said {heard}"


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:77] + "…"
