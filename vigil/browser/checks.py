"""Claims about text, elements, field values and where the page is, and waits: steps that
only look at the page, looked at again until they hold or the page has settled.

A claim that something is absent ("'Error' should not appear", "is gone") is only passed
on a settled page: right after a click the old text may still be there, or the new text
may not have arrived yet, and both would make the answer a guess.
"""

from __future__ import annotations

import asyncio
import re

from vigil.browser import choices, fields, grounding, notices, perceivable, wording
from vigil.browser.locate import closest_text
from vigil.browser.step_base import (
    Deadline,
    Look,
    StepEnv,
    StepOutcome,
    find,
    in_scope,
    retrying,
    said,
    target_words,
)
from vigil.models import NOTIFICATION, WAIT_FOR_LOAD, PlanStep
from vigil.pipeline.vocabulary import parse_duration_ms


def contains(actual: str, wanted: str, exact: bool) -> bool:
    """Quotes and dashes count as typed: a page's "I\u2019m" is the goal's "I'm". Words
    and numbers count whole: "Unpaid" never shows "Paid" (wording.words_within)."""
    if exact:
        return wording.fold(actual) == wording.fold(wanted)
    return wording.holds_whole(actual, wanted)


def _shows_number(text: str, number: str) -> bool:
    return any(
        found.group().replace(",", "").lstrip("0") == number.lstrip("0")
        for found in re.finditer(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d.,]*\d)", text)
    )


async def _shown_in(step: PlanStep, env: StepEnv, text: str) -> tuple[bool, str] | str:
    """Whether `text` is visible where the step looks: (shown, where), or a miss reason."""
    if step.role == NOTIFICATION and not step.target:
        # "a 'Saved' notification should pop up": in a notification since the last action,
        # never the same words elsewhere on the page (notices.py).
        return await notices.shown(env.page, text, step.exact)
    scoped = await in_scope(step, env)
    if isinstance(scoped, str):
        return scoped
    if step.target and step.value:
        found = await find(step, env, "any", fuzzy=False, scoped=scoped)
        if isinstance(found, str):
            return found
        inside = await found.locator.inner_text()
        token = scoped.token if scoped is not None and scoped.anchor is None else ""
        if text.isdigit():
            # "the cart count is 1": the number the element shows, never part of another
            # number ("Cart (12)", "1.5").
            if not _shows_number(inside, text) and (
                tile := await fields.shown_value(env.page, step.target, token)
            ):
                # "the Open tasks number is 4": a metric tile's label holds no number; its
                # value is beside it ("Open tasks" over "4").
                shown = _shows_number(tile.value, text)
                # A miss says what the tile shows instead ("… holds '2'").
                return shown, f" in {tile.how}" + ("" if shown else f", which holds '{tile.value}'")
            return _shows_number(inside, text), f" in {found.how}"
        return contains(inside, text, step.exact), f" in {found.how}"
    if scoped is not None and scoped.anchor is None:
        inside = " ".join(await scoped.marked.all_inner_texts())
        return contains(inside, text, step.exact), f" {scoped.phrase}"
    said = text if step.exact else wording.words_within(text)
    loc = env.page.get_by_text(said, exact=step.exact).filter(visible=True)
    return await perceivable.seen_count(loc) > 0, " on the page"


async def assert_text(step: PlanStep, env: StepEnv, dl: Deadline, present: bool) -> StepOutcome:
    text = step.value or step.target or ""
    missing = False

    async def attempt(look: Look) -> StepOutcome | str:
        nonlocal missing
        seen = await _shown_in(step, env, text)
        if isinstance(seen, str):
            return seen
        shown, where = seen
        missing = present and not shown
        if shown == present and (present or look.last or await look.settled()):
            verb = "is shown" if present else "does not appear"
            return StepOutcome(True, f"text '{text}' {verb}{where}")
        if present:
            return f"text '{text}' not found{where}"
        if not shown:
            return f"text '{text}' does not appear{where}, but the page is still changing"
        return f"text '{text}' appears{where} but should not"

    outcome = await retrying(env, dl, attempt, env.retries)
    if missing and not outcome.passed and step.scope is None and step.role != NOTIFICATION:
        outcome.details += await closest_text(env.page, text)
    return outcome


