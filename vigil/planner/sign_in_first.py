"""A sign-in told after the steps it is meant to come before.

"Open Orders and check 'Paid'. Sign in as ana / pw-1 first.", "… Log in with ana / pw-1."
as the goal's last sentence, "Open Orders (log in as ana / pw-1) and check 'Paid'": the
sign-in is done before everything else (right after the goal's own opening of a URL, when it
starts with one). A sign-in moves only when it reads completely as one, and only when nothing
before it signs in or out, so "log out, then log in as bob / pw-2" keeps its order. Moving
it can never pass something unchecked: every claim is still checked, only signed in.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import Clause
from vigil.planner.context import Context
from vigil.planner.navigation import opens_a_url
from vigil.planner.sign_in import LOGOUT, looks_like_credentials, plain_pair, read_login

# "… first", "… beforehand", "… before anything else", "… to start with".
_FIRST = re.compile(
    r"^(?P<rest>.+?)[\s,]+(?:first(?:\s+of\s+all)?|beforehand|before\s+(?:anything|everything|"
    r"that|all\s+(?:of\s+)?that|you\s+start|starting)(?:\s+else)?|to\s+(?:start|begin)"
    r"(?:\s+with)?)$",
    re.IGNORECASE,
)
_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)
# "(log in as ana / pw-1)", "(sign in: ana, pw-1)": a parenthesis that is a sign-in.
_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]+)\)")


def sign_in_first(clauses: list[Clause], ctx: Context) -> list[Clause]:
    """The clauses with a sign-in told late moved to the front (see the module doc)."""
    for index, clause in enumerate(clauses):
        moved = _told_late(clause, ctx, last=index == len(clauses) - 1)
        if moved is None:
            continue
        sign_in, rest = moved
        before = clauses[:index]
        if index == 0 and rest is None:
            return [sign_in, *clauses[1:]]
        if any(_signs_in_or_out(c, ctx) for c in before):
            return clauses
        others = [*before, *([rest] if rest is not None else []), *clauses[index + 1 :]]
        if others and opens_a_url(others[0], ctx):
            return [others[0], sign_in, *others[1:]]
        return [sign_in, *others]
    return clauses


def _told_late(clause: Clause, ctx: Context, *, last: bool) -> tuple[Clause, Clause | None] | None:
    """(the sign-in, what is left of its clause) when `clause` tells a sign-in to do first."""
    if read_login(clause, ctx) and last:
        return clause, None
    if (sign_in := _first(clause, ctx)) is not None:
        return sign_in, None
    for cut in reversed(list(_JOIN.finditer(clause.masked))):
        # "check 'Paid' is shown, log in as ana / pw-1 first": the last piece only.
        tail = clause.with_text(clause.masked[cut.end() :])
        if (sign_in := _first(tail, ctx)) is not None:
            return sign_in, clause.with_text(clause.masked[: cut.start()].strip())
    if (told := _pair_first(clause, ctx)) is not None:
        return told
    if (told := _when_signed_in(clause, ctx)) is not None:
        return told
    for found in _PARENTHESIS.finditer(clause.masked):
        inner = clause.with_text(found.group("inner").strip())
        sign_in = _parenthesised(inner, ctx, before=clause.masked[: found.start()])
        if sign_in is None:
            continue
        rest = (clause.masked[: found.start()] + clause.masked[found.end() :]).strip()
        return sign_in, clause.with_text(rest) if rest else None
    who = _AS_WHO.search(clause.masked)
    if who is not None and not _VERB_BEFORE.search(clause.masked[: who.start()]):
        # "open Orders as ana (password pw-3) and check 'X'", "When ana logs in (pw pw-3), …"
        sign_in = clause.with_text(
            f"sign in as {who.group('user') or who.group('user2')} ({who.group('secret')})"
        )
        if read_login(sign_in, ctx):
            rest = _tidy_join(clause.masked[: who.start()] + " " + clause.masked[who.end() :])
            return sign_in, clause.with_text(rest) if rest else None
    return None


# "as ana (password pw-3)", "ana logs in (pw pw-3)": a user with the password beside it.
_AS_WHO = re.compile(
    r"(?:(?:^|\s+)as\s+(?P<user>[\w.@+-]+)"
    r"|^(?:(?:when|once|after|if)\s+)?(?P<user2>[\w.@+-]+)\s+(?:logs|signs)\s+in)"
    r"\s*\(\s*(?P<secret>(?:password|pw|pass)\s*:?\s*[^\s()]+)\s*\)(?:\s*,)?",
    re.IGNORECASE,
)
# "Sign in as ana (password pw-3), …" is a sign-in sentence of its own, read as one.
_VERB_BEFORE = re.compile(
    r"(?:\b(?:log|sign)\s*(?:ged|ging|ed|ing|s)?\s*(?:in|on)|\blogin)\s*$", re.I
)
# "(sign in: ana, pw-3)", "(admin, user ana pw pw-3)": other ways a parenthesis gives both.
_VERB_COLON = re.compile(
    r"^(?:log\s*in|login|sign\s*in|signin)\s*[:=-]\s*(?P<creds>.+)$", re.IGNORECASE
)
_ROLE_FIRST = re.compile(r"^(?:an?\s+)?[\w-]+\s*,\s*(?P<creds>.+)$", re.IGNORECASE)
_CREDENTIAL_WORD = re.compile(r"\b(?:user(?:name)?|password|pw|pass)\b", re.IGNORECASE)


def _parenthesised(inner: Clause, ctx: Context, *, before: str) -> Clause | None:
    """The sign-in a parenthesis gives, when it says signing in, names a credential itself,
    or is a pair written like an account and its password ("(marta / fjord-lights-7)",
    "(ravi, sticky-notes-3)"; never "(Pages / Journal)", "(50 / 50)", "(yes/no)"). A pair
    right after "log in" or "as ana" belongs to that sign-in, which reads it in place."""
    if not (_has_verb(inner.masked) or _CREDENTIAL_WORD.search(inner.masked)):
        pair = _PAIR.fullmatch(inner.masked)
        if pair is None or _SIGN_IN_BEFORE.search(before) is not None:
            return None
        user, secret = pair.group("user"), pair.group("secret")
        if not looks_like_credentials(user, secret, comma=pair.group("sep") == ","):
            return None
        sign_in = inner.with_text(f"sign in as {user} / {secret}")
        return sign_in if read_login(sign_in, ctx) else None
    candidates = [inner]
    if (told := _VERB_COLON.match(inner.masked)) is not None:
        creds = told.group("creds")
        candidates += [
            inner.with_text(f"sign in ({creds})"),
            inner.with_text(f"sign in as {creds}"),
        ]
    if (role := _ROLE_FIRST.match(inner.masked)) is not None:
        candidates.append(inner.with_text(role.group("creds")))
    for candidate in candidates:
        if read_login(candidate, ctx):
            return candidate
        if (first := _first(candidate, ctx)) is not None:
            return first
    return None


# "marta / fjord-lights-7", "ravi, sticky-notes-3": a pair with no word for signing in.
_PAIR = re.compile(r"(?P<user>[\w.@+-]+)\s*(?P<sep>/|,)\s*(?P<secret>[^\s/(),]+)")
# "log in (ana / pw-1)", "as ana (ana / pw-1)": the parenthesis is that sign-in's own.
_SIGN_IN_BEFORE = re.compile(
    r"(?:\b(?:log|sign)\s*(?:ged|ging|ed|ing|s)?\s*(?:in|on)|\blogin|\bas\s+[\w.@+-]+)\s*$", re.I
)
# "dana / board-room-7 -> Settings: …", "ops / pw-2024: open Reports": a pair heading the
# clause, then what to do signed in.
_LEADING_PAIR = re.compile(
    r"^(?P<user>[\w.@+-]+)\s*/\s*(?P<secret>[^\s/(),:]+?)"
    r"(?:\s*[:,]\s+|\s*(?:->|\u2192|=>|\u21d2|\u00bb)\s*|\s+(?:-|\u2014|\u2013|>)\s+)(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _pair_first(clause: Clause, ctx: Context) -> tuple[Clause, Clause | None] | None:
    """ "dana / board-room-7 -> Settings: turn Daily digest on": the sign-in the pair at the
    head gives, and the rest; a head that is no sign-in ("Pages / Journal: …") is left."""
    found = _LEADING_PAIR.match(clause.masked)
    if found is None:
        return None
    user, secret = found.group("user"), found.group("secret")
    if not (looks_like_credentials(user, secret) or plain_pair(user, secret)):
        return None
    sign_in = clause.with_text(f"sign in as {user} / {secret}")
    if not read_login(sign_in, ctx):
        return None
    return sign_in, clause.with_text(found.group("rest").strip())


# "… once dana signs in (password x)", "… after signing in as ana / pw-1", "Dashboard check -
# after signing in as ana / pw-1 the Site summary …": a sign-in told as a condition, inside
# or at the end of the clause (one at its start is sign_in_lead.py's and _AS_WHO's).
_WHEN_SIGNED_IN = re.compile(
    r"(?:(?<=\s)|(?<=[,:;\u2014\u2013-]))(?:once|after|when|as\s+soon\s+as)\s+"
    r"(?:(?:i|you|we|they)(?:'m|'re|'ve|\u2019m|\u2019re|\u2019ve|\s+am|\s+are|\s+have)?\s+"
    r"|(?P<who>[\w.@+-]+)\s+(?:(?:is|has)\s+)?)?"
    r"(?:signs?|logs?|signing|logging|signed|logged)\s+in\b\s*",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"i", "you", "we", "they", "he", "she", "someone", "anyone", "everyone"})
# The words before a sign-in told inside a clause end as a heading does: "Dashboard check -".
_HEAD_END = re.compile(r"(?:\s-|[:,\u2014\u2013])\s*$")


def _when_signed_in(clause: Clause, ctx: Context) -> tuple[Clause, Clause | None] | None:
    """The sign-in told as "once/after/when … signs in …" after other words, and the clause
    without it. The credentials end at the first cut that reads as a sign-in; it must be the
    clause's end, or the words before must end like a heading ("Dashboard check - …")."""
    text = clause.masked
    for found in _WHEN_SIGNED_IN.finditer(text):
        head = text[: found.start()]
        if not head.strip():
            continue
        who = found.group("who")
        if who is not None and who.lower() in _PRONOUNS | {"the", "a", "an", "our", "my"}:
            continue
        tail = text[found.end() :]
        for cut in [*(m.start() for m in re.finditer(r"\s+", tail)), len(tail)]:
            words, rest = tail[:cut].rstrip(","), tail[cut:].strip(" ,")
            said = f"sign in as {who} {words}" if who is not None else f"sign in {words}"
            sign_in = clause.with_text(said)
            if not read_login(sign_in, ctx):
                continue
            if rest and not _HEAD_END.search(head):
                break  # more words follow a sign-in told at the end: not guessed
            left = _tidy_join(
                f"{head.rstrip()} {rest}" if rest else head.rstrip(" ,;\u2014\u2013-")
            )
            return sign_in, clause.with_text(left) if left else None
    return None


