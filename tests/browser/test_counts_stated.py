"""Reading the total a page states ("Showing 1 to 10 of 13 items"), and what it must never
be taken from: a page number ("Page 1 of 2") or two different totals."""

from __future__ import annotations

import pytest

from vigil.browser.counts import _stated


@pytest.mark.parametrize(
    ("text", "totals"),
    [
        ("Showing 1 to 10 of 13 items", [13]),
        ("Total: 1,204", [1204]),
        ("13 tickets", [13]),
        ("Page 1 of 2", []),
        ("Page 1 of 2 · 13 tickets", [13]),
        ("of 13 items, of 14 items", [13, 14]),
    ],
)
def test_the_total_a_page_states(text: str, totals: list[int]) -> None:
    assert _stated(text, "tickets") == totals
