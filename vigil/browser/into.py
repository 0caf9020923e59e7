"""Going into a section of a page tree rather than opening its editor.

Page trees and file explorers (a CMS's page explorer, a folder listing) often give a row two
links: its title opens the item's EDITOR, and going INTO it is a separate link, often an
icon, named "Explore child pages of 'Journal'". A person who says "open Journal" in such a
listing means the second. The choice is made only from what the page itself says: the link
clicked by its name announces an edit (its title or description starts with "Edit", or its
address ends in an /edit/ segment), and exactly one other visible link in the same row is
named by a verb of going in ("Explore", "Browse", "Open", "View", "Show", "Enter", "Go to")
followed by that same name as the end of its name. Anything else keeps the link as found;
the step's details always say when the other link was used.
"""

from __future__ import annotations

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator

# In the page: for the link `el` found by `name`, the index (among its row's links) and the
# name of the one link that goes into the same item, else null.
_INTO_JS = """(el, name) => {
  if (el.tagName !== 'A' || !el.getAttribute('href')) return null;
  const row = el.closest('tr, [role=row], li');
  if (!row) return null;
  const clean = (s) => (s || '').replace(/[\\u2018\\u2019\\u201c\\u201d]/g, "'")
    .replace(/\\s+/g, ' ').trim();
  const edit = /^edit\\b/i;
  let path = '';
  try { path = new URL(el.href, document.baseURI).pathname; } catch (e) { path = ''; }
  const edits = edit.test(clean(el.getAttribute('title'))) ||
    edit.test(clean(el.getAttribute('aria-description'))) || /\\/edit(\\/|$)/i.test(path);
  if (!edits) return null;
  const wanted = clean(name).toLowerCase();
  if (!wanted) return null;
  const named = (a) => clean(a.getAttribute('aria-label')) || clean(a.innerText) ||
    clean(a.getAttribute('title'));
  const going = /^(explore|browse|open|view|show|enter|go\\s+(?:in)?to)\\b/i;
  const endsWithName = (n) => {
    const t = n.toLowerCase().replace(/["'\\s.:]+$/, '');
    if (!t.endsWith(wanted)) return false;
    const before = t.slice(0, t.length - wanted.length);
    return before.length > 0 && /[\\s'"(]$/.test(before);
  };
  const shown = (a) => a.getClientRects().length > 0 &&
    getComputedStyle(a).visibility !== 'hidden';
  const links = [...row.querySelectorAll('a[href]')];
  const fit = links.map((a, i) => [a, i]).filter(([a]) => {
    const n = named(a);
    return a !== el && a.href !== el.href && shown(a) && going.test(n) && endsWithName(n) &&
      !/\\b(edit|delete|remove|add|copy|move)\\b/i.test(n);
  });
  if (fit.length !== 1) return null;
  return [fit[0][1], named(fit[0][0])];
}"""


# The element was just found: asking it is immediate unless the page is moving on.
_ASK_MS = 2000


async def into_link(found: Locator, how: str, name: str) -> tuple[Locator, str, str] | None:
    """The row's link that goes into `name` when `found` (a link named `name`, described
    by `how`) opens its editor instead, with how the details name it and why it was used;
    None when the page does not say so unambiguously."""
    try:
        other = await found.evaluate(_INTO_JS, name, timeout=_ASK_MS)
    except PlaywrightError:
        return None  # the page moved on; the link as found is used
    if not isinstance(other, list) or len(other) != 2:
        return None
    index, said = int(other[0]), str(other[1])
    row = found.locator("xpath=ancestor::*[self::tr or @role='row' or self::li][1]")
    note = f"{how} opens its editor; used the row's link '{said}', which goes into it"
    return row.locator("a[href]").nth(index), f"link '{said}' in the row of {how}", note
