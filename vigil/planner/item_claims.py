"""Claims about one item's status, about how many, and about a named part of the page.

Families people write about admin listings, dashboards and search pages:

- an item's status: "Order 1042 is still a draft", "the list shows it as Paid", "Buy milk
  should show OPEN + URGENT", "Ana Silva should have Manager access level" — a cell of the
  row holding the item (the executor reads that row on the live page);
- the rows that hold a value: "Rye and Oat are the ones with In stock True" — each named
  row holds it in that column, and no other row holds it (a count of rows showing it);
- exactly one or no result: "Rye Loaf should be the one matching result", "the search
  should find no matching products", "searching for 'zzz' finds no matching orders";
- counts: "4 products in total", "under Archive there are 7 tasks", and several in one
  clause, "the dashboard should report 16 orders, 4 refunds and 2 returns" (a report
  states numbers as text, "16 Orders"; "shows 3 a and 2 b" counts each);
- a named part of the page: "the Order summary panel is visible", "the store's Order
  summary is shown", "the sidebar should not offer Reports or Billing".

Each shape reads its own negation or refuses the clause; a clause read here is checked
whole, never in part (a half-read claim would pass on what was not checked).
"""

from __future__ import annotations

import re

from vigil.models import Action, Scope
from vigil.pipeline.vocabulary import parse_count
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.grammar import IS, NOT, SHOULD, pattern
from vigil.planner.names import unquoted_name, unquoted_names
from vigil.planner.pronouns import pronoun_subject
from vigil.planner.scopes import split_scope
from vigil.planner.search import read_search
from vigil.planner.steps import Draft
from vigil.planner.tables import _names_an_item, _row

_NUMBER = (
    r"\d+|zero|one|a\s+single|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty"
)
_NOUN = r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?"
# One "N things" in a list of them.
_ONE_COUNT = rf"(?:{_NUMBER})\s+{_NOUN}"
_COUNT_LIST = rf"{_ONE_COUNT}(?:\s*(?:,\s*and|,|and)\s*{_ONE_COUNT})+"
_COUNT_ITEM = re.compile(rf"(?P<count>{_NUMBER})\s+(?P<noun>{_NOUN})", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:,\s*and|,|\band\b)\s*", re.IGNORECASE)
# "the dashboard should report 16 orders, 4 refunds and 2 returns".
SEVERAL_COUNTS = pattern(
    rf"(?:(?P<subject>(?:[\w'\u2019-]+\s+){{0,3}}?[\w'\u2019-]+)\s+)?{SHOULD}"
    r"(?P<verb>reports?|says?|reads?|states?|mentions?|shows?|lists?|has|have|contains?|"
    r"displays?|holds?)\s+"
    rf"(?P<items>{_COUNT_LIST})"
)
_STATES_TEXT = re.compile(r"^(?:report|say|read|state|mention)s?$", re.IGNORECASE)
# "4 images in total", "there are 12 orders in total": the total the page states.
IN_TOTAL = pattern(
    r"(?:there\s+(?:are|should\s+be|must\s+be|will\s+be)\s+|(?:i|we)\s+expect\s+)?"
    rf"(?P<count>{_NUMBER})\s+(?P<noun>{_NOUN})\s+(?:in\s+total|altogether|overall)"
)
# "under Archive there are 7 tasks", "in the Backlog section there should be 3 items".
UNDER_THERE_ARE = pattern(
    r"(?:under|in|inside|within|below)\s+(?P<place>(?:the\s+)?[^,\ue000]+?)\s*,?\s+"
    r"there\s+(?P<verb>are|is|should\s+be|must\s+be|will\s+be)(?P<neg>\s+not|n't)?\s+"
    rf"(?P<count>{_NUMBER})\s+(?P<noun>{_NOUN})"
)

