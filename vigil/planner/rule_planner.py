"""The rule planner (DESIGN §4): a plain-language goal becomes a TestPlan without any model.

How a goal is read:

1. Quoted phrases and URLs are masked, then the goal is cut at new lines, `;`, sentence ends
   and "then" (clauses.split_clauses).
2. Each clause may still hold several actions joined by "and", "but" or ",". It is cut there
   only when every piece means something on its own (compounds.read_compound), so "click Buy
   and verify 'Thanks'" is two steps while "log in with username 'demo' and password
   'secret'" stays one; an elliptical piece ("… and 'Overdue' should not", "… and Y into B")
   borrows from the piece before it.
3. Each piece goes through the readers in order; the first that understands it supplies its
   steps, each with the words it came from (`source`).
4. A sentence that only frames the goal ("Make sure a customer can check out:") is skipped
   when the goal has steps of its own (framing.py); a claim it carries is still checked.
5. **Never pass what was not checked**: every clause nobody understands is an error in the
   plan, and a plan with errors is never run. A goal that asks only for availability ("the
   site is up") plans: open the URL (fails on HTTP >= 400) and wait for the page to load.
6. Pronouns ("complete it") are resolved against the steps before them (pronouns.py), and a
   click on "Sign in" right after a sign-in compound submits it instead of Enter.
7. The plan opens the check's URL first, unless the goal itself starts by opening a URL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vigil.models import IF_ASKED, Scope, TestPlan
from vigil.planner.actions import read_wait
from vigil.planner.asides import claim_aside, without_asides
from vigil.planner.clauses import Clause, split_clauses
from vigil.planner.compounds import Piece, read_compound, read_piece
from vigil.planner.context import Context
from vigil.planner.creating import save_before_claims
from vigil.planner.edit_form import fields_of_open_form
from vigil.planner.framing import asks_a_step, is_framing, is_label, modal_rest, split_head
from vigil.planner.label_value import read_label_value
from vigil.planner.missing_password import signs_in_without_password, unread_message
from vigil.planner.navigation import opens_a_url
from vigil.planner.no_errors import WITHOUT_ERRORS, no_error_shown
from vigil.planner.outcome_first import read_outcome_first
from vigil.planner.pronouns import resolve
from vigil.planner.records import AFTER_SAVING, CONFIRM_NAME, SAVE_NAME, is_save
from vigil.planner.sign_in import (
    HIDDEN,
    SIGNED_IN_LEAD,
    is_login_fill,
    is_login_submit,
    is_submit_click,
)
from vigil.planner.sign_in_first import sign_in_first
from vigil.planner.sign_in_lead import done_first, read_sign_in_lead
from vigil.planner.sign_in_outcome import expects_refusal
from vigil.planner.steps import Draft, number
from vigil.planner.topics import read_topic
from vigil.planner.visitors import VISITOR_LEAD
from vigil.planner.when_then import read_when_then

NOT_UNDERSTOOD = "could not understand: '{clause}'"
NOTHING_TO_CHECK = "the goal asks nothing that can be checked: '{goal}'"
UNRESOLVED = "could not tell what '{words}' refers to: name the item it means"
SECRET_CLAIM = "a password is never checked as page text: '{words}'"
_ASSERTING = ("assert_text", "assert_no_text", "assert_visible", "assert_not_visible",
              "assert_cell", "assert_value", "assert_title", "assert_url")  # fmt: skip


class RulePlanner:
    """The offline Planner: same input always gives the same plan, and no API key is needed."""

    async def plan(self, url: str, goal: str) -> TestPlan:
        return plan_goal(url, goal)


@dataclass
class Reading:
    """How a goal was read: its steps, the clauses nobody understood (as the user wrote
    them), and every other error. `vigil plan` shows it; suggestions.py suggests for each
    unread clause."""

    url: str
    goal: str
    drafts: list[Draft] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # Sentences read as framing and skipped, shown by `vigil plan` so nothing vanishes.
    framing: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [unread_message(c) for c in self.unread] + self.problems

    def plan(self) -> TestPlan:
        steps = number(self.drafts)
        return TestPlan(
            url=self.url,
            goal=self.goal,
            steps=steps,
            total_steps=len(steps),
            source="rules",
            errors=self.errors,
        )


def plan_goal(url: str, goal: str) -> TestPlan:
    """Plan `goal` against the check's `url`; unread clauses are listed in `errors`."""
    return read_goal(url, goal).plan()


