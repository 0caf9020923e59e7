"""Finding a named record the way a person does when it is not where the step looks.

"open the book Cosmos" right after signing in, on an admin home that lists the kinds of
records: a person goes to the list for that kind (the link "Books" for "book") and finds the
row there. "delete the ticket 'X'" where X's row has no Delete control: a person opens X and
uses the Delete on its own page. Both are tried only after the step missed, and the step's
details say what was done, so a pass never hides a detour.
"""

from __future__ import annotations

import re

from playwright.async_api import Locator, Page

from vigil.browser import wording
from vigil.browser.grounding import page_named
from vigil.browser.locate import Match

_LIST_ROLES = ("link", "tab", "button", "menuitem")


def kind_names(kind: str) -> list[str]:
    """The names a list of `kind` records goes by: "book" → "Books", "book"; "category" →
    "Categories"; "box" → "Boxes"."""
    word = kind.strip().casefold()
    names = [f"{word}s", word]
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        names.insert(0, f"{word[:-1]}ies")
    if word.endswith(("s", "x", "z", "ch", "sh")):
        names.insert(0, f"{word}es")
    return names


def _kind_pattern(kind: str) -> re.Pattern[str]:
    spelled = "|".join(re.escape(n) for n in kind_names(kind))
    # "Books", "Books 12", "+ Books": the name, decorations around it allowed.
    return re.compile(rf"^[\s\W_]*(?:{spelled})(?:\s*[^\w\s]+|\s+\(?\d[\d,.]*\)?)*\s*$", re.I)


async def kind_list(page: Page, kind: str) -> Match | None:
    """The link, tab or button that opens the list of `kind` records: its name is the kind,
    plural or singular. Main content before navigation, then document order."""
    pattern = _kind_pattern(kind)
    for role in _LIST_ROLES:
        loc = page.get_by_role(role, name=pattern).filter(visible=True)  # type: ignore[arg-type]
        count = await loc.count()
        if not count:
            continue
        name = " ".join((await loc.first.inner_text()).split()) or kind_names(kind)[0]
        note = f"{count} fit; used the first in document order" if count > 1 else ""
        return Match(loc.first, f"{role} '{name}'", note)
    return None


_RECORD_LINK_JS = """(row) => {
  const links = [...row.querySelectorAll('a[href]')].filter((a) => {
    const r = a.getBoundingClientRect(); const h = a.getAttribute('href') || '';
    return r.width > 0 && r.height > 0 && h !== '#' && !h.startsWith('javascript:');
  });
  return links.map((a) => (a.innerText || a.getAttribute('title') ||
    a.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim());
}"""


async def record_link(row: Locator, name: str) -> Match | None:
    """The link in a record's row that opens the record: the one showing its name, else
    the row's only link. None when the row offers no single way in."""
    texts: list[str] = await row.evaluate(_RECORD_LINK_JS)
    links = row.locator("a[href]").filter(visible=True)
    wanted = wording.fold(name).casefold()
    for index, text in enumerate(texts):
        if wanted and wanted in wording.fold(text).casefold():
            return Match(links.nth(index), f"link '{text}'")
    if len(texts) == 1:
        return Match(links.first, f"link '{texts[0]}'" if texts[0] else "the row's link")
    return None


_ADD_VERB = r"(?:add|new|create)"


async def add_control(page: Page, kind: str) -> Match | None:
    """The control that opens the form for a new `kind` record: a link or button named
    "Add book", "New Ticket", "+ Create customer"; else a bare "Add"/"New" in the row that
    names the kind's list (an admin home: "Books | Add | Change")."""
    spelled = "|".join(re.escape(n) for n in kind_names(kind))
    named = re.compile(
        rf"^[\s+\W_]*{_ADD_VERB}(?:\s+(?:a|an))?(?:\s+new)?\s+(?:{spelled})\s*[+]?\s*$", re.I
    )
    for role in ("link", "button", "menuitem"):
        loc = page.get_by_role(role, name=named).filter(visible=True)
        if await loc.count():
            name = " ".join((await loc.first.inner_text()).split()) or f"Add {kind}"
            return Match(loc.first, f"{role} '{name}'")
    bare = re.compile(rf"^[\s+\W_]*{_ADD_VERB}\s*[+]?\s*$", re.I)
    rows = page.locator("tr, li, [role=row]").filter(has_text=_kind_pattern_in_text(kind))
    for role in ("link", "button"):
        loc = rows.get_by_role(role, name=bare).filter(visible=True)  # type: ignore[arg-type]
        if await loc.count():
            row = " ".join((await rows.first.inner_text()).split())[:40]
            return Match(loc.first, f"{role} 'Add' in the row '{row}'")
    return await _bare_add_on_the_kinds_page(page, kind, bare)


