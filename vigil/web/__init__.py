"""The web dashboard (DESIGN §9): server-rendered pages over the same Services as the API.

Pages are Jinja2 templates (autoescaped); the browser's own JavaScript (static/, no build
step) only refreshes server-rendered fragments, calls the JSON API with the session cookie and
follows a run live over EventSource.
"""
