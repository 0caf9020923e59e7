"""Signing in and out, in the many ways people write it.

"log in as ana / hunter2", "sign in as ana (password hunter2)", "log in with the email a@b.io
and the password x", "as ana with password hunter2", "try to sign in as ana with 'wrong'".
Each becomes: type the user, type the password (a `secret` step: never shown, logged or
asserted), press Enter in the password field. A sign-in the goal expects to work must get
past the sign-in form (PlanStep.signs_in). An attempt ("try to sign in …", or a goal that
speaks of the sign-in being refused, see sign_in_outcome.py) plans the same steps: whether
it worked is for the goal's own claims to say, never implied.
"""

from __future__ import annotations

import re

from vigil.planner.clauses import TOKEN, Clause, has_token
from vigil.planner.context import Context
from vigil.planner.steps import Draft
from vigil.planner.targets import plain_value


def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text, re.IGNORECASE)


_VERB = (
    r"(?:(?P<attempt>try(?:ing)?\s+to|attempt\s+to|tries\s+to|try(?=\s+(?:logging|signing)))\s+)?"
    r"(?:log\s*in|login|log\s+into|sign\s*in|signin|sign\s+on|log\s+on|authenticate|logs\s+in|signs\s+in|"
    r"logging\s+in|signing\s+in|"
    r"(?:(?:i'm|i\u2019m|i\s+am|we're|we\s+are|you're|you\s+are|being)\s+)?(?:logged|signed)\s+in)"
    r"(?:\s+(?:again|once\s+more))?"
    r"(?:\s+(?:to\s+)?(?:the\s+)?(?:app|site|website|application|account|portal|dashboard))?"
)
_KIND = r"(?:(?P<kind>user\s*name|user|e-?mail(?:\s+address)?|login|account|id)\s+(?:of\s+)?)?"
_PASSWORD_WORD = r"(?:password|passwd|pass\s*word|pw|pass|passcode|pin)"
# "with the wrong password 'x'": the adjective says an attempt, never what to type.
_WRONG = r"(?P<wrong{n}>wrong|incorrect|invalid|bad)"
_PASSWORD_ADJECTIVE = rf"(?:(?:{_WRONG}|old|new|correct|right|valid|current)\s+)?"
# An unquoted password written with a digit or a symbol ("correct-horse", "desk-2024") cannot
# be read as an ordinary word, so "sign in as admin with correct-horse" names it.
_MARKED_SECRET = r"[^\s()'\"]*[\d_\-!@#$%^&*+=~][^\s()'\"]*[^\s(),.;:!?'\"]"


def _credentials(n: int, lead: str = r"(?:as|with|using)\s+", kind: str = "?") -> str:
    """User and password, in every order people write them; groups numbered `n` so the
    sentence orders can live in one pattern. `kind` "" makes the word for the user
    ("username", "email") required, as in "Username: demo, password: demo"."""
    secret = rf"(?:{TOKEN}|[^\s()]*[^\s(),.;:!?])"
    return (
        rf"{lead}(?:(?:my|the|a|an|your)\s+)?"
        rf"(?:(?P<kind{n}>user\s*name|user|e-?mail(?:\s+address)?|login|account|id)"
        rf"(?:\s*[:=]\s*|\s+(?:of\s+)?)){kind}"
        # "fill in the email field with x": a field, not a user called "field".
        rf"(?!(?:the|my|a|an|your|{_PASSWORD_WORD})\s|(?:field|input|box|textbox)\b)"
        rf"(?P<user{n}>{TOKEN}|[^\s/(),:]+)"
        rf"(?:\s*/\s*(?:(?:the|my)\s+)?(?:{_PASSWORD_WORD}\s+)?(?P<slash{n}>{secret})"
        rf"|\s*,?\s*(?:(?:and|with|using)\s+)?(?:(?:the|my|a|an)\s+)?"
        rf"{_PASSWORD_ADJECTIVE.replace('{n}', str(n))}{_PASSWORD_WORD}(?![\w-])"
        rf"\s*(?:of\s+|is\s+|:\s*|=\s*)?(?P<named{n}>{secret})"
        rf"|\s*\(\s*(?:with\s+)?(?:(?:the|my)\s+)?(?:{_PASSWORD_WORD}\s*:?\s*)?"
        rf"(?P<paren{n}>{secret})\s*\)"
        rf"|\s+(?:with|using)\s+(?P<bare{n}>{TOKEN}|{_MARKED_SECRET}))"
    )