async def _bare_add_on_the_kinds_page(page: Page, kind: str, bare: re.Pattern[str]) -> Match | None:
    """An admin list whose tabs say "List | Create" (Flask-Admin): a bare "Create"/"Add"/
    "New" is the kind's only when the page is that kind's (its title, main heading or URL
    names it) and there is exactly one such control, so a stray "New" elsewhere never is."""
    named, how = await page_named(page, kind)
    if not named:
        return None
    for role in ("link", "button", "tab"):
        loc = page.get_by_role(role, name=bare).filter(visible=True)
        if await loc.count() == 1:
            name = " ".join((await loc.first.inner_text()).split())
            return Match(loc.first, f"{role} '{name}' on the {kind} page ({how})")
    return None


def _kind_pattern_in_text(kind: str) -> re.Pattern[str]:
    spelled = "|".join(re.escape(n) for n in kind_names(kind))
    return re.compile(rf"^\s*(?:{spelled})\b", re.I)


# What a confirmation's "yes" says: "Yes, I'm sure", "Confirm", "OK", "Delete", "Proceed".
CONFIRMING = re.compile(
    r"^\s*(?:yes\b.*|confirm\b.*|ok(?:ay)?|i['\u2019]m\s+sure|proceed|continue|delete|remove|"
    r"yes,?\s+delete.*)\s*$",
    re.I,
)
# Names a plan gives the control that confirms when the goal only says "confirm when asked".
CONFIRM_WORDS = frozenset({"confirm", "ok", "yes"})


_DIALOGS = "dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]"


async def confirming_control(page: Page, *, dialogs_only: bool = False) -> Match | None:
    """The control that says yes to the confirmation on screen: in an open dialog first,
    else (unless `dialogs_only`) a submit button of the page's form."""
    scopes = (_DIALOGS,) if dialogs_only else (_DIALOGS, "form", "body")
    for scope in scopes:
        root = page.locator(scope).filter(visible=True)
        if not await root.count():
            continue
        for role in ("button", "link"):
            loc = root.get_by_role(role, name=CONFIRMING).filter(visible=True)
            if await loc.count():
                name = " ".join(str(await loc.first.evaluate(_NAME_JS)).split())
                return Match(loc.first, f"{role} '{name}'")
    return None


# A confirmation told as a page of its own (Django admin's "Are you sure? [Yes, I'm sure]"):
# only an unmistakable yes, never a bare "Delete" or "OK" that any form may carry.
_PAGE_YES = re.compile(r"^\s*(?:yes\b.*|i['\u2019]m\s+sure\b.*|confirm(?:\s+delet\w*)?)\s*$", re.I)


_ASKS = re.compile(r"\b(?:sure|confirm\w*|delet\w*|remov\w*)\b", re.I)


async def confirming_page_control(page: Page) -> Match | None:
    """The one submit control of a confirmation page that says yes; None when the page does
    not ask (its title or main heading says nothing of being sure, confirming or deleting),
    or has no such control or several (then nothing is clicked and nothing is assumed)."""
    asks = f"{await page.title()} " + " ".join(
        await page.locator("h1, h2").filter(visible=True).all_inner_texts()
    )
    if not _ASKS.search(asks):
        return None
    loc = page.locator("form").get_by_role("button", name=_PAGE_YES).filter(visible=True)
    if await loc.count() != 1:
        return None
    name = " ".join(str(await loc.first.evaluate(_NAME_JS)).split())
    return Match(loc.first, f"button '{name}' on the confirmation page")


# A control's name as a person reads it: a submit input shows its value, not inner text.
_NAME_JS = "el => el.value || el.innerText || el.getAttribute('aria-label') || ''"


async def control_name(match: Match) -> str:
    return " ".join(str(await match.locator.evaluate(_NAME_JS)).split())


_MAIN_HEADING_JS = r"""() => {
  const shown = (el) => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const main = document.querySelector('main, [role=main]') || document.body;
  const h = [...main.querySelectorAll('h1, [role=heading][aria-level="1"]')].find(shown);
  return h ? h.innerText.replace(/\s+/g, ' ').trim() : '';
}"""


async def own_page_of(page: Page, name: str) -> bool:
    """Whether the page is the record `name`'s own page: its main heading holds the name as
    whole words ("Plum cake", "Edit Plum cake"). A notice or a list that mentions the name
    does not make a page the record's."""
    heading = str(await page.evaluate(_MAIN_HEADING_JS))
    return bool(heading) and wording.holds_whole(heading, name)
