"""Secrets typed into fields are never sent to a model: they travel as placeholders.

The rule planner already knows which values are credentials (`PlanStep.secret`); quoted
values right after a credential word ("password 'hunter2'") are caught too, for goals the
rules could not read. Everything sent to a model goes through `hide`; values the model
writes go through `reveal`, so a step can still type the real password.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from vigil.models import PlanStep

_CREDENTIAL_QUOTE = re.compile(
    r"\b(?:password|passphrase|passcode|pin|secret|token|api[ -]?key)\b\W{0,20}?"
    r"(?:['\"\u2018\u201c])(?P<value>[^'\"\u2019\u201d]+)(?:['\"\u2019\u201d])",
    re.IGNORECASE,
)
_PLACEHOLDER = re.compile(r"<secret-\d+>")


class Redactor:
    """Maps each secret value to `<secret-N>` and back."""

    def __init__(self, goal: str, steps: Iterable[PlanStep] = ()) -> None:
        values = {s.value for s in steps if s.secret and s.value}
        values |= {m.group("value") for m in _CREDENTIAL_QUOTE.finditer(goal)}
        ordered = sorted(values, key=len, reverse=True)  # "abc1" before "abc"
        self._by_value = {v: f"<secret-{i}>" for i, v in enumerate(ordered, start=1)}
        self._by_placeholder = {p: v for v, p in self._by_value.items()}

    def hide(self, text: str) -> str:
        for value, placeholder in self._by_value.items():
            text = text.replace(value, placeholder)
        return text

    def reveal(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self._by_placeholder.get(m.group(0), m.group(0)), text)

    def unknown_placeholders(self, text: str) -> list[str]:
        """Placeholders the model made up (it was never given them)."""
        return [p for p in _PLACEHOLDER.findall(text) if p not in self._by_placeholder]

    def is_secret(self, text: str) -> bool:
        """The text is, or holds, a placeholder: the step types a credential."""
        return _PLACEHOLDER.search(text) is not None
