"""A dropdown drawn by the page instead of a native <select>: Quasar's q-select, react-select,
Streamlit's selectbox, a listbox button. A person picks in it the way they would anywhere:
open it, click the option that says the value in the list that opened, and look at the
control to see it now shows that value. Setting a value is only done once the control says
so: a click that the app ignored, or an option that changed a different control, fails.

What such a control shows is read from the control itself (its input's value, else the text
in its own box), never from text elsewhere on the page: "Status should be Blocked" must not
pass on a comment that mentions "Blocked".
"""

from __future__ import annotations

import asyncio
import re

from playwright.async_api import Locator, Page
from playwright.async_api import TimeoutError as PlaywrightTimeout

from vigil.browser import wording

# [is a custom choice, whether typing in it filters the options]: a combobox or a button that
# opens a listbox, never a native <select> (select_option drives those) and never a text box
# that merely suggests (a search field with suggestions is typed into).
_KIND_JS = """(el) => {
  if (el.tagName === 'SELECT') return [false, false];
  const role = (el.getAttribute('role') || '').toLowerCase();
  const popup = (el.getAttribute('aria-haspopup') || '').toLowerCase();
  const typing = (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && !el.readOnly &&
    el.getAttribute('aria-readonly') !== 'true';
  const autocomplete = (el.getAttribute('aria-autocomplete') || 'none').toLowerCase();
  if (role === 'combobox') {
    // An editable combobox that completes free text is a text box, unless it says it lists
    // a fixed set of options (react-select, Streamlit's selectbox say "list").
    if (typing && autocomplete !== 'list' && autocomplete !== 'both') return [false, false];
    if (typing && el.type === 'search') return [false, false];
    return [true, typing];
  }
  if (popup === 'listbox' || (role === 'button' && popup === 'true') ||
      (el.tagName === 'BUTTON' && popup === 'listbox')) return [true, false];
  return [false, false];
}"""

# What a choice control shows: a text box's value, else the text in the control's own box
# (climbing at most four levels and never into a box that holds another control), without
# its label's words.
_SHOWN_JS = """(el) => {
  const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  if (el.tagName === 'SELECT') {
    return [...el.selectedOptions].map((o) => clean(o.text)).join(', ');
  }
  if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && clean(el.value)) {
    return clean(el.value);
  }
  const byIds = (ids) => (ids || '').split(/\\s+/).map((id) => {
    const t = id && document.getElementById(id); return t ? t.innerText : ''; }).join(' ');
  const labels = [el.getAttribute('aria-label'), byIds(el.getAttribute('aria-labelledby')),
    ...(el.labels ? [...el.labels].map((l) => l.innerText) : [])].map(clean).filter(Boolean);
  const strip = (text) => {
    let t = ' ' + text + ' ';
    for (const l of labels) t = t.split(' ' + l + ' ').join(' ');
    return clean(t);
  };
  const controls = 'input:not([type=hidden]), select, textarea, [role=combobox], button';
  if (!(el.tagName === 'INPUT' || el.tagName === 'TEXTAREA')) {
    const own = strip(clean(el.innerText));
    if (own) return own;
  }
  let box = el.parentElement;
  for (let up = 0; box && up < 4; up += 1, box = box.parentElement) {
    const others = [...box.querySelectorAll(controls)].filter((c) => c !== el &&
      !c.contains(el) && !el.contains(c) && c.getAttribute('aria-hidden') !== 'true' &&
      !(c.tagName === 'INPUT' && c.type === 'hidden'));
    if (others.length) break;
    if (box.tagName === 'FORM' || box.tagName === 'BODY') break;
    const text = strip(clean(box.innerText));
    if (text) return text;
  }
  return '';
}"""

# The listbox the control says it opens (aria-controls / aria-owns), if it is on the page.
_LISTBOX_JS = """(el) => {
  for (const attr of ['aria-controls', 'aria-owns']) {
    for (const id of (el.getAttribute(attr) || '').split(/\\s+/)) {
      if (id && document.getElementById(id)) return id;
    }
  }
  return '';
}"""

