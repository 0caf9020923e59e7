"""What each acting plan action does in the page (navigate, click, fill, …), and how its
outcome is worded. Claims live in checks.py, states.py and rows.py; finding and looking
again in step_base.py; a step's scope in scope.py; targets found by purpose in grounding.py.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from urllib.parse import urljoin, urlsplit

from playwright.async_api import Dialog, Locator, Response
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from vigil.browser import checks, choices, filters, grounding, records, rows, states, wording
from vigil.browser.locate import Intent, Match, Miss, Near, locate
from vigil.browser.recorder import READ_ONLY_ACTIONS
from vigil.browser.scope import Scoped
from vigil.browser.signed_in import sign_in_refused
from vigil.browser.step_base import (
    Deadline,
    Look,
    PageGone,
    StepEnv,
    StepOutcome,
    arrive,
    check_alive,
    find,
    first_line,
    in_scope,
    masked,
    retrying,
    said,
    secrets_of,
)
from vigil.models import IF_ASKED, PlanStep
from vigil.pipeline.vocabulary import parse_key

__all__ = ["PageGone", "StepEnv", "StepOutcome", "describe_net_error", "perform"]

# --- navigation -----------------------------------------------------------------------------

_NET_ERRORS = {
    "ERR_CONNECTION_REFUSED": "connection refused",
    "ERR_NAME_NOT_RESOLVED": "DNS lookup failed: host not found",
    "ERR_NAME_RESOLUTION_FAILED": "DNS lookup failed",
    "ERR_CONNECTION_RESET": "connection reset by the server",
    "ERR_CONNECTION_CLOSED": "connection closed by the server",
    "ERR_EMPTY_RESPONSE": "the server closed the connection without answering",
    "ERR_CONNECTION_TIMED_OUT": "connection timed out",
    "ERR_TIMED_OUT": "timed out",
    "ERR_ADDRESS_UNREACHABLE": "address unreachable",
    "ERR_SSL_PROTOCOL_ERROR": "TLS handshake failed (is the port speaking plain HTTP?)",
    "ERR_CERT_AUTHORITY_INVALID": "TLS certificate is not trusted",
    "ERR_CERT_COMMON_NAME_INVALID": "TLS certificate does not match the host name",
    "ERR_CERT_DATE_INVALID": "TLS certificate has expired or is not yet valid",
    "ERR_TOO_MANY_REDIRECTS": "too many redirects",
    "ERR_UNSAFE_PORT": "the browser refuses this port as unsafe",
    "ERR_TUNNEL_CONNECTION_FAILED": "could not connect (the egress proxy found no way through)",
    "ERR_CONNECTION_FAILED": "connection failed",
}


def describe_net_error(message: str) -> str:
    """`net::ERR_CONNECTION_REFUSED at http://…` -> `connection refused (net::ERR_…)`."""
    m = re.search(r"net::(ERR_[A-Z_]+)", message)
    if not m:
        return message
    code = m.group(1)
    text = _NET_ERRORS.get(code)
    if text is None and code.startswith(("ERR_CERT_", "ERR_SSL_")):
        text = "TLS error"
    return f"{text} (net::{code})" if text else f"net::{code}"


def _proxy_refused(response: Response) -> bool:
    """Whether this answer is the egress proxy's refusal rather than the site's own."""
    return response.headers.get("x-vigil-egress") == "refused"


def _target_url(step: PlanStep, env: StepEnv) -> str:
    """The absolute URL a navigate step opens, from the page the browser is on."""
    current = env.page.url if env.page.url.startswith("http") else env.base_url
    return urljoin(current, (step.value or step.target or env.base_url).strip())


def _reopens(step: PlanStep, env: StepEnv, just_loaded: str | None) -> bool:
    """A navigate to the URL the step right before it opened, with the page still there:
    loading it again would show the same page ("On the products table, …" after the goal
    started on it), so it is not loaded twice."""
    return just_loaded is not None and _target_url(step, env) == just_loaded == env.page.url


async def _navigate(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    url = _target_url(step, env)
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        # file://, chrome://, data: … never pass the egress proxy: a goal may not open them.
        return StepOutcome(False, f"could not load {url}: only http(s) pages can be opened")
    await env.settle()
    try:
        response = await env.page.goto(url, wait_until="load", timeout=dl.ms())
    except PlaywrightTimeout:
        return StepOutcome(False, f"{url} did not finish loading within {env.timeout_s:g} s")
    except PlaywrightError as exc:
        check_alive(env)
        reason = env.network_failure(url) or first_line(exc)
        return StepOutcome(False, f"could not load {url}: {describe_net_error(reason)}")
    if response is None:
        return StepOutcome(True, f"at {env.page.url}")
    if response.status >= 400:
        refused = env.network_failure(response.url) if _proxy_refused(response) else None
        if refused is not None:  # the egress proxy answered: the site was never asked
            return StepOutcome(False, f"could not load {url}: {refused}")
        reason = f" {response.status_text}" if response.status_text else ""
        return StepOutcome(False, f"{url} answered HTTP {response.status}{reason}")
    if env.page.url == url:
        # Opening the same address again right away shows the same page: see `perform`.
        env.just_loaded = url
    return StepOutcome(True, f"loaded {env.page.url} (HTTP {response.status})")


async def _history(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """`go_back` and `reload`: the browser's own buttons, waiting for the page to load."""
    before = env.page.url
    await env.settle()
    if step.action == "reload":
        response = await env.page.reload(wait_until="load", timeout=dl.ms())
    else:
        response = await env.page.go_back(wait_until="load", timeout=dl.ms())
        if response is None and env.page.url == before:
            return StepOutcome(False, f"there is no previous page to go back to from {before}")
        if env.page.url == "about:blank":
            # The blank tab the browser starts on is no page of the site: going back to it
            # means the step before did not open a page, and the run says so here.
            return StepOutcome(
                False, f"there is no previous page of the site to go back to from {before}"
            )
    if response is not None and response.status >= 400:
        return StepOutcome(False, f"{env.page.url} answered HTTP {response.status}")
    verb = "reloaded" if step.action == "reload" else "went back to"
    return StepOutcome(True, f"{verb} {env.page.url}")