# "admin / correct-horse" on its own, "Sign in (admin / pw)": a user and a password joined by
# a slash say signing in even without a verb; the user is one word and the slash is spaced
# on both sides or on neither, so "open /catalog" is never read so.
_BARE_PAIR = (
    r"(?P<open5>\(\s*)?(?P<user5>[\w.@+-]+)(?:\s+/\s+|/)(?P<slash5>[^\s/()]*[^\s/(),.;:!?])"
    r"(?(open5)\s*\))"
)
_FILL_LEAD = r"(?:(?:enter|type|input|fill\s+in|use|with|using)\s+)?"
_USE_LEAD = r"(?:use|using)\s+"
# "log in as ana / hunter2", "with the email a@b.io and the password x, sign in",
# "enter username 'demo' and password 'demo'", "Username: demo, password: demo",
# "use demo/demo to log in".
LOGIN = _pattern(
    rf"(?P<attempt_verb>{_VERB})\s+{_credentials(1)}"
    rf"|{_credentials(2)}(?:\s*,?\s*(?:(?:then|and)\s+)?{_VERB.replace('attempt>', 'attempt2>')})?"
    rf"|{_credentials(3, _FILL_LEAD, kind='')}"
    rf"|{_credentials(4, _USE_LEAD)}\s+(?:to|and)\s+{_VERB.replace('attempt>', 'attempt4>')}"
    rf"|(?:(?P<verb5>{_VERB.replace('attempt>', 'attempt5>')})\s*)?{_BARE_PAIR}"
    # "Can admin (password x) get in?": the question asks for the attempt.
    rf"|(?:can|could|does|will)\s+{_credentials(6, '')}\s+"
    r"(?P<attempt6>get\s+in|log\s*in|sign\s*in|access\s+the\s+\w+)"
    # "log in (agent, desk-2024)": a pair in parentheses right after the verb.
    rf"|{_VERB.replace('attempt>', 'attempt7>')}\s*\(\s*(?P<user7>{TOKEN}|[\w.@+-]+)\s*,\s*"
    rf"(?P<paren7>{TOKEN}|[^\s(),]+)\s*\)"
    # "log in as manager, trail-mix-42 first": a comma before a word written like a password.
    rf"|{_VERB.replace('attempt>', 'attempt8>')}\s+as\s+(?P<user8>[\w.@+-]+)\s*,\s*"
    rf"(?P<paren8>{_MARKED_SECRET})(?:\s+(?:first|beforehand))?"
)
LOGOUT = _pattern(
    r"(?:(?:then\s+)?(?P<verb>log\s*out|logout|sign\s*out|signout|log\s*off|sign\s+off))"
    r"(?:\s+(?:again|of\s+the\s+(?:app|site|account)))?"
)
# "once signed in, …", "after logging in, …": restates where the user is, asks nothing.
SIGNED_IN_LEAD = _pattern(
    r"^(?:(?:once|after|when|now\s+that|having)\s+(?:you(?:'re|\s+are)\s+|i'm\s+|i\s+am\s+|"
    r"we're\s+|we\s+are\s+|being\s+)?(?:signed|logged|signing|logging)\s+in"
    # "Without logging in, …": the steps start signed out, which is where a check starts.
    r"|without\s+(?:first\s+)?(?:logging|signing)\s+in|(?:while\s+)?(?:signed|logged)\s+out)"
    r"\s*,?\s*"
)

# Field names for the login compound. The executor resolves them by label, then placeholder,
# then fuzzily, so "Username" also finds "User name" / "Username or email" and "Email" finds
# "Email address".
USERNAME_FIELD = "Username"
EMAIL_FIELD = "Email"
PASSWORD_FIELD = "Password"
LOGIN_SUBMIT_NOTE = "Submit the login form (press Enter in the Password field)"


