"""The `vigil` command line, one module per command: `serve` (API, embedded Redis and cron),
`run` (one ad-hoc check in this process) and `tests_cmd` (manage checks through the API);
`main` assembles them and `common` holds what the API-client commands share."""