async def assert_visible(step: PlanStep, env: StepEnv, dl: Deadline, want: bool) -> StepOutcome:
    if step.ground == "page":
        return await _on_page(step, env, dl, want)

    async def attempt(look: Look) -> StepOutcome | str:
        current, where = step, ""
        scoped = await in_scope(step, env)
        if isinstance(scoped, str) and await _on_its_own_page(step, env):
            # "the ticket should carry the email tag" on the ticket's own page: no row holds
            # it because the page is the record's; its tag is an element of its own there.
            current, where = step.model_copy(update={"scope": None}), _OWN_PAGE.format(step)
            scoped = None
        if isinstance(scoped, str):
            # A part of the page that is not there holds nothing, so nothing was checked:
            # a claim of absence inside a missing scope fails like any other miss.
            return scoped
        if where:
            return await _own_tag(env, step, dl, want, where)
        found = await find(current, env, "any", fuzzy=False, scoped=scoped)
        if not isinstance(found, str) and not await perceivable.is_seen(found.locator):
            found = f"{found.how} is on the page but hidden from view (off the page or transparent)"
        if want:
            if isinstance(found, str):
                return where + found
            return StepOutcome(True, where + said(found, "visible:"))
        if isinstance(found, str):
            if look.last or await look.settled():
                return StepOutcome(True, f"{where}{target_words(step)} is not visible")
            return f"{target_words(step)} is not visible, but the page is still changing"
        return f"{where}{found.how} is visible but should not be"

    return await retrying(env, dl, attempt, env.retries)


# [how many elements show the text whole, why each is not the record's ('' when it is)]: an
# element whose own text (icons hidden from assistive tech left out, any case) is the text,
# and not an element holding a smaller one that is.
_OWN_TAG_JS = r"""([name, target]) => {
  const fold = (s) => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const want = fold(target);
  const text = (n) => {
    if (n.nodeType === 3) return n.textContent;
    if (n.nodeType !== 1 || n.getAttribute('aria-hidden') === 'true') return '';
    const st = getComputedStyle(n);
    if (st.display === 'none' || st.visibility === 'hidden') return '';
    return [...n.childNodes].map(text).join(' ');
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const whole = [...document.body.querySelectorAll('*')].filter((el) =>
    !['SCRIPT', 'STYLE', 'TITLE'].includes(el.tagName) &&
    fold(el.textContent).includes(want) && shown(el) && fold(text(el)) === want &&
    ![...el.children].some((c) => fold(text(c)) === want));
  const why = whole.slice(0, 50).map((el) => {
    if (el.closest('label, select, textarea, input, [role=combobox], [role=listbox], ' +
                   '[role=textbox]')) return 'field';
    const row = el.closest('tr, [role=row], li');
    if (row && !fold(row.innerText).includes(fold(name))) return 'row';
    return '';
  });
  return [whole.length, why];
}"""


async def _own_tag(
    env: StepEnv, step: PlanStep, dl: Deadline, want: bool, where: str
) -> StepOutcome | str:
    """A tag of the record whose own page this is: an element whose whole text is the tag,
    neither a form field's value nor in another record's row."""
    name = step.scope.text if step.scope is not None else ""
    tag = step.target or ""
    count, why = await env.page.evaluate(_OWN_TAG_JS, [name, tag])
    own = "" in why
    if own == want:
        verb = "shows" if want else "does not show"
        return StepOutcome(True, f"{where}the page {verb} an element saying '{tag}'")
    if not want:
        return f"{where}an element says '{tag}', which it should not"
    if "field" in why:
        return f"{where}'{tag}' is only the value a form field shows"
    if "row" in why:
        return f"{where}'{tag}' is only in another record's row"
    return f"{where}no element says '{tag}' as a whole ({count} found)"


_OWN_PAGE = "no row holds '{0.scope.text}'; on its own page: "


async def _on_its_own_page(step: PlanStep, env: StepEnv) -> bool:
    """A whole-text claim (a tag) about a record whose row is not on the page, while the
    page shows the record's name: the page is the record's own (its detail view)."""
    scope = step.scope
    if not step.exact or scope is None or scope.kind != "row" or not scope.text.strip():
        return False
    return await fields.record_shown(env.page, scope.text)


async def _on_page(step: PlanStep, env: StepEnv, dl: Deadline, want: bool) -> StepOutcome:
    """ "I end up on the Dashboard": the title, main heading or URL names the page."""
    name = step.target or step.value or ""

    async def attempt(look: Look) -> StepOutcome | str:
        named, how = await grounding.page_named(env.page, name)
        if named == want and (want or look.last or await look.settled()):
            if want:
                return StepOutcome(True, f"on the '{name}' page: {how}")
            return StepOutcome(True, f"not on the '{name}' page ({how})")
        if want:
            return f"not on the '{name}' page: nothing names it ({how})"
        return f"still on the '{name}' page: {how}"

    return await retrying(env, dl, attempt, env.retries)


