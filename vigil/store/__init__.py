"""The only package that talks to Redis (DESIGN §2). Every key and TTL is in `keys`.

`redis` connects (and names the client type for the rest of Vigil), `embedded` runs a private
redis-server; `checks` keeps the check definitions, `results` the runs (results, timing,
uptime), `incidents`, `events` (the live stream) and `screenshots` theirs; `locks` holds the
per-test run lock and `alert_state` the alert policy's state. `scripts` sends Lua by hash.
"""
