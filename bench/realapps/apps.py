"""Start, reset and stop the real applications the goals run against.

Each app is a third-party package from PyPI (the bench's optional dependencies), served from
its own process on 127.0.0.1 and a free port, with seeded data in a temporary directory.
SQLite-backed apps keep a pristine copy of their database; `reset()` restores it through
SQLite's backup API (safe while the server holds connections) so every goal starts from the
same state, whether the hand-written script or Vigil ran before it.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.realapps.sites import bakery

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"
# An upper bound, never a wait: on a loaded shared machine seeding alone can pass a minute.
START_TIMEOUT_S = 180.0
# The bench's own dependencies; installed on first use if missing (pyproject's `bench` extra).
REQUIRED_MODULES = (
    "datasette",
    "django",
    "sqladmin",
    "sqlalchemy",
    "flask_admin",
    "flask_sqlalchemy",
    "wagtail",
    "streamlit",
    "nicegui",
    "mlflow",
)


@dataclass
class RunningApp:
    name: str
    base: str
    process: subprocess.Popen[bytes]
    log: Path
    db: Path | None = None
    pristine: Path | None = None

    def reset(self) -> None:
        """Put the database back to its seeded state."""
        if self.db is None or self.pristine is None:
            return
        source = sqlite3.connect(self.pristine)
        target = sqlite3.connect(self.db, timeout=10)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def ensure_installed() -> None:
    """Install the `bench` extra when any of the apps is missing (the Makefile does it too)."""
    import importlib.util

    missing = [m for m in REQUIRED_MODULES if importlib.util.find_spec(m) is None]
    if missing:
        print(f"realapps: installing the bench extra (missing: {', '.join(missing)})", flush=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "-e", f"{ROOT}[bench]"], check=True
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def _env(**extra: str) -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, "PYTHONPATH": path, **extra}


def _serve(
    name: str,
    cmd: list[str],
    env: dict[str, str],
    workdir: Path,
    ready: str,
    timeout_s: float = START_TIMEOUT_S,
) -> RunningApp:
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    log = workdir / f"{name}.log"
    with log.open("wb") as out:
        argv = [part.replace("{port}", str(port)) for part in cmd]
        process = subprocess.Popen(argv, cwd=workdir, env=env, stdout=out, stderr=subprocess.STDOUT)
    app = RunningApp(name, base, process, log)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited {process.returncode}: {log.read_text()[-800:]}")
        try:
            if httpx.get(base + ready, timeout=2).status_code < 500:
                return app
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    app.stop()
    raise RuntimeError(f"{name} did not answer on {base}{ready} within {timeout_s:g} s")


def _pristine(app: RunningApp, db: Path) -> RunningApp:
    copy = db.with_suffix(".pristine")
    shutil.copyfile(db, copy)
    app.db, app.pristine = db, copy
    return app


def _seed_sqlite(module: str, db: Path, env: dict[str, str], workdir: Path) -> None:
    """Run `module.seed(db)` in a child process, with the app's own environment."""
    code = f"import sys; from {module} import seed; seed(sys.argv[1])"
    seed = [sys.executable, "-c", code, str(db)]
    subprocess.run(seed, cwd=workdir, env=env, check=True, timeout=START_TIMEOUT_S)


def start_datasette(workdir: Path) -> RunningApp:
    db, metadata = bakery.seed(workdir)
    cmd = [sys.executable, "-m", "datasette", "serve", str(db), "--host", LOOPBACK]
    cmd += ["--port", "{port}", "--metadata", str(metadata)]
    # Read-only app: nothing to reset.
    return _serve("datasette", cmd, _env(), workdir, "/-/versions.json")


def start_django_admin(workdir: Path) -> RunningApp:
    db = workdir / "library.sqlite3"
    env = _env(
        DJANGO_SETTINGS_MODULE="bench.realapps.sites.library_site.settings", LIBRARY_DB=str(db)
    )
    seed = [sys.executable, "-m", "bench.realapps.sites.library_site.seed"]
    subprocess.run(seed, cwd=workdir, env=env, check=True, timeout=START_TIMEOUT_S)
    cmd = [sys.executable, "-m", "django", "runserver", f"{LOOPBACK}:{{port}}", "--noreload"]
    cmd.append("--skip-checks")  # the seed step already ran Django's system checks
    app = _serve("django_admin", cmd, env, workdir, "/admin/login/")
    return _pristine(app, db)


def start_sqladmin(workdir: Path) -> RunningApp:
    db = workdir / "helpdesk.sqlite3"
    env = _env(HELPDESK_DB=str(db))
    _seed_sqlite("bench.realapps.sites.helpdesk", db, env, workdir)
    cmd = [sys.executable, "-m", "uvicorn", "bench.realapps.sites.helpdesk:app"]
    cmd += ["--host", LOOPBACK, "--port", "{port}", "--log-level", "warning"]
    app = _serve("sqladmin", cmd, env, workdir, "/admin/login")
    return _pristine(app, db)


