"""How many items, rows or results a page shows (`assert_count`), grounded on what the
step's target names.

Preferences (said in the step details):
1. a collection named by the target: a table or list whose label, labelling element or
   preceding heading has those words ("results" → the list under the "Results" heading),
   a table first;
2. for a word that only says "things" (items, rows, results, entries, tasks…), a plural
   noun that names no collection ("customers"), or no target: the first collection in the
   page's main content (outside nav, header, footer and aside), a table with rows before a
   list (a list beside a table is its toolbar, facets or filters);
3. elements named by the target ("'Add to cart' buttons"): buttons/links/… with that name,
   else visible elements showing that text;
4. rows and list items containing the target's text ("rows with 'Paid'").
Only visible rows and items count: a filtered-out row is not shown to anyone.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from playwright.async_api import Page

from vigil.browser.locate import Root

_COLLECTIONS = "table, [role=table], [role=grid], ul, ol, [role=list], [role=listbox], [role=feed]"

# Words that name what is counted without naming which collection holds it.
_GENERIC_TEXT = """
item items row rows result results entry entries record records line lines element elements
thing things task tasks todo todos to-dos product products order orders invoice invoices note
notes user users member members message messages card cards option options hit hits match
matches
"""
GENERIC = frozenset(_GENERIC_TEXT.split())
_TABULAR = frozenset({"row", "rows", "entry", "entries", "record", "records", "line", "lines"})
_FILLER = re.compile(
    r"\b(?:the|a|an|visible|shown|listed|displayed|in|on|of|page|list|table)\b", re.I
)

_READ_JS = r"""(els) => {
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const shown = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const byIds = (ids) => ids.split(/\s+/).map((id) => {
    const t = document.getElementById(id); return t ? t.innerText : ''; }).join(' ');
  const heading = (el) => {
    // The nearest heading before the collection in document order.
    const all = [...document.querySelectorAll(
      'h1, h2, h3, h4, h5, h6, [role=heading], caption, legend')];
    let best = '';
    for (const h of all) {
      const before = h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING;
      if (before || el.contains(h)) best = h.innerText;
    }
    return best;
  };
  return els.map((el) => {
    const table = el.matches('table, [role=table], [role=grid]');
    let items;
    if (table) {
      items = [...el.querySelectorAll('tr, [role=row]')].filter((r) => !r.closest('thead') &&
        r.querySelector('td, [role=cell], [role=gridcell]'));
    } else {
      items = [...el.children].filter((c) =>
        c.matches('li, [role=listitem], [role=option], article'));
    }
    items = items.filter(shown);
    const names = [el.getAttribute('aria-label'),
      el.getAttribute('aria-labelledby') ? byIds(el.getAttribute('aria-labelledby')) : '',
      el.querySelector(':scope > caption') ? el.querySelector(':scope > caption').innerText : '',
      heading(el)].map(clean).filter(Boolean);
    const aside = !!el.closest('nav, header, footer, aside, [role=navigation], ' +
      '[role=banner], [role=contentinfo], [role=complementary]');
    const nested = !!el.parentElement && !!el.parentElement.closest('li, td');
    // A form laid out as a table (a filter row: field, operation, value) holds no records:
    // inside a form, no header cells, and a dropdown or text field in every row.
    const field = 'select, textarea, input:not([type=hidden]):not([type=checkbox])' +
      ':not([type=radio]):not([type=submit]):not([type=button])';
    const layout = table && !!el.closest('form') && !el.querySelector('th') &&
      items.length > 0 && items.every((r) => r.querySelector(field));
    return [table ? 'table' : 'list', names, items.map((i) => clean(i.innerText).slice(0, 80)),
      (shown(el) || items.length > 0) && !layout, aside, nested];
  });
}"""


@dataclass(frozen=True)
class Counted:
    """How many were counted, of what (for the details), and the items' texts."""

    n: int
    what: str
    texts: list[str]
    note: str = ""
    # False when nothing on the page is what the target names (no collection, control, row
    # or text): then a count of 0 says nothing about the page, it only failed to find it.
    grounded: bool = True


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w-]+", _FILLER.sub(" ", text.casefold())) if w]


def _named(names: list[str], wanted: list[str]) -> bool:
    for name in names:
        have = [w for w in re.split(r"[^\w-]+", name.casefold()) if w]
        stems = [w.rstrip("s") for w in wanted]
        if stems and all(any(h.startswith(s) for h in have) for s in stems):
            return True
    return False


_STATED_JS = r"""(el) => (el.querySelector('main, [role=main]') || el).innerText"""