def read_login(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = LOGIN.fullmatch(clause.masked)
    if not found:
        return None
    n = next(i for i in range(1, 9) if found.group(f"user{i}") is not None)
    attempt = next(
        (found.group(g) for g in ("attempt", "attempt2", "attempt4", "attempt5", "attempt6",
                                  "attempt7", f"wrong{n}")
         if g in found.re.groupindex and found.group(g)),
        None,
    )  # fmt: skip
    bare = found.group(f"bare{n}") if n < 5 else None
    if bare is not None and attempt is None and has_token(bare) and not _marked(clause, bare):
        # "log in as ana with 'x'" reads as a password only in an attempt, or when the
        # quoted text is written like one ("with 'trail-mix-42'": a digit or a symbol).
        return None
    if (
        n == 5
        and found.group("verb5") is None
        and not looks_like_credentials(found.group("user5"), found.group("slash5"))
    ):
        return None  # "Pages / Journal", "50 / 50", "(read/write)": no sign-in
    user = plain_value(clause, found.group(f"user{n}"))
    secret = next(
        (found.group(f"{how}{n}") for how in ("slash", "named", "paren", "bare")
         if f"{how}{n}" in found.re.groupindex and found.group(f"{how}{n}")),
        None,
    )  # fmt: skip
    password = plain_value(clause, secret) if secret else None
    if not user or not password:
        return None
    kind = (found.groupdict().get(f"kind{n}") or "").lower().replace(" ", "")
    if kind.startswith(("user", "login", "account", "id")):
        user_field = USERNAME_FIELD
    elif kind or "@" in user:
        user_field = EMAIL_FIELD
    else:
        user_field = USERNAME_FIELD
    # Submitting with Enter in the password field is what a person does, and it works
    # whatever the form's button says ("Log in", "Sign in", "Continue", an icon).
    note = LOGIN_SUBMIT_NOTE
    if attempt:
        note += "; an attempt: nothing is assumed about whether it works"
    # The step's `source` is the goal's words with the password blotted out.
    start, end = found.span(f"{'bare' if secret == bare else _secret_group(found, n)}{n}")
    source = clause.written(clause.masked[:start] + HIDDEN + clause.masked[end:])
    return [
        Draft("fill", target=user_field, value=user, source=source),
        Draft("fill", target=PASSWORD_FIELD, value=password, secret=True, source=source),
        Draft(
            "press",
            target=PASSWORD_FIELD,
            value="Enter",
            note=note,
            source=source,
            signs_in=not attempt,
        ),
    ]


HIDDEN = "•" * 8

# A user written as a name: a letter first ("50 / 50" and dates are numbers).
_USER_SHAPE = re.compile(r"[A-Za-z][\w.@+-]*")
_LETTER = re.compile(r"[A-Za-z]")
_DIGIT_OR_SYMBOL = re.compile(r"[\d_!@#$%^&*+=~.?-]")
_DIGIT_OR_OTHER_SYMBOL = re.compile(r"[\d_!@#$%^&*+=~.?]")


def plain_pair(user: str, password: str) -> bool:
    """ "admin / secret": two lowercase words, credentials only where a pair heads the goal
    before what to do ("admin / secret: open Orders"), never in the middle of prose."""
    return all(re.fullmatch(r"[a-z][a-z0-9._@+-]{2,}", w) is not None for w in (user, password))


def looks_like_credentials(user: str, password: str, *, comma: bool = False) -> bool:
    """Whether "user / password" (or, with `comma`, "user, password") written with no word
    that says signing in reads as an account and its password, never as ordinary prose: a
    user written as a name, and a password of four or more characters with a letter and a
    digit or a symbol in it ("fjord-lights-7", "hunter2"). So "Pages / Journal", "50 / 50",
    "yes/no", "read/write", "TCP/IP", "v1/v2", "12/05/2024" and "check-in / check-out" are
    no sign-in. A comma is a weaker sign than a slash: there the user starts lowercase and
    the password holds a digit or a symbol other than a hyphen and starts with neither
    ("(red, 12-pack)" and "(optional, non-binding)" are no credentials)."""
    if not comma and user == password and re.fullmatch(r"[a-z]{3,}", user):
        return True  # "admin / admin", "demo/demo": the default accounts of many apps
    if not _USER_SHAPE.fullmatch(user) or len(password) < 4 or not _LETTER.search(password):
        return False
    if not _DIGIT_OR_SYMBOL.search(password):
        return False
    if "-" in user and not _DIGIT_OR_OTHER_SYMBOL.search(password):
        return False  # "check-in / check-out": two words of one kind
    if comma:
        return (
            user[0].islower()
            and _DIGIT_OR_OTHER_SYMBOL.search(password) is not None
            and password[0].isalpha()
        )
    return True


def _marked(clause: Clause, words: str) -> bool:
    literal = clause.literal(words)
    return literal is not None and re.fullmatch(_MARKED_SECRET, literal) is not None


def _secret_group(found: re.Match[str], n: int) -> str:
    return next(
        how
        for how in ("slash", "named", "paren", "bare")
        if f"{how}{n}" in found.re.groupindex and found.group(f"{how}{n}")
    )


BARE_LOGIN = _pattern(r"(?P<verb>log\s*in|login|sign\s*in|signin)(?:\s+now)?")


def read_bare_login(clause: Clause, ctx: Context) -> list[Draft] | None:
    """ "Log in." on its own: click the control named so. Right before a sign-in compound
    ("Log in. Username: demo, password: demo") it only announces it and is dropped."""
    found = BARE_LOGIN.fullmatch(clause.masked)
    if not found:
        return None
    name = "Sign in" if found.group("verb").lower().startswith("sign") else "Log in"
    return [Draft("click", target=name, announces_login=True)]


def is_login_fill(draft: Draft) -> bool:
    return draft.action == "fill" and draft.target in (USERNAME_FIELD, EMAIL_FIELD)


def read_logout(clause: Clause, ctx: Context) -> list[Draft] | None:
    found = LOGOUT.fullmatch(clause.masked)
    if not found:
        return None
    words = " ".join(found.group("verb").split()).lower()
    name = "Sign out" if words.startswith("sign") else "Log out"
    return [Draft("click", target=name, note=f"Click '{name}' (or the control named so)")]


SUBMIT_WORDS = re.compile(
    r"(?:log\s*in|login|sign\s*in|signin|submit|continue|next|enter|go)", re.IGNORECASE
)


def is_submit_click(draft: Draft) -> bool:
    """A click on "Sign in" / "Log in" / "Submit" right after the compound submits it."""
    return (
        not draft.announces_login
        and draft.action == "click"
        and draft.target is not None
        and draft.scope is None
        and SUBMIT_WORDS.fullmatch(draft.target.strip()) is not None
    )


def is_login_submit(draft: Draft) -> bool:
    return draft.action == "press" and draft.target == PASSWORD_FIELD and draft.value == "Enter"
