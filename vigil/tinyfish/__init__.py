"""The hosted TinyFish web agent as an Executor (VIGIL_EXECUTOR=tinyfish); API facts in
/work/shared/reference/integrations.md §1."""