async def assert_value(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """A field's value: a form control named so (a dropdown by its selected option's text),
    else the value the page shows beside that label (fields.py), else a control found by a
    looser name. The details say which was read."""
    wanted = step.value or ""
    want = not step.negate

    async def attempt(look: Look) -> StepOutcome | str:
        read = await _read_value(step, env, dl, wanted)
        if isinstance(read, str):
            return read
        how, actual, ok = read
        if ok == want:
            if want:
                return StepOutcome(True, f"{how} holds '{actual}'")
            return StepOutcome(True, f"{how} holds '{actual}', not '{wanted}'")
        if want:
            return f"{how} holds '{actual}', expected '{wanted}'"
        return f"{how} holds '{actual}', which it should not"

    return await retrying(env, dl, attempt, env.retries)


async def _read_value(
    step: PlanStep, env: StepEnv, dl: Deadline, wanted: str
) -> tuple[str, str, bool] | str:
    """(how it was found, what it holds, whether that is the wanted value), or a miss."""
    found = await find(step, env, "fill", fuzzy=False)
    if step.target and (isinstance(found, str) or fields.loosely(found.how)):
        scoped = await in_scope(step, env)
        if isinstance(scoped, str):
            return scoped
        token = scoped.token if scoped is not None and scoped.anchor is None else ""
        shown = await fields.shown_value(env.page, step.target, token)
        if shown is not None:
            how = f"{shown.how}" + (f" ({shown.note})" if shown.note else "")
            ok = _value_is(shown.value, wanted, step.exact)
            return how, shown.value, ok
        if isinstance(found, str):
            found = await find(step, env, "fill")
    if isinstance(found, str):
        return found
    kind, actual = await fields.control_value(found.locator, dl.ms())
    said = wanted.strip().lower()
    if kind in ("checkbox", "radio") and said not in fields.ON_WORDS | fields.OFF_WORDS:
        # "her contract is Full time": the group's checked option, by its label.
        chosen = await fields.group_value(found.locator, dl.ms())
        ok = _value_is(chosen, wanted, step.exact)
        return f"{found.how} (the checked options of its group)", chosen, ok
    if kind in ("checkbox", "radio"):
        checked = await found.locator.is_checked(timeout=dl.ms())
        return (
            found.how,
            "checked" if checked else "unchecked",
            checked == (said in fields.ON_WORDS),
        )
    if kind == "choice":
        # A dropdown the page draws holds one option, or a few: "Approved with changes" is
        # not "Approved".
        return f"{found.how} (the option it shows)", actual, choices.is_shown(actual, wanted)
    how = f"{found.how} (its selected option)" if kind == "select" else found.how
    return how, actual, _value_is(actual, wanted, step.exact)


def _value_is(actual: str, wanted: str, exact: bool) -> bool:
    """A field holds the wanted value whole ("15" is not "5"); an empty wanted value means
    an empty field."""
    if not wanted:
        return not actual.strip()
    return contains(actual, wanted, True) if exact else wording.holds_whole(actual, wanted)


async def assert_page(step: PlanStep, env: StepEnv, dl: Deadline, what: str) -> StepOutcome:
    wanted = step.value or step.target or ""
    want = not step.negate
    verb = "is" if step.exact else "contains"

    async def attempt(look: Look) -> StepOutcome | str:
        actual = env.page.url if what == "URL" else await env.page.title()
        if contains(actual, wanted, step.exact) == want:
            if want:
                return StepOutcome(True, f"page {what} '{actual}' {verb} '{wanted}'")
            return StepOutcome(True, f"page {what} '{actual}' does not contain '{wanted}'")
        if want:
            return f"page {what} is '{actual}', expected it to {verb[:-1]} '{wanted}'"
        return f"page {what} '{actual}' contains '{wanted}', which it should not"

    return await retrying(env, dl, attempt, env.retries)


async def wait(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    value = (step.value or "").strip()
    # The plan's own spelling is a bare number of milliseconds; a unit is read as said.
    ms = int(value) if value.isdigit() else parse_duration_ms(value) if value else None
    if ms is not None and not step.target:
        seconds = ms / 1000
        if seconds > dl.left_s():
            return StepOutcome(
                False,
                f"a wait of {seconds:g} s is longer than the step timeout ({env.timeout_s:g} s)",
            )
        await asyncio.sleep(seconds)
        return StepOutcome(True, f"waited {seconds:g} s")
    if step.target:
        return await assert_visible(step, env, dl, True)
    if step.value and step.value.strip().lower() != WAIT_FOR_LOAD:
        return await assert_text(step, env, dl, True)
    await env.page.wait_for_load_state(WAIT_FOR_LOAD, timeout=dl.ms())
    return StepOutcome(True, "page finished loading")