# "Order 1042 is still a draft", "'Buy milk' is now closed": the item's status word.
IS_A_STATUS = pattern(
    rf"(?P<row>.+?)\s+{IS}\s+(?:(?:still|now|already)\s+)?(?P<article>an?\s+)?"
    r"(?P<value>[A-Za-z][\w-]*)"
)
# Status words that name a state of the element, not a value in its row.
_NOT_A_STATUS = re.compile(
    r"^(?:visible|hidden|shown|displayed|listed|present|there|gone|missing|absent|empty|"
    r"enabled|disabled|checked|unchecked|selected|done|complete|completed|available|first|"
    r"last|top|bottom|open|opened|closed|loaded|loading|ready|correct|right|wrong|fine|ok|"
    r"okay|good|bad|removed|deleted|added|saved|updated|found|back|here|blank|set|required|"
    r"valid|invalid|focused|expanded|collapsed|on|off|up|down|in|out|it|one|same)$",
    re.IGNORECASE,
)
# "the listing shows it as Live", "X is listed as Paid", "X is shown as Overdue".
LIST_SHOWS_AS = pattern(
    r"(?:the\s+)?(?:[\w-]+\s+)?(?:list|listing|table|explorer|overview|index|grid|page)\s+"
    rf"{SHOULD}(?:shows?|lists?|displays?|marks?)\s+(?P<row>.+?)\s+as\s+(?P<value>.+)"
)
SHOWN_AS = pattern(
    rf"(?P<row>.+?)\s+{IS}\s+(?:shown|listed|displayed|labell?ed)(?:\s+in\s+the\s+[\w ]+?)?"
    r"\s+as\s+(?P<value>.+)"
)
# "Buy milk should show OPEN + URGENT": two labels in the item's row.
SHOWS_PLUS = pattern(
    rf"(?P<row>.+?)\s+{SHOULD}(?:shows?|displays?|reads?|has|have)\s+"
    r"(?P<first>[\w-]+|\ue000\d+\ue001)\s*\+\s*(?P<second>[\w-]+|\ue000\d+\ue001)"
)
# "Ana Silva should have Manager access level", "X has the Admin role".
_COLUMN_END = (
    r"(?:level|status|state|role|type|kind|plan|tier|category|group|priority|stage|access)"
)
HAS_VALUE_COLUMN = pattern(
    rf"(?P<row>.+?)\s+{SHOULD}(?:has|have)\s+(?:the\s+|an?\s+)?"
    r"(?P<value>\ue000\d+\ue001|(?-i:[A-Z0-9])[\w-]*)\s+"
    rf"(?P<column>(?:[a-z][\w-]*\s+){{0,2}}{_COLUMN_END})"
)
# "Rye and Oat are the ones with In stock True", "… the only ones with Status Open".
THE_ONES_WITH = pattern(
    r"(?P<items>.+?)\s+(?:are|should\s+be|must\s+be)\s+the\s+(?:only\s+)?(?:ones|rows|items|"
    r"entries|records|[a-z]+s)\s+(?:with|whose|where)\s+(?P<rest>.+)"
)
_COLUMN_VALUE = re.compile(
    r"^(?:the\s+)?(?P<column>.+?)(?:\s+column)?\s*(?:=|:|\s+(?:is|of|set\s+to))?\s+"
    r"(?P<value>\ue000\d+\ue001|\S+)$",
    re.IGNORECASE,
)
# "Rye Loaf should be the one matching result", "X is the single match".
THE_ONE_MATCH = pattern(
    rf"(?P<item>.+?)\s+{IS}\s+the\s+(?:one|single|sole)\s+(?:matching\s+)?"
    r"(?:result|match|hit|row|item|entry|record|[a-z]+)(?:\s+(?:found|shown|listed|left))?"
)
# "the search should find no matching products", "no matching results are shown".
NO_MATCHES = pattern(
    rf"(?:(?:the\s+)?(?:[\w-]+\s+)?{SHOULD}(?:finds?|returns?|shows?|gives?|lists?|has|have|"
    r"yields?)\s+|there\s+(?:are|should\s+be|must\s+be|will\s+be)\s+)?"
    rf"no\s+(?:matching\s+)?(?P<noun>{_NOUN})(?:\s+(?:are|is|should\s+be)\s+"
    r"(?:shown|found|listed|returned))?"
)
_MATCHING = re.compile(r"\bmatching\b|\bresults?\b|\bmatch(?:es)?\b|\bhits?\b", re.IGNORECASE)
# "searching for 'zzz' should find …", "a search for X must return …".
SEARCHING_THEN = pattern(
    r"(?:searching|a\s+search|search(?:es|ing)?)(?:\s+(?P<where>[a-z][\w-]*))?\s+for\s+"
    rf"(?P<term>{TOKEN}|[^\s]+)\s+(?P<claim>{SHOULD}(?:finds?|returns?|shows?|gives?|lists?|"
    r"yields?|brings?\s+up)\s+.+)"
)

