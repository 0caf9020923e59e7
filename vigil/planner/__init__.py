"""The offline rule planner: a goal in plain words becomes a TestPlan with no model and no network.

`clauses` splits a goal into clauses, `targets` reads the names of things, `actions` and
`claims` turn clauses into steps, `steps` is the draft both share, and `rule_planner` puts
them together. Anything it cannot read is reported in `TestPlan.errors`, never guessed.
"""