def read_goal(url: str, goal: str) -> Reading:
    ctx = Context(base_url=url)
    reading = Reading(url, goal)
    clauses = sign_in_first(split_clauses(goal), ctx)
    framing = reading.framing
    previous: Piece | None = None
    drafts: list[Draft] = []
    opens_own_url = False
    for clause in clauses:
        pieces, unread, framed = _read_clause(clause, ctx, previous)
        reading.unread += unread
        framing += framed
        if not drafts and pieces and not unread:
            # The first step opens a URL itself (framing before it asks nothing).
            opens_own_url = opens_a_url(pieces[0].clause, ctx)
        for piece in pieces:
            drafts += piece.drafts
        if pieces:
            previous = pieces[-1]

    if not drafts:
        # Framing with nothing after it asks something nothing checks.
        reading.unread += framing
        if not reading.unread:
            reading.problems.append(NOTHING_TO_CHECK.format(goal=goal.strip()))
        return reading
    if expects_refusal(goal):
        drafts = [d.but(signs_in=False) for d in drafts]
    drafts = _confirm_deletes(_items_in_their_rows(_submit_with_named_button(_one_enter(drafts))))
    drafts, unresolved = resolve(drafts, _groups(drafts))
    drafts = save_before_claims(fields_of_open_form(drafts))
    reading.problems += [UNRESOLVED.format(words=d.source or d.action) for d in unresolved]
    reading.problems += _secret_claims(drafts)
    drafts = _hide_secrets(drafts)
    if not opens_own_url:
        drafts.insert(0, Draft("navigate", value=url, note=f"Open {url}"))
    reading.drafts = drafts
    return reading