# "the Order summary panel is visible", "the store's Order summary is shown".
_PART = r"(?:panel|summary|section|widget|card|box|tile|block|pane|area|module)"
PART_SHOWN = pattern(
    r"(?:the\s+)?(?:[\w-]+(?:'s|\u2019s)\s+)?(?P<name>(?-i:[A-Z])[\w-]*(?:\s+[\w-]+){0,3}?)"
    rf"(?P<noun>\s+{_PART})\s+{IS}\s+(?:(?:still|now)\s+)?"
    r"(?:shown|visible|displayed|there|present)"
)
# "the sidebar should not offer Reports or Billing".
_OFFERS = r"(?:offers?|shows?|lists?|has|have|contains?|includes?|displays?)"
REGION_OFFERS = pattern(
    r"(?P<region>(?:the\s+)?(?:[\w-]+\s+)?(?:sidebar|side\s+bar|menu|navigation|nav|navbar|"
    r"header|footer|toolbar|tab\s+bar|panel))\s+"
    rf"(?:should|must|will|does|do|can)?{NOT}\s*{_OFFERS}\s+(?:(?:any\s+of\s+)?)(?P<items>.+)"
)
_OR_LIST = re.compile(r"\s*(?:,\s*or|,|\bor\b|,\s*nor|\bnor\b)\s*", re.IGNORECASE)


def read_whole(clause: Clause, ctx: Context) -> list[Draft] | None:
    """Claims whose commas and "and"s belong to them: read before the clause is cut."""
    claim = _claim_words(clause.masked)
    for shape in (_several_counts, _the_ones_with, _region_offers, _no_matches, _the_one_match):
        if drafts := shape(clause, claim):
            return _sourced(clause, drafts)
    if drafts := _searching_then(clause, ctx, claim):
        return _sourced(clause, drafts)
    return None


def read_item_claim(clause: Clause, claim: str) -> list[Draft] | None:
    """One claim (a claims.SHAPES entry) about an item's status, a count or a part."""
    for shape in (
        _in_total, _under_there_are, _the_one_match, _no_matches, _shows_plus,
        _has_value_column, _shown_as, _part_shown, _is_a_status,
    ):  # fmt: skip
        if drafts := shape(clause, claim):
            return drafts
    return None


_CLAIM_VERB = re.compile(
    r"^(?:(?:verify|assert|ensure|confirm|check|validate|expect|make\s+sure|be\s+sure)"
    r"(?:\s+(?:that|if|whether))?\s+)",
    re.IGNORECASE,
)


def _claim_words(text: str) -> str:
    return _CLAIM_VERB.sub("", text.strip())


def _sourced(clause: Clause, drafts: list[Draft]) -> list[Draft]:
    source = clause.written()
    return [d if d.source else d.but(source=source) for d in drafts]


def _several_counts(clause: Clause, claim: str) -> list[Draft] | None:
    found = SEVERAL_COUNTS.fullmatch(claim)
    if found is None or found.group("neg"):
        return None  # "should not report 3 a and 2 b" says not which one is wrong
    items = [_COUNT_ITEM.fullmatch(part) for part in _SEPARATORS.split(found.group("items"))]
    if any(item is None for item in items):
        return None
    as_text = bool(_STATES_TEXT.match(found.group("verb")))
    scope = _subject_scope(clause, found.group("subject"))
    drafts: list[Draft] = []
    for item in items:
        assert item is not None
        count = parse_count(item.group("count"))
        if count is None:
            return None
        if as_text:
            drafts.append(Draft("assert_text", value=f"{count} {item.group('noun')}", scope=scope))
        else:
            drafts.append(Draft("assert_count", target=item.group("noun"), value=str(count),
                                count_op="eq", scope=scope))  # fmt: skip
    return drafts


