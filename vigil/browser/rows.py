"""Claims and actions over rows and columns: `assert_cell`, `assert_count`, and a click on
a column header with an `order` ("sort by date, newest first").

Sorting clicks the header until the column reads in the wanted order, at most
`MAX_SORT_CLICKS` times, and the proof is the column itself, read after the click — not the
header's arrow, which a broken sort can still flip.
"""

from __future__ import annotations

from playwright.async_api import Locator

from vigil.browser import counts, fields, table, wording, zero
from vigil.browser.scope import Scoped
from vigil.browser.section_items import section_items
from vigil.browser.step_base import (
    Deadline,
    Look,
    StepEnv,
    StepOutcome,
    arrive,
    find,
    in_scope,
    retrying,
)
from vigil.browser.table import Table
from vigil.models import PlanStep
from vigil.pipeline.vocabulary import ordinal_word

MAX_SORT_CLICKS = 3

# The row the scope marked: its table's headers (when it is a table row) and its cells.
_ROW_JS = r"""(row) => {
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  /*CELL*/
  const t = row.closest('table, [role=table], [role=grid], [role=treegrid]');
  const cellsOf = (r) => [...r.querySelectorAll('th, td, [role=cell], [role=gridcell], ' +
    '[role=columnheader], [role=rowheader]')].filter((c) => c.closest('tr, [role=row]') === r);
  let headers = [];
  if (t && row.matches('tr, [role=row]')) {
    const head = [...t.querySelectorAll('tr, [role=row]')].find((r) => cellsOf(r).length &&
      cellsOf(r).every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader'));
    if (head) headers = cellsOf(head).map((c) => clean(c.innerText));
  }
  const cells = row.matches('tr, [role=row]') ? cellsOf(row).map(cellText) : [];
  return [headers, cells, clean(row.innerText)];
}""".replace("/*CELL*/", table.CELL_TEXT_JS)


# How yes/no columns show their values: words, or the alt text of a tick or cross icon.
_YES = frozenset({"yes", "true", "y", "on", "\u2713", "\u2714", "\u2611"})
_NO = frozenset({"no", "false", "n", "off", "\u2717", "\u2718", "\u2715", "\u2610"})
# What an empty cell shows: nothing, or a placeholder for nothing.
_EMPTY = frozenset({"", "-", "\u2014", "\u2013", "none", "null", "n/a", "(none)", "empty"})


def _contains(actual: str, wanted: str, exact: bool) -> bool:
    """Quotes and dashes count as typed (see wording.fold). A wanted "yes"/"no" matches a
    yes/no cell however it is drawn ("True", a tick icon's alt text); an exact empty value
    matches a cell that shows nothing or a placeholder for nothing ("-", "None")."""
    a, w = wording.fold(actual), wording.fold(wanted)
    said, want = a.casefold(), w.casefold()
    if want in ("yes", "no"):
        # A yes/no cell says so in a word ("Yes", "True", a tick's alt, "Not paid"); any
        # other text ("Available now") is neither, and "no" is never a part of a word.
        return _yes_no(said) == want
    if exact and not want:
        return said in _EMPTY
    return a == w if exact else wording.holds_whole(a, w)


def _yes_no(said: str) -> str | None:
    words = said.replace("(", " ").replace(")", " ").split()
    if said in _YES or (words and all(w in _YES for w in words)):
        return "yes"
    if said in _NO or (words and (words[0] == "not" or all(w in _NO for w in words))):
        return "no"
    return None


