"""Tables as a person reads them: columns by header name, rows by what they contain, and
whether a column reads in order (DESIGN §4: `assert_cell`, `column`, `order`).

A table is an HTML `table` or an ARIA table/grid. Its header row names the columns; its
body rows are the visible rows with data cells. Values are compared as numbers when every
cell reads as one ("$4.20", "1,204"), as dates when every cell reads as one, and otherwise
as text, ignoring case — the order a person would check by eye.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime

from playwright.async_api import Locator

from vigil.browser.locate import Root

TABLES = "table, [role=table], [role=grid], [role=treegrid]"

# A cell's text as a person reads it: its text or, for a cell that shows only an icon, the
# icon's alt text, label or title (a tick icon with alt "True" in a yes/no column).
CELL_TEXT_JS = r"""
  const cellText = (c) => {
    const t = clean(c.innerText); if (t) return t;
    const icon = c.querySelector('img[alt], [role=img][aria-label], svg[aria-label], [title]');
    return icon ? clean(icon.getAttribute('alt') || icon.getAttribute('aria-label') ||
      icon.getAttribute('title')) : '';
  };
"""

# [headers, rows]: header texts of the first header row, and each visible body row's cells.
_READ_JS = r"""(t) => {
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  /*CELL*/
  const shown = (el) => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const rows = [...t.querySelectorAll('tr, [role=row]')].filter((r) => r.closest(
    'table, [role=table], [role=grid], [role=treegrid]') === t);
  const cells = (r) => [...r.querySelectorAll('th, td, [role=cell], [role=gridcell], ' +
    '[role=columnheader], [role=rowheader]')].filter((c) => c.closest('tr, [role=row]') === r);
  const head = rows.find((r) => cells(r).length && cells(r).every((c) =>
    c.tagName === 'TH' || c.getAttribute('role') === 'columnheader'));
  const body = rows.filter((r) => r !== head && shown(r) && !r.closest('thead') &&
    cells(r).some((c) => c.tagName === 'TD' ||
      ['cell', 'gridcell'].includes(c.getAttribute('role'))));
  return [head ? cells(head).map((c) => clean(c.innerText)) : [],
          body.map((r) => cells(r).map(cellText))];
}""".replace("/*CELL*/", CELL_TEXT_JS)


@dataclass(frozen=True)
class Table:
    """Rows of cells under named columns; a list read as a table has one cell per row, no
    headers and no locator."""

    locator: Locator | None
    headers: list[str]
    rows: list[list[str]]
    note: str = ""

    def column(self, name: str) -> int | None:
        """The column a person calls `name`: exact header, then one containing the words,
        then one starting with them ("Date" for "date added")."""
        wanted = _norm(name)
        heads = [_norm(h) for h in self.headers]
        for test in (
            lambda h: h == wanted,
            lambda h: bool(h) and wanted in h,
            lambda h: bool(h) and h in wanted,
        ):
            for i, h in enumerate(heads):
                if test(h):
                    return i
        return None

    def values(self, index: int) -> list[str]:
        return [r[index] if index < len(r) else "" for r in self.rows]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


async def read(loc: Locator) -> tuple[list[str], list[list[str]]]:
    headers, rows = await loc.evaluate(_READ_JS)
    return [str(h) for h in headers], [[str(c) for c in r] for r in rows]


_ASIDE_JS = """t => !!t.closest('nav, header, footer, aside, [role=navigation], [role=banner], ' +
  '[role=contentinfo], [role=complementary]')"""


async def find_table(root: Root, column: str | None = None) -> Table | str:
    """The table to read: the first visible one with a column named `column`, else the
    first visible one; a reason string when there is none.

    Tables in the main content come before those in navigation, headers, footers and
    sidebars (an admin's sidebar lists its models as a table), and without a column a table
    with data rows comes before an empty one — the one a person reads for "the top row"."""
    tables = root.locator(TABLES).filter(visible=True)
    count = await tables.count()
    if count == 0:
        return "no table on the page"
    read_all: list[tuple[Table, bool]] = []
    for i in range(count):
        loc = tables.nth(i)
        headers, rows = await read(loc)
        read_all.append((Table(loc, headers, rows), bool(await loc.evaluate(_ASIDE_JS))))
    ordered = [t for t, aside in read_all if not aside] + [t for t, aside in read_all if aside]
    if column is None:
        ordered = sorted(ordered, key=lambda t: not t.rows)
    seen: list[str] = []
    for table in ordered:
        if column is None or table.column(column) is not None:
            if count > 1 and column is None:
                note = f"{count} tables; read the one with rows in the main content"
                table = Table(table.locator, table.headers, table.rows, note)
            return table
        seen += table.headers
    if column is not None:
        for table in ordered:
            record = _as_record(table, column)
            if record is not None:
                return record
        shown = ", ".join(f"'{h}'" for h in seen if h)
        return f"no column '{column}' in any table (columns: {shown or 'none'})"
    return ordered[0]


async def record_around(loc: Locator, column: str) -> Table | None:
    """The record table holding `loc` (a row of it), read as `_as_record` does."""
    tbl = loc.locator(f"xpath=ancestor-or-self::*[{_TABLE_XPATH}][1]")
    if not await tbl.count():
        return None
    return _as_record(Table(tbl.first, *await read(tbl.first)), column)


_TABLE_XPATH = "self::table or @role='table' or @role='grid' or @role='treegrid'"


def _as_record(tbl: Table, column: str) -> Table | None:
    """A record shown as a table of field/value rows (a detail page: "Requester | Priya
    Nair"), read as the one row it stands for, its fields as columns; None when no row's
    first cell names `column`."""
    if not tbl.rows or any(len(r) < 2 for r in tbl.rows):
        return None
    fields = [r[0] for r in tbl.rows]
    record = Table(tbl.locator, fields, [[" ".join(r[1:]) for r in tbl.rows]], "")
    if record.column(column) is None:
        return None
    return Table(tbl.locator, fields, record.rows, "the record's table of fields")


# --- reading a column in order ------------------------------------------------------------

_NUMBER = re.compile(r"^[^\d\-+]*([-+]?\d[\d,  ]*(?:\.\d+)?)\s*[^\d]*$")
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d %b %Y", "%b %d, %Y", "%d %B %Y")


def _number(text: str) -> float | None:
    m = _NUMBER.match(text.strip())
    if not m:
        return None
    try:
        return float(re.sub(r"[,  ]", "", m.group(1)))
    except ValueError:
        return None


def _date(text: str) -> date | None:
    t = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(t, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(t).date()
    except ValueError:
        return None


def sort_keys(values: list[str]) -> tuple[str, list[object]]:
    """How a column compares (numbers, dates or text) and each value's key."""
    cells = [v for v in values if v.strip()]
    numbers = [_number(v) for v in cells]
    if cells and all(n is not None for n in numbers):
        return "numbers", list(numbers)
    dates = [_date(v) for v in cells]
    if cells and all(d is not None for d in dates):
        return "dates", list(dates)
    return "text", [v.casefold() for v in cells]


def in_order(values: list[str], order: str) -> bool:
    _, keys = sort_keys(values)
    pairs = list(itertools.pairwise(keys))
    if order == "descending":
        return all(a >= b for a, b in pairs)  # type: ignore[operator]
    return all(a <= b for a, b in pairs)  # type: ignore[operator]


def shown(values: list[str], limit: int = 8) -> str:
    head = ", ".join(values[:limit])
    return head + (", …" if len(values) > limit else "")
