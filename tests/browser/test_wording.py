"""Whole words and whole numbers: how a claimed text meets the text a page shows."""

from __future__ import annotations

import pytest

from vigil.browser.wording import holds_whole


@pytest.mark.parametrize(
    ("shown", "claimed"),
    [
        ("Invoice is Unpaid", "Unpaid"),
        ("Paid, on time", "paid"),
        ("Showing 13 results", "13 results"),
        ("Total $8.50", "$8.50"),
        ("Total $8.50", "8.5"),
        ("4.00 EUR", "4"),
        ("Total: 4.00", "Total: 4"),
        ("It\u2019s done", "It's done"),
        ("Saved!", "Saved!"),
        ("ana@example.com", "ana"),
        ("1,250 visitors", "1,250"),
    ],
)
def test_a_claim_the_page_shows_whole_holds(shown: str, claimed: str) -> None:
    assert holds_whole(shown, claimed)


@pytest.mark.parametrize(
    ("shown", "claimed"),
    [
        ("Invoice is Unpaid", "Paid"),
        ("Showing 13 results", "3 results"),
        ("Total $18.50", "8.50"),
        ("Total 8.51", "8.5"),
        ("Total 4.01", "4"),
        ("1.5 kg", "5 kg"),
        ("Order #1044", "Order #104"),
        ("Login", "Log"),
        ("1,250 visitors", "250 visitors"),
    ],
)
def test_a_claim_inside_another_word_or_number_does_not_hold(shown: str, claimed: str) -> None:
    assert not holds_whole(shown, claimed)
