"""The Playwright executor, and the only package that imports Playwright.

`executor` owns the browser pool and runs a plan, step by step through `steps` (actions),
`checks`, `states` and `rows` (claims about text, elements, rows, cells and counts).
A step's target is resolved by `locate` (by name), `grounding` (by purpose: the new-item
input, the search box, the page itself) and `scope` (inside a row, section or dialog, or
near a text); `table` and `counts` read tables and lists as a person does. `step_base`
holds what steps share (finding, looking again), `settle` tells when the page is quiet
enough for a miss to be final, and `recorder` captures navigations, console errors and
screenshots.
"""
