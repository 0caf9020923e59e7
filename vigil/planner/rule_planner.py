"""The rule planner (DESIGN §4): a plain-language goal becomes a TestPlan without any model.

How a goal is read:

1. Quoted phrases and URLs are masked, then the goal is cut at new lines, `;`, sentence ends
   and "then" (plan_text).
2. Each clause may still hold several actions joined by "and" or ",". It is cut there only
   when every piece means something on its own, so "click Buy and verify 'Thanks'" is two
   steps while "log in with username 'demo' and password 'secret'" stays one compound.
3. Each piece goes through the readers in order (plan_actions, then plan_assertions); the
   first that understands it supplies its steps.
4. A clause nobody understands becomes an error in the plan; a run of a plan with errors is
   an `error` the user sees, never a silent pass. If *no* clause is understood, the goal gets
   the documented fallback instead: open the URL (the navigate step fails on HTTP >= 400) and
   check that every quoted phrase is on the page (except in clauses that say "not").
5. The plan opens the check's URL first, unless the goal itself starts by opening a URL
   (relative ones are resolved against the check's URL).
"""

from __future__ import annotations

import re
from dataclasses import replace

from vigil.models import Action, TestPlan
from vigil.planner.actions import (
    NAVIGATE,
    Context,
    Reader,
    read_check,
    read_click,
    read_fill,
    read_hover,
    read_login,
    read_navigate,
    read_press,
    read_select,
    read_wait,
)
from vigil.planner.claims import NEGATION, read_claim
from vigil.planner.clauses import Clause, split_clauses, tidy
from vigil.planner.steps import Draft, number
from vigil.planner.targets import resolve_url

# Order matters where phrasings overlap: "press Enter" is a key before "press X" is a click,
# "check 'I agree'" is a checkbox before "check that …" is a claim.
READERS: tuple[Reader, ...] = (
    read_login,
    read_navigate,
    read_wait,
    read_press,
    read_fill,
    read_select,
    read_check,
    read_hover,
    read_click,
    read_claim,
)

# "exactly 'X'", "the exact text 'X'", "(exact match)": asks for exact instead of substring.
EXACT_WORDING = re.compile(r"\s*\(?\b(?:an?\s+)?exact(?:ly)?(?:\s+match(?:es)?)?\b\)?", re.I)
# Actions where exact matching means something (names and compared text).
EXACT_ACTIONS: frozenset[Action] = frozenset(
    {
        "click",
        "hover",
        "check",
        "uncheck",
        "wait",
        "assert_text",
        "assert_no_text",
        "assert_visible",
        "assert_not_visible",
        "assert_value",
        "assert_url",
        "assert_title",
    }
)
# Actions a verb-less follow-up such as "then 'Confirm'" can repeat.
REPEATABLE_ACTIONS: frozenset[Action] = frozenset(
    {"click", "hover", "check", "uncheck", "assert_text", "assert_no_text", "assert_visible"}
)
# Where one clause may join two actions: ", and", ",", " and ".
ACTION_JOINER = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)

ALTERNATIVE = re.compile(r"\bor\b", re.IGNORECASE)
FALLBACK_NOTE = (
    "Open {url} and check that it loads (this step fails when the page answers with an "
    "HTTP status of 400 or above)"
)


class RulePlanner:
    """The offline Planner: same input always gives the same plan, and no API key is needed."""

    async def plan(self, url: str, goal: str) -> TestPlan:
        return plan_goal(url, goal)


def plan_goal(url: str, goal: str) -> TestPlan:
    """Plan `goal` against the check's `url`; unmapped clauses are listed in `errors`."""
    ctx = Context(base_url=url)
    drafts: list[Draft] = []
    errors: list[str] = []
    opens_own_url = False
    for index, clause in enumerate(split_clauses(goal)):
        if drafts and (repeated := _repeat_previous(drafts[-1], clause)):
            drafts += repeated  # "click 'Buy', then 'Confirm'"
            continue
        pieces, unread = _read_compound(clause, ctx)
        errors += [f"could not understand: '{text}'" for text in unread]
        if index == 0 and pieces and not unread:
            opens_own_url = _opens_a_url(pieces[0][0], ctx)
        for _, piece_drafts in pieces:
            drafts.extend(piece_drafts)

    if not drafts:
        return _fallback_plan(url, goal)
    if not opens_own_url:
        drafts.insert(0, Draft("navigate", value=url, note=f"Open {url}"))
    steps = number(drafts)
    return TestPlan(
        url=url, goal=goal, steps=steps, total_steps=len(steps), source="rules", errors=errors
    )


