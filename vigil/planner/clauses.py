"""Cutting a goal into clauses without ever cutting through quoted text or a URL.

Before anything is split, every quoted phrase and every URL in the goal is swapped for a
placeholder token. A `;`, `. ` or ` then ` inside `'Step 1; then pay.'` or inside
`https://shop.example/a;b` is then invisible to the splitter, and the phrase matchers see one
opaque token where the user wrote a literal, which they exchange for the literal's exact text.
E-mail addresses need no protection: they hold no spaces, and clauses only split at a `.`
followed by whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Private-use code points: a person never types them, so a token cannot collide with input.
_OPEN = "\ue000"
_CLOSE = "\ue001"

# One placeholder as it appears in masked text; phrase regexes embed this to mean "a literal".
TOKEN = f"{_OPEN}\\d+{_CLOSE}"
_TOKEN_NUMBER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
# Several literals in a row: "'a', 'b' and 'c'". Not "or": "shows 'a' or 'b'" is not two checks.
_LITERAL_LIST = re.compile(rf"{TOKEN}(?:\s*(?:,\s*and|,|and)\s*{TOKEN})*")

# Quoted phrases in the quote styles people paste, and bare URLs. An apostrophe counts as a
# quote only when it is not inside a word, so "don't see 'Error'" quotes just "Error" and
# "click 'Don't save'" quotes "Don't save".
_QUOTED_OR_URL = re.compile(
    r'"(?P<double>[^"\n]*)"'
    r"|\u201c(?P<curly_double>[^\u201d\n]*)\u201d"
    r"|(?<!\w)'(?P<single>[^\n]*?)'(?!\w)"
    r"|(?<!\w)\u2018(?P<curly_single>[^\n]*?)\u2019(?!\w)"
    r"|(?P<url>\bhttps?://[^\s'\"<>\u201c\u201d\u2018\u2019]+)"
)
# Sentence punctuation that ends up glued to a URL ("open https://x.io/a.") is not part of it.
_URL_TRAILING_PUNCTUATION = ".,;:!?)"

# A numbered or bulleted list item ("1. go to /x", "- click Buy", "Step 2: verify …").
_LIST_MARKER = re.compile(r"^\s*(?:\d+[.)]|[-*•]|step\s+\d+\s*[:.)-])\s+", re.IGNORECASE)
_LINE_OR_SEMICOLON = re.compile(r"[\r\n;]+")
# No end after an initial: "Ursula K. Le Guin" is one name.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+")
_THEN = re.compile(r"\s*,?\s*\b(?:(?:and|but)\s+)?then\b[\s,]*", re.IGNORECASE)
# "the list should then show 1981": a "then" after a claim's modal orders nothing; it is
# dropped so the claim is read whole instead of cut in two.
_MODAL_THEN = re.compile(
    r"\b(?P<modal>should|must|will|would|shall|is|are|does|do)\s+then\b", re.IGNORECASE
)
# Words that open a clause without meaning anything for the plan ("Then, finally click …").
_LEADING_FILLER = re.compile(
    r"^(?:(?:and|but|given|when|also|next|finally|first|firstly|lastly|after\s+that|afterwards|now|please|then|so|"
    r"ok|okay|once\s+there|at\s+the\s+end|in\s+the\s+end|at\s+last|meanwhile|"
    r"could\s+you|can\s+you|would\s+you|will\s+you|kindly|let's|let\s+us|lets|"
    r"i\s+want\s+to|i'd\s+like\s+to|i\s+would\s+like\s+to|i\s+need\s+to|we\s+need\s+to|"
    r"you\s+need\s+to|go\s+ahead\s+and|just|simply|hey|hi|hello|basically|so\s+basically)"
    r"\b[\s,]*)+",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = re.compile(r"[\s.!?,:]+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Verbatim:
    """A piece of the goal taken literally: a quoted phrase (without its quotes) or a URL."""

    text: str
    written: str


@dataclass(frozen=True)
class Clause:
    """One instruction of the goal, in masked form, with the goal's table of literals."""

    masked: str
    verbatims: tuple[Verbatim, ...]
    # The sentence ended with a colon: it introduces the steps after it ("To check out:").
    introduces: bool = False

    def literal(self, fragment: str) -> str | None:
        """The literal text when `fragment` is exactly one token, else None."""
        found = _TOKEN_NUMBER.fullmatch(fragment.strip())
        return self.verbatims[int(found.group(1))].text if found else None

    def literal_list(self, fragment: str) -> list[str] | None:
        """The literals of "'a', 'b' and 'c'"; None if `fragment` holds anything else."""
        if not _LITERAL_LIST.fullmatch(fragment.strip()):
            return None
        return [self.verbatims[int(n)].text for n in _TOKEN_NUMBER.findall(fragment)]

    def written(self, fragment: str | None = None) -> str:
        """`fragment` (default: the whole clause) as the user wrote it, quotes included."""
        text = self.masked if fragment is None else fragment
        return _TOKEN_NUMBER.sub(lambda m: self.verbatims[int(m.group(1))].written, text).strip()

    def quoted_phrases(self) -> list[str]:
        """The quoted phrases of this clause (not its URLs), for the fallback plan."""
        tokens = (self.verbatims[int(n)] for n in _TOKEN_NUMBER.findall(self.masked))
        return [v.text for v in tokens if v.written != v.text and v.text.strip()]

    def with_text(self, masked: str) -> Clause:
        return Clause(masked, self.verbatims, self.introduces)