def _read_clause(
    clause: Clause, ctx: Context, previous: Piece | None
) -> tuple[list[Piece], list[str], list[str]]:
    """Pieces read, stretches not read, and stretches skipped as framing."""
    if signed_in := read_sign_in_lead(clause, ctx, previous):
        return signed_in, [], []
    if lead := SIGNED_IN_LEAD.match(clause.masked) or VISITOR_LEAD.match(clause.masked):
        clause = clause.with_text(clause.masked[lead.end() :])
        if not clause.masked:
            return [], [], []
    if saving := AFTER_SAVING.match(clause.masked):
        # "after saving, its row shows closed": the save is a step, unless just done.
        after = clause.with_text(clause.masked[saving.end() :])
        done = previous is not None and bool(previous.drafts) and is_save(previous.drafts[-1])
        save = (
            []
            if done
            else [
                Piece(
                    clause,
                    [Draft("click", target=SAVE_NAME, source=clause.written(), control=True)],
                )
            ]
        )
        pieces, unread, framed = _read_clause(after, ctx, save[-1] if save else previous)
        return [*save, *pieces], unread, framed
    if is_label(clause):
        return [], [], [clause.written()]
    if (tail := WITHOUT_ERRORS.search(clause.masked)) and not read_wait(clause, ctx):
        # "sign in as ana / pw without any error": the step, then no error message shown.
        pieces, unread, framed = _read_clause(
            clause.with_text(clause.masked[: tail.start()]), ctx, previous
        )
        if pieces and not unread:
            check = Piece(clause, [no_error_shown().but(source=clause.written())])
            return [*pieces, check], unread, framed
    if asides := _aside_read(clause, ctx, previous, trailing=False):
        return asides
    if claimed := _claim_aside_read(clause, ctx, previous):
        return claimed
    if outcome_first := read_outcome_first(clause, ctx, previous):
        return outcome_first, [], []
    if when_then := read_when_then(clause, ctx, previous):
        return when_then, [], []
    pieces, unread = read_compound(clause, ctx, previous)
    if not unread:
        return done_first(pieces), [], []
    if topic := read_topic(clause, ctx, previous):
        return topic, [], []
    if split_head(clause) and (said := read_label_value(clause, ctx)):
        # "Best time to visit Peru: May to September" is a value beside its label, never a
        # framing head and a click borrowed from the step before.
        return [Piece(clause, said)], [], []
    if head := split_head(clause):
        framing_words, steps_words = head
        # "agent / desk-2024: open Tickets", "as admin with password x: …": a head that is a
        # step of its own is read, never skipped as framing (that would drop a sign-in).
        steps, steps_unread = read_compound(clause.with_text(framing_words), ctx, previous)
        before = steps[-1] if steps and not steps_unread else previous
        inner, inner_unread = read_compound(clause.with_text(steps_words), ctx, before)
        if inner and not inner_unread:
            if steps and not steps_unread:
                return [*steps, *inner], [], []
            if signs_in_without_password(framing_words):
                return inner, [clause.written(framing_words)], []  # "As manager: …"
            if is_framing(clause, framing_words) or not asks_a_step(framing_words):
                return inner, [], [clause.written(framing_words)]
    if (rest := modal_rest(clause)) and (own := read_piece(clause.with_text(rest), ctx)):
        return [own], [], []
    if is_framing(clause):
        # "Make sure a customer can check out and ends up on the dashboard": the claim
        # it carries is checked; the rest frames.
        return pieces, [], [clause.written()]
    if said := read_label_value(clause, ctx):
        return [Piece(clause, said)], [], []
    if asides := _aside_read(clause, ctx, previous, trailing=True):
        return asides
    return pieces, unread, []


def _aside_read(
    clause: Clause, ctx: Context, previous: Piece | None, *, trailing: bool
) -> tuple[list[Piece], list[str], list[str]] | None:
    """ "Iceland isn't listed (still a draft)": the aside explains, the rest is checked; None
    unless the rest reads completely (asides.py)."""

    def reads(words: Clause) -> bool:
        own, own_unread = read_compound(words, ctx, None)
        return bool(own) and not own_unread

    found = without_asides(clause, reads, trailing=trailing)
    if found is None:
        return None
    rest, explained = found
    pieces, unread, framed = _read_clause(rest, ctx, previous)
    if not pieces or unread:
        return None
    return pieces, [], [*framed, *explained]


def _claim_aside_read(
    clause: Clause, ctx: Context, previous: Piece | None
) -> tuple[list[Piece], list[str], list[str]] | None:
    """ "Open Reports (the revenue should be $67.50)": the step, then the claim in brackets
    (read otherwise, the brackets became part of the link's name). Only an aside made of
    claims: one holding a sign-in ("(ana / pw)") is read first, by sign_in_first."""
    split = claim_aside(clause)
    if split is None:
        return None
    rest, aside = split
    claims, claims_unread = read_compound(aside, ctx, None)
    drafts = [d for piece in claims for d in piece.drafts]
    if not drafts or claims_unread or not all(d.action.startswith("assert_") for d in drafts):
        return None
    pieces, unread, framed = _read_clause(rest, ctx, previous)
    if not pieces or unread:
        return None
    return [*pieces, *claims], [], framed


