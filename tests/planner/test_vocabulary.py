"""The shared vocabulary: key names, durations and ordinals read the same for planner and
executor."""

from __future__ import annotations

import pytest

from vigil.pipeline.vocabulary import (
    ordinal_suffix,
    ordinal_word,
    parse_count,
    parse_duration_ms,
    parse_key,
    parse_ordinal,
)


@pytest.mark.parametrize(
    ("spoken", "key"),
    [
        ("enter", "Enter"),
        ("Return", "Enter"),
        ("the Escape key", "Escape"),
        ("esc", "Escape"),
        ("space bar", "Space"),
        ("page down", "PageDown"),
        ("down arrow", "ArrowDown"),
        ("ctrl+a", "Control+A"),
        ("Ctrl + Shift + K", "Control+Shift+K"),
        ("cmd-s", "Meta+S"),
        ("F5", "F5"),
        ("Enter", "Enter"),
        ("ArrowLeft", "ArrowLeft"),
    ],
)
def test_keys_are_read_in_playwright_spelling(spoken: str, key: str) -> None:
    assert parse_key(spoken) == key


@pytest.mark.parametrize("words", ["the Submit button", "a", "ctrl+", "banana+a"])
def test_words_that_are_no_key_are_refused(words: str) -> None:
    assert parse_key(words) is None


@pytest.mark.parametrize(
    ("words", "ms"),
    [
        ("2 seconds", 2000),
        ("500ms", 500),
        ("1.5 s", 1500),
        ("half a second", 500),
        ("a minute", 60_000),
        ("about 3 secs", 3000),
        ("a few seconds", 3000),
    ],
)
def test_durations_are_milliseconds(words: str, ms: int) -> None:
    assert parse_duration_ms(words) == ms


def test_a_duration_without_a_unit_is_refused() -> None:
    assert parse_duration_ms("2") is None


@pytest.mark.parametrize(
    ("word", "nth"),
    [("first", 0), ("second", 1), ("3rd", 2), ("last", -1), ("top", 0), ("12th", 11)],
)
def test_ordinals_are_zero_based_positions(word: str, nth: int) -> None:
    assert parse_ordinal(word) == nth


def test_positions_are_said_back_in_words() -> None:
    assert [ordinal_word(n) for n in (0, 1, -1, 11, 22)] == [
        "first",
        "second",
        "last",
        "12th",
        "23rd",
    ]
    assert ordinal_suffix(13) == "13th"


@pytest.mark.parametrize(("words", "count"), [("3", 3), ("three", 3), ("no", 0), ("one", 1)])
def test_counts_in_digits_or_words(words: str, count: int) -> None:
    assert parse_count(words) == count
