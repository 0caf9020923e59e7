"""Alerting (DESIGN §6): when a stored run alerts, what the alert says, and how it is sent.

`policy` decides from a test's alert state and a run's outcome (pure, no I/O); `payload` builds
the alert; `dispatch` decides, delivers and records each attempt; `webhook` (signed Standard
Webhooks POST) and `apprise_notify` (every other scheme) are the channels behind `ports`.
The state itself is kept by vigil/store/alert_state.py.
"""