def _submit_with_named_button(drafts: list[Draft]) -> list[Draft]:
    """ "log in as ana / x and click 'Sign in'": click the button instead of pressing Enter,
    so the form is submitted once, the way the goal says."""
    drafts = list(drafts)
    kept: list[Draft] = []
    for index, draft in enumerate(drafts):
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        if is_login_submit(draft) and following is not None and is_submit_click(following):
            # The click submits the sign-in now, and carries what the press expected.
            drafts[index + 1] = following.but(signs_in=draft.signs_in)
            continue
        if draft.announces_login and following is not None and is_login_fill(following):
            continue
        if draft.announces_login and kept and is_login_submit(kept[-1]):
            continue  # "…, sign in": the compound has already submitted
        kept.append(draft)
    return kept


def _confirm_deletes(drafts: list[Draft]) -> list[Draft]:
    """ "delete 'X' and check it is gone": a delete is whole only once confirmed, so when the
    goal does not deal with a confirmation itself (no click follows), one is answered if
    the app asks for it."""
    result: list[Draft] = []
    for index, draft in enumerate(drafts):
        result.append(draft)
        following = drafts[index + 1] if index + 1 < len(drafts) else None
        goes_on = following is not None and following.action == "click"
        if draft.deletes and not (goes_on and following is not None and following.ground != "page"):
            result.append(
                Draft("click", target=CONFIRM_NAME, value=IF_ASKED, source=draft.source,
                      control=True)
            )  # fmt: skip
    return result


def _one_enter(drafts: list[Draft]) -> list[Draft]:
    """ "add 'Rye' and press Enter": a grounded entry or search already ends with Enter (the
    contract), so a bare Enter right after it would submit a second, empty entry."""
    return [
        d
        for i, d in enumerate(drafts)
        if not (
            i > 0
            and d.action == "press"
            and d.value == "Enter"
            and d.target is None
            and drafts[i - 1].action == "fill"
            and drafts[i - 1].ground in ("new_item", "search")
        )
    ]


_BOX_ACTIONS = ("check", "uncheck", "assert_checked", "assert_unchecked")


def _items_in_their_rows(drafts: list[Draft]) -> list[Draft]:
    """ "add 'Walk dog' … 'Walk dog' should be checked": an item the goal added is ticked in
    its own row, whose checkbox is rarely labelled with the item's text."""
    added: set[str] = set()
    result: list[Draft] = []
    for d in drafts:
        if d.ground == "new_item" and d.value:
            added.add(d.value)
        if d.action in _BOX_ACTIONS and d.target in added and d.scope is None and d.role is None:
            d = d.but(target=None, scope=Scope(kind="row", text=d.target))
        result.append(d)
    return result


def _groups(drafts: list[Draft]) -> dict[int, tuple[str, ...]]:
    """Items added together ("create A, B and C"), for "the last one" to choose from."""
    groups: dict[int, tuple[str, ...]] = {}
    index = 0
    while index < len(drafts):
        draft = drafts[index]
        if draft.ground == "new_item" and draft.action == "fill":
            members = [
                d.value or ""
                for d in drafts[index:]
                if d.ground == "new_item" and d.action == "fill" and d.source == draft.source
            ]
            end = index
            while end < len(drafts) and drafts[end].source == draft.source:
                end += 1
            groups[end] = tuple(members)
            index = end
        else:
            index += 1
    return groups


def _secret_claims(drafts: list[Draft]) -> list[str]:
    secrets = {d.value for d in drafts if d.secret and d.value}
    return [
        SECRET_CLAIM.format(words=_mask(d.source or d.action, secrets))
        for d in drafts
        if d.action in _ASSERTING and (d.value in secrets or d.target in secrets)
    ]


def _hide_secrets(drafts: list[Draft]) -> list[Draft]:
    """A password typed in the goal is not repeated in any step's `source`."""
    secrets = {d.value for d in drafts if d.secret and d.value}
    if not secrets:
        return drafts
    return [
        d.but(source=_mask(d.source, secrets)) if d.source and HIDDEN not in d.source else d
        for d in drafts
    ]


def _mask(text: str, secrets: set[str]) -> str:
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    return text