async def _row(step: PlanStep, env: StepEnv, scoped: Scoped | None) -> Table | str:
    """The one row the step means, as a one-row Table (headers may be empty)."""
    if scoped is not None and scoped.kind == "row":
        headers, cells, text = await scoped.marked.evaluate(_ROW_JS)
        row = [str(c) for c in cells] or [str(text)]
        return Table(scoped.marked, [str(h) for h in headers], [row], scoped.how)
    root = scoped.root if scoped is not None else env.page
    found = await table.find_table(root, step.column)
    if isinstance(found, str):
        listed = await counts.count(root, None)
        texts = listed.texts
        if not texts and scoped is not None and scoped.kind == "section" and step.nth is not None:
            # "under 'Popular' the second item is X": the list is the section's own.
            texts = await section_items(scoped.marked)
        if not texts or step.column:
            return found
        found = Table(None, [], [[t] for t in texts], "")
    if step.nth is None:
        return found  # every row: the claim holds when some row satisfies it
    index = step.nth if step.nth >= 0 else len(found.rows) + step.nth
    if not 0 <= index < len(found.rows):
        return f"the table has {len(found.rows)} rows; the step wants the {ordinal_word(step.nth)}"
    row = found.rows[index]
    how = f"the {ordinal_word(step.nth)} row '{' | '.join(row)}'"
    return Table(found.locator, found.headers, [row], how)


