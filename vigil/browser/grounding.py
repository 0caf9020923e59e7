"""Targets found by their purpose rather than their name (a step's `ground`), and elements
found by their kind inside a scope ("the checkbox in the row for 'Spelt'").

Preferences, when several elements fit (said in the step details):
- `new_item`: an input whose placeholder, label or name asks for a new entry ("What needs to
  be done?", "New task", "Add an item"), then an input in a form whose button adds ("Add",
  "New", "Create"); without one, an "Add …"/"New …" control opens a form whose first empty
  field is used (see steps.py). Then document order.
- `search`: a searchbox (`type=search`, role searchbox), then a field whose name,
  placeholder, label or id says search/find/look up, then a field inside a search landmark;
  a field that submits (in a search landmark or a form with a submit control) is preferred,
  and one in the navigation or a sidebar (a menu filter) comes last.
- `page`: the title, the main heading or the URL names the page.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from playwright.async_api import Locator, Page

from vigil.browser.locate import Intent, Match, Miss, Near, Root

_FIELDS = (
    "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit])"
    ":not([type=button]):not([type=reset]):not([type=image]):not([type=file]), textarea, "
    "[contenteditable=true], [role=textbox], [role=searchbox], [role=combobox]"
)

# Scores each field for a purpose; [score, name] per element, 0 = does not fit.
_SCORE_JS = r"""(els, purpose) => {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const words = (el) => {
    const out = [el.getAttribute('placeholder'), el.getAttribute('aria-label'),
      el.getAttribute('name'), el.id, el.getAttribute('title')];
    if (el.labels) for (const l of el.labels) out.push(l.innerText);
    return out.filter(Boolean).join(' | ');
  };
  const NEW = /what needs to be done|\b(add|new|create)\b|\benter (a|an) (task|item|todo|note)/i;
  const ADDS = /^\s*(\+\s*)?(add|new|create|save)\b/i;
  const SEARCH = /search|\bfind\b|look ?up|\bquery\b|^q$/i;
  return els.map((el) => {
    if (!shown(el) || el.disabled || el.readOnly) return [0, ''];
    const w = words(el);
    const name = (el.getAttribute('placeholder') || el.getAttribute('aria-label') ||
      (el.labels && el.labels[0] ? el.labels[0].innerText : '') ||
      el.getAttribute('name') || el.id || '').trim();
    if (purpose === 'search') {
      let s = 0;
      if (el.type === 'search' || el.getAttribute('role') === 'searchbox') s = 6;
      else if (SEARCH.test(w)) s = 4;
      else if (el.closest('[role=search], search')) s = 2;
      if (!s) return [0, name];
      // The page's search submits (a search landmark, or a form with a submit control); a
      // filter-as-you-type box in the navigation or a sidebar only narrows the menu.
      const form = el.closest('form');
      if (el.closest('[role=search], search') ||
          (form && form.querySelector('button, input[type=submit]'))) s += 2;
      if (el.closest('nav, aside, [role=navigation], [role=complementary]')) s -= 3;
      return [Math.max(s, 1), name];
    }
    if (SEARCH.test(w) || el.type === 'search') return [0, name];
    if (NEW.test(w)) return [3, name];
    const form = el.closest('form');
    if (form) {
      const buttons = [...form.querySelectorAll('button, input[type=submit]')];
      if (buttons.some((b) => ADDS.test(b.innerText || b.value || ''))) return [2, name];
    }
    return [0, name];
  });
}"""


async def _best_field(root: Root, purpose: str) -> tuple[Locator, str, int] | None:
    """The best-scoring field for `purpose` in `root`: (locator, its name, how many tied)."""
    fields = root.locator(_FIELDS)
    scores: list[list[object]] = await fields.evaluate_all(_SCORE_JS, purpose)
    top = max((int(str(s[0])) for s in scores), default=0)
    if top == 0:
        return None
    best = [i for i, s in enumerate(scores) if int(str(s[0])) == top]
    return fields.nth(best[0]), str(scores[best[0]][1]), len(best)


async def ground_field(page: Page, purpose: str, root: Root) -> Match | Miss:
    """The field that serves `purpose` ("new_item" or "search") in `root`."""
    found = await _best_field(root, purpose)
    what = "search box" if purpose == "search" else "new-item input"
    if found is None:
        names: list[str] = await root.locator(_FIELDS).filter(visible=True).evaluate_all(_NAMES_JS)
        listed = ", ".join(f"'{n}'" for n in names[:6] if n)
        return Miss(f"no {what} on the page" + (f" — fields here: {listed}" if listed else ""))
    loc, name, ties = found
    how = f"{what} '{name}'" if name else what
    note = f"{ties} fields fit equally; used the first in document order" if ties > 1 else ""
    return Match(loc, how, note)


_NAMES_JS = """els => els.map(el => (el.getAttribute('aria-label') || (el.labels && el.labels[0]
  ? el.labels[0].innerText : '') || el.getAttribute('placeholder') || el.name || el.id || '')
  .replace(/\\s+/g, ' ').trim())"""

_ADD_CONTROL = re.compile(r"^\s*(?:\+\s*)?(?:add|new|create)\b", re.I)


async def add_control(root: Root) -> Match | None:
    """An "Add …"/"New …" button or link, for lists whose entries are made through a form."""
    for role in ("button", "link"):
        loc = root.get_by_role(role, name=_ADD_CONTROL).filter(visible=True)
        count = await loc.count()
        if count:
            name = (await loc.first.inner_text()).strip()
            note = f"{count} controls fit; used the first in document order" if count > 1 else ""
            return Match(loc.first, f"{role} '{name}'", note)
    return None


async def first_empty_field(page: Page) -> Match | None:
    """The first empty visible field of an open dialog, else of the page (the form an "Add"
    control just opened)."""
    for scope in ("dialog[open], [role=dialog]", "body"):
        fields = page.locator(scope).locator(_FIELDS).filter(visible=True)
        values: list[str] = await fields.evaluate_all(
            "els => els.map(e => (e.value ?? e.innerText ?? '').trim())"
        )
        for i, value in enumerate(values):
            if not value:
                return Match(fields.nth(i), "the first empty field of the form it opened")
    return None


_KIND_ROLES: dict[Intent, tuple[str, ...]] = {
    "check": ("checkbox", "radio", "switch"),
    "fill": ("textbox", "searchbox", "combobox", "spinbutton"),
    "select": ("combobox", "listbox"),
    "click": ("button", "link", "checkbox"),
    "any": ("checkbox", "radio", "switch", "button", "link", "textbox"),
}


async def by_kind(
    page: Page,
    intent: Intent,
    role: str | None,
    nth: int | None,
    root: Root | None,
    near: Near | None,
) -> Match | Miss:
    """The element of the intent's kind (or `role`) in the scope, or nearest to its anchor:
    "the checkbox next to 'Spelt'" has no name, only a kind and a place."""
    base: Root = page if root is None else root
    roles = (role,) if role else _KIND_ROLES[intent]
    for kind in roles:
        loc = base.get_by_role(kind).filter(visible=True)  # type: ignore[arg-type]
        count = await loc.count()
        if count == 0:
            continue
        if nth is not None:
            index = nth if nth >= 0 else count + nth
            if not 0 <= index < count:
                return Miss(f"only {count} {kind}(es) here; the step wants number {nth + 1}")
            return Match(loc.nth(index), kind)
        if near is not None and count > 1:
            boxes: list[list[float]] = await loc.evaluate_all(_BOX_JS)
            anchor: list[list[float]] = await near.anchor.evaluate_all(_BOX_JS)
            if anchor:
                index = min(range(count), key=lambda i: (_gap(boxes[i], anchor[0]), i))
                return Match(loc.nth(index), kind, f"{count} fit; used the nearest")
        note = f"{count} {kind}es here; used the first in document order" if count > 1 else ""
        return Match(loc.first, kind, note)
    return Miss(f"no {' or '.join(roles)}")


_BOX_JS = (
    "els => els.map(e => { const r = e.getBoundingClientRect(); "
    "return [r.left, r.top, r.right, r.bottom]; })"
)


def _gap(a: list[float], b: list[float]) -> float:
    dx = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return float((dx * dx + dy * dy) ** 0.5)


# Words that say what kind of thing a page is, not which one: "the Invoices page".
_PAGE_NOISE = re.compile(
    r"\b(?:the|a|an|my|his|her|their|our|your|page|screen|view|tab|list|section|area)\b", re.I
)


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", _PAGE_NOISE.sub(" ", text.casefold())) if w]


def _names(have: str, wanted: list[str]) -> bool:
    """Every wanted word starts a word of `have` ("order" names "Orders", "invoice" names
    "Invoices"), so a plural or a possessive does not matter."""
    words = [w for w in re.split(r"[^\w]+", have.casefold()) if w]
    return bool(wanted) and all(any(h.startswith(w) for h in words) for w in wanted)


_HEADING_JS = r"""() => {
  const shown = (el) => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const main = document.querySelector('main, [role=main]') || document.body;
  const h = [...main.querySelectorAll('h1, [role=heading][aria-level="1"]')].find(shown)
    || [...document.querySelectorAll('h1, h2, [role=heading]')].find(shown);
  return h ? h.innerText.replace(/\s+/g, ' ').trim() : '';
}"""


# A page about getting in ("Sign in to Dashboard", /dashboard/login) names the place it
# leads to, not the place it is: a failed sign-in must never count as having arrived.
_GETTING_IN = re.compile(
    r"\b(?:log|sign)[\s-]*(?:in|on|up)\b|\b(?:login|logon|signin|signup|register)\b"
    r"|\bauthenticat",
    re.I,
)


def _about_getting_in(have: str, name: str) -> bool:
    return bool(_GETTING_IN.search(have)) and not _GETTING_IN.search(name)


async def page_named(page: Page, name: str) -> tuple[bool, str]:
    """Whether the current page is the one `name` names, and what the page is called."""
    wanted = _words(name)
    title = await page.title()
    heading = str(await page.evaluate(_HEADING_JS))
    path = unquote(urlsplit(page.url).path).replace("-", " ").replace("_", " ")
    for what, have in (("title", title), ("main heading", heading), ("URL", path)):
        if _names(have, wanted) and not _about_getting_in(have, name):
            return True, f"the page's {what} '{have}' names '{name}'"
    shown = f"title '{title}', main heading '{heading}', URL {page.url}"
    return False, shown