# --- element actions ------------------------------------------------------------------------


async def _revealed(
    step: PlanStep, env: StepEnv, dl: Deadline, intent: Intent, miss: str
) -> Match | str:
    """A control inside a row that only shows on hover (a to-do's delete button): hover
    the row, then look again."""
    if step.scope is None or step.scope.kind != "row" or intent != "click":
        return miss
    scoped = await in_scope(step, env)
    if not isinstance(scoped, Scoped):
        return miss
    await env.settle()
    await scoped.marked.hover(timeout=dl.ms())
    found = await find(step, env, intent, scoped=scoped)
    if isinstance(found, str):
        return miss
    note = "; ".join(n for n in (found.note, "hovered the row to reveal it") if n)
    return Match(found.locator, found.how, note)


async def _act(
    step: PlanStep,
    env: StepEnv,
    dl: Deadline,
    intent: Intent,
    verb: str | Callable[[], str],
    act: Callable[[Locator, float], Awaitable[str | None]],
    look: Callable[[Locator, float], Awaitable[None]] | None = None,
) -> StepOutcome:
    """Find the target, then `act` on it. `look` only reads the element (its type, its
    options), so it runs before `settle`, while the previous screenshot is still taken.
    `verb` may be a function, worded once `look` has seen the element (a password field's
    value is never shown). A target that is not on the page may be a record found the way
    a person finds it (see `_detour`); the details then say how."""
    current = step
    missed = False
    # A detour leads to another page: the step looks there with a fresh allowance of time.
    deadline = dl

    async def attempt(seen: Look) -> StepOutcome | str:
        nonlocal missed
        found = await find(current, env, intent)
        if isinstance(found, str):
            found = await _revealed(current, env, deadline, intent, found)
        missed = isinstance(found, str)  # the last look found no element to act on
        if isinstance(found, str):
            return found
        if (await seen.state()).leaving:
            # Found on the page a navigation is replacing: acting there would be a guess.
            return f"found {found.how} on a page that is being left; looking again"
        try:
            if look is not None:
                await look(found.locator, deadline.ms())
            await env.settle()
            problem = await act(found.locator, deadline.ms())
        except PlaywrightTimeout as exc:
            return StepOutcome(
                False,
                f"found {found.how} but could not {step.action} it within "
                f"{env.timeout_s:g} s: {first_line(exc)}",
            )
        if problem:
            return StepOutcome(False, problem)
        return StepOutcome(True, said(found, verb if isinstance(verb, str) else verb()))

    # A step that can look elsewhere looks here twice, not until the retries are spent: the
    # detour, not waiting, is what finds a record on another page.
    detours = step.kind is not None
    outcome = await retrying(
        env, deadline, attempt, min(env.retries, 1) if detours else env.retries
    )
    first_miss = outcome.details
    taken: list[str] = []
    while not outcome.passed and missed and len(taken) < _MAX_DETOURS:
        deadline = Deadline(env.timeout_s)
        detour = await _detour(current, env, deadline, taken)
        if detour is None:
            break
        words, current = detour
        taken.append(words)
        outcome = await retrying(env, deadline, attempt, env.retries)
    if taken:
        how = "; ".join(taken)
        outcome.details = (
            f"{how}; {outcome.details}" if outcome.passed else
            f"{first_miss}; {how}, but still: {outcome.details}"
        )  # fmt: skip
    # Nothing to act on, after every detour: a step a healer may repair (never its claim).
    outcome.unresolved = missed and not outcome.passed
    return outcome


