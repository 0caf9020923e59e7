"""Claims that name the page they are about, and presence told in everyday words.

"the Suppliers list should contain exactly 4 suppliers", "the Customers page shows Tom
located in Leeds", "it's no longer in the Products list", "Ariel is still listed under
Books": the page named is where the claim is checked, so the plan goes there first unless
the browser is already on it (places.go_to_page), then checks the claim read on its own.

"both 'A' and 'B' should come up", "'X' should appear there", "A, B and C are all there",
"expect A and B and nobody else": the same presence (and, with "nobody else", the same
count) as "'A' and 'B' are shown" / "only A and B are shown". A negation anywhere the
rewrite does not carry it leaves the claim unread.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause
from vigil.planner.context import Context
from vigil.planner.grammar import SHOULD, negated, pattern
from vigil.planner.names import unquoted_name, unquoted_names
from vigil.planner.places import go_to_page, page_name
from vigil.planner.pronouns import pronoun_subject
from vigil.planner.steps import Draft
from vigil.planner.targets import NOT_A_RECORD_KIND

_PAGE_NOUN = r"(?:page|list|table|listing|screen)"
# "the Suppliers list should contain exactly 4 suppliers".
PLACE_SHOWS = pattern(
    rf"(?:the\s+)?(?P<place>[\w' -]+?)\s+{_PAGE_NOUN}\s+"
    rf"(?P<verb>{SHOULD}(?:shows?|lists?|contains?|includes?|displays?|has|have))\s+"
    r"(?P<rest>.+)"
)
# "it's no longer in the Products list", "'Ariel' is gone from the book list", "Ariel is
# still listed under Books".
_GONE = r"(?P<gone>gone|missing|absent|removed|deleted)"
PLACE_HOLDS = pattern(
    r"(?P<what>.+?)(?:\s+(?:is|are|should\s+be|must\s+be|will\s+be)|'s|\u2019s)\s+"
    rf"(?:(?P<still>still)\s+|(?P<no>no\s+longer|not)\s+)?(?:{_GONE}\s+|(?:listed|shown)\s+)?"
    rf"(?:in|on|from|under)\s+(?:the\s+)?(?:(?P<place>[\w' -]+?)\s+{_PAGE_NOUN}"
    r"|(?P<bare>(?-i:[A-Z])[\w'-]*))"
)
_PRONOUN_IS = pattern(
    r"(?P<who>it|that|this|he|she)(?:'s|\u2019s)\s+(?P<rest>(?:gone|no\s+longer|not|still)\s.+)"
)
WHERE_WITH = pattern(
    rf"(?P<where>.+?\s+(?:page|screen))\s+with\s+(?:a|an|the|its)\s+(?P<name>{TOKEN})\s+"
    r"(?P<role>button|link|heading|tab)"
)
_ROLES = {"button": "button", "link": "link", "heading": "heading", "tab": "tab"}
# "'Boreal' now appears in the supplier list", "Dune should show up in the Loans table".
PLACE_APPEARS = pattern(
    r"(?P<what>.+?)\s+(?:(?:should|must|will)\s+)?(?:now\s+|still\s+|also\s+)?"
    r"(?:appears?|shows?\s+up|turns?\s+up|be\s+listed|is\s+listed|are\s+listed)\s+"
    rf"(?:in|on|under)\s+(?:the\s+)?(?P<place>[\w' -]+?)\s+{_PAGE_NOUN}"
)
_KIND_THEN_NAME = re.compile(r"^(?:the\s+)?(?P<kind>[a-z][\w-]*)\s+(?P<name>\S.*)$")


def read_place_claim(clause: Clause, claim: str) -> list[Draft] | None:
    """A claim about a named page: go there unless there, then the claim itself."""
    from vigil.planner.claims import read_claim  # claims.py lists this shape

    if (short := _PRONOUN_IS.fullmatch(claim)) is not None:
        # "it's gone from the book list" is "it is gone from the book list".
        said = f"{short.group('who')} is {short.group('rest')}"
        return read_place_claim(clause, said) or read_claim(clause.with_text(said), _NO_CONTEXT)
    if (found := WHERE_WITH.fullmatch(claim)) and not NEGATION_WORDS.search(claim):
        # "you should be back on the sign-in page with a 'Sign in' button": both.
        where = read_claim(clause.with_text(found.group("where")), _NO_CONTEXT)
        name = clause.literal(found.group("name"))
        if not where or not name or any(d.ground != "page" or d.negate for d in where):
            return None
        role = _ROLES[found.group("role").lower()]
        return [*where, Draft("assert_visible", target=name, role=role)]
    if found := PLACE_SHOWS.fullmatch(claim):
        place = _named_place(clause, found.group("place"))
        if place is None:
            return None
        rest = found.group("rest")
        # "shows Tom located in Leeds": a claim of its own about a row, when it reads so.
        inner = None if negated(found) else read_claim(clause.with_text(rest), _NO_CONTEXT)
        if not inner or any(d.action != "assert_cell" for d in inner):
            noun = "list" if _counts(rest) else "page"
            said = f"the {noun} {found.group('verb')} {rest}"
            inner = read_claim(clause.with_text(said), _NO_CONTEXT)
        return [go_to_page(place), *inner] if inner else None
    if found := PLACE_HOLDS.fullmatch(claim):
        words = found.group("place") or found.group("bare")
        place = _named_place(clause, words) if words else None
        subject = _subject(clause, found.group("what"))
        if place is None or subject is None or NEGATION_WORDS.search(found.group("what")):
            return None
        if found.group("bare") and not (
            found.group("still") or found.group("no") or "listed" in claim
        ):
            return None  # "Ana is in Leeds" is a city, not a page: only "listed under X" is one
        absent = bool(found.group("no") or found.group("gone"))
        if found.group("no") and found.group("gone"):
            return None  # "is not gone from …": a double negative is not guessed
        return [go_to_page(place), _listed(subject, absent=absent)]
    if (found := PLACE_APPEARS.fullmatch(claim)) and not NEGATION_WORDS.search(claim):
        subject = _subject(clause, found.group("what"))
        if subject is None:
            return None
        place = _named_place(clause, found.group("place"))
        # "in the supplier list" (not a page's name): the list on the page at hand.
        return [go_to_page(place), _listed(subject)] if place else [_listed(subject)]
    return None


def _listed(subject: str, *, absent: bool = False) -> Draft:
    """In the list: a cell of it holds the text (a message that only names it is not the
    list); gone from it: the text is nowhere on the page, which is stronger still."""
    if absent:
        return Draft("assert_no_text", value=subject)
    return Draft("assert_cell", value=subject)


# A claim reader needs a context only for URLs; a page claim never holds one.
_NO_CONTEXT = Context(base_url="")
# Any word of negation the rewrite does not carry.
NEGATION_WORDS = re.compile(r"\b(?:not|never|no\s+longer|nobody|none|no)\b|n't|n\u2019t", re.I)


def _named_place(clause: Clause, words: str) -> str | None:
    """ "the Suppliers list": a page named like one, as the app's navigation writes it. A
    lowercase "the runs table" or "the order history page" may be a part of the page at
    hand, so it is left to the other readers."""
    words = re.sub(r"^(?:the|my|our|your)\s+", "", words.strip(), flags=re.IGNORECASE)
    if unquoted_name(clause, words) is None or words.split()[0].lower() in _ORDINALS:
        return None
    return page_name(words)


_ORDINALS = {"first", "second", "third", "last", "next", "previous", "top", "bottom"}


def _counts(rest: str) -> bool:
    return (
        re.match(r"(?:exactly|only|at\s+least|at\s+most|more|fewer|\d)", rest.strip(), re.I)
        is not None
    )


def _subject(clause: Clause, words: str) -> str | None:
    """ "it", "'Ariel'", "Ariel", "the book Ariel": what the claim is about."""
    words = words.strip()
    if (literal := clause.literal(words)) is not None:
        return literal
    if (pronoun := pronoun_subject(words)) is not None:
        return pronoun
    if (found := _KIND_THEN_NAME.fullmatch(words)) and not NOT_A_RECORD_KIND.match(found["kind"]):
        named = clause.literal(found["name"]) or unquoted_name(clause, found["name"])
        if named:
            return named
    return unquoted_name(clause, re.sub(r"^the\s+", "", words))


# "both 'A' and 'B' should come up", "'X' should appear there", "A, B and C are all there".
PRESENT = pattern(
    r"(?:both\s+|all\s+(?:of\s+)?)?(?P<items>.+?)\s+"
    r"(?:(?:should|must|will)\s+(?:all\s+|both\s+)?(?:come\s+up|turn\s+up|show\s+up|appear|"
    r"be\s+there|be\s+listed|be\s+shown)|(?:are|is)\s+(?:all\s+|both\s+)?there|"
    r"(?:all|both)\s+(?:come\s+up|appear|show\s+up)"
    # "check that both 'A' and 'B' show up": the plain present, after a verb of checking.
    r"|(?:come\s+up|turn\s+up|show\s+up|appear))"
    r"(?:\s+(?:there|too|as\s+well|in\s+the\s+(?:list|results|table)))?"
)
# "expect A and B and nobody else", "A and B should be listed and nothing else".
ONLY_THESE = pattern(
    r"(?:(?:(?:i|we)\s+)?expect\s+)?(?P<items>.+?)\s*,?\s+and\s+(?:nobody|no\s+one|nothing|none)\s+else"
)


def read_presence(clause: Clause, claim: str) -> list[Draft] | None:
    if found := ONLY_THESE.fullmatch(claim):
        items = _items(clause, found.group("items"))
        if not items:
            return None
        return [
            *(Draft("assert_text", value=item) for item in items),
            Draft("assert_count", value=str(len(items)), count_op="eq"),
        ]
    if (found := PRESENT.fullmatch(claim)) and not NEGATION_WORDS.search(claim):
        items = _items(clause, found.group("items"))
        if items:
            return [Draft("assert_text", value=item) for item in items]
    return None


def _items(clause: Clause, words: str) -> list[str] | None:
    subject = pronoun_subject(words.strip())
    if subject is not None:
        return [subject]
    return clause.literal_list(words) or unquoted_names(clause, words)
