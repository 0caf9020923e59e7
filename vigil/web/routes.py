"""The dashboard's pages at `/` (DESIGN §9): login, Dashboard, Run Test; `install` wires the
web part into the API app. The Tests pages are in vigil/web/check_pages.py."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from vigil.api.deps import ServicesDep, has_session
from vigil.web import check_pages, data
from vigil.web.render import STATIC_DIR, PageRoute, render
from vigil.web.session import (
    LoginRequired,
    SecurityHeaders,
    csrf_ok,
    login_redirect,
    logout_redirect,
    read_form,
    require_session,
    safe_next,
    to_login,
    token_ok,
)

router = APIRouter(route_class=PageRoute, include_in_schema=False)
pages = APIRouter(
    route_class=PageRoute, include_in_schema=False, dependencies=[Depends(require_session)]
)


@router.get("/")
async def dashboard(request: Request, services: ServicesDep, token: str | None = None) -> Response:
    """The URL `vigil serve` prints ends in `?token=…`: opening it logs in, and the redirect
    drops the token from the address bar (and from the history)."""
    if token is not None:
        if token_ok(request, token):
            return login_redirect(request, "/")
        context = {"error": "That token is not this server's.", "next": "/", "bye": False}
        return render(request, "login.html", context, 401)
    if not has_session(request):
        return to_login("/")
    return render(request, "dashboard.html", await _dashboard_context(services))


async def _dashboard_context(services: ServicesDep) -> dict[str, object]:
    board = await data.dashboard_data(services)
    return {
        "nav": "dashboard",
        "counts": board.counts,
        "recent": board.recent,
        "has_tests": board.counts.total > 0,
    }


@pages.get("/partials/dashboard")
async def dashboard_partial(request: Request, services: ServicesDep) -> Response:
    """The counts and recent runs alone, which the page fetches again to stay current."""
    return render(request, "_dashboard.html", await _dashboard_context(services))


@router.get("/login")
async def login_page(request: Request, next: str = "/", bye: bool = False) -> Response:
    return render(request, "login.html", {"next": safe_next(next), "bye": bye, "error": ""})


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    token = str(form.get("token", "")).strip()
    next_path = safe_next(str(form.get("next", "/")))
    if token_ok(request, token):
        return login_redirect(request, next_path)
    error = "That token is not this server's." if token else "Paste the API token."
    return render(request, "login.html", {"next": next_path, "bye": False, "error": error}, 401)


@pages.post("/logout")
async def logout(request: Request) -> Response:
    form = await read_form(request)
    if not csrf_ok(request, form.get("csrf")):
        return render(request, "error.html", check_pages.CSRF_ERROR, 403)
    return logout_redirect()


@pages.get("/run")
async def run_test_page(request: Request) -> Response:
    return render(request, "run_test.html", {"nav": "run", "example": check_pages.EXAMPLE})


def install(app: FastAPI) -> None:
    """Add the dashboard to the API app: pages, static files, security headers."""

    @app.exception_handler(LoginRequired)
    async def _login_required(_: Request, exc: LoginRequired) -> Response:
        return to_login(exc.next_path)

    app.include_router(router)
    app.include_router(pages)
    app.include_router(check_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(SecurityHeaders)