_MAX_DETOURS = 2


async def _follow(env: StepEnv, dl: Deadline, control: Locator) -> None:
    """Click a control that leads to another page, once the current one is quiet, and wait
    for the new one to load: the detours and confirmations check what that page shows."""
    await env.settle()
    await control.click(timeout=dl.ms())
    await env.page.wait_for_load_state("load", timeout=dl.ms())


async def _detour(
    step: PlanStep, env: StepEnv, dl: Deadline, taken: list[str]
) -> tuple[str, PlanStep] | None:
    """Where a person looks next for a record the step names but the page does not show:
    the record's own page, when its row is here without the control ("Delete" on the
    record's page, not in its row); else the list of its kind ("Books" for "the book
    Cosmos"). Returns what was done and the step to try there; None when neither applies."""
    scoped = await in_scope(step, env)
    scope = step.scope
    target = (step.target or "").strip().casefold()
    if target in records.CONFIRM_WORDS and scope is None and not taken:
        # "confirm when asked": the control that says yes, however the page words it.
        yes = await records.confirming_control(env.page)
        if yes is None:
            return None
        how = f"no '{step.target}' control; the confirmation's yes is {yes.how}"
        name = await records.control_name(yes)
        if not name:
            return None
        return how, step.model_copy(update={"target": name, "exact": True})
    row = scope is not None and scope.kind == "row" and bool(step.target)
    # "open 'X', then delete it": no row for X here because this is X's own page, whose
    # control acts on X (only when the page's main heading names X).
    here = row and scope is not None and not isinstance(scoped, Scoped) and not taken
    if here and scope is not None and await records.own_page_of(env.page, scope.text):
        words = f"no row for '{scope.text}': this is its own page (its heading names it)"
        return words, step.model_copy(update={"scope": None})
    if scope is not None and scope.kind == "row" and isinstance(scoped, Scoped) and step.target:
        link = await records.record_link(scoped.marked, scope.text)
        if link is None:
            return None
        await _follow(env, dl, link.locator)
        words = f"no '{step.target}' in the row for '{scope.text}'; opened it with {link.how}"
        return words, step.model_copy(update={"scope": None})
    if not step.kind or any(w.startswith("went to") for w in taken):
        return None
    if scope is not None and scope.kind != "row":
        return None
    listed = await records.kind_list(env.page, step.kind)
    if listed is None:
        return None
    await _follow(env, dl, listed.locator)
    named = f"'{scope.text}'" if scope is not None else f"'{step.target}'"
    words = f"went to the {step.kind} list with {said(listed, 'the')} ({named} was not on the page)"
    return words, step


# [options, whether the element can offer a choice at all]: a list labelled "Team" is not a
# dropdown even when its label fits.
_OPTIONS_JS = """el => {
  const opts = el.options ? [...el.options].map(o => [o.value, o.label.trim()]) : [];
  const role = el.getAttribute('role') || '';
  const chooses = !!el.options || ['combobox', 'listbox', 'button'].includes(role) ||
    ['BUTTON', 'INPUT'].includes(el.tagName) || el.getAttribute('aria-haspopup') !== null;
  return [opts, chooses];
}"""


