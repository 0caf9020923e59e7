"""What every reader receives besides the clause, and the shape of a reader."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vigil.planner.clauses import Clause
from vigil.planner.steps import Draft


@dataclass(frozen=True)
class Context:
    """The check's URL, against which relative paths ("go to /pricing") are resolved."""

    base_url: str


# A reader returns the steps a clause means, or None when the clause is not its kind of
# phrase. Readers match whole clauses, so none claims a clause it only half understands.
Reader = Callable[[Clause, Context], list[Draft] | None]
