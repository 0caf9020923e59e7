"""Where on the page a target is looked for: a step's `scope`, resolved on the live page.

The scope is resolved before the target, every time the step looks (the page may have
re-rendered), and the chosen container is marked with a `data-vigil-scope` attribute so that
Playwright's locators can search inside it. The marks are ignored by the change counter.

Preferences, when several containers fit (said in the step details):
- `row`: table rows and list items (`tr`, `li`, ARIA row/listitem/option) whose text contains
  the words; the innermost container wins; a row with a cell or part reading exactly the
  words beats one that only contains them; a table row beats a list item, and anything in a
  status message ("The book “Cosmos” was changed") comes last; then document order.
- `section`: a landmark, region, form or fieldset named by the words (aria-label,
  aria-labelledby, legend, its first heading), then the content under a heading with that
  text; an exact name beats a partial one, a landmark beats a bare heading; then document
  order. With no landmark or heading named exactly so, a tab (role=tab) named so is the
  place: it is selected first when it is not (a person looks under a tab by opening it),
  then its panel is the container (or the page, for tabs that filter one view). Unnamed,
  "the footer", "the sidebar", "the navigation" are the landmark of that kind (the
  outermost first); a sidebar is an aside, else the navigation landmark, and one whose
  children are fixed-position (no box of its own) still counts.
- `dialog`: the open dialog named by the words (any open dialog when none is given); of
  several, the last opened (topmost).
- `near`: not a container: the smallest visible element showing the words is the anchor,
  and of the target's matches the one closest to it on screen is used.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page

from vigil.models import Scope

_tokens = itertools.count(1)

# Returns [ok, how, note, hints] (and a fifth item, a tab's name, when the place is a tab
# not selected yet): `how` names the container, `hints` are the closest
# containers shown when nothing fits.
_RESOLVE_JS = r"""([kind, text, token]) => {
  for (const el of document.querySelectorAll('[data-vigil-scope]')) {
    el.removeAttribute('data-vigil-scope');
  }
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const want = norm(text);
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    const st = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && st.visibility !== 'hidden';
  };
  const short = (s) => {
    s = (s || '').replace(/\s+/g, ' ').trim();
    return s.length > 60 ? s.slice(0, 57) + '…' : s;
  };
  const mark = (els) => { for (const el of els) el.setAttribute('data-vigil-scope', token); };
  const byIds = (ids) => ids.split(/\s+/).map((id) => {
    const t = document.getElementById(id); return t ? t.innerText : ''; }).join(' ');
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    if (el.getAttribute('aria-labelledby')) return byIds(el.getAttribute('aria-labelledby'));
    if (el.tagName === 'FIELDSET') {
      const l = el.querySelector(':scope > legend');
      if (l) return l.innerText;
    }
    // Its own heading: a direct child, or inside its direct header (not any heading deep
    // inside, which names a part of it).
    const h = el.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6, [role=heading]), ' +
      ':scope > header :is(h1, h2, h3, h4, h5, h6, [role=heading])');
    return h ? h.innerText : '';
  };
  if (kind === 'row') {
    const all = [...document.querySelectorAll(
      'tr, li, [role=row], [role=listitem], [role=option], [role=treeitem]')].filter(shown);
    // An item being edited in place shows its text in an input, not as text.
    const rawText = (el) => el.innerText + ' ' +
      [...el.querySelectorAll('input:not([type=checkbox]):not([type=radio]), textarea')]
        .map((i) => i.value).join(' ');
    const textOf = (el) => norm(rawText(el));
    const hits = all.filter((el) => textOf(el).includes(want));
    const inner = hits.filter((el) => !hits.some((o) => o !== el && el.contains(o)));
    const exact = inner.filter((el) => norm(el.innerText) === want ||
      [...el.querySelectorAll('*')].some((c) => norm(c.innerText) === want ||
        (c.matches('input, textarea') && norm(c.value) === want)));
    // A status message naming the record ("The book “Cosmos” was changed") is not its row;
    // of the rest, a table row (a record) comes before a list item.
    const notice = (el) => !!el.closest('[role=alert], [role=status], [aria-live], ' +
      '[class*=message], [class*=alert], [class*=flash], [class*=toast], [class*=notif]');
    const rank = (el) => (notice(el) ? 2 : 0) +
      ((el.tagName === 'TR' || el.getAttribute('role') === 'row') ? 0 : 1);
    const pool = (exact.length ? exact : inner).map((el, i) => [el, i])
      .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map((pair) => pair[0]);
    if (!pool.length) {
      return [false, '', '', all.slice(0, 8).map((el) => short(el.innerText))];
    }
    const what = (el) =>
      (el.tagName === 'TR' || el.getAttribute('role') === 'row') ? 'row' : 'item';
    mark([pool[0]]);
    let note = '';
    if (pool.length > 1) {
      note = pool.length + ' rows/items contain \'' + text + '\'' +
        (exact.length ? ' exactly' : '') + '; used the first in document order';
    }
    const el = pool[0];
    const cells = [...el.children].filter((c) => c.matches('td, th, [role=cell], [role=gridcell]'));
    const shownText = cells.length > 1
      ? cells.map((c) => c.innerText.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' | ')
      : rawText(el);
    return [true, what(el) + " '" + short(shownText) + "'", note, []];
  }
  if (kind === 'dialog') {
    const open = [...document.querySelectorAll(
      'dialog[open], [role=dialog], [role=alertdialog]')].filter(shown);
    if (!open.length) return [false, '', '', []];
    let pool = open;
    let note = '';
    if (want) {
      const named = open.filter((el) => norm(nameOf(el)).includes(want));
      const holding = open.filter((el) => norm(el.innerText).includes(want));
      pool = named.length ? named : holding;
      if (!pool.length) return [false, '', '', open.map((el) => short(nameOf(el)))];
    }
    if (pool.length > 1) note = pool.length + ' dialogs are open; used the last opened';
    const el = pool[pool.length - 1];
    mark([el]);
    const name = nameOf(el);
    return [true, name ? "dialog '" + short(name) + "'" : 'the open dialog', note, []];
  }
  if (kind === 'section') {
    const LAND = 'section, aside, nav, main, header, footer, form, fieldset, article, ' +
      '[role=region], [role=navigation], [role=form], [role=group], [role=complementary], ' +
      '[role=search], [role=tabpanel], dialog[open]';
    const lands = [...document.querySelectorAll(LAND)].filter(shown)
      .map((el) => [el, norm(nameOf(el)), nameOf(el)]).filter(([, n]) => n);
    const heads = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
      .filter(shown).map((el) => [el, norm(el.innerText), el.innerText]);
    const level = (h) => Number(h.getAttribute('aria-level') || h.tagName.slice(1)) || 2;
    const underHeading = (h) => {
      const parent = h.parentElement;
      const rivals = [...parent.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]
        .filter((o) => o !== h && level(o) <= level(h));
      if (!rivals.length && parent !== document.body) return [parent];
      const out = [h];
      for (let s = h.nextElementSibling; s; s = s.nextElementSibling) {
        if (s.matches('h1, h2, h3, h4, h5, h6, [role=heading]') && level(s) <= level(h)) break;
        out.push(s);
      }
      return out;
    };
    // "signup" is "Sign up", "sign-up" is "Sign up": spaces and hyphens aside, as a last try.
    const tight = (s) => s.replace(/[\s-]+/g, '');
    const exactly = [
      [lands.filter(([, n]) => n === want), 'landmark'],
      [heads.filter(([, n]) => n === want), 'heading'],
    ];
    // A tab named so: what it shows is its panel, looked at with the tab selected. A tab not
    // selected yet is selected by the caller (the answer's fifth item), then looked at again.
    if (!exactly.some(([all]) => all.length)) {
      const tabs = [...document.querySelectorAll('[role=tab]')].filter(shown)
        .filter((t) => norm(t.innerText || t.getAttribute('aria-label')) === want);
      if (tabs.length) {
        const tab = tabs[0];
        if (tab.getAttribute('aria-selected') !== 'true') {
          return [false, '', '', [], tab.innerText.trim() || text];
        }
        const byId = tab.getAttribute('aria-controls') &&
          document.getElementById(tab.getAttribute('aria-controls'));
        const panels = [...document.querySelectorAll('[role=tabpanel]')].filter(shown);
        const panel = (byId && shown(byId) ? byId : null) ||
          panels.find((el) => (el.getAttribute('aria-labelledby') || '').split(/\s+/)
            .includes(tab.id || '\u0000')) || (panels.length === 1 ? panels[0] : null);
        if (panel) {
          mark([panel]);
          return [true, "the panel of tab '" + short(tab.innerText) + "'", '', []];
        }
        // Tabs that filter one view (no panels of their own): the page, with the tab selected.
        const main = document.querySelector('main, [role=main]') || document.body;
        mark([main]);
        return [true, "the page with tab '" + short(tab.innerText) + "' selected", '', []];
      }
    }
    const tries = [
      ...exactly,
      [lands.filter(([, n]) => n.includes(want)), 'landmark'],
      [heads.filter(([, n]) => n.includes(want)), 'heading'],
      [lands.filter(([, n]) => tight(n).includes(tight(want))), 'landmark'],
      [heads.filter(([, n]) => tight(n).includes(tight(want))), 'heading'],
    ];
    for (const [all, how] of tries) {
      // The innermost of nested containers with that name.
      const found = all.filter(([el]) => !all.some(([o]) => o !== el && el.contains(o)));
      if (!found.length) continue;
      const [el, , name] = found[0];
      mark(how === 'landmark' ? [el] : underHeading(el));
      const note = found.length > 1
        ? found.length + ' sections are named \'' + text +
          '\'; used the first in document order' : '';
      return [true, how === 'landmark' ? "section '" + short(name) + "'"
        : "the part under heading '" + short(el.innerText) + "'", note, []];
    }
    // "the footer", "the sidebar": a landmark nobody named, known by what it is. Of
    // several, the outermost first (the page's footer, not an article's). A sidebar is an
    // aside, else the navigation landmark (an admin's side menu is often only a <nav>); a
    // container drawn by its fixed-position children has no box of its own but still counts.
    const NAV = 'nav, [role=navigation]';
    const ASIDE = 'aside, [role=complementary]';
    const sides = { sidebar: 1, 'side bar': 1, 'side menu': 1, 'side nav': 1,
      'side navigation': 1, 'side panel': 1 };
    const holds = (el) => shown(el) || [...el.querySelectorAll('*')].some(shown);
    if (sides[want]) {
      for (const sel of [ASIDE, NAV]) {
        const all = [...document.querySelectorAll(sel)].filter(holds);
        const outer = all.filter((el) => !all.some((o) => o !== el && o.contains(el)));
        if (!outer.length) continue;
        mark([outer[0]]);
        const note = outer.length > 1 ? outer.length + ' elements could be the ' + text +
          '; used the first in document order' : '';
        return [true, 'the ' + text + ' (<' + outer[0].tagName.toLowerCase() + '>)', note, []];
      }
    }
    const kinds = {
      footer: 'footer, [role=contentinfo]', header: 'header, [role=banner]',
      banner: 'header, [role=banner]', nav: 'nav, [role=navigation]',
      navigation: 'nav, [role=navigation]', 'navigation bar': 'nav, [role=navigation]',
      'navigation menu': 'nav, [role=navigation]', navbar: 'nav, [role=navigation]',
      'nav bar': 'nav, [role=navigation]', 'main menu': 'nav, [role=navigation]',
      'menu bar': 'nav, [role=navigation], [role=menubar]',
      'main content': 'main, [role=main]',
    };
    if (kinds[want]) {
      const all = [...document.querySelectorAll(kinds[want])].filter(shown);
      const outer = all.filter((el) => !all.some((o) => o !== el && o.contains(el)));
      if (outer.length) {
        mark([outer[0]]);
        const note = outer.length > 1 ? outer.length + ' elements are a ' + text +
          '; used the first in document order' : '';
        return [true, 'the ' + text + ' (<' + outer[0].tagName.toLowerCase() + '>)', note, []];
      }
    }
    return [false, '', '', [...lands.map(([, n]) => n), ...heads.map(([, n]) => n)].slice(0, 8)];
  }
  if (kind === 'near') {
    const els = [...document.querySelectorAll('body *')].filter((el) =>
      !['SCRIPT', 'STYLE'].includes(el.tagName) && shown(el) && norm(el.innerText).includes(want));
    const leaf = els.filter((el) => !els.some((o) => o !== el && el.contains(o)));
    const exact = leaf.filter((el) => norm(el.innerText) === want);
    const pool = exact.length ? exact : leaf;
    if (!pool.length) return [false, '', '', []];
    mark([pool[0]]);
    const note = pool.length > 1 ? pool.length + ' elements show \'' + text +
      '\'; measured from the first in document order' : '';
    return [true, "'" + short(pool[0].innerText) + "'", note, []];
  }
  return [false, '', '', []];
}"""


@dataclass(frozen=True)
class Scoped:
    """A resolved scope: `marked` is the container (row, section, dialog), or for `near`
    the anchor element; `token` names the marks."""

    page: Page
    marked: Locator
    how: str
    note: str = ""
    token: str = ""
    kind: str = ""

    @property
    def root(self) -> Page | Locator:
        """Where targets are searched: the container, or the whole page for `near`."""
        return self.page if self.kind == "near" else self.marked

    @property
    def anchor(self) -> Locator | None:
        return self.marked if self.kind == "near" else None

    @property
    def phrase(self) -> str:
        """How the details say where the target was looked for."""
        if self.kind == "near":
            return f"nearest to {self.how}"
        return f"in {self.how}"


@dataclass(frozen=True)
class NoScope:
    """The scope is not on the page; `reason` lists what is."""

    reason: str


def _describe(scope: Scope) -> str:
    if scope.kind == "dialog":
        return f"dialog '{scope.text}'" if scope.text else "an open dialog"
    if scope.kind == "row":
        return f"row or list item containing '{scope.text}'"
    if scope.kind == "section":
        return f"section '{scope.text}'"
    return f"element showing '{scope.text}'"


async def resolve_scope(page: Page, scope: Scope) -> Scoped | NoScope:
    """Find the scope's container on the page now (the caller retries a miss)."""
    token = f"s{next(_tokens)}"
    ok, how, note, hints, *tab = await page.evaluate(_RESOLVE_JS, [scope.kind, scope.text, token])
    if tab:
        # "… under the Closed tab": looking there is selecting it; the caller looks again.
        try:
            await page.get_by_role("tab", name=str(tab[0]), exact=True).first.click(timeout=5000)
        except PlaywrightError as exc:
            return NoScope(f"the tab '{tab[0]}' could not be selected: {exc.message}")
        return NoScope(f"the tab '{tab[0]}' was not selected; selected it to look inside")
    if not ok:
        reason = f"no {_describe(scope)} on the page"
        shown = [h for h in hints if h]
        if shown:
            reason += " — there are: " + ", ".join(f"'{h}'" for h in shown)
        return NoScope(reason)
    marked = page.locator(f'[data-vigil-scope="{token}"]')
    kept = "" if scope.kind == "near" else token
    return Scoped(page, marked, str(how), str(note), kept, scope.kind)