def start_flask_admin(workdir: Path) -> RunningApp:
    db = workdir / "outfitters.sqlite3"
    env = _env(SHOP_DB=str(db))
    _seed_sqlite("bench.realapps.sites.outfitters", db, env, workdir)
    cmd = [sys.executable, "-m", "flask", "--app", "bench.realapps.sites.outfitters", "run"]
    cmd += ["--host", LOOPBACK, "--port", "{port}", "--no-reload", "--no-debugger"]
    app = _serve("flask_admin", cmd, env, workdir, "/login")
    return _pristine(app, db)


def start_wagtail(workdir: Path) -> RunningApp:
    db = workdir / "travel.sqlite3"
    settings = "bench.realapps.sites.wagtail_site.settings"
    media = str(workdir / "media")
    env = _env(DJANGO_SETTINGS_MODULE=settings, WAGTAIL_SITE_DB=str(db), WAGTAIL_SITE_MEDIA=media)
    seed = [sys.executable, "-m", "bench.realapps.sites.wagtail_site.seed"]
    # Wagtail's migrations are many: seeding takes longer than the other apps' start-up.
    subprocess.run(seed, cwd=workdir, env=env, check=True, timeout=2 * START_TIMEOUT_S)
    cmd = [sys.executable, "-m", "django", "runserver", f"{LOOPBACK}:{{port}}", "--noreload"]
    cmd += ["--skip-checks", "--insecure"]  # --insecure: static files without DEBUG
    app = _serve("wagtail", cmd, env, workdir, "/admin/login/")
    return _pristine(app, db)


def start_streamlit(workdir: Path) -> RunningApp:
    db = workdir / "corner_shop.sqlite3"
    env = _env(SHOP_DB=str(db))
    _seed_sqlite("bench.realapps.sites.corner_shop_data", db, env, workdir)
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "bench/realapps/sites/corner_shop.py"),
    ]
    cmd += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    cmd += ["--server.address", LOOPBACK, "--server.port", "{port}"]
    cmd += ["--server.fileWatcherType", "none", "--client.toolbarMode", "viewer"]
    app = _serve("streamlit", cmd, env, workdir, "/_stcore/health")
    return _pristine(app, db)


def start_nicegui(workdir: Path) -> RunningApp:
    db = workdir / "tracker.sqlite3"
    # NiceGUI keeps each browser's session (who signed in) under .nicegui/ in the working
    # directory; every goal opens a fresh browser context, so no goal sees another's session.
    env = _env(TRACKER_DB=str(db))
    _seed_sqlite("bench.realapps.sites.tracker", db, env, workdir)
    cmd = [sys.executable, "-m", "bench.realapps.sites.tracker", "{port}"]
    app = _serve("nicegui", cmd, env, workdir, "/login")
    return _pristine(app, db)


def start_mlflow(workdir: Path) -> RunningApp:
    db = workdir / "mlflow.sqlite3"
    # The server's background job runner (GenAI evaluation jobs) is of no use to the goals
    # and costs several worker processes on a shared machine.
    env = _env(MLFLOW_SERVER_ENABLE_JOB_EXECUTION="false")
    _seed_sqlite("bench.realapps.sites.ml_tracking", db, env, workdir)
    cmd = [sys.executable, "-m", "mlflow", "server", "--backend-store-uri", f"sqlite:///{db}"]
    cmd += ["--default-artifact-root", str(workdir / "artifacts"), "--workers", "1"]
    cmd += ["--host", LOOPBACK, "--port", "{port}"]
    # `mlflow server` runs uvicorn as its child and forwards SIGTERM to it on stop(). Its
    # imports (pandas, pyarrow, the GenAI server modules) alone took over three minutes on a
    # loaded shared machine: the bound is doubled, as for Wagtail's seed.
    app = _serve("mlflow", cmd, env, workdir, "/health", timeout_s=2 * START_TIMEOUT_S)
    return _pristine(app, db)


STARTERS: dict[str, Callable[[Path], RunningApp]] = {
    "datasette": start_datasette,
    "django_admin": start_django_admin,
    "sqladmin": start_sqladmin,
    "flask_admin": start_flask_admin,
    "wagtail": start_wagtail,
    "streamlit": start_streamlit,
    "nicegui": start_nicegui,
    "mlflow": start_mlflow,
}


def start_all(workdir: Path, names: set[str] | None = None) -> dict[str, RunningApp]:
    """Start every app (or only `names`) at once: seeding is mostly waiting on subprocesses."""
    chosen = {n: start for n, start in STARTERS.items() if names is None or n in names}
    for name in chosen:
        (workdir / name).mkdir()
    with ThreadPoolExecutor(len(chosen)) as pool:
        futures = {name: pool.submit(start, workdir / name) for name, start in chosen.items()}
    started: dict[str, RunningApp] = {}
    failures: list[str] = []
    for name, future in futures.items():
        try:
            started[name] = future.result()
        except Exception as exc:  # every app is stopped below, whichever failed
            failures.append(f"{name}: {exc}")
    if failures:
        stop_all(started)
        raise RuntimeError("could not start the apps: " + "; ".join(failures))
    return started


def stop_all(apps: dict[str, RunningApp]) -> None:
    for app in apps.values():
        app.stop()
