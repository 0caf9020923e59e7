"""FunctionModel scripts for the agent tests: each answers with the next canned output and
keeps every prompt it was sent, so tests can check what reached the "model"."""

from __future__ import annotations

import re
from typing import Any

from pydantic_ai.messages import (
    ModelMessage,
    ModelRequest,
    ModelResponse,
    ToolCallPart,
    UserPromptPart,
)
from pydantic_ai.models.function import AgentInfo, FunctionModel


class Script:
    """Answers call N with `answers[N]` (the last repeats); an Exception answer is raised."""

    def __init__(self, *answers: dict[str, Any] | Exception) -> None:
        self.answers = list(answers)
        self.seen: list[list[ModelMessage]] = []

    @property
    def calls(self) -> int:
        return len(self.seen)

    def model(self) -> FunctionModel:
        return FunctionModel(self._answer)

    def _answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.seen.append(list(messages))
        answer = self.answers[min(len(self.seen) - 1, len(self.answers) - 1)]
        if isinstance(answer, Exception):
            raise answer
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, answer)])

    def text_sent(self) -> str:
        """Everything sent to the model, as one string."""
        return "\n".join(repr(m) for messages in self.seen for m in messages)


def never_called() -> FunctionModel:
    def fail(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        raise AssertionError("the model must not be called")

    return FunctionModel(fail)


def prompt_text(messages: list[ModelMessage]) -> str:
    """The user prompts of a conversation, as one string."""
    return "\n".join(
        part.content
        for message in messages
        if isinstance(message, ModelRequest)
        for part in message.parts
        if isinstance(part, UserPromptPart) and isinstance(part.content, str)
    )


class Picker(Script):
    """A healer script that picks the candidate called `name` from the list it was sent, the
    way a model would: the refs are Playwright's, so a test cannot know them in advance."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def _answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.seen.append(list(messages))
        found = re.search(rf"^- (e\d+): \w+ '{re.escape(self.name)}'$", prompt_text(messages), re.M)
        assert found is not None, f"no candidate '{self.name}' was offered"
        answer = {"ref": found.group(1), "reason": f"the page calls it '{self.name}' now"}
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, answer)])
