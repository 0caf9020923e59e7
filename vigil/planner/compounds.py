"""Reading one clause: the readers in order, compounds, ellipsis, lead-ins and parentheses.

A clause can hold several actions ("fill Email with a@b.c, click Continue, and verify
'Check your inbox'"), an elliptical second half ("'Paid' should be shown and 'Overdue'
should not", "type X into A and Y into B"), a scope for all of it ("In the dialog, click
'Save'") and a parenthesis that modifies what comes before it ("… (type each into 'New task'
and press Enter)"). This module puts those together; the readers themselves never see them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vigil.models import Action, Scope
from vigil.planner.absence import read_nothing_about
from vigil.planner.actions import (
    read_check,
    read_click,
    read_fill,
    read_form,
    read_hover,
    read_press,
    read_select,
    read_wait,
)
from vigil.planner.cart import read_cart_quantities, read_out_of_cart
from vigil.planner.claims import NEGATION, read_claim
from vigil.planner.clauses import TOKEN, Clause, tidy
from vigil.planner.collections import (
    read_add_items,
    read_complete,
    read_delete,
    read_double_click,
    read_edit,
    type_items_into,
)
from vigil.planner.conditions import read_condition
from vigil.planner.consent import read_consent
from vigil.planner.consequences import read_consequence
from vigil.planner.context import Context, Reader
from vigil.planner.counters import read_add_nth
from vigil.planner.creating import read_create
from vigil.planner.creating_with import read_add_with, read_give_fields
from vigil.planner.dialogs import read_dialog_claim
from vigil.planner.edit_form import read_details, read_edit_form
from vigil.planner.editing import read_editing
from vigil.planner.filters import read_more_filters
from vigil.planner.item_claims import read_whole
from vigil.planner.loading import read_loading
from vigil.planner.means import told_by_means
from vigil.planner.menu_paths import read_menu_path
from vigil.planner.named_actions import read_named_action
from vigil.planner.names import unquoted_name, unquoted_names
from vigil.planner.navigation import NAVIGATE, PLACE_NOTE, read_navigate
from vigil.planner.no_errors import read_no_errors
from vigil.planner.ordinals import read_ordinal
from vigil.planner.places import go_to_page, lowercase_place, read_look_at
from vigil.planner.places_within import read_named_tab, read_place_within
from vigil.planner.record_places import read_by_doing, read_record_from_place, read_rename
from vigil.planner.records import read_record
from vigil.planner.repeats import (
    read_choose_as,
    read_into_basket,
    read_leave_blank,
    read_repeated,
    read_select_option,
)
from vigil.planner.result_claims import item_names
from vigil.planner.row_claims import gapped_cell
from vigil.planner.scopes import split_lead
from vigil.planner.scrolling import read_scroll
from vigil.planner.search import read_filter, read_search, read_sort
from vigil.planner.sign_in import read_bare_login, read_login, read_logout
from vigil.planner.steps import Draft

# Order matters where phrasings overlap: "press Enter" is a key before "press X" is a click,
# "check off 'X'" completes an item before "check 'X'" ticks a box, and "check that …" is
# a claim only when no action reads it.
READERS: tuple[Reader, ...] = (
    read_login,
    read_bare_login,
    read_logout,
    read_editing,
    read_edit_form,
    read_details,
    read_place_within,
    read_named_tab,
    read_record_from_place,
    read_by_doing,
    read_menu_path,
    read_navigate,
    read_look_at,
    read_loading,
    read_wait,
    read_scroll,
    read_consent,
    read_consequence,
    read_dialog_claim,
    read_search,
    read_sort,
    read_more_filters,
    read_filter,
    read_repeated,
    read_press,
    read_cart_quantities,
    read_out_of_cart,
    read_create,
    read_add_with,
    read_give_fields,
    read_into_basket,
    read_add_nth,
    read_add_items,
    read_rename,
    read_edit,
    read_record,
    read_complete,
    read_delete,
    read_double_click,
    read_form,
    read_leave_blank,
    read_fill,
    read_select,
    read_check,
    read_condition,
    read_choose_as,
    read_select_option,
    read_hover,
    read_named_action,
    read_click,
    read_nothing_about,
    read_no_errors,
    read_claim,
)

# "exactly 'X'", "the exact text 'X'", "(exact match)": asks for exact instead of substring.
# "exactly 3" is a count (tables.py), not a wording.
EXACT_WORDING = re.compile(
    r"\s*\(?\b(?:an?\s+)?exact(?:ly)?(?:\s+match(?:es)?)?\b\)?"
    r"(?!\s*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|a\s+single)\b)",
    re.I,
)
EXACT_ACTIONS: frozenset[Action] = frozenset(
    {"click", "hover", "check", "uncheck", "wait", "assert_text", "assert_no_text",
     "assert_visible", "assert_not_visible", "assert_value", "assert_url", "assert_title",
     "assert_cell", "double_click"}
)  # fmt: skip
# Where one clause may join two actions: ", and", ",", " and ", " but ".
# A closing parenthesis followed by a word joins too: "as admin (pw) open Books"; so does a
# dash between spaces: "search for loaf — Spelt Loaf should come up".
# A colon inside a sentence joins what it introduces: "open Tickets: 'X' should be urgent" (but
# "filter by Category: Pastry" stays one, as its pieces mean nothing apart). An arrow walks a
# path of places: "open Settings → Billing".
ACTION_JOINER = re.compile(
    r"\s*,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+|(?<=\))\s+(?=[a-z])|\s+(?:\u2014|\u2013|--?)\s+"
    r"|\s*:\s+|\s+(?:\u2192|->|=>|\u00bb|>)\s+",
    re.IGNORECASE,
)
_ARROW = re.compile(r"\u2192|->|=>|\u00bb|>")
# No single action spans more joints than this ("type X into A, B and C …"); bounding it keeps
# long goals linear instead of quadratic.
MAX_JOINTS_IN_A_PIECE = 8
_ENDS_WITH_TOKEN = re.compile(rf"{TOKEN}$")
_STARTS_WITH_TOKEN = re.compile(rf"^{TOKEN}")
# "open 'INV-7' and 'Paid' should be shown": after a plain action on one quoted thing, a
# quoted thing with a verb of its own starts a claim, not a second item of a list. ("check"
# and "verify" are not actions here: "check 'A' and 'B' are shown" is one claim.)
_ACTION_THEN_CLAIM = re.compile(
    r"^(?:.*[,;]\s*)?(?:(?:after|once|when)\s+(?:(?:i|you|we)(?:'ve|\s+have)?\s+)?)?"
    r"(?:click|open|press|tap|select|choose|pick|delete|remove|add|type|enter|search|visit|"
    r"submit|save|tick|complete|hover)(?:ing|ed|ped|d)?\s+(?:on\s+|for\s+|over\s+)?"
    rf"(?:the\s+)?(?:[a-z]+\s+)?{TOKEN}(?:\s+(?:button|link|tab))?$",
    re.IGNORECASE,
)
_CLAIMED = re.compile(
    rf"^{TOKEN}\s+(?:should|must|will|is|are|appears?|shows?\s+up|disappears?|"
    r"(?:does|do)\s*(?:not|n't))\b",
    re.IGNORECASE,
)
# A trailing parenthesis: "(type each into 'New task' and press Enter)".
PARENTHESIS = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^()]+)\)$")
# Second halves that repeat the first one's claim about another subject.
_SUBJECTS = rf"{TOKEN}(?:\s*(?:,\s*and|,|and)\s*{TOKEN})*|(?-i:[A-Z0-9])[^,\ue000]*?"
ELLIPTICAL_CLAIM = re.compile(
    rf"^(?:but\s+)?(?P<what>{_SUBJECTS})\s+(?:(?:should|must|does|do|is|are|will|can|has|have)"
    r"(?P<neg>\s*(?:not|n't|n\u2019t))?(?:\s+be)?(?:\s+(?:either|too|also|as\s+well))?"
    r"|(?P<neg2>isn't|aren't|doesn't|won't|shouldn't|mustn't|not)|too|also|as\s+well)$"
    rf"|^(?:but\s+|and\s+)?(?P<neg3>not)\s+(?P<what2>{_SUBJECTS})$",
    re.IGNORECASE,
)
# "… and Y into B": a value and where it goes, with the verb left out.
VERBLESS = re.compile(
    rf"^(?:{TOKEN}|[^\s{TOKEN[0]}]+(?:\s+[^\s{TOKEN[0]}]+){{0,2}})\s+"
    r"(?:into|in|to|from|for|as|with|on|under)\s+\S.*$",
    re.I,
)
_OPPOSITES: dict[Action, Action] = {
    "assert_text": "assert_no_text",
    "assert_visible": "assert_not_visible",
    "assert_checked": "assert_unchecked",
    "assert_enabled": "assert_disabled",
}
_OPPOSITES.update({v: k for k, v in list(_OPPOSITES.items())})
_NEGATABLE: frozenset[Action] = frozenset(
    {"assert_count", "assert_cell", "assert_url", "assert_title", "assert_value"}
)
# Actions a verb-less follow-up such as "then 'Confirm'" can repeat.
REPEATABLE_ACTIONS: frozenset[Action] = frozenset(
    {"click", "hover", "check", "uncheck", "assert_text", "assert_no_text", "assert_visible"}
)


@dataclass(frozen=True)
class Piece:
    """A stretch of a clause that was read, and the steps it gave."""

    clause: Clause
    drafts: list[Draft]


# "On the Orders page, …" says where the rest holds; "From the home page, …" where it starts.
PAGE_LEAD = re.compile(
    r"^(?P<how>on|from|at)\s+(?P<place>(?:the\s+|my\s+)?[^,\ue000]+?\s+(?:page|screen|view|table)|"
    r"(?:the\s+)?home\s*page)(?:\s*,\s*|\s+(?=(?:click|tap|press|hit|open|type|enter|fill|"
    r"select|choose|pick|search|look\s+up|sort|filter|add|delete|remove|tick|hover|scroll|wait|"
    r"verify|check|make\s+sure|ensure|confirm)\b))(?P<rest>.+)$",
    re.IGNORECASE,
)


_START_PAGE = re.compile(r"\b(?:home\s*|start\s+|landing\s+|front\s+|main\s+)page$", re.I)


def read_piece(clause: Clause, ctx: Context) -> Piece | None:
    """One piece through the readers; a lead-in scope applies to all its steps."""
    if not clause.masked:
        return None
    if ordinal := read_ordinal(clause, ctx):
        return _sourced(clause, ordinal)
    if (page := PAGE_LEAD.match(clause.masked)) and (
        page.group("how").lower() == "from" and _START_PAGE.search(page.group("place"))
    ):
        # "From the Corner Bakery home page, …": back where the check starts.
        pieces, unread = _read_joined(clause.with_text(tidy(page.group("rest"))), ctx, None)
        if not pieces or unread:
            return None
        home = Draft("navigate", value=ctx.base_url)
        return _sourced(clause, [home, *(d for piece in pieces for d in piece.drafts)])
    if page:
        where = read_navigate(clause.with_text(f"go to {page.group('place')}"), ctx)
        inner = read_piece(clause.with_text(tidy(page.group("rest"))), ctx)
        if where and inner:
            first = where[0]
            if page.group("how").lower() != "from" and first.action == "click" and first.target:
                # "On the Orders page, …": go there, unless that is where we already are.
                first = go_to_page(first.target)
            return _sourced(clause, [first, *inner.drafts])
    if (place := _place_lead(clause)) is not None:
        # "in Books, filter by genre Science" inside a longer sentence: go there, then the rest.
        there, rest = place
        inner = read_piece(clause.with_text(tidy(rest)), ctx)
        if inner is not None:
            return _sourced(clause, [*there.drafts, *inner.drafts])
    if scoped_lead := split_lead(clause):
        scope, rest = scoped_lead
        inner = read_piece(clause.with_text(tidy(rest)), ctx)
        if inner is not None:
            scoped = [d if d.scope or not _aims(d) else d.but(scope=scope) for d in inner.drafts]
            return _sourced(clause, scoped)
    told = _told_as_narrative(clause) or _told_as_done_first(clause) or told_by_means(clause)
    if told is not None and (inner := read_piece(told, ctx)) is not None:
        return _sourced(clause, inner.drafts)
    exact = EXACT_WORDING.search(clause.masked) is not None
    reading = clause.with_text(tidy(EXACT_WORDING.sub(" ", clause.masked))) if exact else clause
    for reader in READERS:
        drafts = reader(reading, ctx)
        if drafts:
            if exact:
                drafts = [d.but(exact=_can_be_exact(d)) for d in drafts]
            return _sourced(clause, drafts)
    if trailing := TRAILING_PAGE.fullmatch(clause.masked):
        # "you should see 'Mug' on the Products page": as "On the Products page, …".
        lead = f"{trailing.group('how')} {trailing.group('place')}, {trailing.group('rest')}"
        if (moved := read_piece(clause.with_text(lead), ctx)) is not None:
            return _sourced(clause, moved.drafts)
    return None


# A page named after what is said of it: "'Error' should not appear on the home page".
TRAILING_PAGE = re.compile(
    r"(?P<rest>.+?)\s+(?P<how>on|at)\s+(?P<place>(?:the\s+|my\s+)?[^,\ue000]+?\s+"
    r"(?:page|screen|view)|(?:the\s+)?home\s*page)",
    re.IGNORECASE,
)


# "I click 'Save'", "the user logs in as demo / demo": a step told as what someone does.
NARRATIVE = re.compile(
    r"^(?:i|we|you|the\s+(?:user|customer|visitor|admin|shopper|buyer)|user|customer)\s+"
    r"(?:then\s+|now\s+|first\s+)?(?P<verb>[a-z]+)(?P<rest>\s.*)$",
    re.IGNORECASE,
)
# Verbs that, after a person, describe what they see rather than do.
_NOT_DOING = re.compile(
    r"(?:see|sees|get|gets|am|is|are|should|must|can|will|land|lands|end|ends|stay|stays|have|"
    r"has|expect|expects|want|wants|need|needs|notice|notices)",
    re.IGNORECASE,
)


def _told_as_narrative(clause: Clause) -> Clause | None:
    """The same step as a command: "the user searches for 'rye'" -> "search for 'rye'"."""
    found = NARRATIVE.match(clause.masked)
    if found is None or _NOT_DOING.fullmatch(found.group("verb")):
        return None
    verb = found.group("verb")
    lowered = verb.lower()
    if lowered.endswith("ies"):
        verb = verb[:-3] + "y"
    elif lowered.endswith(("ches", "shes", "sses", "xes", "zes")) or lowered == "goes":
        verb = verb[:-2]
    elif lowered.endswith("s") and not lowered.endswith("ss"):
        verb = verb[:-1]
    return clause.with_text(f"{verb}{found.group('rest')}")


# "After opening the ticket 'X'", "once you've searched for 'rye'": the step done first, told
# as a command ("open the ticket 'X'"). Only verbs whose plain form is known for sure.
AFTER_DOING = re.compile(
    r"^(?:after|once|when)\s+(?:(?:i|you|we)(?:'ve|\s+have)?\s+)?(?P<verb>opening|opened|"
    r"visiting|visited|clicking|clicked|searching|searched|adding|added|selecting|selected|"
    r"choosing|chose|filtering|filtered|sorting|sorted|deleting|deleted|removing|removed|"
    r"going|gone|went|navigating|navigated|logging|logged|signing|signed|entering|entered|"
    r"typing|typed|filling|filled|ticking|ticked)(?P<rest>\s.+)$",
    re.IGNORECASE,
)
_PLAIN_VERB = {
    "opening": "open", "opened": "open", "visiting": "visit", "visited": "visit",
    "clicking": "click", "clicked": "click", "searching": "search", "searched": "search",
    "adding": "add", "added": "add", "selecting": "select", "selected": "select",
    "choosing": "choose", "chose": "choose", "filtering": "filter", "filtered": "filter",
    "sorting": "sort", "sorted": "sort", "deleting": "delete", "deleted": "delete",
    "removing": "remove", "removed": "remove", "going": "go", "gone": "go", "went": "go",
    "navigating": "navigate", "navigated": "navigate", "logging": "log", "logged": "log",
    "signing": "sign", "signed": "sign", "entering": "enter", "entered": "enter",
    "typing": "type", "typed": "type", "filling": "fill", "filled": "fill",
    "ticking": "tick", "ticked": "tick",
}  # fmt: skip


def _told_as_done_first(clause: Clause) -> Clause | None:
    found = AFTER_DOING.match(clause.masked)
    if found is None:
        return None
    return clause.with_text(f"{_PLAIN_VERB[found.group('verb').lower()]}{found.group('rest')}")


def read_compound(
    clause: Clause, ctx: Context, previous: Piece | None
) -> tuple[list[Piece], list[str]]:
    """Read a clause as one or more pieces joined by "and" / "but" / ","; also return, as
    written, the stretches nobody understood.

    Splits are preferred to reading the whole, leftmost first, but a split only counts when
    every piece is understood; otherwise the clause is read whole ("click Terms and
    Conditions"). When even that fails, the understood pieces are kept and the rest is
    reported, so "click 'A' and frobnicate" plans the click and names "frobnicate".
    """
    if previous is not None and (repeated := _repeat_previous(previous, clause)):
        return [repeated], []
    if ordinal := read_ordinal(clause, ctx):
        return [_sourced(clause, ordinal)], []  # its comma is its own (ordinals.py)
    if (lead := split_lead(clause)) and (scoped := _read_in_scope(clause, lead, ctx, previous)):
        return scoped, []
    if whole := read_whole(clause, ctx):
        return [Piece(clause, whole)], []  # its commas and "and"s are its own (item_claims)
    if within := read_place_within(clause, ctx):
        return [Piece(clause, within)], []  # "in the Settings page's Billing section, …"
    pieces, unread = _read_joined(clause, ctx, previous)
    if unread and (found := PARENTHESIS.match(clause.masked)):
        head, inner = found.group("head"), found.group("inner")
        head_pieces, head_unread = _read_joined(clause.with_text(head), ctx, previous)
        if head_pieces and not head_unread:
            return _with_parenthesis(clause, head_pieces, inner, ctx)
    return pieces, unread


# "In Books, …", "in the Tickets list, …": the rest happens on that list, so go there first.
# A named part of the page ("In the Billing section, …") is a scope instead (scopes.py).
PLACE_LEAD = re.compile(
    r"^(?:in|inside|within)\s+(?:the\s+)?(?P<place>[^,\ue000]+?)"
    r"(?P<noun>\s+(?:list|table|listing))?\s*,\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "in Products sort by Stock": without a comma, only a verb that works on a list ends the place.
PLACE_LEAD_NO_COMMA = re.compile(
    r"^(?:in|inside|within)\s+(?:the\s+)?(?P<place>[\w'-]+(?:\s+[\w'-]+)??)"
    r"(?P<noun>\s+(?:list|table|listing|page))?\s+"
    r"(?P<rest>(?:sort|order|search|filter|narrow|find|look\s+up)\b.+)$",
    re.IGNORECASE,
)


# "Products -> add a filter on …": a place, an arrow, then what is done there.
PLACE_ARROW = re.compile(
    r"^(?P<place>[\w' ]+?)(?P<noun>\s+(?:list|table|listing|page))?\s*(?:->|\u2192|=>)\s*"
    r"(?P<rest>(?!\S+\s*(?:->|\u2192|=>)).+)$",
    re.IGNORECASE,
)


def _place_lead(clause: Clause) -> tuple[Piece, str] | None:
    for lead in (PLACE_LEAD, PLACE_LEAD_NO_COMMA, PLACE_ARROW):
        if (found := lead.match(clause.masked)) and (read := _place_lead_from(clause, found)):
            return read
    return None


def _place_lead_from(clause: Clause, found: re.Match[str]) -> tuple[Piece, str] | None:
    place = found.group("place")
    name = unquoted_name(clause, place) if not found.group("noun") else place.strip()
    name = name or lowercase_place(place)
    if not name or not re.fullmatch(r"[\w' -]+", name) or len(name.split()) > 3:
        return None
    click = go_to_page(name)
    words = clause.written(clause.masked[: found.start("rest")]).rstrip(" ,")
    return Piece(
        clause.with_text(found.group(0)[: found.start("rest")]), [click.but(source=words)]
    ), found.group("rest")


def _read_in_scope(
    clause: Clause, lead: tuple[Scope, str], ctx: Context, previous: Piece | None
) -> list[Piece] | None:
    """ "In the Profile section, type 'Ana' into Name and click Save": the scope holds for
    every action of the clause, and for the claims of its first piece (a later claim may be
    about what the actions changed elsewhere, such as a dialog that closed)."""
    scope, rest = lead
    pieces, unread = _read_joined(clause.with_text(tidy(rest)), ctx, previous)
    if unread or len(pieces) < 2:
        return None  # one piece: read_piece applies the lead itself
    scoped: list[Piece] = []
    for index, piece in enumerate(pieces):
        drafts = [
            d.but(scope=scope)
            if d.scope is None and _aims(d) and (index == 0 or not d.action.startswith("assert"))
            else d
            for d in piece.drafts
        ]
        scoped.append(Piece(piece.clause, drafts))
    return scoped


def _read_joined(
    clause: Clause, ctx: Context, previous: Piece | None
) -> tuple[list[Piece], list[str]]:
    text = clause.masked
    # A comma or "and" between two quoted phrases separates list items, not actions.
    joints = [
        (found.start(), found.end())
        for found in ACTION_JOINER.finditer(text)
        if not (
            _ENDS_WITH_TOKEN.search(text[: found.start()])
            and _STARTS_WITH_TOKEN.match(text[found.end() :])
        )
        or (_ACTION_THEN_CLAIM.match(text[: found.start()]) and _CLAIMED.match(text[found.end() :]))
    ]
    # After an arrow ("Settings → Billing") a bare name is the next place on the path.
    path_steps = {end for start, end in joints if _ARROW.search(text[start:end])}
    on_path: set[int] = set()
    memo: dict[tuple[int, str | None], list[Piece] | None] = {}

    pieces_memo: dict[tuple[int, int, str | None], Piece | None] = {}

    def piece(start: int, end: int, before: Piece | None) -> Piece | None:
        key = (start, end, before.clause.masked if before else None)
        if key not in pieces_memo:
            words = clause.with_text(tidy(text[start:end]))
            found = read_piece(words, ctx) or _ellipsis(words, before, ctx)
            if found is None and before is not None and start in path_steps:
                found = _path_step(before, words, walking=id(before) in on_path)
                if found is not None:
                    on_path.add(id(found))
            pieces_memo[key] = found
        return pieces_memo[key]

    def read_from(start: int, before: Piece | None) -> list[Piece] | None:
        key = (start, before.clause.masked if before else None)
        if key in memo:
            return memo[key]
        result: list[Piece] | None = None
        later = [joint for joint in joints if joint[0] > start][:MAX_JOINTS_IN_A_PIECE]
        for joint_start, joint_end in later:
            if (head := piece(start, joint_start, before)) is not None:
                rest = read_from(joint_end, head)
                if rest is not None:
                    result = [head, *rest]
                    break
        if result is None:
            whole = piece(start, len(text), before)
            result = [whole] if whole is not None else None
        memo[key] = result
        return result

    def salvage(start: int, before: Piece | None) -> tuple[list[Piece], list[str]]:
        complete = read_from(start, before)
        if complete is not None:
            return complete, []
        later = [joint for joint in joints if joint[0] > start]
        for joint_start, joint_end in later:
            if (head := piece(start, joint_start, before)) is not None:
                pieces, unread = salvage(joint_end, head)
                return [head, *pieces], unread
        for joint_start, joint_end in later:
            if (rest := read_from(joint_end, None)) is not None:
                return rest, [clause.written(tidy(text[start:joint_start]))]
        return [], [clause.written(tidy(text[start:]))]

    return salvage(0, previous)


def _with_parenthesis(
    clause: Clause, pieces: list[Piece], inner: str, ctx: Context
) -> tuple[list[Piece], list[str]]:
    """A parenthesis modifies the piece before it, or is read as a clause of its own."""
    last = pieces[-1]
    if EXACT_WORDING.fullmatch(f" {inner.strip()}") or EXACT_WORDING.fullmatch(f"({inner})"):
        marked = [d.but(exact=_can_be_exact(d)) for d in last.drafts]
        return [*pieces[:-1], Piece(last.clause, marked)], []
    retyped = type_items_into(last.drafts, clause, tidy(inner))
    if retyped is not None:
        return [*pieces[:-1], Piece(last.clause, retyped)], []
    if _DONE_FIRST.search(inner):
        # "delete X (log in as ana, pw-1 first)": the parenthesis is done before the rest.
        before = tidy(_DONE_FIRST.sub("", inner))
        first, first_unread = _read_joined(clause.with_text(before), ctx, None)
        if first and not first_unread:
            return [*first, *pieces], []
    own, unread = _read_joined(clause.with_text(tidy(inner)), ctx, last)
    return [*pieces, *own], unread


_DONE_FIRST = re.compile(r"\s(?:first|beforehand|before\s+that|before\s+doing\s+so)\s*$", re.I)


def _ellipsis(clause: Clause, previous: Piece | None, ctx: Context) -> Piece | None:
    """ "… and 'Overdue' should not": the previous claim about another subject; "… and Y
    into B": the previous verb again."""
    if previous is None or not previous.drafts:
        return None
    if gapped := gapped_cell(clause, previous.drafts[-1]):
        return _sourced(clause, gapped)
    if found := ELLIPTICAL_CLAIM.match(clause.masked):
        subjects = found.group("what") or found.group("what2")
        names = clause.literal_list(subjects) or unquoted_names(clause, subjects)
        names = names or item_names(clause, subjects)  # "Spelt loaf should not"
        negative = bool(found.group("neg") or found.group("neg2") or found.group("neg3"))
        # The elided predicate is the first half's without its "not": "'Save' is not
        # disabled and 'Delete' is" means 'Delete' is disabled, so the polarity flips
        # whenever exactly one half says "not".
        flip = negative != (NEGATION.search(previous.clause.masked) is not None)
        model = previous.drafts[-1]
        if names and (drafts := _same_claim(model, names, flip)):
            return _sourced(clause, drafts)
        return None
    verb = previous.clause.masked.split(" ", 1)[0]
    if (field := FIELD_THEN_VALUE.fullmatch(clause.masked)) and previous.drafts[
        -1
    ].action == "fill":
        # "fill Title with 'A', Requester 'B'": the next field and its value, verb left out.
        value = clause.literal(field.group("value"))
        if value is not None:
            return _sourced(clause, [Draft("fill", target=field.group("field"), value=value)])
    if not verb.isalpha() or not VERBLESS.match(clause.masked):
        return None
    again = read_piece(clause.with_text(f"{verb} {clause.masked}"), ctx)
    if again is None or again.drafts[0].action != previous.drafts[0].action:
        return None
    return _sourced(clause, [d.but(source=None) for d in again.drafts])


FIELD_THEN_VALUE = re.compile(
    rf"^(?:the\s+)?(?P<field>(?-i:[A-Z])[\w-]*(?:\s+[\w-]+)?)\s*:?\s+(?P<value>{TOKEN})$", re.I
)


def _same_claim(model: Draft, names: list[str], negative: bool) -> list[Draft] | None:
    action = model.action
    negate = model.negate
    if negative:
        if action in _OPPOSITES:
            action = _OPPOSITES[action]
        elif action in _NEGATABLE:
            negate = not negate
        else:
            return None
    elif not action.startswith("assert_"):
        return None
    if action in ("assert_text", "assert_no_text", "assert_cell"):
        return [model.but(action=action, value=name, negate=negate, source=None) for name in names]
    if model.target is None:
        return None
    return [model.but(action=action, target=name, negate=negate, source=None) for name in names]


def _repeat_previous(previous: Piece, clause: Clause) -> Piece | None:
    """A clause of bare quoted names repeats the previous action on each of them; after a
    click, so does a name without quotes ("open Authors, then Ursula K. Le Guin") or a place
    ("open the bakery database and then the products table")."""
    names = clause.literal_list(clause.masked)
    model = previous.drafts[-1] if previous.drafts else None
    if not names and model is not None and model.action == "click" and model.scope is None:
        place = _PLACE_ALONE.fullmatch(clause.masked)
        name = unquoted_name(clause, place.group("name")) if place else None
        names = [name] if name else unquoted_names(clause, clause.masked)
        if not names and place and place.group("noun"):
            names = [place.group("name")]
    if not names or model is None or model.action not in REPEATABLE_ACTIONS:
        return None
    if model.action in ("assert_text", "assert_no_text"):
        return _sourced(clause, [Draft(model.action, value=name) for name in names])
    return _sourced(clause, [Draft(model.action, target=name) for name in names])


def _path_step(previous: Piece, clause: Clause, *, walking: bool) -> Piece | None:
    """ "go into bakery → products": after a click, the next place on the path is a click."""
    model = previous.drafts[-1] if previous.drafts else None
    place = _PLACE_ALONE.fullmatch(clause.masked)
    name = clause.literal(clause.masked) or (place.group("name") if place else None)
    if model is None or model.action != "click" or model.scope is not None or name is None:
        return None
    if not walking and not NAVIGATE.fullmatch(previous.clause.masked):
        return None  # "pick Category → Pastry" is a filter choice, read whole (search.py)
    return _sourced(clause, [model.but(target=name, note=PLACE_NOTE.format(name=name))])


_PLACE_ALONE = re.compile(
    r"(?:the\s+)?(?P<name>[\w'-]+(?:\s+[\w'-]+)??)(?P<noun>\s+(?:table|list|page|tab|view))?",
    re.IGNORECASE,
)


def _sourced(clause: Clause, drafts: list[Draft]) -> Piece:
    source = clause.written()
    return Piece(clause, [d if d.source else d.but(source=source) for d in drafts])


def _aims(draft: Draft) -> bool:
    """Steps that act on or claim about an element take a lead-in scope."""
    return draft.action not in ("navigate", "go_back", "reload", "wait", "assert_url",
                                "assert_title") and draft.ground != "page"  # fmt: skip


def _can_be_exact(draft: Draft) -> bool:
    """Exact matching applies to names and compared text, not to URLs, keys or durations."""
    if draft.action == "wait":
        return draft.target is not None
    return draft.action in EXACT_ACTIONS
