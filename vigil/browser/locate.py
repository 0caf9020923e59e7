"""Target resolution: from what a person calls an element to a Playwright locator (DESIGN §4).

Goals name elements the way people see them ("Sign in", "the Email field"), so resolution
tries the most precise interpretation first and widens step by step: a selector when the
target looks like one, role + accessible name (exact, then case-insensitive), label,
placeholder, visible text, title/alt, and finally a fuzzy match over the page's interactive
elements. Each tier costs one round trip, and most steps resolve in the first two.

A miss is not only "not found": it carries the closest thing that *is* on the page, because
"no element matching 'Sign in' — closest: button 'Log in' (0.72)" is what lets the person
fix either the goal or the site.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Literal

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator, Page
from rapidfuzz import fuzz

from vigil.browser import wording
from vigil.browser.into import into_link
from vigil.pipeline.vocabulary import ordinal_suffix

Intent = Literal["click", "fill", "select", "check", "any"]

# Roles tried for "role + accessible name" when the step gives no role hint, by what the step
# will do with the element: "fill 'Email'" should not land on a button called "Email".
_ROLES: dict[Intent, tuple[str, ...]] = {
    "click": ("button", "link", "menuitem", "tab", "checkbox", "radio", "option", "switch"),
    "fill": ("textbox", "searchbox", "combobox", "spinbutton"),
    "select": ("combobox", "listbox"),
    "check": ("checkbox", "radio", "switch"),
    "any": (
        "button",
        "link",
        "heading",
        "textbox",
        "searchbox",
        "checkbox",
        "radio",
        "combobox",
        "img",
        "dialog",
        "menuitem",
        "tab",
    ),
}

# A fuzzy candidate this close (0..1) is used; below it, it is only reported as "closest".
FUZZY_ACCEPT = 0.85

# What a person might say around a name: "the Email field", "Sign in button".
_FILLER = re.compile(
    r"^(?:the|a|an)\s+|\s+(?:field|input|box|button|link|checkbox|dropdown|menu|tab)$", re.I
)

_HTML_TAGS = frozenset(
    {
        *("a", "button", "input", "select", "textarea", "form", "div", "span", "p", "img"),
        *("ul", "ol", "li", "nav", "header", "footer", "main", "section", "article", "aside"),
        *("label", "table", "tr", "td", "th", "tbody", "thead", "dialog", "iframe", "svg"),
        *("body", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre"),
        *("summary", "details", "option", "fieldset", "legend"),
    }
)
_ENGINE = re.compile(r"^(?:css|xpath|text|id|data-testid|internal:[a-z-]+)=", re.I)
_XPATH = re.compile(r"^\(?\.{0,2}//?[\w*@(]")
_CSS_START = re.compile(r"^[#.][A-Za-z_-][\w-]*|^\[[\w-]+(?:[~|^$*]?=[^\]]*)?\]")
_CSS_TAG = re.compile(r"^([a-z][a-z0-9-]*)(?:[#.\[:][\w-]|\s*[>+~]\s*\S)")


def looks_like_selector(target: str) -> bool:
    """True when `target` is unmistakably CSS/XPath rather than a human name.

    Conservative on purpose: "Mr. Smith" must not become a class selector. Only `#id`,
    `.class`, `[attr]`, known tags followed by selector syntax, XPath and engine prefixes
    (`css=`, `xpath=`) count, or any target containing Playwright's `>>` chaining.
    """
    t = target.strip()
    if _ENGINE.match(t) or _XPATH.match(t) or ">>" in t:
        return True
    if _CSS_START.match(t) and " " not in t.split(">")[0].strip():
        return True
    m = _CSS_TAG.match(t)
    return bool(m and m.group(1) in _HTML_TAGS)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Match:
    """A resolved element; `how` says which rule found it, `note` any caveat worth showing."""

    locator: Locator
    how: str
    note: str = ""


@dataclass(frozen=True)
class Miss:
    """Why nothing was used; `reason` is shown to the person as is."""

    reason: str


@dataclass(frozen=True)
class _Tier:
    how: str
    locator: Locator
    by_role: bool = False
    selector: bool = False
    role_slot: bool = False  # `how` names the element's role by ROLE_SLOT, filled in on a pick


# Where a target is searched: the whole page, or a scope's container (see scope.py).
Root = Page | Locator


# Kinds of element fuzzy matching may act on, per intent: "click 'Login'" must not land on
# the page's "Log in" heading when a "Sign in" button is what the person meant.
_FUZZY_ROLES: dict[Intent, frozenset[str]] = {
    "click": frozenset(
        {
            "button",
            "link",
            "menuitem",
            "tab",
            "checkbox",
            "radio",
            "option",
            "switch",
            "label",
            "combobox",
        }
    ),
    "fill": frozenset({"textbox", "searchbox", "combobox", "spinbutton", "label"}),
    "select": frozenset({"combobox", "listbox", "label"}),
    "check": frozenset({"checkbox", "radio", "switch", "label"}),
}


_KIND: dict[Intent, str] = {"fill": "field", "select": "dropdown", "check": "checkbox/radio"}


def _tiers(
    page: Root, target: str, roles: tuple[str, ...], exact: bool, intent: Intent
) -> list[_Tier]:
    name = target.strip()
    tiers: list[_Tier] = []
    if looks_like_selector(name) or name.lower() in _HTML_TAGS:
        tiers.append(_Tier(f"selector '{name}'", page.locator(name), selector=True))
        if name.lower() not in _HTML_TAGS:
            return tiers

    def by_roles(name_arg: str | re.Pattern[str], exact_arg: bool | None) -> Locator:
        loc = page.get_by_role(roles[0], name=name_arg, exact=exact_arg)  # type: ignore[arg-type]
        for role in roles[1:]:
            loc = loc.or_(page.get_by_role(role, name=name_arg, exact=exact_arg))  # type: ignore[arg-type]
        return loc

    # For a click, the matched element's own role replaces ROLE_SLOT in the details ("link
    # 'Invoices'": a person fixing a goal needs to know a link was clicked, not a button).
    # Fields are only named by kind, which saves the round trip on every fill.
    label = roles[0] if len(roles) == 1 else _KIND.get(intent, ROLE_SLOT)
    slot = label == ROLE_SLOT
    tiers.append(_Tier(f"{label} '{name}'", by_roles(name, True), True, role_slot=slot))
    if not exact:
        how = f"{label} '{name}' (ignoring case)"
        tiers.append(_Tier(how, by_roles(wording.loose(name), None), True, role_slot=slot))
        # "Name ▼", "Pastry 3": the same control with a sort arrow or a count beside it.
        how = f"{label} '{name}' (with a mark or count beside it)"
        tiers.append(_Tier(how, by_roles(wording.decorated(name), None), True, role_slot=slot))
    # Whole-name matches before partial ones: "Buy flour" is the to-do's text, not the
    # checkbox labelled "Complete Buy flour".
    field = _FIELD_AFTER.get(intent)
    text_how = "text" if field is None else "field after the text"

    def by_text(exact_arg: bool) -> Locator:
        # A field's name is often a text placed before it but not tied to it (a <label>
        # without `for`, a <div>): for a fill or a pick, that text stands for the next field.
        loc = page.get_by_text(name, exact=exact_arg)
        return loc if field is None else loc.locator(field)

    tiers += [
        _Tier(f"field labelled '{name}'", page.get_by_label(name, exact=True)),
        _Tier(f"placeholder '{name}'", page.get_by_placeholder(name, exact=True)),
    ]
    if field is not None:
        tiers.append(_Tier(f"field named '{name}'", page.locator(_by_name_attr(name))))
    if intent == "fill":
        # "rename Temples of Kyoto to …": the field that holds the record's name now, as a
        # server-drawn form writes it, before any text that merely repeats the name.
        tiers.append(_Tier(f"field holding '{name}'", page.locator(_holding(name))))
    tiers.append(_Tier(f"{text_how} '{name}'", by_text(True)))
    if not exact:
        tiers += [
            _Tier(f"field whose label contains '{name}'", page.get_by_label(name)),
            _Tier(f"placeholder containing '{name}'", page.get_by_placeholder(name)),
            _Tier(f"{text_how} containing '{name}'", by_text(False)),
        ]
    tiers += [
        _Tier(
            f"title '{name}'", page.get_by_title(name, exact=exact).or_(_moved_title(page, name))
        ),
        _Tier(f"image alt '{name}'", page.get_by_alt_text(name, exact=exact)),
    ]
    return tiers


ROLE_SLOT = "\x01"

# The first form field after an element in document order, per intent that types or picks.
_TEXT_FIELD = (
    "self::textarea or self::input[not(@type) or not(contains("
    "' hidden submit button reset image checkbox radio file color range ',"
    " concat(' ', translate(@type, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
    " 'abcdefghijklmnopqrstuvwxyz'), ' ')))] or self::*[@contenteditable='true']"
)
_FIELD_AFTER: dict[Intent, str] = {
    "fill": f"xpath=following::*[{_TEXT_FIELD}][1]",
    "select": "xpath=following::*[self::select or @role='combobox'][1]",
}


def _holding(value: str) -> str:
    """Text inputs whose written value is exactly `value`."""
    quoted = value.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'input[value="{quoted}"]:not([type=hidden]):not([type=submit]):not([type=button])'
        ":not([type=checkbox]):not([type=radio]):not([type=reset])"
    )


def _moved_title(page: Root, name: str) -> Locator:
    """An icon link whose `title` a tooltip library moved aside when it started (Bootstrap
    keeps it in `data-bs-original-title`, older versions in `data-original-title`)."""
    key = name.replace("\\", "\\\\").replace('"', '\\"')
    return page.locator(f'[data-bs-original-title="{key}" i], [data-original-title="{key}" i]')


def _by_name_attr(name: str) -> str:
    """A form field whose `name` attribute is the target, ignoring case and spaces versus
    underscores ("Due date" for `due_date`): the last resort of a field with no label."""
    key = "_".join(name.split()).replace("\\", "\\\\").replace('"', '\\"')
    return f'input[name="{key}" i], textarea[name="{key}" i], select[name="{key}" i]'


# The ARIA role a person would name an element by (explicit, else implied by its tag).
_ROLE_JS = """el => {
  const r = el.getAttribute('role'); if (r) return r;
  const t = el.tagName;
  if (t === 'A') return 'link';
  if (t === 'BUTTON' || t === 'SUMMARY') return 'button';
  if (t === 'SELECT') return el.multiple ? 'listbox' : 'combobox';
  if (t === 'TEXTAREA') return 'textbox';
  if (t === 'INPUT') {
    const k = (el.type || 'text').toLowerCase();
    if (['checkbox', 'radio'].includes(k)) return k;
    if (['submit', 'button', 'reset', 'image'].includes(k)) return 'button';
    if (k === 'search') return 'searchbox';
    if (['number', 'range'].includes(k)) return 'spinbutton';
    return 'textbox';
  }
  return 'element';
}"""


# For every element a tier matches, in one round trip: its role (for the details), its box
# (to pick the one nearest an anchor), and — for a click on plain text in a table row — the
# text of the row's link to follow instead (see `_row_link`), else null.
_PICK_TEMPLATE = """els => els.map(el => {
  const role = (ROLE_FN)(el);
  const r = el.getBoundingClientRect();
  const chosen = (INERT_FN)(el);
  let link = null;
  if (chosen >= 0) {
    const a = el.closest('tr, [role=row]').querySelectorAll('ROW_LINK_CSS')[chosen];
    const name = (a.innerText || '').split(/\\s+/).join(' ').trim() ||
      a.getAttribute('title') || a.getAttribute('aria-label') || a.getAttribute('href') || '';
    link = [chosen, name];
  }
  return [role, [r.left, r.top, r.right, r.bottom], link];
})"""


def _named(tier: _Tier, role: str) -> str:
    """The tier's description with the chosen element's role filled in."""
    return tier.how.replace(ROLE_SLOT, role) if tier.role_slot else tier.how


_BOXES_JS = (
    "els => els.map(e => { const r = e.getBoundingClientRect(); "
    "return [r.left, r.top, r.right, r.bottom]; })"
)


def _gap(a: list[float], b: list[float]) -> float:
    """Distance between two boxes on screen (0 when they overlap)."""
    dx = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    dy = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return float((dx * dx + dy * dy) ** 0.5)


@dataclass(frozen=True)
class _Picked:
    """A tier's chosen element, and the name of its table row's link when the element is
    plain text in a linked row (a click there means that link)."""

    match: Match
    row_link: tuple[int, str] | None = None  # (index among the row's links, its name)


async def _pick(
    tier: _Tier, nth: int | None, what: str, near: Near | None = None
) -> _Picked | Miss | None:
    """Choose among a tier's visible matches, honouring `nth` (0-based, -1 = last), else
    the one nearest to `near`, else the first in document order. One round trip reads what
    every choice needs."""
    found: list[list[object]] = await tier.locator.evaluate_all(_PICK_JS)
    count = len(found)
    if count == 0:
        return None
    note = ""
    if nth is not None:
        index = nth if nth >= 0 else count + nth
        if not 0 <= index < count:
            wanted = "last" if nth == -1 else ordinal_suffix(nth + 1)
            return Miss(f"only {count} element(s) match {what}; the step wants the {wanted}")
        place = "last" if nth == -1 else ordinal_suffix(index + 1)
        how = f"{_named(tier, str(found[index][0]))} ({place} of {count})"
    elif near is not None and count > 1:
        anchor: list[list[float]] = await near.anchor.evaluate_all(_BOXES_JS)
        index = 0
        if anchor:
            gaps = [_gap(_box(f[1]), anchor[0]) for f in found]
            index = min(range(count), key=lambda i: (gaps[i], i))
        how = _named(tier, str(found[index][0]))
        if anchor:
            note = f"{count} elements match {how}; used the one nearest to {near.name}"
    else:
        index = 0
        how = _named(tier, str(found[0][0]))
        if count > 1:
            note = f"{count} elements match {how}; used the first in document order"
    locator = tier.locator.first if index == 0 and nth is None else tier.locator.nth(index)
    link = found[index][2]
    row_link = (int(link[0]), str(link[1])) if isinstance(link, list) else None
    return _Picked(Match(locator, how, note), row_link)


def _box(value: object) -> list[float]:
    return [float(v) for v in value] if isinstance(value, list) else [0.0, 0.0, 0.0, 0.0]


async def _first_tier(
    tiers: list[_Tier],
    nth: int | None,
    what: str,
    target: str,
    near: Near | None = None,
    mentioned: asyncio.Future[bool] | None = None,
) -> _Picked | Miss | None:
    """The first tier, in order, that matches. The most precise tier is asked alone (most
    steps resolve there); after a miss the rest are asked at once, so a target found by its
    placeholder costs two waits for the page instead of five. The order decides as before.
    When `mentioned` (asked alongside the first tier) says no word of the target is anywhere
    in the page, no tier can match and none is asked."""
    if not tiers:
        return None
    for i, batch in enumerate((tiers[:1], tiers[1:])):
        if mentioned is not None and (i > 0 or mentioned.done()) and not await mentioned:
            return None
        results = await asyncio.gather(
            *(_pick(t, nth, what, near) for t in batch), return_exceptions=True
        )
        for tier, picked in zip(batch, results, strict=True):
            if isinstance(picked, PlaywrightError) and tier.selector:
                # Only a selector tier can be refused by the selector engine; a page that
                # navigated meanwhile is retried by the caller like any other miss.
                return Miss(f"'{target}' is not a valid selector: {_first_line(picked)}")
            if isinstance(picked, BaseException):
                raise picked
            if picked is not None:
                return picked
    return None


@dataclass(frozen=True)
class Near:
    """The anchor of a `near` scope and how the details name it."""

    anchor: Locator
    name: str


async def locate(
    page: Page,
    target: str,
    *,
    role: str | None = None,
    nth: int | None = None,
    exact: bool = False,
    intent: Intent = "any",
    visible: bool = True,
    fuzzy: bool = True,
    root: Root | None = None,
    token: str = "",
    near: Near | None = None,
) -> Match | Miss:
    """Resolve `target` on `page` now (no waiting: the caller retries a transient miss).

    With `visible`, only elements a person could see count, so a hidden duplicate of a
    button never shadows the real one. A `role` hint narrows every tier to that role; when
    nothing of that role matches, elements of the other roles the intent allows (link for
    button, …) are tried by name, because people call links "buttons" and vice versa.
    `root` (a scope's container, marked with `token`) limits every tier and the fuzzy
    candidates to that container; `near` picks the match closest to an anchor.
    """
    base: Root = page if root is None else root
    roles = (role,) if role else _ROLES[intent]
    passes: list[tuple[str | None, tuple[str, ...]]] = [(role, roles)]
    if role:
        passes.append((None, _ROLES[intent]))
    what = f"'{target}'"
    mentioned: asyncio.Future[bool] | None = None
    if not looks_like_selector(target) and target.strip().lower() not in _HTML_TAGS:
        mentioned = asyncio.ensure_future(_mentioned(page, target))
    for role_filter, pass_roles in passes:
        tiers: list[_Tier] = []
        for tier in _tiers(base, target, pass_roles, exact, intent):
            if role and role_filter is None and not tier.by_role:
                continue  # "the 'Log in' button" may be a link, but never a heading or a label
            loc = tier.locator
            if role_filter and not tier.by_role:
                loc = loc.and_(page.get_by_role(role_filter))  # type: ignore[arg-type]
            if visible:
                loc = loc.filter(visible=True)
            tiers.append(_Tier(tier.how, loc, tier.by_role, tier.selector, tier.role_slot))
        chosen = await _first_tier(tiers, nth, what, target, near, mentioned)
        if isinstance(chosen, Miss):
            return chosen
        if chosen is None:
            continue
        picked = chosen.match
        if role_filter is None and role:
            picked = Match(
                picked.locator,
                picked.how,
                f"no {role} matches '{target}'; used {picked.how} instead",
            )
        if intent == "click" and chosen.row_link is not None:
            picked = _row_link(picked, *chosen.row_link)
        elif (
            intent == "click"
            and nth is None
            and not looks_like_selector(target)
            and (going := await into_link(picked.locator, picked.how, target.strip()))
        ):
            picked = Match(*going)
        return picked
    if looks_like_selector(target):
        return Miss(f"no element matches the selector '{target}'")
    numbered = _PAGE_NUMBER.match(target.strip()) if intent == "click" else None
    if numbered:
        paged = await _page_link(base, numbered.group(1))
        if paged is not None:
            return paged
    candidates = await _candidates(page, token)
    best = _best(target, role, candidates)
    usable = _FUZZY_ROLES.get(intent)
    if usable is not None:
        best = _best(target, role, [c for c in candidates if c[1] in usable]) or best
    if fuzzy and best and best[0] >= FUZZY_ACCEPT and (usable is None or best[1] in usable):
        score, cand_role, cand_name, index, ties = best
        note = f"no exact match for '{target}'; used {cand_role or 'element'} '{cand_name}'"
        note += f" (similarity {score:.2f})"
        if ties > 1:
            note += f"; {ties} equally close, used the first in document order"
        return Match(_candidate_root(page, token).nth(index), f"{cand_role} '{cand_name}'", note)
    reason = f"no element matching '{target}'"
    if role:
        reason = f"no {role} matching '{target}'"
    if best:
        score, cand_role, cand_name, *_ = best
        reason += f" — closest: {cand_role or 'element'} '{cand_name}' ({score:.2f})"
    return Miss(reason)


# For plain text in a table row whose row links to the record: which of the row's links a
# click on the text means (its index among them), else -1. A link that says it shows the
# record ("View Record", "Details") comes first, then the first link, visible ones before
# hidden ones; a link that deletes or removes is never one of them.
_ROW_LINK = 'a[href]:not([href="#"]):not([href^="javascript:"])'
_INERT_IN_LINKED_ROW_JS = """el => {
  const live = 'a[href], button, input, select, textarea, label, summary, [role=button], ' +
    '[role=link], [role=tab], [role=menuitem], [onclick], [tabindex]';
  if (el.closest(live)) return -1;
  const row = el.closest('tr, [role=row]');
  if (!row) return -1;
  const said = (a) => [a.innerText, a.getAttribute('title'), a.getAttribute('aria-label'),
    a.getAttribute('data-original-title'), a.getAttribute('data-bs-original-title')]
    .filter(Boolean).join(' ');
  const links = [...row.querySelectorAll('ROW_LINK_CSS')];
  const shown = (a) => a.getClientRects().length > 0 && getComputedStyle(a).visibility !== 'hidden';
  const kept = links.map((a, i) => [a, i])
    .filter(([a]) => !/\\b(delete|remove)\\b/i.test(said(a)));
  const usable = kept.some(([a]) => shown(a)) ? kept.filter(([a]) => shown(a)) : kept;
  const shows = usable.find(([a]) => /\\b(view|details?|show|open)\\b/i.test(said(a)));
  return shows ? shows[1] : usable.length ? usable[0][1] : -1;
}"""
_PICK_JS = (
    _PICK_TEMPLATE.replace("ROLE_FN", _ROLE_JS)
    .replace("INERT_FN", _INERT_IN_LINKED_ROW_JS)
    .replace("ROW_LINK_CSS", _ROW_LINK)
)


def _row_link(found: Match, index: int, name: str) -> Match:
    """A click on a table cell's plain text ("open Oat Cookie") means the row's link: list
    pages often link a row through its id or an icon ("View Record"), not through the name
    people use."""
    row = found.locator.locator("xpath=ancestor::*[self::tr or @role='row'][1]")
    link = row.locator(_ROW_LINK).nth(index)
    note = f"{found.how} is plain text in a table row; used the row's link '{name}'"
    return Match(link, f"link '{name}' in the row of {found.how}", note)


_PAGE_NUMBER = re.compile(r"^(?:page|p\.)\s*(\d+)$", re.I)
_PAGINATION = (
    "nav, .pagination, [class*=paginat], [class*=pager], [aria-label*=pagination i], "
    "[aria-label*=pages i]"
)


async def _page_link(root: Root, number: str) -> Match | None:
    """ "page 2": pagers name their links by the bare number, so the link or button "2"
    inside a pagination bar is that page."""
    bar = root.locator(_PAGINATION)
    loc = (
        bar.get_by_role("link", name=number, exact=True)
        .or_(bar.get_by_role("button", name=number, exact=True))
        .filter(visible=True)
    )
    if not await loc.count():
        return None
    return Match(loc.first, f"link '{number}' of the page numbers")


# Whether every word of a target occurs somewhere a tier could find it: the document's text
# (hidden text too, and inside open shadow roots), the attributes names come from, the
# values of form controls, and the CSS-generated text of anything that gets an accessible
# name. A superset of what any tier matches (it ignores visibility, order and whole-name
# rules), so "not mentioned" proves every tier would miss, in one round trip.
_MENTIONED_JS = """([words, pairs]) => {
  const ATTRS = ['aria-label', 'title', 'alt', 'placeholder', 'value', 'name', 'label',
    'aria-placeholder', 'aria-valuetext', 'data-bs-original-title', 'data-original-title'];
  const WITH_ATTRS = ATTRS.map((a) => `[${a}]`).join(', ');
  const NAMED = 'a, button, label, summary, legend, caption, [role], [aria-label], ' +
    'a *, button *, label *, summary *, [role] *';
  const parts = ['submit reset'];  // the names a browser gives unlabelled form buttons
  const visit = (root) => {
    parts.push(root === document ? (document.documentElement?.textContent ?? '')
      : root.textContent ?? '');
    for (const el of root.querySelectorAll(WITH_ATTRS)) {
      for (const a of ATTRS) { const v = el.getAttribute(a); if (v) parts.push(v); }
    }
    for (const el of root.querySelectorAll('input, textarea, select')) parts.push(el.value ?? '');
    for (const el of root.querySelectorAll(NAMED)) {
      for (const pseudo of ['::before', '::after']) {
        const c = getComputedStyle(el, pseudo).content;
        if (c && c !== 'none' && c !== 'normal') parts.push(c);
      }
    }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  const fold = new Map(pairs);
  // Only typographic marks are folded, none of them special inside a character class.
  const variants = new RegExp(`[${pairs.map(([v]) => v).join('')}]`, 'g');
  const hay = parts.join(' ').toLowerCase().replace(variants, (c) => fold.get(c));
  return words.every((w) => hay.includes(w));
}"""
_FOLD_PAIRS = [[v, k] for k, vs in wording.QUOTES.items() for v in vs if v != k]


async def _mentioned(page: Page, target: str) -> bool:
    """Whether the page mentions every word of `target` anywhere (see `_MENTIONED_JS`);
    True when the page cannot be asked, so a doubt never skips a tier."""
    words = wording.fold(target).lower().split()
    if not words:
        return True
    try:
        return bool(await page.evaluate(_MENTIONED_JS, [words, _FOLD_PAIRS]))
    except PlaywrightError:
        return True


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# --- fuzzy matching over the page's interactive elements --------------------------------------

_CANDIDATE_CSS = (
    "a[href], button, input:not([type=hidden]), select, textarea, label, summary, [role], "
    "[aria-label], [title], img[alt], h1, h2, h3, h4, h5, h6, [placeholder], [contenteditable]"
)

# Runs in the page: role and the names a person could use for each visible candidate. The
# index is the element's position in `_CANDIDATE_CSS` order, so a pick maps back to a locator.
_CANDIDATE_JS = """([sel, token]) => {
  const tags = {A: 'link', BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox',
    LABEL: 'label', SUMMARY: 'button', IMG: 'img', H1: 'heading', H2: 'heading',
    H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading'};
  const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim().slice(0, 120);
  const out = [];
  const roots = token ? [...document.querySelectorAll(`[data-vigil-scope="${token}"]`)]
    : [document];
  const els = roots.flatMap((r) => [...r.querySelectorAll(sel)]);
  els.forEach((el, i) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if ((box.width === 0 && box.height === 0) || style.visibility === 'hidden') return;
    let role = el.getAttribute('role') || tags[el.tagName] || '';
    if (el.tagName === 'INPUT') {
      const t = (el.type || 'text').toLowerCase();
      role = t === 'checkbox' ? 'checkbox' : t === 'radio' ? 'radio'
        : ['submit', 'button', 'reset', 'image'].includes(t) ? 'button'
        : t === 'search' ? 'searchbox' : 'textbox';
    }
    const names = [el.getAttribute('aria-label')];
    if (el.labels) for (const l of el.labels) names.push(l.innerText);
    const by = el.getAttribute('aria-labelledby');
    if (by) names.push(by.split(/\\s+/).map((id) => {
      const t = document.getElementById(id); return t ? t.innerText : ''; }).join(' '));
    names.push(el.innerText, el.getAttribute('placeholder'), el.getAttribute('title'),
      el.getAttribute('alt'));
    if (el.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(el.type)) {
      names.push(el.value);
    }
    const uniq = [...new Set(names.map(clean).filter(Boolean))];
    if (uniq.length) out.push([i, role, uniq]);
  });
  return out;
}"""

_Candidate = tuple[int, str, list[str]]
# (score, role, name, index, number of candidates with that score)
_Best = tuple[float, str, str, int, int]


def _candidate_root(page: Page, token: str) -> Locator:
    """The candidates as a locator, in the order `_CANDIDATE_JS` numbers them."""
    if token:
        return page.locator(f'[data-vigil-scope="{token}"]').locator(_CANDIDATE_CSS)
    return page.locator(_CANDIDATE_CSS)


async def _candidates(page: Page, token: str = "") -> list[_Candidate]:
    try:
        raw = await page.evaluate(_CANDIDATE_JS, [_CANDIDATE_CSS, token])
    except PlaywrightError:
        return []  # page navigating away; the caller retries
    return [(int(i), str(r), [str(n) for n in names]) for i, r, names in raw]


def _similarity(target: str, name: str) -> float:
    a, b = _norm(target), _norm(name)
    stripped = _norm(_FILLER.sub("", _FILLER.sub("", target.strip())))
    return max(fuzz.ratio(a, b), fuzz.ratio(stripped, b), fuzz.token_sort_ratio(a, b)) / 100


def _best(target: str, role: str | None, candidates: list[_Candidate]) -> _Best | None:
    """The closest candidate; equally close ones are counted so the note can say so."""
    scored: list[tuple[float, str, str, int]] = []
    for index, cand_role, names in candidates:
        name = max(names, key=lambda n: _similarity(target, n))
        score = _similarity(target, name)
        if role and cand_role and cand_role != role:
            score *= 0.9  # the wrong kind of element is a worse match, not an impossible one
        scored.append((round(score, 2), cand_role, name, index))
    if not scored:
        return None
    top = max(s[0] for s in scored)
    ties = [s for s in scored if s[0] == top]  # document order: the first is the earliest
    score, cand_role, name, index = ties[0]
    return score, cand_role, name, index, len(ties)


async def closest_text(page: Page, text: str) -> str:
    """The visible line most like `text`, as ` — closest text on the page: "…" (0.81)`, or
    an empty string; for an assert_text failure this usually shows the actual wording."""
    try:
        body = await page.evaluate("() => document.body ? document.body.innerText : ''")
    except PlaywrightError:
        return ""
    lines = {" ".join(line.split()) for line in str(body).splitlines()}
    best_score, best_line = 0.0, ""
    wanted = _norm(text)
    for line in lines:
        if not line:
            continue
        cand = _norm(line)
        if len(cand) > len(wanted) * 1.5:
            score = fuzz.partial_ratio(wanted, cand) * 0.95
        else:
            score = fuzz.ratio(wanted, cand)
        if score > best_score:
            best_score, best_line = score, line
    if best_score < 50:
        return ""
    shown = best_line if len(best_line) <= 80 else best_line[:77] + "…"
    return f' — closest text on the page: "{shown}" ({best_score / 100:.2f})'
