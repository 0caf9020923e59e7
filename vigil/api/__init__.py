"""The HTTP API (DESIGN §3): `app` assembles the FastAPI application from `routes/`, `deps`
gives routes the process's Services and the bearer-token check, `errors` is the one place
Vigil's exceptions become HTTP answers, and `server` runs it under uvicorn."""