def has_token(fragment: str) -> bool:
    return _TOKEN_NUMBER.search(fragment) is not None


def mask(goal: str) -> tuple[str, tuple[Verbatim, ...]]:
    """Replace quoted phrases and URLs by tokens; return the masked goal and the literals."""
    verbatims: list[Verbatim] = []

    def swap(found: re.Match[str]) -> str:
        url = found.group("url")
        trailing = ""
        if url is not None:
            bare = url.rstrip(_URL_TRAILING_PUNCTUATION)
            trailing = url[len(bare) :]
            verbatims.append(Verbatim(bare, bare))
        else:
            inner = next(group for group in found.groups() if group is not None)
            verbatims.append(Verbatim(inner, found.group(0)))
        return f"{_OPEN}{len(verbatims) - 1}{_CLOSE}{trailing}"

    return _QUOTED_OR_URL.sub(swap, goal), tuple(verbatims)


def split_clauses(goal: str) -> list[Clause]:
    """Split a goal at new lines, `;`, sentence ends and `then`, dropping filler words.

    Splitting at "and" and "," is left to the planner: whether "and" separates two actions
    ("click Buy and verify 'Thanks'") or belongs to one ("username 'demo' and password
    'secret'") depends on whether both halves mean something.
    """
    masked, verbatims = mask(goal)
    clauses: list[Clause] = []
    lines = [part for line in _LINE_OR_SEMICOLON.split(masked) for part in _inline_items(line)]
    for line in lines:
        line = _LIST_MARKER.sub("", line)
        for sentence in _SENTENCE_END.split(line):
            introduces = sentence.rstrip().endswith(":")
            sentence = _MODAL_THEN.sub(r"\g<modal>", sentence)
            for piece in _split_outside_parentheses(_THEN, sentence):
                text = tidy(piece)
                if text:
                    clauses.append(Clause(text, verbatims, introduces))
    return clauses


# "1) open customers 2) filter … 3) expect …" or "1. Go to Orders 2. Sign in … 3. Verify …"
# on one line: numbered items, each a clause.
_FIRST_ITEM = re.compile(r"^\s*1(?P<mark>[.)])\s")
_NEXT_ITEM = {
    ")": re.compile(r"\s+(?=\d{1,2}\)\s)"),
    ".": re.compile(rf"\s+(?=\d{{1,2}}\.\s+(?:[^\W\d_]|{_OPEN}))"),
}


def _inline_items(line: str) -> list[str]:
    """Items numbered "1) … 2) …" or "1. … 2. …" in one line; the numbers must run 1, 2, 3 …
    in order with one kind of mark, so a stray "3)" or "2." inside a sentence is never a cut
    and the next item's number never leaks into the clause before it."""
    first = _FIRST_ITEM.match(line)
    if not first:
        return [line]
    mark = first.group("mark")
    parts = _NEXT_ITEM[mark].split(line)
    numbers = [re.match(rf"\s*(\d+){re.escape(mark)}", part) for part in parts]
    if len(parts) < 2 or any(
        n is None or int(n.group(1)) != i for i, n in enumerate(numbers, start=1)
    ):
        return [line]
    return parts


def _split_outside_parentheses(pattern: re.Pattern[str], text: str) -> list[str]:
    """Split at `pattern`, but not inside "( … )": a parenthesis belongs to its clause."""
    pieces: list[str] = []
    start = 0
    for found in pattern.finditer(text):
        if text.count("(", 0, found.start()) > text.count(")", 0, found.start()):
            continue
        pieces.append(text[start : found.start()])
        start = found.end()
    pieces.append(text[start:])
    return pieces


def tidy(text: str) -> str:
    """Collapse whitespace and drop leading filler words and trailing punctuation."""
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_FILLER.sub("", text)
    return _TRAILING_PUNCTUATION.sub("", text)