def _stated(text: str, noun: str) -> list[int]:
    """The totals a page states: "Showing 1 to 10 of 13 items", "Total: 13", "13 tickets"."""
    number = r"(\d[\d,]*)"
    things = (
        rf"(?:{re.escape(noun)}|{re.escape(noun.rstrip('s'))}s?|items|results|rows|records|entries)"
    )
    for pattern in (
        rf"\bof\s+{number}\s+{things}\b",  # "of 13 items"; never "page 1 of 2"
        rf"\btotal\s*:?\s*(?:of\s+)?{number}\b|\b{number}\s+(?:in\s+)?total\b",
        rf"\b{number}\s+{things}\b",
    ):
        found = {
            int(n.replace(",", ""))
            for m in re.finditer(pattern, text, re.I)
            for n in m.groups()
            if n
        }
        if found:
            return sorted(found)
    return []


async def stated_total(root: Root, noun: str) -> Counted | None:
    """ "13 tickets in total": the one total the page states for its records; None when it
    states none or several (then nothing can be said)."""
    body = root.locator("body") if isinstance(root, Page) else root
    text = str(await body.first.evaluate(_STATED_JS))
    totals = _stated(text, noun)
    if len(totals) != 1:
        return None
    return Counted(totals[0], f"{noun} stated as the total on the page", [])


async def count(root: Root, target: str | None) -> Counted:
    """Count what `target` names inside `root` (the page or a scope)."""
    wanted = _words(target or "")
    if "total" in wanted and len(wanted) == 2:
        # "13 tickets in total": the total the page states, not the rows one page shows.
        noun = next(w for w in wanted if w != "total")
        stated = await stated_total(root, noun)
        if stated is not None:
            return stated
        wanted = [noun]
    raw = await root.locator(_COLLECTIONS).evaluate_all(_READ_JS)
    cols = [
        (str(k), [str(n) for n in names], [str(t) for t in texts], bool(vis), bool(aside))
        for k, names, texts, vis, aside, nested in raw
        if vis and not nested
    ]

    def label(kind: str, names: list[str]) -> str:
        return f"{kind} '{names[0]}'" if names else kind

    # 1. a collection named by the target
    if wanted:
        named = [c for c in cols if _named(c[1], wanted)]
        if all(w in _TABULAR for w in wanted):
            # "4 rows" in a heading or a summary names no list: rows are a table's.
            named = [c for c in named if c[0] == "table"]
        # A table and a list under the same heading: the table holds the data, the list is
        # its toolbar ("Add book") or filters.
        named = sorted(named, key=lambda c: c[0] != "table")
        if named:
            kind, names, texts, _, _ = named[0]
            note = f"{len(named)} collections fit; counted the first" if len(named) > 1 else ""
            return Counted(len(texts), f"items in {label(kind, names)}", texts, note)
    # 2. a generic word, a plural noun ("customers": the records, not a heading that says
    # so), or nothing: the main content's first collection
    plural = len(wanted) == 1 and len(wanted[0]) > 3 and wanted[0].endswith("s")
    if not wanted or plural or all(w in GENERIC for w in wanted):
        main = [c for c in cols if not c[4] and c[2]] or [c for c in cols if not c[4]]
        # A table with rows holds the records; a list beside it is its toolbar ("Add
        # book"), its facets or its filters, whether or not a word names the things.
        main = sorted(main, key=lambda c: not (c[0] == "table" and c[2]))
        if main:
            kind, names, texts, _, _ = main[0]
            note = ""
            if len(main) > 1:
                note = f"{len(main)} collections in the main content; counted the "
                note += "table" if kind == "table" else "first"
            return Counted(len(texts), f"items in {label(kind, names)}", texts, note)
        if not wanted:
            return Counted(0, "items (no list or table on the page)", [])
    name = (target or "").strip()
    # 3. elements named by the target
    pattern = re.compile(r"^\s*" + re.escape(name) + r"\s*$", re.I)
    for role in ("button", "link", "checkbox", "textbox", "heading", "img"):
        loc = root.get_by_role(role, name=pattern).filter(visible=True)
        n = await loc.count()
        if n:
            return Counted(n, f"{role}s named '{name}'", [])
    # 4. rows and items containing the text
    rows = root.locator("tr, li, [role=row], [role=listitem]").filter(has_text=name)
    texts = await rows.filter(visible=True).evaluate_all(
        "els => els.map(e => e.innerText.replace(/\\s+/g, ' ').trim().slice(0, 40))"
    )
    if texts:
        return Counted(len(texts), f"rows/items containing '{name}'", [str(t) for t in texts])
    shown = await root.get_by_text(name).filter(visible=True).count()
    return Counted(shown, f"elements showing '{name}'", [], grounded=shown > 0)


_OPS: dict[str, tuple[Callable[[int, int], bool], str]] = {
    "eq": (operator.eq, "exactly"),
    "ge": (operator.ge, "at least"),
    "le": (operator.le, "at most"),
    "gt": (operator.gt, "more than"),
    "lt": (operator.lt, "fewer than"),
}


def holds(n: int, op: str, wanted: int) -> bool:
    return _OPS[op][0](n, wanted)


def op_words(op: str) -> str:
    return _OPS[op][1]
