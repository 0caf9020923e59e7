"""Claims about a record's tags, its status field and its publishing status.

"the ticket should carry the email tag", "'Pad Thai' is tagged vegan and quick", "it has the
labels 'bug' and 'ui'", "the order should not have the gift tag": each tag is an element of
its own whose whole text is the tag (a chip, a badge, a label), in the record's row or on
the record's own page; a title that merely holds the word ("Password reset email …") is no
tag. "Status should be Blocked", "the priority should be High": the field of the record at
hand, read as its control shows it (a dropdown the page draws reads as the option it shows).
"Night Train to Vienna is still a draft", "'Spring menu' is live": the record's row
says that status.

A record is named (quoted, or written like a name) or referred to ("it", "the ticket"),
which the planner resolves to the record the goal opened or named last; a tag is quoted or
one or two plain words. Anything looser stays unread.
"""

from __future__ import annotations

import re

from vigil.models import Action
from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.fields import record_scope
from vigil.planner.grammar import IS, SHOULD, negated, pattern
from vigil.planner.steps import Draft
from vigil.planner.targets import plain_value

_TAG_NOUN = r"(?:tags?|labels?|badges?|chips?)"
_CARRY = r"(?:carry|carries|have|has|show|shows|bear|bears|display|displays|wear|wears)"
_NEG = r"(?P<neg>\s+not|n't|n\u2019t)?"
# A tag as written: quoted, or one or two plain words ("email", "good first issue" is quoted).
_ONE_TAG = rf"(?:{TOKEN}|[\w][\w+#.-]*(?:\s+[\w][\w+#.-]*)?)"
_TAGS = rf"(?P<tags>{_ONE_TAG}(?:\s*(?:,\s*and|,|and)\s*{_ONE_TAG})*)"
# "the ticket should carry the email tag", "X does not have the 'gift' label".
CARRIES_THE = pattern(
    rf"(?P<row>.+?)\s+(?:(?:should|must|will|does|do){_NEG}\s+(?:still\s+)?{_CARRY}|"
    rf"(?:still\s+)?{_CARRY})\s+(?:the|a|an)\s+(?P<tag>{_ONE_TAG})\s+{_TAG_NOUN}"
)
# "'Pad Thai' is tagged vegan and quick", "it should be labelled 'bug'".
TAGGED = pattern(
    rf"(?P<row>.+?)\s+{IS}\s+(?:tagged|labell?ed)\s+(?:(?:with|as)\s+)?(?:the\s+)?{_TAGS}"
    rf"(?:\s+{_TAG_NOUN})?"
)
# "it has the tags 'bug' and 'ui'", "Pad Thai should carry the labels vegan and quick".
HAS_TAGS = pattern(rf"(?P<row>.+?)\s+{SHOULD}{_CARRY}\s+(?:the\s+)?{_TAG_NOUN}\s+{_TAGS}")
# Publishing states a listing shows in a record's row: "X is still a draft", "X is live".
_STATUS = r"(?P<status>draft|live|scheduled|expired|locked|private)"
STATUS = pattern(rf"(?P<row>.+?)\s+{IS}\s+(?:still\s+)?(?:an?\s+|in\s+)?{_STATUS}")
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# Words that are not a tag: "the tag", "a label", pronouns.
_NOT_A_TAG = re.compile(r"^(?:the|a|an|it|them|this|that|same|new|right|correct)$", re.I)


# Fields a record's page shows as a dropdown or a value beside its label: "Status should be
# Blocked" is the field of the record at hand, never an item named "Status".
_RECORD_FIELD = (
    r"(?P<field>status|priority|assignee|owner|category|stage|severity|state|type|"
    r"department|team|role|plan|tier|reporter|milestone|sprint|resolution)"
)
# Said with "should" as the field readers say it (fields.BARE_FIELD); "the status is X" is a
# field of the page, read elsewhere.
FIELD_IS = pattern(
    rf"(?:the\s+)?{_RECORD_FIELD}\s+(?:should|must|ought\s+to){_NEG}\s+"
    r"(?:still\s+)?(?:be|read|say|show)\s+(?:set\s+to\s+)?(?P<value>.+)"
)


def read_tag_claim(clause: Clause, claim: str) -> list[Draft] | None:
    if found := FIELD_IS.fullmatch(claim):
        value = plain_value(clause, found.group("value"))
        if value and (clause.literal(found.group("value")) or len(value.split()) <= 3):
            # The field as its control shows it; like a control of the record at hand, never
            # what a later "it" or "the ticket" points back to.
            field = clause.written(found.group("field"))
            return [
                Draft("assert_value", target=field, value=value, negate=negated(found),
                      control=True)
            ]  # fmt: skip
    if found := CARRIES_THE.fullmatch(claim):
        tags = _tags(clause, found.group("tag"))
        return _tagged(clause, found.group("row"), tags, negated(found))
    found = TAGGED.fullmatch(claim) or HAS_TAGS.fullmatch(claim)
    if found:
        tags = _tags(clause, found.group("tags"))
        return _tagged(clause, found.group("row"), tags, negated(found))
    if (found := STATUS.fullmatch(claim)) and not negated(found):
        row = record_scope(clause, found.group("row"), kind_is_opened=True)
        if row is None or row.text == "":
            return None
        return [Draft("assert_cell", value=found.group("status").lower(), scope=row)]
    return None


def _tagged(
    clause: Clause, row_words: str, tags: list[str] | None, negative: bool
) -> list[Draft] | None:
    row = record_scope(clause, row_words, kind_is_opened=True)
    if row is None or not tags:
        return None
    # A tag is an element of its own, so its whole text is matched (exact).
    action: Action = "assert_not_visible" if negative else "assert_visible"
    return [Draft(action, target=tag, exact=True, scope=row) for tag in tags]


def _tags(clause: Clause, words: str) -> list[str] | None:
    tags: list[str] = []
    for part in _SEPARATOR.split(" ".join(words.split())):
        literal = clause.literal(part)
        if literal is not None:
            if not literal.strip():
                return None
            tags.append(literal.strip())
            continue
        if not part or has_token(part) or _NOT_A_TAG.match(part):
            return None
        tags.append(clause.written(part))
    return tags or None
