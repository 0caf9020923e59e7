"""The New Test / Edit form: form fields in, the API's own models and messages out.

The form is validated by the same pydantic models as `POST /api/tests` and `PATCH`, and its
problems are the same "field: message" lines the API answers with, shown beside each field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from vigil.api.errors import problem_lines
from vigil.errors import VigilError
from vigil.models import Check, CheckCreate, CheckUpdate

M = TypeVar("M", bound=BaseModel)

TEXT_FIELDS = ("name", "url", "goal", "schedule", "alert_webhook")
NUMBER_FIELDS = ("timeout_s", "retries", "alert_after", "reminder_every")
FIELDS = TEXT_FIELDS + NUMBER_FIELDS

# What the empty form suggests; a goal the demo of the README would pass.
EXAMPLE_GOAL = "verify the page shows 'Example Domain'"


@dataclass
class TestForm:
    """What the user typed (echoed back on errors) and the problems per field."""

    __test__ = False

    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    @classmethod
    def blank(cls) -> TestForm:
        return cls(
            {
                "schedule": "*/5 * * * *",
                "timeout_s": "120",
                "retries": "1",
                "alert_after": "1",
                "reminder_every": "0",
            }
        )

    @classmethod
    def of(cls, test: Check) -> TestForm:
        return cls({name: str(getattr(test, name)) for name in FIELDS})

    @classmethod
    def posted(cls, form: Mapping[str, object]) -> TestForm:
        return cls({name: str(form.get(name, "") or "") for name in FIELDS})

    def add_problems(self, lines: list[str]) -> None:
        for line in lines:
            name, sep, message = line.partition(": ")
            if sep and name in FIELDS:
                self.errors.setdefault(name, []).append(message)
            else:
                self.general.append(line)

    def _payload(self, *, partial: bool) -> dict[str, object]:
        data: dict[str, object] = {}
        for name in TEXT_FIELDS:
            value = self.values.get(name, "").strip()
            if name == "name" and not value:
                continue  # the store names a test after its URL
            data[name] = value
        for name in NUMBER_FIELDS:
            value = self.values.get(name, "").strip()
            if value or not partial:
                data[name] = value or None
        return {k: v for k, v in data.items() if v is not None}

    def _validate(self, model: type[M], *, partial: bool) -> M | None:
        try:
            return model.model_validate(self._payload(partial=partial))
        except ValidationError as exc:
            self.add_problems(problem_lines(exc.errors()))
            return None

    def to_create(self) -> CheckCreate | None:
        return self._validate(CheckCreate, partial=False)

    def to_update(self) -> CheckUpdate | None:
        return self._validate(CheckUpdate, partial=True)

    def fail(self, exc: VigilError) -> None:
        self.add_problems([str(exc)])