def _fallback_plan(url: str, goal: str) -> TestPlan:
    """Nothing in the goal mapped onto an action: check what can honestly be checked.

    A clause that says "not" or "or" is the exception: asserting all its quoted phrases would
    check the opposite of, or more than, what was asked, so it is reported as not understood.
    """
    drafts = [Draft("navigate", value=url, note=FALLBACK_NOTE.format(url=url))]
    errors: list[str] = []
    for clause in split_clauses(goal):
        if NEGATION.search(clause.masked) or ALTERNATIVE.search(clause.masked):
            errors.append(f"could not understand: '{clause.written()}'")
        else:
            drafts += [Draft("assert_text", value=phrase) for phrase in clause.quoted_phrases()]
    steps = number(drafts)
    return TestPlan(
        url=url, goal=goal, steps=steps, total_steps=len(steps), source="rules", errors=errors
    )


Piece = tuple[Clause, list[Draft]]


def _read_compound(clause: Clause, ctx: Context) -> tuple[list[Piece], list[str]]:
    """Read a clause as one or more actions joined by "and" / ","; also return, as written,
    the stretches nobody understood.

    Splits are preferred to reading the whole, leftmost first, but a split only counts when
    every piece is understood; otherwise the clause is read whole ("click Terms and
    Conditions"). When even that fails, the understood pieces are kept and the rest is
    reported, so "click 'A' and frobnicate" plans the click and names "frobnicate".
    Results are memoised by offset so long clauses stay cheap.
    """
    text = clause.masked
    joints = [(found.start(), found.end()) for found in ACTION_JOINER.finditer(text)]
    memo: dict[int, list[Piece] | None] = {}

    def piece(start: int, end: int) -> Piece | None:
        return _read_piece(clause.with_text(tidy(text[start:end])), ctx)

    def read_from(start: int) -> list[Piece] | None:
        if start in memo:
            return memo[start]
        result: list[Piece] | None = None
        for joint_start, joint_end in joints:
            if joint_start > start and (head := piece(start, joint_start)) is not None:
                rest = read_from(joint_end)
                if rest is not None:
                    result = [head, *rest]
                    break
        if result is None:
            whole = piece(start, len(text))
            result = [whole] if whole is not None else None
        memo[start] = result
        return result

    def salvage(start: int) -> tuple[list[Piece], list[str]]:
        complete = read_from(start)
        if complete is not None:
            return complete, []
        later = [joint for joint in joints if joint[0] > start]
        for joint_start, joint_end in later:
            if (head := piece(start, joint_start)) is not None:
                pieces, unread = salvage(joint_end)
                return [head, *pieces], unread
        for joint_start, joint_end in later:
            if (rest := read_from(joint_end)) is not None:
                return rest, [clause.written(tidy(text[start:joint_start]))]
        return [], [clause.written(tidy(text[start:]))]

    return salvage(0)


def _read_piece(clause: Clause, ctx: Context) -> Piece | None:
    if not clause.masked:
        return None
    exact = EXACT_WORDING.search(clause.masked) is not None
    if exact:
        clause = clause.with_text(tidy(EXACT_WORDING.sub(" ", clause.masked)))
    for reader in READERS:
        drafts = reader(clause, ctx)
        if drafts:
            if exact:
                drafts = [replace(d, exact=_can_be_exact(d)) for d in drafts]
            return clause, drafts
    return None


def _repeat_previous(previous: Draft, clause: Clause) -> list[Draft]:
    """A clause of bare quoted names repeats the previous action on each of them."""
    names = clause.literal_list(clause.masked)
    if not names or previous.action not in REPEATABLE_ACTIONS:
        return []
    if previous.action in ("assert_text", "assert_no_text"):
        return [Draft(previous.action, value=name) for name in names]
    return [Draft(previous.action, target=name) for name in names]


def _opens_a_url(clause: Clause, ctx: Context) -> bool:
    """A goal that starts with "go to /pricing" or "open https://…" needs no extra opening
    navigation: loading the check's URL first would only load a page twice."""
    found = NAVIGATE.fullmatch(clause.masked)
    if not found:
        return False
    return resolve_url(clause, found.group("where"), ctx.base_url) is not None


def _can_be_exact(draft: Draft) -> bool:
    """Exact matching applies to names and compared text, not to URLs, keys or durations."""
    if draft.action == "wait":
        return draft.target is not None
    return draft.action in EXACT_ACTIONS
