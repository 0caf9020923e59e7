"""Checks as code: checks declared in YAML, planned against a server and applied through its
HTTP API (`vigil apply`, `vigil export`)."""
