"""A record and the place it is opened from: "open 'Overdue notice' from the Invoices",
"view the recipe Lemon tart on the Cookbook", "on the board open 'X'", "Back on the Ledger,
…", "On the Archived tab of the ledger open 'X'".

A place named beside a record ("from|on|in the Ledger") is where the record is found, so the
plan goes there first (unless already there: a page step, places.py) and then opens the
record by its link (its name; a kind said with it names the list to look in when the place
does not show it). A place named before the rest ("on the board, …", "Back on the Ledger it
should …", "From the shelf, …") is gone to first and the rest is read as said there; when the
rest cannot be read the whole clause stays an error naming it, never a bare navigation.
Parts of a page ("on the sidebar", "in the dialog", "in a new tab") and positions ("on the
left", "on the whole") name no page and are left to the other readers.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause, has_token, tidy
from vigil.planner.context import Context
from vigil.planner.names import unquoted_name
from vigil.planner.places import go_to_page, page_name
from vigil.planner.result_claims import item_name
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND

# A page named as menus name it (capitalised words), or "the <noun>" in lowercase.
_PLACE = (
    r"(?:(?:the|my|our)\s+)?(?P<cap>(?-i:[A-Z])[\w'&-]*(?:\s+(?-i:[A-Z])[\w'&-]*){0,2})"
    r"|(?:the|my|our)\s+(?P<low>(?-i:[a-z])[a-z-]{2,})"
)
# Words that name a part of a page, a position or a medium, never a page of the app.
_NOT_A_PLACE = re.compile(
    r"^(?:left|right|top|bottom|side|other|whole|same|next|previous|way|fly|go|spot|"
    r"contrary|one|first|last|screen|page|site|web|internet|app|form|dialog|modal|popup|"
    r"pop-up|window|browser|tab|sidebar|menu|navbar|nav|navigation|header|footer|toolbar|"
    r"dropdown|list|table|row|column|card|panel|section|box|field|button|link|editor|"
    r"results?|right-hand|left-hand|mobile|desktop|phone|server|backend|frontend|console|"
    r"weekend|morning|evening|afternoon|night|day|hour|record|item|entry)$",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|"
    r"july|august|september|october|november|december|christmas|easter)$",
    re.IGNORECASE,
)

# Verbs that open a record, and the word that says where from.
OPEN_FROM = re.compile(
    r"^(?P<verb>open|view|see|pull\s+up|bring\s+up|look\s+at)\s+"
    rf"(?P<what>.+?)\s+(?:from|on|in)\s+(?:{_PLACE})$",
    re.IGNORECASE,
)
# "create a new ticket 'X' from the Board", "edit 'X' on the ledger": a step that works on
# the record list of that place. The step itself must read (compounds.read_piece).
DONE_ON = re.compile(
    r"^(?P<step>(?:create|add|edit|rename|archive)\s+.+?)\s+(?:from|on)\s+"
    rf"(?:{_PLACE})$",
    re.IGNORECASE,
)
# "on the board open 'X'", "Back on the Ledger, …", "From the shelf: …".
_NEXT = (
    r"click|tap|press|hit|open|view|type|enter|fill|select|choose|pick|search|look|sort|"
    r"filter|add|create|delete|remove|tick|untick|hover|scroll|wait|verify|check|make\s+sure|"
    r"ensure|confirm|set|switch|change|give|edit|rename|find|expect|you|i|we|it|they|there|the|its|"
    r"their|only|no|nothing"
)
PLACE_LEAD = re.compile(
    rf"^(?P<back>back\s+)?(?:on|from|at)\s+(?:{_PLACE})"
    rf"(?:\s*[,:]\s*|\s+(?=(?:{_NEXT})\b|{TOKEN}))(?P<rest>.+)$",
    re.IGNORECASE,
)
# "Back on the Ledger" alone (its claim after a comma): the place's link.
BACK_ON = re.compile(rf"^back\s+(?:on|in|at|to)\s+(?:{_PLACE})$", re.IGNORECASE)
# "On the Closed tab of the board open 'X'", "in the Drafts tab of the Ledger, …".
TAB_OF_PLACE = re.compile(
    r"^(?:on|in|under|from)\s+(?:the\s+)?(?P<tab>(?-i:[A-Z])[\w'&-]*(?:\s+(?-i:[A-Z])[\w'&-]*)?)"
    rf"\s+tab\s+(?:of|on|in)\s+(?:{_PLACE})(?:\s*[,:]\s*|\s+(?=(?:{_NEXT})\b))(?P<rest>.+)$",
    re.IGNORECASE,
)
# "verify it's gone from the board", "'X' should be missing from the Ledger": the place is
# gone to, then no row of its list may hold the record (a notice saying it was deleted may).
GONE_FROM = re.compile(
    r"^(?P<claim>.+?\b(?:gone|missing|absent|removed|deleted|disappeared|no\s+longer\s+"
    rf"(?:listed|shown|there|present)))\s+from\s+(?:{_PLACE})$",
    re.IGNORECASE,
)
# "the ticket 'X'", "the recipe Lemon tart", "the Lemon tart recipe", "Lemon tart".
_KIND_FIRST = re.compile(r"^(?P<kind>(?-i:[a-z])[\w-]*)\s+(?P<name>\S.*)$")
_KIND_LAST = re.compile(r"^(?P<name>\S.*?)\s+(?P<kind>(?-i:[a-z])[\w-]*)(?:\s+entry)?$")


def place_named(found: re.Match[str]) -> str | None:
    """The page a matched place names, or None for a part of a page or a time."""
    words = found.group("cap") or found.group("low")
    if not words:
        return None
    name = page_name(words)
    if name is None or _NOT_A_PLACE.fullmatch(name) or _WHEN.fullmatch(name):
        return None
    return name


def record_named(clause: Clause, words: str) -> tuple[str, str | None] | None:
    """The record `words` name and its kind when said: (name, kind) or None."""
    words = " ".join(words.split())
    the = re.match(r"the\s", words, re.IGNORECASE) is not None
    words = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.IGNORECASE)
    if (literal := clause.literal(words)) is not None:
        return (literal, None) if literal.strip() else None
    first = _KIND_FIRST.fullmatch(words)
    kinded = first is not None and not NOT_A_RECORD_KIND.match(first["kind"])
    if first and kinded and (name := _name(clause, first["name"], kinded=True)) is not None:
        return name, first.group("kind").lower()
    found = _KIND_LAST.fullmatch(words) if the else None
    if found and not NOT_A_RECORD_KIND.match(found["kind"]):
        # "the Temples of Kyoto journal entry": a kind after a name in title case only, so
        # "Flaky test in checkout flow" stays one name.
        named = clause.literal(found.group("name")) or unquoted_name(clause, found.group("name"))
        if named:
            return named, found.group("kind").lower()
    name = _name(clause, words)
    return (name, None) if name is not None else None


def _name(clause: Clause, words: str, *, kinded: bool = False) -> str | None:
    """A quoted text, a name, an item in sentence case; after its kind ("the ticket Password
    reset never arrives", bounded by the kind and the place) any capitalised title."""
    if (literal := clause.literal(words.strip())) is not None:
        return literal if literal.strip() else None
    if has_token(words):
        return None
    if named := unquoted_name(clause, words) or item_name(clause, words):
        return named
    if kinded and _TITLE.fullmatch(words.strip()):
        return clause.written(words.strip())
    return None


# A title after its kind: capitalised first word, a few words, no punctuation that joins.
_TITLE = re.compile(r"(?-i:[A-Z0-9])[\w'\u2019&#.-]*(?:\s+[\w'\u2019&#.-]+){0,8}")


def open_record(name: str, kind: str | None) -> Draft:
    """The record's own page, by its link (the executor looks in its kind's list when the
    page does not show it)."""
    note = f"Open '{name}' (its link)"
    return Draft("click", target=name, kind=kind, note=note, names_record=True, shows=name)


# "rename the Temples of Kyoto journal entry to 'Kyoto at Dawn'", "rename the recipe Lemon
# tart to 'Lime tart'": the record's edit form, then its name typed over in the field that
# holds it. A quoted item ("rename 'Rye' to 'Dark rye'") is edited in place (collections.py).
RENAME = re.compile(
    rf"^rename\s+(?P<what>.+?)\s+(?:to|as|into)\s+(?P<new>{TOKEN}|(?-i:[A-Z0-9])[^,\ue000]*)$",
    re.IGNORECASE,
)


def read_rename(clause: Clause, ctx: Context) -> list[Draft] | None:
    # Imported here: records.py reads records' own phrasings and imports nothing of this.
    from vigil.planner.records import _edit

    found = RENAME.fullmatch(clause.masked)
    if found is None:
        return None
    record = record_named(clause, found.group("what"))
    new = clause.literal(found.group("new")) or _plain(found.group("new"))
    if record is None or not new:
        return None
    name, kind = record
    if kind is None:
        # An item named alone ("rename 'Rye' to 'Dark rye'") is edited where it is listed.
        from vigil.planner.collections import read_edit

        if read_edit(clause, ctx):
            return None
    note = f"Type '{new}' over '{name}' in the field that holds the name"
    return [_edit(name, kind), Draft("fill", target=name, value=new, note=note)]


def _plain(words: str) -> str | None:
    words = words.strip().rstrip(".")
    return words if len(words.split()) <= 5 and not has_token(words) else None


# "reopen it by setting the status to To do", "archive the invoice by ticking Archived": the
# purpose names the same action as the means, which is what is done.
BY_DOING = re.compile(
    r"^(?-i:[a-z])[a-z-]+\s+(?:it|them|this|that|the\s+(?-i:[a-z])[\w-]*)\s+by\s+"
    r"(?P<how>[a-z]+ing)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_PLAIN_FORM = {
    "setting": "set", "changing": "change", "choosing": "choose", "selecting": "select",
    "picking": "pick", "clicking": "click", "pressing": "press", "ticking": "tick",
    "unticking": "untick", "switching": "switch", "typing": "type", "entering": "enter",
    "marking": "mark", "turning": "turn", "filling": "fill", "checking": "check",
    "unchecking": "uncheck", "hitting": "hit", "tapping": "tap",
}  # fmt: skip


def read_by_doing(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = BY_DOING.fullmatch(clause.masked)
    plain = _PLAIN_FORM.get(found.group("how").lower()) if found else None
    if found is None or plain is None:
        return None
    return _read_rest(clause, ctx, f"{plain} {found.group('rest')}")


def read_record_from_place(clause: Clause, ctx: Context) -> list[Draft] | None:
    text = clause.masked
    if (found := OPEN_FROM.fullmatch(text)) and (place := place_named(found)):
        record = record_named(clause, found.group("what"))
        if record is None:
            return None
        where = go_to_page(place).but(source=clause.written())
        return [where, open_record(*record).but(source=clause.written())]
    if (found := DONE_ON.fullmatch(text)) and (place := place_named(found)):
        return _there(clause, ctx, place, found.group("step"))
    if (found := TAB_OF_PLACE.fullmatch(text)) and (place := place_named(found)):
        tab = _name(clause, found.group("tab"))
        inner = _read_rest(clause, ctx, found.group("rest"))
        if tab is None or inner is None:
            return None
        source = clause.written()
        choose = Draft("click", target=tab, role="tab", note=f"Choose the tab '{tab}'")
        return [go_to_page(place).but(source=source), choose.but(source=source), *inner]
    if (found := GONE_FROM.fullmatch(text)) and (place := place_named(found)):
        inner = _read_rest(clause, ctx, f"{found.group('claim')} from the list")
        if inner is None or not all(d.action.startswith("assert") for d in inner):
            return None
        return [back_to(place).but(source=clause.written()), *inner]
    if (found := BACK_ON.fullmatch(text)) and (place := place_named(found)):
        return [back_to(place)]
    if (found := PLACE_LEAD.fullmatch(text)) and (place := place_named(found)):
        back = found.group("back") is not None
        return _there(clause, ctx, place, found.group("rest"), back=back)
    return None


def back_to(place: str) -> Draft:
    """The place's link, clicked even when the page seems to be there already: after a
    record was changed on a page of its own (whose address or title may name the list), a
    claim about the list must be judged on the list itself."""
    return Draft("click", target=place, note=f"Go back to '{place}' (the link named so)",
                 control=True)  # fmt: skip


def _there(
    clause: Clause, ctx: Context, place: str, rest: str, *, back: bool = False
) -> list[Draft] | None:
    inner = _read_rest(clause, ctx, rest)
    if inner is None:
        return None
    where = back_to(place) if back else go_to_page(place)
    return [where.but(source=clause.written()), *inner]


def _read_rest(clause: Clause, ctx: Context, rest: str) -> list[Draft] | None:
    # Imported here: compounds.py lists this reader among its own.
    from vigil.planner.compounds import read_compound

    pieces, unread = read_compound(clause.with_text(tidy(rest)), ctx, None)
    inner = [_opened(d) for piece in pieces for d in piece.drafts]
    return inner if inner and not unread else None


def _opened(draft: Draft) -> Draft:
    """A record opened by name where the goal said it is listed: its own page is what "its
    amount" is read on next (edit_form.fields_of_open_form)."""
    if draft.action == "click" and draft.names_record and draft.scope is None and draft.target:
        return draft.but(shows=draft.shows or draft.target)
    return draft
