"""Target resolution: which element a human name or selector lands on, and what a miss says."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Page

from vigil.browser.executor import BrowserPool
from vigil.browser.locate import Match, Miss, locate, looks_like_selector

PAGE = """
<h1>Account</h1>
<p>Save your work often. Sign In below.</p>
<form>
  <label for="email">Email address</label><input id="email">
  <input placeholder="Search the docs" aria-describedby="x">
  <input type="checkbox" id="tos"><label for="tos">I accept the terms</label>
  <button>Sign In</button>
  <button>Save</button>
  <button style="display:none">Delete</button>
  <button>Delete</button>
  <a href="#help">Help</a><button>Help</button>
  <button title="Close the panel">X</button>
  <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Company logo" width="10" height="10">
  <button>Subscribe to the newsletter</button>
</form>
"""


@pytest.fixture(scope="module")
async def page(browser_pool: BrowserPool) -> AsyncIterator[Page]:
    async with browser_pool.context() as lease:
        await lease.page.set_content(PAGE)
        yield lease.page


async def found(page: Page, target: str, **kw: object) -> Match:
    result = await locate(page, target, **kw)  # type: ignore[arg-type]
    assert isinstance(result, Match), result
    return result


async def text_of(match: Match) -> str:
    return str(await match.locator.evaluate("el => el.outerHTML")).strip()


@pytest.mark.parametrize(
    "target",
    [
        "#email",
        ".primary",
        "[name=q]",
        "button.primary",
        "input[name=q]",
        "form > button",
        "//button",
        "xpath=//a",
        "css=button",
        "text=Save >> nth=0",
    ],
)
def test_selector_syntax_is_recognised(target: str) -> None:
    assert looks_like_selector(target)


@pytest.mark.parametrize(
    "target", ["Sign in", "Mr. Smith", "Add to cart", "the Email field", "Price: $5", "Save"]
)
def test_human_names_are_not_taken_for_selectors(target: str) -> None:
    assert not looks_like_selector(target)


async def test_a_css_selector_is_used_as_is(page: Page) -> None:
    m = await found(page, "#email")
    assert m.how == "selector '#email'"
    assert 'id="email"' in await text_of(m)


async def test_an_xpath_selector_is_used_as_is(page: Page) -> None:
    m = await found(page, "//a[@href='#help']")
    assert "Help</a>" in await text_of(m)


async def test_role_and_exact_name_win_over_text_elsewhere(page: Page) -> None:
    m = await found(page, "Save", intent="click")
    assert await text_of(m) == "<button>Save</button>"


async def test_a_name_in_other_case_still_finds_the_button(page: Page) -> None:
    m = await found(page, "sign in", intent="click")
    assert await text_of(m) == "<button>Sign In</button>"
    assert "ignoring case" in m.how


async def test_a_label_finds_its_field(page: Page) -> None:
    m = await found(page, "Email address", intent="fill")
    assert 'id="email"' in await text_of(m)


async def test_a_placeholder_finds_its_field(page: Page) -> None:
    m = await found(page, "Search the docs", intent="fill")
    assert "placeholder" in await text_of(m)


async def test_a_title_and_an_alt_text_find_their_elements(page: Page) -> None:
    assert 'title="Close the panel"' in await text_of(await found(page, "Close the panel"))
    assert 'alt="Company logo"' in await text_of(await found(page, "Company logo"))


async def test_a_hidden_duplicate_does_not_shadow_the_visible_one(page: Page) -> None:
    m = await found(page, "Delete", intent="click")
    assert m.note == ""
    assert await text_of(m) == "<button>Delete</button>"


async def test_a_role_hint_picks_the_link_over_the_button(page: Page) -> None:
    link = await found(page, "Help", role="link")
    assert await text_of(link) == '<a href="#help">Help</a>'
    ambiguous = await found(page, "Help", intent="click")
    assert "2 elements match" in ambiguous.note
    assert "used the first in document order" in ambiguous.note


async def test_a_role_hint_that_does_not_fit_falls_back_to_a_named_control(page: Page) -> None:
    m = await found(page, "Help", role="menuitem", intent="click")
    assert "no menuitem matches 'Help'" in m.note


async def test_nth_counts_from_the_end_when_negative(page: Page) -> None:
    m = await found(page, "button", nth=-1)
    assert await text_of(m) == "<button>Subscribe to the newsletter</button>"


async def test_a_near_miss_is_used_with_its_similarity(page: Page) -> None:
    m = await found(page, "Subscribe to newsletter", intent="click")
    assert "Subscribe to the newsletter" in await text_of(m)
    assert "similarity 0.9" in m.note


async def test_a_miss_names_the_closest_element_and_its_score(page: Page) -> None:
    result = await locate(page, "Sign up", intent="click")
    assert isinstance(result, Miss)
    assert result.reason.startswith("no element matching 'Sign up' — closest: button 'Sign In' (0.")


async def test_fuzzy_matching_can_be_turned_off_for_assertions(page: Page) -> None:
    result = await locate(page, "Subscribe to newsletter", fuzzy=False)
    assert isinstance(result, Miss)


async def test_an_invalid_selector_is_reported_as_such(page: Page) -> None:
    result = await locate(page, "#email[")
    assert isinstance(result, Miss)
    assert result.reason.startswith("'#email[' is not a valid selector"), result.reason


async def test_a_checkbox_is_found_by_its_label(page: Page) -> None:
    m = await found(page, "I accept the terms", intent="check")
    assert 'type="checkbox"' in await text_of(m)


async def test_later_tiers_asked_together_still_keep_their_order(page: Page) -> None:
    # The label and the visible text both match; the label is the earlier, more precise tier.
    m = await found(page, "I accept the terms", intent="fill")
    assert m.how == "field labelled 'I accept the terms'"
    assert 'id="tos"' in await text_of(m)
