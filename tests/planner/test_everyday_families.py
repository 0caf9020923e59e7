"""The everyday families, each in several phrasings, with the look-alikes that must stay
unread: a reading that guessed would pass what it did not check.

Families: visual states of an item ("crossed out", "struck through"), dialogs appearing and
going, scrolling, waiting for loading to end, repeated clicks, fields left blank, the
basket, a choice named by what it is for, absence without a verb of showing, a click told
by where it leads, cookie banners, and a page named after the claim.
"""

from __future__ import annotations

import pytest

from tests.planner.test_everyday_corpus import briefs
from vigil.planner.rule_planner import plan_goal

URL = "http://127.0.0.1:8000/"

FAMILIES: dict[str, list[tuple[str, list[str]]]] = {
    "visual states": [
        ("'Buy flour' should be crossed out", ["assert_checked in row:'Buy flour'"]),
        ("'Buy flour' is struck through", ["assert_checked in row:'Buy flour'"]),
        ("make sure 'Buy flour' is not struck-through", ["assert_unchecked in row:'Buy flour'"]),
        ("'Rye' and 'Oat' are crossed out", ["assert_checked in row:'Rye'",
                                              "assert_checked in row:'Oat'"]),
        ("complete 'Rye' and confirm it's crossed out",
         ["check in row:'Rye'", "assert_checked in row:'Rye'"]),
        ("the 'Bake bread' task is not ticked", ["assert_unchecked in row:'Bake bread'"]),
        ("Pro should be selected", ["assert_checked 'Pro'"]),
    ],
    "dialogs": [
        ("the 'Confirm order' dialog appears",
         ["assert_text = 'Confirm order' in dialog:'Confirm order'"]),
        ("a modal saying 'Are you sure?' pops up",
         ["assert_visible <open dialog>", "assert_text = 'Are you sure?' in dialog:''"]),
        ("the dialog should close", ["assert_not_visible <any dialog>"]),
        ("the popup is gone", ["assert_not_visible <any dialog>"]),
        ("the Edit product dialog should not be visible",
         ["assert_not_visible <dialog 'Edit product'>"]),
        ("there's no dialog", ["assert_not_visible <any dialog>"]),
        ("the 'Confirm' dialog should not close", ["assert_text = 'Confirm' in dialog:'Confirm'"]),
    ],
    "scrolling": [
        ("scroll down to the footer", ["hover 'footer'"]),
        ("scroll to the bottom of the page", ["press = 'End'"]),
        ("scroll all the way up", ["press = 'PageUp'"]),
        ("scroll to the top", ["press = 'Home'"]),
        ("scroll down until you see 'Privacy Policy'", ["hover 'Privacy Policy'"]),
        ("scroll down", ["press = 'PageDown'"]),
    ],
    "waiting for loading": [
        ("wait for the spinner to disappear", ["assert_not_visible <busy indicator>"]),
        ("wait until the loader goes away", ["assert_not_visible <busy indicator>"]),
        ("wait till the loading spinner is gone", ["assert_not_visible <busy indicator>"]),
        ("wait until there is no spinner", ["assert_not_visible <busy indicator>"]),
        ("the progress bar should disappear", ["assert_not_visible <busy indicator>"]),
        ("wait for the results to load",
         ["wait = 'load'", "assert_not_visible <busy indicator>"]),
        ("wait until the data has loaded",
         ["wait = 'load'", "assert_not_visible <busy indicator>"]),
        ("wait for loading to finish", ["wait = 'load'", "assert_not_visible <busy indicator>"]),
        ("wait for the Show details button to load", ["wait 'Show details' role=button"]),
    ],
    "repeated clicks": [
        ("click 'Add to cart' twice", ["click 'Add to cart'", "click 'Add to cart'"]),
        ("hit Next 3 times", ["click 'Next'"] * 3),
        ("tap 'More' three times in a row", ["click 'More'"] * 3),
    ],
    "fields left blank": [
        ("leave the password blank", ["fill 'password' = ''"]),
        ("keep the Email field empty", ["fill 'Email' = ''"]),
        ("clear the Name field", ["fill 'Name' = ''"]),
    ],
    "the basket": [
        ("add the Notebook to the cart", ["click 'Add to cart' in row:'Notebook'"]),
        ("put 'Sencha' in the basket", ["click 'Add to basket' in row:'Sencha'"]),
        ("add Coffee Mug to my wishlist", ["click 'Add to wishlist' in row:'Coffee Mug'"]),
    ],
    "a choice named by what it is for": [
        ("choose 'France' as the country", ["select 'country' = 'France'"]),
        ("pick Large as the size", ["select 'size' = 'Large'"]),
        ("select Express as the shipping method", ["select 'shipping method' = 'Express'"]),
        ("set Country to Norway", ["fill 'Country' = 'Norway'"]),
    ],
    "absence": [
        ("nothing about 'maintenance' should appear", ["assert_no_text = 'maintenance'"]),
        ("make sure there's nothing saying 'Error'", ["assert_no_text = 'Error'"]),
        ("no mention of 'beta' anywhere", ["assert_no_text = 'beta'"]),
        ("there's no 'Walk dog' task", ["assert_no_text = 'Walk dog'"]),
        ("The Dashboard should not appear", ["assert_no_text = 'Dashboard'"]),
    ],
    "a click told by where it leads": [
        ("clicking 'Products' takes me to the Products page",
         ["click 'Products'", "assert_visible 'Products' ground=page"]),
        ("make sure that pressing 'Log in' brings you to the login page",
         ["click 'Log in'", "assert_visible 'login' ground=page"]),
        ("'Orders' should lead to the Orders page",
         ["click 'Orders'", "assert_visible 'Orders' ground=page"]),
        ("tapping 'Open dialog' opens a dialog that says 'Confirm order'",
         ["click 'Open dialog'", "assert_visible <open dialog>",
          "assert_text = 'Confirm order' in dialog:''"]),
        ("clicking 'Show details' shows 'Details are shown'",
         ["click 'Show details'", "assert_text = 'Details are shown'"]),
        ("click Catalog; it should take me to the Catalog page",
         ["click 'Catalog'", "assert_visible 'Catalog' ground=page"]),
    ],
    "cookie banners": [
        ("accept the cookie banner", ["click 'Accept' in near:'cookie'"]),
        ("accept all cookies", ["click 'Accept' in near:'cookie'"]),
        ("reject cookies", ["click 'Reject' in near:'cookie'"]),
        ("dismiss the cookie notice", ["click 'Close' in near:'cookie'"]),
    ],
    "a page named after the claim": [
        ("You should see 'Coffee Mug' on the Products page",
         ["click 'Products' ground=page", "assert_text = 'Coffee Mug'"]),
        ("Nothing about 'Error' should appear on the home page",
         ["navigate = 'http://127.0.0.1:8000/'", "assert_no_text = 'Error'"]),
        ("On the Modal page click 'Open dialog'",
         ["click 'Modal' ground=page", "click 'Open dialog'"]),
    ],
    "passive and clipped verbs": [
        ("'Walk dog' gets listed", ["assert_text = 'Walk dog'"]),
        ("delete 'Rye' and make sure it's gone",
         ["click 'Delete' in row:'Rye'", "click 'Confirm' = 'if asked'", "assert_no_text = 'Rye'"]),
        ("I expect to see 'Coffee Mug'", ["assert_text = 'Coffee Mug'"]),
        ("the Save button under Notifications should be disabled",
         ["assert_disabled 'Save' role=button in section:'Notifications'"]),
    ],
    "wishes, modals and waits said loosely": [
        ("I want 'Buy flour' to be listed", ["assert_text = 'Buy flour'"]),
        ("I'd like the title to be 'Tea Corner'", ["assert_title = 'Tea Corner'"]),
        ("we need 'Rye' to be at the top of the list", ["assert_cell = 'Rye' nth=0"]),
        ("'Welcome' ought to be displayed", ["assert_visible 'Welcome'"]),
        ("'Loading…' should eventually disappear", ["assert_no_text = 'Loading…'"]),
        ("the URL should contain dashboard", ["assert_url = 'dashboard'"]),
        ("the URL should not contain dashboard", ["assert_url = 'dashboard' not"]),
        ("wait a moment", ["wait = '1000'"]),
        ("wait a couple of seconds", ["wait = '2000'"]),
        ("select the Pro option", ["click 'Pro'"]),
    ],
}  # fmt: skip
CASES = [(family, goal, steps) for family, rows in FAMILIES.items() for goal, steps in rows]

# Look-alikes that must stay errors: a state that cannot be checked honestly, a timing, a
# negated wait, a count past reason, an unquoted "about", a check that is a question.
UNREAD = [
    "'Buy flour' is highlighted",
    "the Save button is shown in red",
    "the Username field is focused",
    "check the homepage loads within 3 seconds",
    "the spinner should not disappear",
    "click 'Next' 25 times",
    "nothing about errors should appear",
    "check I can frobnicate the widget",
    "a dialog saying Are you sure pops up",
    "Any row shows up",
    "Some rows appear",
    "I want the report to look nice",
]


@pytest.mark.parametrize(("family", "goal", "steps"), CASES, ids=[c[1] for c in CASES])
def test_each_family_reads_its_phrasings(family: str, goal: str, steps: list[str]) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == [], family
    assert briefs(plan) == steps, family


@pytest.mark.parametrize("goal", UNREAD)
def test_a_look_alike_stays_an_error_naming_it(goal: str) -> None:
    plan = plan_goal(URL, goal)

    assert plan.errors == [f"could not understand: '{goal}'"]
