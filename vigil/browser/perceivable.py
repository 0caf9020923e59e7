"""Whether a person could see an element that Playwright calls visible.

Playwright's visibility is "has a box and is not visibility:hidden": text moved off the
page (`left: -9999px`), clipped to a pixel (the "visually hidden" pattern) or faded to
opacity 0 (a toast that faded out but stays in the DOM) all count as visible to it. A
claim that a person would see something must not pass on those, and a claim that it is
gone must not fail on them. Native form controls are exempt: styled checkboxes, radios,
selects and file inputs hide the control itself and show a proxy.
"""

from __future__ import annotations

from playwright.async_api import Locator

# Checked on the first few matches only: a claim needs one a person can see.
_LOOK_AT = 20

_SEEN_JS = """(els) => els.map((el) => {
  // Styled checkboxes, radios, selects and file inputs hide the native control and show a
  // proxy beside it; the control itself stands for what the person sees.
  if (['INPUT', 'SELECT'].includes(el.tagName)) return true;
  const box = el.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) return false;
  // Left of or above the document's start: no scrolling ever brings it into view.
  if (box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0) return false;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    if (parseFloat(getComputedStyle(node).opacity) === 0) return false;
  }
  return true;
})"""


async def seen_count(loc: Locator) -> int:
    """How many of the (visible) matches of `loc` a person could see, among the first few."""
    total = await loc.count()
    if total == 0:
        return 0
    seen: list[bool] = await loc.evaluate_all(f"(els) => ({_SEEN_JS})(els.slice(0, {_LOOK_AT}))")
    return sum(seen)


async def is_seen(loc: Locator) -> bool:
    """Whether the single element `loc` resolves to could be seen by a person."""
    seen: list[bool] = await loc.evaluate_all(f"(els) => ({_SEEN_JS})(els.slice(0, 1))")
    return bool(seen) and seen[0]
