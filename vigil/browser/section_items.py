"""The items of the part of the page under a heading, in the order the page shows them.

"under 'Latest from the journal' the first story is X" is about the n-th item of the list,
table or feed in that part. A part under a bare heading is the heading's following siblings
(see scope.py), so the list is often one of the marked elements itself rather than inside
one; and a part that is a side panel (an <aside>) is still the part the goal names. The
first collection with visible items, in document order, is the one read.
"""

from __future__ import annotations

from playwright.async_api import Locator

_ITEMS_JS = r"""(els) => {
  const coll = 'table, [role=table], [role=grid], ul, ol, [role=list], [role=listbox], ' +
    '[role=feed]';
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const shown = (el) => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  for (const el of els) {
    for (const c of el.matches(coll) ? [el] : [...el.querySelectorAll(coll)]) {
      const rows = c.matches('table, [role=table], [role=grid]')
        ? [...c.querySelectorAll('tr, [role=row]')].filter((r) => !r.closest('thead') &&
          r.querySelector('td, [role=cell], [role=gridcell]'))
        : [...c.children].filter((x) => x.matches('li, [role=listitem], [role=option], ' +
          'article'));
      const texts = rows.filter(shown).map((r) => clean(r.innerText)).filter(Boolean);
      if (texts.length) return texts;
    }
  }
  return [];
}"""


async def section_items(marked: Locator) -> list[str]:
    """The texts of the first list, table or feed with visible items in the section."""
    found = await marked.evaluate_all(_ITEMS_JS)
    return [str(t) for t in found]