async def _select(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """Choose `value` in the dropdown `target`; a dropdown that does not offer the value is
    never used (a filter's operator list "=, !=, contains" sits beside the column's name),
    and the value is then looked for as a link or button by the field's name (a facet)."""
    wanted = (step.value or "").strip()
    options: list[list[str]] = []
    seen = False
    lacks = False

    async def look(loc: Locator, ms: float) -> None:
        nonlocal options, seen
        options, seen = await loc.evaluate(_OPTIONS_JS, timeout=ms)

    async def act(loc: Locator, ms: float) -> str | None:
        nonlocal lacks
        if not seen:
            return f"nothing that opens a choice is called '{step.target}'"
        if not options:  # a custom dropdown: open it, click the option, see it shown
            return await choices.choose(env.page, loc, wanted, ms)
        for value, label in options:
            if wanted in (value, label) or wanted.casefold() == label.casefold():
                await loc.select_option(value=value, timeout=ms)
                return None
        shown = ", ".join(label for _, label in options if label)
        lacks = True
        return f"no option '{wanted}' (options: {shown})"

    outcome = await _act(step, env, dl, "select", f"selected '{wanted}' in", act, look)
    if outcome.passed or (seen and not lacks) or not step.target or not wanted:
        return outcome
    picked = await _pick_from_group(step, env, dl, outcome)
    if picked.passed:
        return picked
    widget = await filters.add_control(env)
    if widget is None:
        return picked
    # Driving the widget is a person's second try, with its own allowance of time (as a
    # detour has): menu, field, value and Apply are four interactions, not one.
    return await filters.add_filter(step, env, Deadline(env.timeout_s), *widget)


async def _pick_from_group(
    step: PlanStep, env: StepEnv, dl: Deadline, miss: StepOutcome
) -> StepOutcome:
    """ "Status: closed" where no dropdown is called Status: filter panels often list each
    value as a link or button under the field's name. Click the one that says the value,
    nearest to the text naming the field. Only a control counts: a table cell that merely
    says the value (a row's category) is no filter."""
    name, wanted = step.target or "", (step.value or "").strip()
    anchor = env.page.get_by_text(wording.loose(name)).filter(visible=True)
    if not await anchor.count():
        return miss
    found = await locate(
        env.page,
        wanted,
        role="link",
        intent="click",
        fuzzy=False,
        near=Near(anchor, f"the text '{name}'"),
    )
    if isinstance(found, Miss):
        return StepOutcome(False, f"{miss.details}; nor a '{wanted}' control by '{name}'")
    await env.settle()
    await found.locator.click(timeout=dl.ms())
    return StepOutcome(True, said(found, f"no dropdown '{name}'; picked '{wanted}' by clicking"))


# A record's naming field goes by either word: "a book called 'Sula'" types into "Title".
_NAMING_FIELDS = {"name": "Title", "title": "Name"}


async def _fill(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    outcome = await _fill_once(step, env, dl)
    other = _NAMING_FIELDS.get((step.target or "").strip().casefold())
    if outcome.passed or other is None or step.ground:
        return outcome
    again = await _fill_once(step.model_copy(update={"target": other}), env, dl)
    if again.passed:
        again.details = f"no field '{step.target}'; the naming field is '{other}': {again.details}"
        return again
    return outcome


async def _fill_once(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    value = step.value or ""
    secret = step.secret
    element_type = ""
    custom = False

    async def look(loc: Locator, ms: float) -> None:
        nonlocal secret, element_type, custom
        element_type = await loc.evaluate("el => (el.type || '').toLowerCase()", timeout=ms)
        secret = secret or element_type == "password"
        # "set Status to Blocked" on a dropdown the page draws (a combobox, a listbox
        # button): it is chosen in, never typed into. An entry or a search is typed.
        custom = not step.ground and not secret and (await choices.is_choice(loc, ms))[0]

    async def act(loc: Locator, ms: float) -> str | None:
        if custom:
            return await choices.choose(env.page, loc, value, ms)
        if element_type.startswith("select"):
            # A dropdown is filled by choosing the option that says the value.
            options: list[list[str]] = (await loc.evaluate(_OPTIONS_JS, timeout=ms))[0]
            for option, label in options:
                if value.casefold() in (option.casefold(), label.casefold()):
                    await loc.select_option(value=option, timeout=ms)
                    return None
            shown = ", ".join(label for _, label in options if label)
            return f"no option '{value}' (options: {shown})"
        await loc.fill(value, timeout=ms)
        if step.ground in ("new_item", "search"):
            await loc.press("Enter", timeout=ms)  # an entry or a search is submitted
        return None

    def verb() -> str:
        # A password never reaches details, events or stored runs.
        shown = "•" * 8 if secret else value
        if step.ground == "new_item":
            return f"added '{shown}' with"
        if step.ground == "search":
            return f"searched for '{shown}' in"
        if custom:
            return f"chose '{shown}' (now shown) in"
        return f"typed '{shown}' into"

    outcome = await _act(step, env, dl, "fill", verb, act, look)
    if step.ground == "new_item" and not outcome.passed and not step.target:
        outcome = await _add_through_form(step, env, dl, outcome)
    elif step.ground and outcome.passed:
        outcome.details += " (then pressed Enter)"
    return outcome


async def _add_through_form(
    step: PlanStep, env: StepEnv, dl: Deadline, no_input: StepOutcome
) -> StepOutcome:
    """A list without a new-item input: click its "Add …"/"New …" control, type the entry
    into the first empty field of the form that opens, and submit it with Enter."""
    scoped = await in_scope(step, env)
    root = scoped.root if isinstance(scoped, Scoped) and scoped.anchor is None else env.page
    control = await grounding.add_control(root)
    if control is None:
        return StepOutcome(False, f"{no_input.details}, and no 'Add …' or 'New …' control")
    await env.settle()
    await control.locator.click(timeout=dl.ms())

    async def attempt(seen: Look) -> StepOutcome | str:
        field = await grounding.first_empty_field(env.page)
        if field is None:
            return f"clicked {control.how} but no form field appeared"
        await field.locator.fill(step.value or "", timeout=dl.ms())
        await field.locator.press("Enter", timeout=dl.ms())
        shown = "•" * 8 if step.secret else step.value or ""
        return StepOutcome(True, f"added '{shown}' with {control.how}, then {field.how} + Enter")

    return await retrying(env, dl, attempt, env.retries)


# "submit the form" after typing into a text area: Enter there adds a line, so the form is
# submitted as its submit button would (requestSubmit runs the page's own handlers).
_SUBMIT_FROM_TEXT_AREA_JS = """() => {
  const el = document.activeElement;
  if (!el || el.tagName !== 'TEXTAREA' || !el.form) return false;
  el.form.requestSubmit();
  return true;
}"""


async def _press(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    said_key = (step.value or "Enter").strip()
    key = parse_key(said_key) or said_key
    if not step.target and not step.ground and step.scope is None:
        await env.settle()
        if key == "Enter" and await env.page.evaluate(_SUBMIT_FROM_TEXT_AREA_JS):
            return StepOutcome(True, "submitted the form of the text area last typed into")
        await env.page.keyboard.press(key)
        return StepOutcome(True, f"pressed {key}")

    async def act(loc: Locator, ms: float) -> None:
        await loc.press(key, timeout=ms)

    return await _act(step, env, dl, "fill", f"pressed {key} in", act)


async def _element(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """click, double_click, hover, check, uncheck."""
    a = step.action
    if a == "click" and step.value == IF_ASKED:
        return await _confirm_if_asked(step, env, dl)
    if a == "click" and step.ground == "new_item" and step.kind:
        return await _open_new_form(step, env, dl)
    if a == "click" and step.ground == "page" and step.target:
        there = await _already_on_page(step, env)
        if there is not None:
            return there
    if a == "click" and step.order is not None:
        return await rows.sort_by(step, env, dl)
    if a == "click" and step.column:
        sorted_once = await rows.sort_once(step, env, dl)
        if sorted_once is not None:
            return sorted_once
    if a in ("check", "uncheck"):
        on = a == "check"
        return await _act(
            step, env, dl, "check", f"{a}ed", lambda loc, ms: loc.set_checked(on, timeout=ms)
        )
    if a == "double_click":
        return await _act(
            step, env, dl, "click", "double-clicked", lambda loc, ms: loc.dblclick(timeout=ms)
        )
    if a == "hover":
        return await _act(step, env, dl, "click", "hovered", lambda loc, ms: loc.hover(timeout=ms))
    if _DELETING.fullmatch(step.target or ""):
        return await _click_accepting_confirm(step, env, dl)
    return await _act(step, env, dl, "click", "clicked", lambda loc, ms: loc.click(timeout=ms))


# The controls a goal clicks to delete or remove: what they ask is what the goal wants.
_DELETING = re.compile(r"\s*(?:delete|remove)(?:\s+\w+)?\s*", re.IGNORECASE)


async def _click_accepting_confirm(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """ "delete 'X'" in an app that asks with the browser's own confirm() (Flask-Admin):
    the question is answered yes while this click runs, and only then. Unanswered, the
    browser would dismiss it and the delete would silently not happen."""
    asked: list[str] = []

    async def accept(dialog: Dialog) -> None:
        if dialog.type == "confirm":
            asked.append(dialog.message)
            await dialog.accept()
        else:
            await dialog.dismiss()

    env.page.on("dialog", accept)
    try:
        outcome = await _act(
            step, env, dl, "click", "clicked", lambda loc, ms: loc.click(timeout=ms)
        )
        if asked:
            await env.page.wait_for_load_state("load", timeout=dl.ms())
    finally:
        env.page.remove_listener("dialog", accept)
    if asked and outcome.passed:
        outcome.details += f"; the browser asked '{asked[0][:80]}': answered yes"
    return outcome


async def _already_on_page(step: PlanStep, env: StepEnv) -> StepOutcome | None:
    """ "On the Products page, …": a click with ground "page" goes to that page only when the
    page is not already it, so what was done there (a search, a filter) is kept."""
    await env.settle()
    named, how = await grounding.page_named(env.page, step.target or "")
    if named and await _link_leads_elsewhere(env, step.target or ""):
        # "Dashboard · Squad Board" names "board" by the site's name only: the link named
        # "Board" leading to another address says this is not that page.
        return None
    return StepOutcome(True, f"already on the '{step.target}' page: {how}") if named else None


async def _link_leads_elsewhere(env: StepEnv, name: str) -> bool:
    """Whether the visible links named exactly `name` all lead to another path than the
    current page's (none such: False)."""
    exactly = re.compile(rf"^\s*{re.escape(name.strip())}\s*$", re.IGNORECASE)
    links = env.page.get_by_role("link", name=exactly).filter(visible=True)
    hrefs: list[str] = await links.evaluate_all("els => els.map((e) => e.href || '')")
    here = urlsplit(env.page.url).path.rstrip("/")
    paths = [urlsplit(h).path.rstrip("/") for h in hrefs if h]
    return bool(paths) and all(p != here for p in paths)


async def _confirm_if_asked(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """Answer yes to a confirmation dialog when one is open; none open is no failure (the
    app deleted without asking), and the details say which it was. A dialog that is still
    opening (a fade-in) is waited for until the page has settled, never longer."""
    clicked = False

    async def attempt(look: Look) -> StepOutcome | str:
        nonlocal clicked
        yes = await records.confirming_control(env.page, dialogs_only=True)
        if yes is None:
            return "no confirmation dialog is open"
        await _follow(env, dl, yes.locator)
        clicked = True
        return StepOutcome(True, said(yes, "the app asked to confirm; clicked"))

    outcome = await retrying(env, dl, attempt, env.retries)
    if clicked or outcome.passed:
        return outcome
    # No dialog: the app may ask on a page of its own; answering it completes the delete,
    # which a later "it is gone" / "it is still there" claim depends on.
    await env.settle()
    yes = await records.confirming_page_control(env.page)
    if yes is not None:
        await yes.locator.click(timeout=dl.ms())
        await env.page.wait_for_load_state("load", timeout=dl.ms())
        return StepOutcome(
            True, said(yes, "the app asked to confirm; clicked"), outcome.retry_count
        )
    return StepOutcome(True, "no confirmation was asked", outcome.retry_count)


async def _open_new_form(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    """ "add a book called …": the control that opens the form for a new record of the
    step's kind, found on this page or, failing that, on the list of that kind."""
    kind = step.kind or ""

    async def attempt(seen: Look) -> StepOutcome | str:
        found = await records.add_control(env.page, kind)
        if found is None:
            return f"no 'Add {kind}' or 'New {kind}' control on the page"
        await env.settle()
        await found.locator.click(timeout=dl.ms())
        return StepOutcome(True, said(found, "clicked"))

    outcome = await retrying(env, dl, attempt, env.retries)
    if outcome.passed:
        return outcome
    listed = await records.kind_list(env.page, kind)
    if listed is None:
        return outcome
    await env.settle()
    dl = Deadline(env.timeout_s)
    await listed.locator.click(timeout=dl.ms())
    await env.page.wait_for_load_state("load", timeout=dl.ms())
    again = await retrying(env, dl, attempt, env.retries)
    went = f"went to the {kind} list with {said(listed, 'the')}"
    again.details = (
        f"{went}; {again.details}"
        if again.passed
        else f"{outcome.details}; {went}, but: {again.details}"
    )
    return again


_STATES = {
    "assert_checked": "checked",
    "assert_unchecked": "unchecked",
    "assert_enabled": "enabled",
    "assert_disabled": "disabled",
}


# Steps that cannot start a navigation by themselves, or wait for their own page already.
_NO_ARRIVAL = READ_ONLY_ACTIONS | {"navigate", "go_back", "reload"} | set(_STATES)


async def _dispatch(step: PlanStep, env: StepEnv, dl: Deadline) -> StepOutcome:
    a = step.action
    if a == "navigate":
        return await _navigate(step, env, dl)
    if a in ("go_back", "reload"):
        return await _history(step, env, dl)
    if a in ("click", "double_click", "hover", "check", "uncheck"):
        return await _element(step, env, dl)
    if a == "fill":
        return await _fill(step, env, dl)
    if a == "select":
        return await _select(step, env, dl)
    if a == "press":
        return await _press(step, env, dl)
    if a in ("assert_text", "assert_no_text"):
        return await checks.assert_text(step, env, dl, a == "assert_text")
    if a in ("assert_visible", "assert_not_visible"):
        return await checks.assert_visible(step, env, dl, a == "assert_visible")
    if a == "assert_value":
        return await checks.assert_value(step, env, dl)
    if a in _STATES:
        return await states.assert_state(step, env, dl, _STATES[a])
    if a == "assert_count":
        return await rows.assert_count(step, env, dl)
    if a == "assert_cell":
        return await rows.assert_cell(step, env, dl)
    if a == "assert_url":
        return await checks.assert_page(step, env, dl, "URL")
    if a == "assert_title":
        return await checks.assert_page(step, env, dl, "title")
    if a == "wait":
        return await checks.wait(step, env, dl)
    return StepOutcome(False, f"unknown action '{a}'")


async def perform(step: PlanStep, env: StepEnv) -> StepOutcome:
    """Carry out one step. Raises PageGone when the browser went away under it.

    A passed step's details end with the goal's words it was read from ("clicked link
    'Invoices' for 'go to Invoices'"); a secret value never appears in them. A step that
    acted ends once the page it may have led to has loaded (see `arrive`).
    """
    dl = Deadline(env.timeout_s)
    a = step.action
    just_loaded, env.just_loaded = env.just_loaded, None
    try:
        if a == "navigate" and _reopens(step, env, just_loaded):
            outcome = StepOutcome(True, f"already at {just_loaded}, loaded by the step before")
            env.just_loaded = just_loaded
        else:
            outcome = await _dispatch(step, env, dl)
        if outcome.passed and a not in _NO_ARRIVAL:
            late = await arrive(env, dl)
            if late is not None:
                outcome = StepOutcome(False, f"{outcome.details}, but {late}", outcome.retry_count)
        if outcome.passed and step.signs_in:
            refused = await sign_in_refused(env, dl)
            if refused is not None:
                outcome = StepOutcome(False, f"{outcome.details}, but {refused}")
    except ValueError as exc:
        outcome = StepOutcome(False, str(exc))
    except PlaywrightTimeout as exc:
        outcome = StepOutcome(
            False, f"{a} did not finish within {env.timeout_s:g} s: {first_line(exc)}"
        )
    except PlaywrightError as exc:
        check_alive(env)
        outcome = StepOutcome(False, f"{a} failed: {first_line(exc)}")
    if outcome.passed and step.source:
        words = " ".join(step.source.split())
        outcome.details += f' for "{words}"' if "'" in words else f" for '{words}'"
    outcome.details = masked(outcome.details, env.secrets | secrets_of([step]))
    return outcome