def _subject_scope(clause: Clause, subject: str | None) -> Scope | None:
    """ "the sidebar reports …": a named part of the page is where it is checked."""
    if not subject:
        return None
    where = split_scope(clause, f"x in {subject.strip()}")
    return where[1] if where and where[0] == "x" else None


def _in_total(clause: Clause, claim: str) -> list[Draft] | None:
    found = IN_TOTAL.fullmatch(claim)
    count = parse_count(found.group("count")) if found else None
    if found is None or count is None:
        return None
    # The executor reads "<noun> in total" as the total the page states, else counts rows.
    noun = found.group("noun")
    return [Draft("assert_count", target=f"{noun} in total", value=str(count), count_op="eq")]


def _under_there_are(clause: Clause, claim: str) -> list[Draft] | None:
    found = UNDER_THERE_ARE.fullmatch(claim)
    if found is None:
        return None
    count = parse_count(found.group("count"))
    place = found.group("place").strip()
    name = clause.literal(place) or unquoted_name(clause, re.sub(r"^the\s+", "", place))
    if count is None or not name:
        return None
    scope = Scope(kind="section", text=name)
    noun = found.group("noun")
    negate = bool(found.group("neg"))
    return [
        Draft(
            "assert_count", target=noun, value=str(count), count_op="eq", negate=negate, scope=scope
        )
    ]


def _the_one_match(clause: Clause, claim: str) -> list[Draft] | None:
    found = THE_ONE_MATCH.fullmatch(claim)
    if found is None or found.group("neg") or found.group("neg2") or found.group("neg3"):
        return None
    item = _item(clause, found.group("item"))
    if item is None:
        return None
    return [Draft("assert_text", value=item), Draft("assert_count", value="1", count_op="eq")]


def _no_matches(clause: Clause, claim: str) -> list[Draft] | None:
    found = NO_MATCHES.fullmatch(claim)
    if found is None or found.group("neg") or not _MATCHING.search(claim):
        return None
    noun = found.group("noun")
    # A count of 0 that finds nothing named so is refused by the executor, never passed.
    return [Draft("assert_count", target=noun, value="0", count_op="eq")]


def _searching_then(clause: Clause, ctx: Context, claim: str) -> list[Draft] | None:
    found = SEARCHING_THEN.fullmatch(claim)
    if found is None:
        return None
    where = f" {found.group('where')}" if found.group("where") else ""
    search = read_search(clause.with_text(f"search{where} for {found.group('term')}"), ctx)
    rest = f"the search {found.group('claim')}"
    claimed = _no_matches(clause, rest) or _the_one_match(clause, rest)
    if claimed is None:
        from vigil.planner.tables import read_count  # a count after a search: "shows 3 results"

        claimed = read_count(clause, rest)
    if not search or not claimed:
        return None
    return [*search, *claimed]


def _item(clause: Clause, words: str) -> str | None:
    words = words.strip()
    return clause.literal(words) or unquoted_name(clause, words)


def _row_scope(clause: Clause, words: str) -> Scope | None:
    """The row of the item named (quoted, written like a name, or "it"); "the assignee" is a
    field of the record at hand, left to the field readers."""
    if re.match(r"(?:the|a|an|this|that)\s+(?-i:[a-z])", words.strip(), re.IGNORECASE):
        return None
    if not _names_an_item(clause, words):
        return None
    return _row(clause, words)


def _negated(found: re.Match[str]) -> bool:
    groups = found.groupdict()
    return any(groups.get(name) for name in ("neg", "neg2", "neg3"))


