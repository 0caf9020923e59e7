"""A named field's value as a person reads it, when it is not a text box.

"her email is a@b.io" on a detail page reads the value beside the label: a definition list
(`dt` → `dd`), a table row of a label cell and a value cell, the cell under its column in a
table of exactly one row (a record page), or a line "Email: a@b.io".
"its author is Richard Dawkins" on an edit form reads what the field shows: a dropdown's
selected option (its text, not its value attribute), a radio group's checked option, the
checked boxes of a group. Each answer says which of these it read, for the step details.

Labels are matched by their words: the same words first, then a label holding every word
wanted ("Email address" for "email"), never part of a word ("Subtotal" is not "total").
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.async_api import Locator, Page

from vigil.browser import choices

# [value, how] or null: the first field named `name`, by the preferences in the docstring.
_SHOWN_JS = r"""([name, scope]) => {
  const roots = scope ? [...document.querySelectorAll('[data-vigil-scope="' + scope + '"]')]
    : [document];
  const all = (sel) => roots.flatMap((r) =>
    [...(r.matches && r.matches(sel) ? [r] : []), ...r.querySelectorAll(sel)]);
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const words = (s) => clean(s).toLowerCase().replace(/[:*]+$/, '').split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const want = words(name);
  if (!want.length) return null;
  const same = (label) => words(label).join(' ') === want.join(' ');
  const holds = (label) => { const w = words(label); return want.every((x) => w.includes(x)); };
  const shown = (el) => {
    const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const byIds = (ids) => ids.split(/\s+/).map((id) => {
    const t = document.getElementById(id); return t ? t.innerText : ''; }).join(' ');
  const groupName = (g) => g.getAttribute('aria-label') ||
    (g.getAttribute('aria-labelledby') ? byIds(g.getAttribute('aria-labelledby')) : '') ||
    ((g.querySelector(':scope > legend') || {}).innerText || '');
  const optionText = (input) => {
    if (input.labels && input.labels.length) return clean(input.labels[0].innerText);
    return clean(input.getAttribute('aria-label') || input.value);
  };
  const found = [];  // [tier, value, how]
  // Groups of radios or checkboxes named by their legend or label.
  for (const g of all('fieldset, [role=radiogroup], [role=group]')) {
    if (!shown(g)) continue;
    const label = groupName(g);
    if (!label || !(same(label) || holds(label))) continue;
    const boxes = [...g.querySelectorAll('input[type=radio], input[type=checkbox]')];
    if (!boxes.length) continue;
    const on = boxes.filter((b) => b.checked).map(optionText);
    found.push([same(label) ? 0 : 1, on.join(', '),
      'the checked option of group \'' + clean(label) + '\'']);
  }
  // A definition list: the term, then its description.
  for (const dt of all('dt')) {
    if (!shown(dt) || !(same(dt.innerText) || holds(dt.innerText))) continue;
    let dd = dt.nextElementSibling;
    while (dd && dd.tagName !== 'DD' && dd.tagName !== 'DT') dd = dd.nextElementSibling;
    if (!dd || dd.tagName !== 'DD') continue;
    found.push([same(dt.innerText) ? 0 : 1, clean(dd.innerText),
      'the value beside term \'' + clean(dt.innerText) + '\'']);
  }
  // A table row of a label cell and its value: two cells, or a row header and its cells.
  for (const tr of all('tr, [role=row]')) {
    if (!shown(tr)) continue;
    const cells = [...tr.children].filter((c) => c.matches(
      'th, td, [role=cell], [role=gridcell], [role=rowheader]'));
    if (cells.length < 2) continue;
    if (cells.every((c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader')) {
      continue;  // a header row names columns, read below
    }
    const head = cells[0].tagName === 'TH' || cells[0].getAttribute('role') === 'rowheader';
    if (cells.length > 2 && !head) continue;
    const label = cells[0].innerText;
    if (!(same(label) || holds(label))) continue;
    found.push([same(label) ? 0 : 1, clean(cells.slice(1).map((c) => c.innerText).join(' ')),
      'the value beside label cell \'' + clean(label) + '\'']);
  }
  // A record shown as a table of one row under column headers: the cell under the header.
  for (const t of all('table, [role=table], [role=grid]')) {
    if (!shown(t)) continue;
    const owned = [...t.querySelectorAll('tr, [role=row]')].filter((r) => shown(r) &&
      r.closest('table, [role=table], [role=grid]') === t);
    const cellsOf = (r) => [...r.children].filter((c) => c.matches(
      'th, td, [role=cell], [role=gridcell], [role=columnheader], [role=rowheader]'));
    const isHead = (c) => c.tagName === 'TH' || c.getAttribute('role') === 'columnheader';
    const head = owned.find((r) => cellsOf(r).length > 1 && cellsOf(r).every(isHead));
    if (!head) continue;
    const body = owned.filter((r) => r !== head && cellsOf(r).some((c) => !isHead(c)));
    if (body.length !== 1) continue;  // several rows: which one is meant is not said
    const heads = cellsOf(head).map((c) => c.innerText);
    const cells = cellsOf(body[0]);
    if (cells.length !== heads.length) continue;
    heads.forEach((h, i) => {
      if (same(h) || holds(h)) {
        found.push([same(h) ? 0 : 1, clean(cells[i].innerText),
          'the cell under column \'' + clean(h) + '\' of the one-row table']);
      }
    });
  }
  // A line "Total: 4.20": the smallest element saying the label, a colon, then the value.
  const lines = [...all('p, li, div, span, td')].filter((el) => {
    if (!shown(el)) return false;
    const t = clean(el.innerText);
    return t.length < 200 && t.includes(':') && !el.querySelector('p, li, div, table, dl');
  });
  for (const el of lines) {
    const t = clean(el.innerText);
    const at = t.indexOf(':');
    const label = t.slice(0, at);
    if (!label || !(same(label) || holds(label)) || words(label).length > want.length + 2) continue;
    const value = clean(t.slice(at + 1));
    if (!value) continue;
    found.push([same(label) ? 2 : 3, value, 'the line \'' + t.slice(0, 60) + '\'']);
  }
  // A tile: the label in an element of its own and the value under it in the same small box
  // (or a counter card's number over its caption)
  // ("Open tasks" over "5" in a metric card, a delta line after it), read only when nothing
  // above named the field. The box must hold the label first and at most two more lines, so a
  // section listing several tiles is never read as one, nor a box holding form controls.
  if (!found.length) {
    const boxes = new Set();
    for (const el of all('p, span, div, label, dt, h2, h3, h4, h5, h6, strong, small')) {
      if (!shown(el) || !same(el.innerText)) continue;
      let box = el.parentElement;
      for (let up = 0; box && up < 4; up += 1, box = box.parentElement) {
        // A form's fields are not tiles: the line after a label there is the next label.
        if (box.querySelector('input, select, textarea, button, [contenteditable]')) break;
        const lines = box.innerText.split('\n').map(clean).filter(Boolean);
        if (lines.length === 1 && box.children.length <= 3) {
          // A tile on one line: the label's element and a number beside it ("Blocked 3",
          // "3 Blocked"); anything else on the line makes it a sentence, not a tile.
          const line = lines[0];
          const label = clean(el.innerText);
          const low = line.toLowerCase();
          let rest = '';
          if (low.startsWith(label.toLowerCase())) rest = clean(line.slice(label.length));
          else if (low.endsWith(label.toLowerCase())) {
            rest = clean(line.slice(0, line.length - label.length));
          }
          if (/^\p{Sc}?[-+]?\d[\d.,]*\s*%?$/u.test(rest) && !boxes.has(box)) {
            boxes.add(box);
            found.push([4, rest, 'the number beside \'' + label + '\' in its tile']);
            break;
          }
          if (rest) break;
          continue;
        }
        if (lines.length < 2) continue;
        if (lines.length <= 3 && same(lines[0]) && !boxes.has(box)) {
          boxes.add(box);
          found.push([4, lines[1], 'the value in the tile \'' + clean(el.innerText) + '\'']);
        } else if (lines.length === 2 && same(lines[1]) && /^\p{Sc}?[-+]?\d/u.test(lines[0]) &&
            !boxes.has(box)) {
          // A counter card: the number over its caption ("12" over "Resolved").
          boxes.add(box);
          found.push([4, lines[0], 'the number over the caption \'' + clean(el.innerText) +
            '\' in its tile']);
        }
        break;
      }
    }
  }
  if (!found.length) return null;
  found.sort((a, b) => a[0] - b[0]);
  const best = found.filter((f) => f[0] === found[0][0]);
  const note = best.length > 1 ? best.length + ' fields are named so; read the first in ' +
    'document order' : '';
  return [best[0][1], best[0][2], note];
}"""

# What a form control shows: a dropdown's chosen options by their text, else its value.
_CONTROL_JS = """(el) => {
  if (el.tagName === 'SELECT') {
    return ['select', [...el.selectedOptions].map((o) => o.text.replace(/\\s+/g, ' ').trim())
      .join(', ')];
  }
  return [(el.type || '').toLowerCase(), el.value === undefined ? '' : String(el.value)];
}"""


# The checked options of the group a radio or checkbox belongs to (same name, same form),
# by their labels: what "her contract is Full time" is about, not whether one box is ticked.
_GROUP_JS = """(el) => {
  const clean = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const scope = el.form || document;
  const group = el.name
    ? [...scope.querySelectorAll('input[type=' + el.type + ']')].filter((i) => i.name === el.name)
    : [el];
  return group.filter((i) => i.checked).map((i) => i.labels && i.labels.length
    ? clean(i.labels[0].innerText) : clean(i.getAttribute('aria-label') || i.value)).join(', ');
}"""
# What a wanted value says about one box: ticked or not; any other value is an option's name.
ON_WORDS = frozenset({"checked", "true", "on", "yes", "selected", "ticked", "enabled"})
OFF_WORDS = frozenset({"unchecked", "false", "off", "no", "unselected", "unticked", "disabled"})


async def group_value(box: Locator, timeout_ms: float) -> str:
    """The labels of the checked options in `box`'s group, comma-joined ('' for none)."""
    return str(await box.evaluate(_GROUP_JS, timeout=timeout_ms))


# How locate says it matched a control by a looser rule than its own label, placeholder or
# name ("field after the text containing 'email'"): a label beside a shown value is closer.
_LOOSE = ("after the text", "containing", "contains")


def loosely(how: str) -> bool:
    return any(word in how for word in _LOOSE)


@dataclass(frozen=True)
class Shown:
    """A field's value as shown, and how it was found (for the step details)."""

    value: str
    how: str
    note: str = ""


async def shown_value(page: Page, name: str, scope_token: str = "") -> Shown | None:
    """The value the page shows for the field `name` outside a text box, or None."""
    found = await page.evaluate(_SHOWN_JS, [name, scope_token])
    if not found:
        return None
    value, how, note = found
    return Shown(str(value), str(how), str(note))


async def control_value(control: Locator, timeout_ms: float) -> tuple[str, str]:
    """(kind, value) of a form control: a dropdown reads as its selected options' text, a
    dropdown the page draws (kind "choice", choices.py) as what it shows."""
    if (await choices.is_choice(control, timeout_ms))[0]:
        return "choice", await choices.shown(control, timeout_ms)
    kind, value = await control.evaluate(_CONTROL_JS, timeout=timeout_ms)
    return str(kind), str(value)


_RECORD_SHOWN_JS = r"""(name) => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();
  const want = norm(name);
  if (!want) return false;
  if (norm(document.body.innerText).includes(want)) return true;
  return [...document.querySelectorAll('input:not([type=hidden]), textarea')]
    .some((i) => norm(i.value) === want);
}"""


async def record_shown(page: Page, name: str) -> bool:
    """Whether the page is about the record `name`: it shows the name as text or as a
    field's whole value (its own edit form). A field read for "its author" is only that
    record's when this holds."""
    return bool(await page.evaluate(_RECORD_SHOWN_JS, name))


async def record_field(
    page: Page, control: Locator | None, name: str, timeout_ms: float
) -> Shown | None:
    """The field `name` of the record the page shows: its form control (`control`, found by
    the caller) read as fields.control_value, else the value beside its label."""
    if control is not None:
        kind, value = await control_value(control, timeout_ms)
        if kind in ("checkbox", "radio"):
            return Shown(await group_value(control, timeout_ms), f"the checked options of '{name}'")
        how = "its selected option" if kind in ("select", "choice") else "its value"
        return Shown(value, f"form field '{name}' ({how})")
    return await shown_value(page, name)
