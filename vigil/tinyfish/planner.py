"""The Planner used with TinyFish: TinyFish plans for itself from the goal, so Vigil's plan
is one step standing for the whole hosted run (its verdict), and no rule can reject a goal."""

from __future__ import annotations

from vigil.models import PlanStep, TestPlan


class GoalPlanner:
    async def plan(self, url: str, goal: str) -> TestPlan:
        step = PlanStep(
            step_number=1,
            action="navigate",
            description=f"TinyFish web agent: {goal}",
            value=url,
        )
        return TestPlan(url=url, goal=goal, steps=[step], total_steps=1, source="rules")