def _is_a_status(clause: Clause, claim: str) -> list[Draft] | None:
    found = IS_A_STATUS.fullmatch(claim)
    if found is None or _NOT_A_STATUS.match(found.group("value")):
        return None
    value = found.group("value")
    if not found.group("article") and not value[:1].isupper():
        return None  # "Spelt is cheap": only "a draft" or a written status ("Paid") is one
    row = _row_scope(clause, found.group("row"))
    if row is None:
        return None
    return [Draft("assert_cell", value=value, scope=row, negate=_negated(found))]


def _shown_as(clause: Clause, claim: str) -> list[Draft] | None:
    found = LIST_SHOWS_AS.fullmatch(claim) or SHOWN_AS.fullmatch(claim)
    if found is None:
        return None
    words = found.group("row").strip()
    value_words = found.group("value").strip()
    if re.match(r"(?:a|an|the|one)\s", value_words, re.IGNORECASE):
        return None  # "shown as a product" says what it is, not a value in its row
    value = clause.literal(value_words) or (
        value_words if re.fullmatch(r"[\w-]+(?:\s+[\w-]+)?", value_words) else None
    )
    row = _row_scope(clause, words)
    if row is None or not value:
        return None
    return [Draft("assert_cell", value=value, scope=row, negate=_negated(found))]


def _shows_plus(clause: Clause, claim: str) -> list[Draft] | None:
    found = SHOWS_PLUS.fullmatch(claim)
    if found is None or _negated(found):
        return None  # "not A + B" says not which one is wrong
    row = _row_scope(clause, found.group("row"))
    values = [clause.literal(w) or w for w in found.group("first", "second")]
    if row is None:
        return None
    return [Draft("assert_cell", value=v, scope=row) for v in values]


def _has_value_column(clause: Clause, claim: str) -> list[Draft] | None:
    found = HAS_VALUE_COLUMN.fullmatch(claim)
    if found is None:
        return None
    row = _row_scope(clause, found.group("row"))
    value = clause.literal(found.group("value")) or found.group("value")
    if row is None:
        return None
    column = found.group("column").strip()
    return [Draft("assert_cell", value=value, scope=row, column=column, negate=_negated(found))]


def _the_ones_with(clause: Clause, claim: str) -> list[Draft] | None:
    found = THE_ONES_WITH.fullmatch(claim)
    if found is None:
        return None
    words = found.group("items")
    items = clause.literal_list(words) or unquoted_names(clause, words)
    cell = _COLUMN_VALUE.fullmatch(found.group("rest").strip())
    if not items or cell is None:
        return None
    value = clause.literal(cell.group("value")) or cell.group("value")
    column = cell.group("column").strip()
    if has_token(column) or len(column.split()) > 4:
        return None
    rows = [
        Draft("assert_cell", value=value, column=column, scope=Scope(kind="row", text=item))
        for item in items
    ]
    # "the ones": no other row shows the value either.
    note = f"Check exactly {len(items)} rows show '{value}' (the ones named, no other)"
    only = Draft("assert_count", target=value, value=str(len(items)), count_op="eq", note=note)
    return [*rows, only]


def _part_shown(clause: Clause, claim: str) -> list[Draft] | None:
    found = PART_SHOWN.fullmatch(claim)
    if found is None:
        return None
    name = found.group("name").strip()
    if pronoun_subject(name) is not None or unquoted_name(clause, name.split()[0]) is None:
        return None
    if found.group("noun").strip().lower() == "summary":
        name += " summary"  # "the Order summary is shown": "summary" is part of its name
    action: Action = "assert_not_visible" if _negated(found) else "assert_visible"
    return [Draft(action, target=clause.written(name))]


def _region_offers(clause: Clause, claim: str) -> list[Draft] | None:
    found = REGION_OFFERS.fullmatch(claim)
    if found is None or not found.group("neg"):
        return None  # "offers A or B" asks not which one: only the negation is definite
    where = split_scope(clause, f"x in {found.group('region').strip()}")
    if where is None or where[0] != "x":
        return None
    words = found.group("items").strip()
    parts = [p for p in _OR_LIST.split(words) if p]
    names = [clause.literal(p) or unquoted_name(clause, p) for p in parts]
    if not names or any(n is None for n in names):
        return None
    return [Draft("assert_no_text", value=n, scope=where[1]) for n in names if n]