def _tidy_join(text: str) -> str:
    """What is left once a sign-in is taken out, without a dangling "and" or comma."""
    text = re.sub(r"\s+", " ", text).strip(" ,:")
    return re.sub(r"^(?:and|then)\s+", "", text, flags=re.IGNORECASE)


def _first(clause: Clause, ctx: Context) -> Clause | None:
    """ "sign in as ana / pw-1 first" -> "sign in as ana / pw-1", when that reads."""
    found = _FIRST.fullmatch(clause.masked)
    if found is None:
        return None
    sign_in = clause.with_text(found.group("rest"))
    return sign_in if read_login(sign_in, ctx) else None


_VERB = re.compile(
    r"\b(?:log|sign)\s*(?:ged|ging|ed|ing|s)?\s*(?:in|on)\b|\blogin\b", re.IGNORECASE
)


def _has_verb(text: str) -> bool:
    """A parenthesis moves only when it says signing in itself: "(ana / pw-1)" after a name
    belongs to that name's sentence, which reads it there."""
    return _VERB.search(text) is not None


def _signs_in_or_out(clause: Clause, ctx: Context) -> bool:
    """Anything before that signs in or out, even inside a longer sentence, keeps the order."""
    return _VERB.search(clause.masked) is not None or LOGOUT.search(clause.masked) is not None
