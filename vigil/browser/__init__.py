"""The Playwright executor, and the only package that imports Playwright.

`executor` owns the browser pool and runs a plan; `steps` and `checks` perform actions and
claims; `locate` resolves a target on the live page; `step_base` holds what they share;
`recorder` captures navigations, console errors and screenshots.
"""
