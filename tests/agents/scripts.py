"""FunctionModel scripts for the agent tests: each answers with the next canned output and
keeps every prompt it was sent, so tests can check what reached the "model"."""

from __future__ import annotations

from typing import Any

from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
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