async def assert_cell(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    if step.order is not None and step.value is None:
        return await assert_order(step, env, dl)
    if step.value is None:
        raise ValueError("an assert_cell step needs the value the cell should hold")
    wanted = step.value
    want = not step.negate

    async def attempt(look: Look) -> StepOutcome | str:
        scoped = await in_scope(step, env)
        if isinstance(scoped, str):
            field = await _field_named_so(step, env, dl, wanted)
            return await _on_record_page(step, env, dl, wanted) or field or scoped
        found = await _row(step, env, scoped)
        if isinstance(found, str):
            return found
        col = found.column(step.column) if step.column else None
        if step.column and col is None and found.locator is not None:
            # "its requester" on a detail page: the row is one field of a record table.
            record = await table.record_around(found.locator, step.column)
            if record is not None:
                found, col = record, record.column(step.column)
        if step.column and col is None:
            if found.headers:
                heads = ", ".join(f"'{h}'" for h in found.headers if h)
                miss = f"no column '{step.column}' (columns: {heads})"
                return await _on_record_page(step, env, dl, wanted) or miss
            col = None  # a list item has no columns: the item's text must hold the value
        texts = [r[col] if col is not None and col < len(r) else " | ".join(r) for r in found.rows]
        hits = [t for t in texts if _contains(t, wanted, step.exact)]
        where = f"column '{found.headers[col]}' of " if col is not None else ""
        which = found.note or "a row of the table"
        if bool(hits) == want and not want and not (look.last or await look.settled()):
            # A value claimed absent is only absent once the page has settled: right after
            # a delete the list may still be on its way.
            return f"no row holds '{wanted}' yet, but the page is still changing"
        if bool(hits) == want:
            if want and col is None:
                return StepOutcome(True, f"{which} contains '{wanted}'")
            if want:
                return StepOutcome(True, f"{where}{which} holds '{hits[0]}'")
            return StepOutcome(True, f"{where}{which} does not hold '{wanted}'")
        if want:
            shown = texts[0] if len(texts) == 1 else table.shown(texts)
            elsewhere = await _elsewhere(found, col, wanted, step.exact)
            return f"{where}{which} holds '{shown}', not '{wanted}'{elsewhere}"
        return f"{where}{which} holds '{hits[0]}', which it should not"

    return await retrying(env, dl, attempt, env.retries)


async def _on_record_page(
    step: PlanStep, env: StepEnv, dl: Deadline, wanted: str
) -> StepOutcome | str | None:
    """ "its author is Richard Dawkins" on the record's own page, which has no row for it:
    an edit form (a dropdown read by its selected option's text, a radio group by its
    checked option) or a list of labels and values. Read only when the page shows the
    record's name (as text or as a field's whole value), so another record's page never
    answers for it; None when this does not apply."""
    if step.scope is None or step.scope.kind != "row" or not step.column:
        return None
    if not await fields.record_shown(env.page, step.scope.text):
        return None
    by_label = step.model_copy(update={"target": step.column, "scope": None, "column": None})
    control = await find(by_label, env, "fill", fuzzy=False)
    if isinstance(control, str):
        control = await find(by_label, env, "check", fuzzy=False)
    got = None
    if isinstance(control, str) or fields.loosely(control.how):
        # A value beside its label is closer than a control found by a looser rule.
        got = await fields.shown_value(env.page, step.column)
    if got is None and not isinstance(control, str):
        got = await fields.record_field(env.page, control.locator, step.column, dl.ms())
    if got is None:
        return None
    where = f"{got.how} on the page of '{step.scope.text}'"
    holds = wording.holds_whole(got.value, wanted) or _contains(got.value, wanted, True)
    if step.exact:
        holds = _contains(got.value, wanted, True)
    if holds != step.negate:
        verb = "does not hold" if step.negate else "holds"
        return StepOutcome(True, f"{where} {verb} '{wanted}' ('{got.value}')")
    if step.negate:
        return f"{where} holds '{got.value}', which it should not"
    return f"{where} holds '{got.value}', not '{wanted}'"


async def _field_named_so(
    step: PlanStep, env: StepEnv, dl: Deadline, wanted: str
) -> StepOutcome | str | None:
    """ "Status should be Blocked" where no row says "Status": the words name a field of
    the page (a dropdown the page draws, a form control, a value beside its label), read
    as the field shows it, never as text found anywhere on the page. None when no field
    is named so."""
    if step.scope is None or step.scope.kind != "row" or step.column:
        return None
    name = step.scope.text.strip()
    if not name or len(name.split()) > 3:
        return None
    by_label = step.model_copy(update={"target": name, "scope": None, "column": None})
    control = await find(by_label, env, "fill", fuzzy=False)
    got = None
    if isinstance(control, str) or fields.loosely(control.how):
        got = await fields.shown_value(env.page, name)
    if got is None and not isinstance(control, str):
        got = await fields.record_field(env.page, control.locator, name, dl.ms())
    if got is None:
        return None
    holds = _contains(got.value, wanted, True) or (
        not step.exact and wording.holds_whole(got.value, wanted)
    )
    if holds != step.negate:
        verb = "does not hold" if step.negate else "holds"
        said = f"no row says '{name}'; {got.how} {verb} '{wanted}' ('{got.value}')"
        return StepOutcome(True, said)
    if step.negate:
        return f"no row says '{name}'; {got.how} holds '{got.value}', which it should not"
    return f"no row says '{name}'; {got.how} holds '{got.value}', not '{wanted}'"


async def _elsewhere(row: Table, col: int | None, wanted: str, exact: bool) -> str:
    """Where else in the table the wanted value is ("; '3.80' is in row 'Rye | …'"): the
    value in another row is the most common way a cell claim goes wrong."""
    if row.locator is None or len(row.rows) != 1:
        return ""
    tbl = row.locator.locator(
        "xpath=ancestor-or-self::*[self::table or @role='table' or @role='grid'][1]"
    )
    if not await tbl.count():
        return ""
    _, rows_ = await table.read(tbl.first)
    for other in rows_:
        if other == row.rows[0]:
            continue
        cell = other[col] if col is not None and col < len(other) else " | ".join(other)
        if _contains(cell, wanted, exact):
            return f"; '{wanted}' is in row '{table.shown(other, 4)}'"
    return ""


async def assert_count(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    value = (step.value or "").strip()
    if not value.isdigit():
        raise ValueError(f"an assert_count step needs a whole number, not '{value}'")
    wanted = int(value)
    op = step.count_op or "eq"
    want = not step.negate
    words = counts.op_words(op)
    # "should find no matching pages": a page that says so, with nothing listed, holds it.
    zero_noun = zero.counted_noun(step.target)
    zero_claim = wanted == 0 and op == "eq" and want and zero_noun is not None

    async def attempt(look: Look) -> StepOutcome | str:
        scoped = await in_scope(step, env)
        if isinstance(scoped, str):
            return scoped
        root = scoped.root if scoped is not None and scoped.anchor is None else env.page
        got = await counts.count(root, step.target)
        where = f" {scoped.phrase}" if scoped is not None else ""
        note = f" ({got.note})" if got.note else ""
        claim = f"{words} {wanted}"
        if zero_claim and not (got.grounded and got.n == 0):
            said = await zero.none_found(root, zero_noun or "")
            if said.statement is not None:
                if said.items:
                    return (
                        f"the page says '{said.statement}'{where} but still lists "
                        f"{len(said.items)} item(s): {table.shown(said.items)}; expected {claim}"
                    )
                if look.last or await look.settled():
                    return StepOutcome(
                        True,
                        f"no list of '{step.target}' in the main content{where}, and the page "
                        f"says '{said.statement}', as wanted",
                    )
        if not got.grounded and counts.holds(got.n, op, wanted) == want:
            # "there should be no broken images": finding nothing called so proves nothing.
            return (
                f"nothing on the page{where} is '{step.target}' (no list, table, control, row "
                f"or text named so), so a count of {wanted} cannot be checked"
            )
        if counts.holds(got.n, op, wanted) == want and (
            got.n > 0 or look.last or await look.settled()
        ):
            verb = "as wanted" if want else f"not {claim}, as wanted"
            return StepOutcome(True, f"counted {got.n} {got.what}{where}, {verb}{note}")
        listed = f": {table.shown(got.texts)}" if got.texts else ""
        wrong = claim if want else f"not {claim}"
        return f"counted {got.n} {got.what}{where}{listed}; expected {wrong}{note}"

    return await retrying(env, dl, attempt, env.retries)


async def assert_order(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """ "the orders table is sorted by date, newest first": the column, read as it is (nothing
    is clicked), holds its values in the order; a column of fewer than two values proves
    nothing and fails."""
    order = step.order or "ascending"
    name = step.column or ""

    async def attempt(look: Look) -> StepOutcome | str:
        scoped = await in_scope(step, env)
        if isinstance(scoped, str):
            return scoped
        found = await _header(step, env, scoped)
        if isinstance(found, str):
            return found
        tbl, index = found
        values = [v for v in tbl.values(index) if v]
        heading = tbl.headers[index] or name
        kind, _ = table.sort_keys(values)
        if len(values) < 2:
            return f"column '{heading}' has {len(values)} value(s): too few to show an order"
        holds = table.in_order(values, order)
        if holds != step.negate:
            verb = "reads" if holds else "does not read"
            return StepOutcome(
                True, f"column '{heading}' {verb} in {order} order ({kind}): {table.shown(values)}"
            )
        verb = "does not read" if holds is False else "reads"
        return f"column '{heading}' {verb} in {order} order ({kind}): {table.shown(values)}"

    return await retrying(env, dl, attempt, env.retries)


async def _header(step: PlanStep, env: StepEnv, scoped: Scoped | None) -> tuple[Table, int] | str:
    name = step.column or step.target or ""
    root = scoped.root if scoped is not None and scoped.anchor is None else env.page
    found = await table.find_table(root, name)
    if isinstance(found, str):
        return found
    index = found.column(name)
    if index is None:
        return f"no column '{name}'"
    return found, index


async def sort_by(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """Click the column's header until the column reads in `step.order`.

    1. Read the column; when the header already says it is sorted that way (`aria-sort`)
       and the values agree, nothing is clicked.
    2. Otherwise click the header (its button when it has one) and read the column again
       until it is in order or the page has settled; repeat up to MAX_SORT_CLICKS times.
    """
    order = step.order or "ascending"
    name = step.column or step.target or ""
    scoped = await in_scope(step, env)
    if isinstance(scoped, str):
        return StepOutcome(False, scoped)
    values: list[str] = []
    header_says: str | None = None

    async def read(look: Look) -> StepOutcome | str:
        nonlocal values, header_says
        found = await _header(step, env, scoped)
        if isinstance(found, str):
            return found
        tbl, index = found
        values = tbl.values(index)
        header_says = await _aria_sort(tbl, index)
        return StepOutcome(True, "")

    first = await retrying(env, dl, read, env.retries)
    if not first.passed:
        return first
    found = await _header(step, env, scoped)
    if not isinstance(found, str):
        name = found[0].headers[found[1]] or name  # as the page spells it
    kind, _ = table.sort_keys(values)
    if header_says == order and table.in_order(values, order):
        return StepOutcome(
            True, f"column '{name}' already reads in {order} order ({kind}): {table.shown(values)}"
        )

    async def sorted_now(look: Look) -> StepOutcome | str:
        found = await read(look)
        if isinstance(found, str):
            return found
        if table.in_order(values, order) and header_says in (None, "none", order):
            return StepOutcome(True, "")
        return f"column '{name}' reads {table.shown(values)}"

    for clicks in range(1, MAX_SORT_CLICKS + 1):
        found = await _header(step, env, scoped)
        if isinstance(found, str):
            return StepOutcome(False, found)
        tbl, index = found
        header = _header_cell(tbl, index)
        if header is None:
            return StepOutcome(False, f"column '{name}' has no header to click")
        await env.settle()
        await (await _sort_control(header, name)).click(timeout=dl.ms())
        late = await arrive(env, dl)
        if late is not None:
            return StepOutcome(False, f"clicked header '{name}', but {late}")
        if (await retrying(env, dl, sorted_now, env.retries)).passed:
            kind, _ = table.sort_keys(values)
            return StepOutcome(
                True,
                f"clicked header '{name}' {clicks} time(s) until the column read in {order} order "
                f"({kind}): {table.shown(values)}",
            )
    return StepOutcome(
        False,
        f"clicked header '{name}' {MAX_SORT_CLICKS} times but the column never read in {order} "
        f"order: {table.shown(values)}",
    )


async def sort_once(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome | None:
    """ "sort by title" with no order: click the column's header once, as the person would,
    and say which order the column reads in afterwards. None when no table on the page has
    that column, so the caller clicks the target by name instead."""
    name = step.column or step.target or ""
    scoped = await in_scope(step, env)
    if isinstance(scoped, str):
        return StepOutcome(False, scoped)
    found = await _header(step, env, scoped)
    if isinstance(found, str):
        return None
    tbl, index = found
    before = tbl.values(index)
    name = tbl.headers[index] or name
    header = _header_cell(tbl, index)
    if header is None:
        return None
    await env.settle()
    await (await _sort_control(header, name)).click(timeout=dl.ms())
    late = await arrive(env, dl)
    if late is not None:
        return StepOutcome(False, f"clicked header '{name}', but {late}")
    after = before

    async def changed(look: Look) -> StepOutcome | str:
        nonlocal after
        now = await _header(step, env, scoped)
        if isinstance(now, str):
            return now
        after = now[0].values(now[1])
        if after != before:
            return StepOutcome(True, "")
        return "the column still reads as before"

    await retrying(env, dl, changed, env.retries)
    kind, _ = table.sort_keys(after)
    reads = next((o for o in ("ascending", "descending") if table.in_order(after, o)), None)
    order = f"{reads} order ({kind})" if reads else "no order"
    return StepOutcome(
        True, f"clicked header '{name}'; the column now reads in {order}: {table.shown(after)}"
    )


async def _sort_control(header: Locator, name: str) -> Locator:
    """What to click in a column's header: its visible link or button that names the column,
    else its first visible one, else the header itself. A sorted header often holds more
    controls than the name (Django's "remove from sorting" icon, shown only on hover, comes
    first), and clicking a hidden one would wait for it until the step times out."""
    controls = header.locator("button, a, [role=button]").filter(visible=True)
    named = controls.filter(has_text=wording.loose(name))
    for candidates in (named, controls.filter(has_text=wording.within(name)), controls):
        if await candidates.count():
            return candidates.first
    return header


async def _aria_sort(tbl: Table, index: int) -> str | None:
    header = _header_cell(tbl, index)
    if header is None or not await header.count():
        return None
    return await header.get_attribute("aria-sort")


def _header_cell(tbl: Table, index: int) -> Locator | None:
    if tbl.locator is None:
        return None
    return tbl.locator.locator("th, [role=columnheader]").nth(index)
