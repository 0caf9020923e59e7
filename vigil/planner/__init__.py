"""The offline rule planner: a goal in plain words becomes a TestPlan with no model and no network.

`clauses` cuts a goal into clauses around quoted text; `compounds` reads one clause (joined
actions, ellipsis, lead-in scopes, parentheses) through the readers: `sign_in`,
`navigation`, `actions` (one element: type, pick, tick, click, press, wait), `collections`
(add, complete, delete, edit items), `records` (edit a record, change a field, save, confirm or
back out), `search` (search, filter, sort) and `claims` (text,
elements, title, URL, field values) with `tables` (rows, cells, counts), `states` (enabled,
checked, hidden; where you are). `names` reads names written without quotes ("Carrot Cake",
"The Colossus"); `targets` and `scopes` read the names of things and where
they are, `grammar` the shared negations, `pronouns` resolves "it", `framing` skips
sentences that only frame, `steps` is the draft all share, `rule_planner` puts it together,
and `suggestions` offers known phrasings for what was not read. Anything not read is
reported in `TestPlan.errors`, never guessed and never passed.
"""
