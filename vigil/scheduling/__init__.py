"""Scheduled runs. For now: verifying QStash callbacks (`qstash_signature`); the schedules,
the reconciler and the worker arrive with their issue."""
