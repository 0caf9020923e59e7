"""One module per group of routes, each exposing `router`: `tests` (check CRUD), `run_now`
(run a stored check now), `run_test` (an ad-hoc check, nothing stored), `callback` (QStash)
and `health`."""
