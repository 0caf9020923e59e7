"""For each clause Vigil could not read, the closest phrasings it does know.

`vigil plan` and POST /api/plan show these next to an unread clause, so a user sees how to
say it instead of guessing. The examples are canonical phrasings, one list per family of the
goal language (DESIGN §4); each is read by the planner (tests/planner/test_suggestions.py
keeps them honest). Matching ignores what is inside quotes, so "tap on 'Basket'" is compared
as "tap on 'X'" and lands near "click 'X'".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from vigil.models import TestPlan
from vigil.planner.rule_planner import read_goal

EXAMPLES: dict[str, tuple[str, ...]] = {
    "navigation": (
        "go to /orders",
        "open https://example.com/login",
        "go to Orders",
        "open the Invoices page",
        "switch to the Archived tab",
        "open the row for 'INV-204'",
        "go back",
        "reload the page",
    ),
    "sign-in": (
        "log in as ana / hunter2",
        "sign in as ana (password hunter2)",
        "log in with username 'ana' and password 'hunter2'",
        "sign in with the email a@b.io and the password hunter2",
        "try to sign in as ana with 'wrong'",
        "log out",
    ),
    "forms": (
        "type 'ana@example.com' into the Email field",
        "fill Email with ana@example.com",
        "select 'Germany' from Country",
        "check 'I agree'",
        "uncheck 'Send me offers'",
        "click 'Save'",
        "click the second 'Add to cart' button",
        "press Enter",
        "hover over 'Menu'",
        "double-click 'Rye'",
        "wait 2 seconds",
        "wait until 'Loaded' appears",
        "fill in the form: Name 'Ana', Email 'ana@example.com'",
        "turn on 'Notifications'",
        "close the dialog",
    ),
    "lists": (
        "add 'Rye' to the list",
        "put 'Rye', 'Spelt' and 'Oat' on the list",
        "create three tasks: Rye, Spelt and Oat",
        "add a note called 'Rye'",
        "mark 'Rye' as done",
        "complete the last one",
        "delete 'Rye'",
        "edit 'Rye' in place so it reads 'Dark rye'",
    ),
    "search, filter, sort": (
        "search for 'rye'",
        "look up order 1042 with the search box",
        "filter by Category: Pastry",
        "sort by date, newest first",
        "sort by price, cheapest first",
    ),
    "scopes": (
        "click 'Edit' in the row for 'INV-204'",
        "check the checkbox next to 'Spelt'",
        "click 'Save' in the dialog",
        "in the Billing section, type 'x' into Email",
    ),
    "claims": (
        "verify the page shows 'Welcome'",
        "'Error' should not appear",
        "'Paid' should be shown and 'Overdue' should not",
        "the 'Save' button is disabled",
        "'Remember me' is checked",
        "'Rye' is done",
        "'Rye' is no longer listed",
        "the row for 'INV-204' shows 'Overdue' in the State column",
        "'Spelt' is listed with a price of 4.20",
        "the top row is 'Oat'",
        "shows 3 results",
        "there are exactly 2 items",
        "only 'A' and 'B' are shown",
        "the Email field should contain 'a@b.io'",
        "I end up on the Dashboard",
        "the URL should contain /orders",
        "the title should contain 'Shop'",
        "the homepage loads",
        "the site is up",
        "the heading is 'Orders'",
        "the number of rows is 9",
        "the dialog says 'Are you sure?'",
        "the pricing page mentions 'Enterprise'",
    ),
}
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019")
_WORD = re.compile(r"[a-z0-9/@.]+|'x'")
# Words that mean the same to the planner, folded together so that meaning, not spelling,
# decides which example is closest ("tap" is near "click", "lands on" near "end up on").
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(("tap", "press", "hit", "push", "choose", "pick", "follow"), "click"),
    **dict.fromkeys(("remove", "erase", "trash", "discard", "destroy", "drop"), "delete"),
    **dict.fromkeys(("lands", "land", "arrives", "arrive", "redirected", "taken", "ends"), "end"),
    **dict.fromkeys(("navigate", "visit", "browse", "head", "goto"), "go"),
    **dict.fromkeys(("enter", "input", "write", "put", "fill"), "type"),
    **dict.fromkeys(("login", "signin", "log", "sign"), "login"),
    **dict.fromkeys(("displays", "display", "shown", "show", "contains", "says", "lists"),
                    "shows"),
    **dict.fromkeys(("appears", "appear", "visible", "present", "listed"), "shows"),
    **dict.fromkeys(("gone", "missing", "absent", "disappears", "longer"), "not"),
    **dict.fromkeys(("tick", "finish", "done", "completed", "mark"), "complete"),
    **dict.fromkeys(("find", "query", "lookup"), "search"),
    **dict.fromkeys(("order", "arrange", "rank"), "sort"),
    **dict.fromkeys(("equal", "equals", "be", "reads", "holds", "has"), "is"),
    **dict.fromkeys(("refresh", "reloads"), "reload"),
    **dict.fromkeys(("create", "append", "new"), "add"),
    **dict.fromkeys(("greyed", "grayed", "inactive"), "disabled"),
    **dict.fromkeys(("ticked", "selected"), "checked"),
}  # fmt: skip
_STOPWORDS = frozenset(
    (
        "the",
        "a",
        "an",
        "to",
        "that",
        "his",
        "her",
        "their",
        "my",
        "our",
        "your",
        "its",
        "he",
        "she",
        "they",
        "i",
        "we",
        "you",
        "on",
        "up",
        "should",
        "must",
        "will",
        "can",
        "would",
        "please",
        "then",
        "and",
        "verify",
        "ensure",
        "confirm",
        "assert",
        "validate",
        "expect",
        "make",
        "sure",
        "check",
        "whether",
        "if",
    )
)


def _normalise(text: str) -> str:
    words = _WORD.findall(_QUOTED.sub("'X'", text).lower())
    return " ".join(SYNONYMS.get(w, w) for w in words if w not in _STOPWORDS)


def _score(query: str, choice: str, **_: object) -> float:
    """Shared words count most (token_set_ratio); their order breaks ties (ratio)."""
    return 0.7 * fuzz.token_set_ratio(query, choice) + 0.3 * fuzz.ratio(query, choice)


_ALL: tuple[str, ...] = tuple(example for family in EXAMPLES.values() for example in family)
_NORMALISED: tuple[str, ...] = tuple(_normalise(e) for e in _ALL)
MIN_SCORE = 35.0


@dataclass(frozen=True)
class Suggestion:
    """An unread clause and the known phrasings closest to it, best first."""

    clause: str
    closest: list[str]


def closest_phrasings(clause: str, limit: int = 3) -> list[str]:
    """The `limit` known phrasings nearest to `clause` (an empty list when none is near)."""
    query = _normalise(clause)
    if not query:
        return []
    found = process.extract(query, _NORMALISED, scorer=_score, limit=limit, score_cutoff=MIN_SCORE)
    return [_ALL[index] for _, _, index in found]


def suggest(unread: list[str], limit: int = 3) -> list[Suggestion]:
    """One Suggestion per unread clause, in the goal's order (see rule_planner.Reading)."""
    return [Suggestion(clause, closest_phrasings(clause, limit)) for clause in unread]


def plan_with_suggestions(url: str, goal: str, limit: int = 3) -> tuple[TestPlan, list[Suggestion]]:
    """What `vigil plan` and POST /api/plan show: the plan, and for each clause it could not
    read, the closest phrasings Vigil knows."""
    reading = read_goal(url, goal)
    return reading.plan(), suggest(reading.unread, limit)