_SETTLE_S = 0.1


async def is_choice(control: Locator, timeout_ms: float) -> tuple[bool, bool]:
    """(a custom choice control, typing into it filters its options)."""
    custom, typing = await control.evaluate(_KIND_JS, timeout=timeout_ms)
    return bool(custom), bool(typing)


async def shown(control: Locator, timeout_ms: float) -> str:
    """The value a choice control shows, '' when it shows none."""
    return str(await control.evaluate(_SHOWN_JS, timeout=timeout_ms))


def _named(wanted: str) -> re.Pattern[str]:
    """An option's whole name, any case: "High" is never "Highest"."""
    return wording.loose(wanted)


async def _options(page: Page, control: Locator, timeout_ms: float) -> Locator:
    """The options of the list the control opened: its own listbox when it names one."""
    listbox = str(await control.evaluate(_LISTBOX_JS, timeout=timeout_ms))
    if listbox:
        owned = page.locator(f"[id='{listbox}']").get_by_role("option")
        if await owned.filter(visible=True).count():
            return owned.filter(visible=True)
    return page.get_by_role("option").filter(visible=True)


async def _wait_for_options(page: Page, control: Locator, timeout_ms: float) -> Locator:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout_ms / 1000
    while True:
        options = await _options(page, control, timeout_ms)
        if await options.count() or loop.time() >= end:
            return options
        await asyncio.sleep(_SETTLE_S)


async def choose(page: Page, control: Locator, wanted: str, timeout_ms: float) -> str | None:
    """Open `control`, click the option named `wanted`, and wait until the control shows it.
    Returns None when it does, else what went wrong (the options that were offered, or what
    the control shows instead)."""
    _, typing = await is_choice(control, timeout_ms)
    await control.click(timeout=timeout_ms)
    wait_ms = min(timeout_ms, 3000)
    options = await _wait_for_options(page, control, wait_ms)
    option = await _option(page, options, wanted)
    if option is None and typing:
        # A long list filters as one types (react-select, Streamlit): type, then look again.
        await control.fill(wanted, timeout=timeout_ms)
        options = await _wait_for_options(page, control, wait_ms)
        option = await _option(page, options, wanted)
    if option is None:
        offered = [wording.fold(t) for t in await options.all_inner_texts()]
        await page.keyboard.press("Escape")
        if not offered:
            return f"clicked it, but no list of options opened (no option '{wanted}')"
        listed = ", ".join(t for t in offered if t)[:300]
        return f"no option '{wanted}' in the list that opened (options: {listed})"
    await option.click(timeout=timeout_ms)
    return await _shows(control, wanted, timeout_ms)


async def _option(page: Page, options: Locator, wanted: str) -> Locator | None:
    """The option whose whole text (else whole accessible name) is `wanted`."""
    for candidate in (
        options.filter(has_text=_named(wanted)),
        page.get_by_role("option", name=_named(wanted)).filter(visible=True),
    ):
        if await candidate.count():
            return candidate.first
    return None


async def _shows(control: Locator, wanted: str, timeout_ms: float) -> str | None:
    """Wait (within the step's time) until the control shows `wanted`: a server-drawn app
    answers the click over its socket, so the control changes a moment later."""
    loop = asyncio.get_running_loop()
    end = loop.time() + min(timeout_ms, 5000) / 1000
    now = ""
    while True:
        try:
            now = await shown(control, timeout_ms)
        except PlaywrightTimeout:
            now = ""
        if is_shown(now, wanted):
            return None
        if loop.time() >= end:
            said = f"'{now}'" if now else "nothing"
            return f"clicked the option '{wanted}', but the control shows {said}"
        await asyncio.sleep(_SETTLE_S)


def is_shown(now: str, wanted: str) -> bool:
    """The control shows the value: the whole of it, or, for a multi-select, one of its
    comma-separated parts."""
    fold = wording.fold(wanted).casefold()
    parts = [wording.fold(p).casefold() for p in now.split(",")]
    return wording.fold(now).casefold() == fold or fold in parts
