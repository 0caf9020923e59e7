"""A filter added through an "Add filter" widget: "filter Products by Category: Cooking" on a
list whose filters are not dropdowns or facet links but a menu of field names.

Admin screens such as Flask-Admin's offer a link "Add Filter" that opens a menu of the
fields one can filter on; choosing a field adds a row to a filter form (an operation
dropdown and a value field), and an "Apply" button runs the filter. A person drives it in
that order, and so does `add_filter`:

1. click the page's "Add filter" control;
2. click the menu item named after the field — one that was not shown before the click, so
   the column header or a facet of the same name is never taken for it;
3. put the value into the field that appeared with it: a dropdown that offers the value is
   set to it, else the text field gets it typed (an operation dropdown keeps its default);
4. submit: the visible "Apply"/"Filter"/"Search"/"Go" button of that field's form, else
   Enter in the field.

Each stage that finds nothing fails the step and says which stage it was; nothing is guessed.
"""

from __future__ import annotations

import contextlib
import re

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator

from vigil.browser import wording
from vigil.browser.step_base import Deadline, Look, StepEnv, StepOutcome, arrive, retrying
from vigil.models import PlanStep

_ADD_FILTER = re.compile(r"^[\W_]*(?:\+\s*)?add\s+(?:a\s+)?filters?[\W_]*$", re.I)
_SUBMIT = re.compile(r"^[\W_]*(?:apply|filter|search|go|ok|submit)\b", re.I)
SEEN = "data-vigil-seen"  # a control shown before the widget was opened
FIELD_SEEN = "data-vigil-field-seen"  # a form field shown before the field was chosen
ENTRY = "data-vigil-entry"  # the field the value went into

# Marks what is visible now (`SEEN`), so what a click reveals can be told from what was
# already there. Attributes starting with data-vigil are not page changes (recorder.py).
_MARK_SHOWN_JS = """([attr, which]) => {
  for (const el of document.querySelectorAll('[' + attr + ']')) el.removeAttribute(attr);
  for (const el of document.querySelectorAll(which)) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden') {
      el.setAttribute(attr, '');
    }
  }
}"""
_UNMARK_JS = """(attrs) => {
  for (const attr of attrs) {
    for (const el of document.querySelectorAll('[' + attr + ']')) el.removeAttribute(attr);
  }
}"""
_OPTIONS_JS = "el => el.options ? [...el.options].map(o => [o.value, o.label.trim()]) : []"
_FIELDS = "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea"
_CONTROLS = "a, button, input, select, textarea, [role], li, label, summary"


async def add_control(env: StepEnv) -> tuple[Locator, str] | None:
    """The page's visible "Add filter" control and its name, or None."""
    page = env.page
    loc = page.get_by_role("link", name=_ADD_FILTER).or_(
        page.get_by_role("button", name=_ADD_FILTER)
    )
    loc = loc.filter(visible=True)
    if not await loc.count():
        return None
    name = " ".join((await loc.first.inner_text()).split()) or "Add filter"
    return loc.first, name


def _new(loc: Locator, env: StepEnv, mark: str = SEEN) -> Locator:
    """`loc` limited to elements that were not visible when `_MARK_SHOWN_JS` marked them."""
    return loc.and_(env.page.locator(f":not([{mark}])")).filter(visible=True)


async def add_filter(
    step: PlanStep, env: StepEnv, dl: Deadline, control: Locator, control_name: str
) -> StepOutcome:
    """Drive the "Add filter" widget for field `step.target` and value `step.value`."""
    page = env.page
    field_name, value = step.target or "", (step.value or "").strip()
    said = f"'{control_name}'"
    await env.settle()
    await page.evaluate(_MARK_SHOWN_JS, [SEEN, _CONTROLS])
    try:
        await control.click(timeout=dl.ms())
        name = wording.loose(field_name)
        item = _new(page.get_by_role("link", name=name), env)
        for other in (
            page.get_by_role("button", name=name),
            page.get_by_role("menuitem", name=name),
            page.get_by_role("option", name=name),
            page.get_by_role("tab", name=name),
        ):
            item = item.or_(_new(other, env))

        async def menu_item(look: Look) -> StepOutcome | str:
            if await item.count():
                return StepOutcome(True, "")
            return f"clicked {said}, but no '{field_name}' appeared in what it opened"

        opened = await retrying(env, dl, menu_item, env.retries)
        if not opened.passed:
            return StepOutcome(False, opened.details)
        await page.evaluate(_MARK_SHOWN_JS, [FIELD_SEEN, _FIELDS])
        await item.first.click(timeout=dl.ms())
        fields = _new(page.locator(_FIELDS), env, FIELD_SEEN)
        entry: list[str] = []

        async def value_field(look: Look) -> StepOutcome | str:
            typed = await _enter(fields, value, dl)
            if typed is None:
                return f"chose '{field_name}' in {said}, but no field for the value appeared"
            entry.append(typed)
            return StepOutcome(True, "")

        filled = await retrying(env, dl, value_field, env.retries)
        if not filled.passed:
            return StepOutcome(False, filled.details)
        how = await _submit(env, dl)
    finally:
        # The marks go with the page when the filter loaded another; else they are cleared.
        with contextlib.suppress(PlaywrightError):
            await page.evaluate(_UNMARK_JS, [SEEN, FIELD_SEEN, ENTRY])
    late = await arrive(env, dl)
    done = f"added a filter with {said}: chose '{field_name}', {entry[0]} and {how}"
    if late is not None:
        return StepOutcome(False, f"{done}, but {late}")
    return StepOutcome(True, done)


async def _enter(fields: Locator, value: str, dl: Deadline) -> str | None:
    """Put `value` into the new fields: a dropdown offering it is set to it, else the last
    text field gets it typed. The field used is marked for `_submit`. Returns what was
    done, or None when no field is there yet."""
    count = await fields.count()
    text_field: Locator | None = None
    for i in range(count):
        field = fields.nth(i)
        if await field.evaluate("el => el.tagName", timeout=dl.ms()) == "SELECT":
            for option, label in await field.evaluate(_OPTIONS_JS, timeout=dl.ms()):
                if value.casefold() in (str(option).casefold(), str(label).casefold()):
                    await field.select_option(value=str(option), timeout=dl.ms())
                    await _mark_entry(field)
                    return f"selected '{label}' in the new dropdown"
        else:
            text_field = field
    if text_field is None:
        return None
    await text_field.fill(value, timeout=dl.ms())
    await _mark_entry(text_field)
    return f"typed '{value}' into the new field"


async def _mark_entry(field: Locator) -> None:
    await field.evaluate("(el, attr) => el.setAttribute(attr, '')", ENTRY)


async def _submit(env: StepEnv, dl: Deadline) -> str:
    """Run the filter: the visible submit button of the value field's form that says
    apply/filter/search/go, else Enter in the field."""
    target = env.page.locator(f"[{ENTRY}]").first
    form = target.locator("xpath=ancestor::form[1]")
    buttons = form.get_by_role("button", name=_SUBMIT).filter(visible=True)
    if await form.count() and await buttons.count():
        name = " ".join((await buttons.first.inner_text()).split())
        await env.settle()
        await buttons.first.click(timeout=dl.ms())
        return f"clicked '{name or 'the submit button'}'"
    await target.press("Enter", timeout=dl.ms())
    return "pressed Enter in it"
